package org.zizhu.kiosk.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.shape.Ellipse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.zizhu.central.CentralSimulator;
import org.zizhu.device.camera.sim.SimulatedCamera;
import org.zizhu.device.idcard.sim.TestCards;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.catalog.CatalogModel;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.flow.ServiceFlow;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.transaction.CentralServicePorts;

/**
 * The face check of a 马上办 transaction on the simulated terminal: the resident's card on the SAM
 * simulator, the camera simulator (ffmpeg) showing a dark hall, an empty picture, a resident far
 * off and then a good face; the screen shows the live picture, the oval and what to do, and the
 * result after. Needs socat, ffmpeg and the CUPS stack (scripts/test starts it).
 */
class FaceCheckUiTest {
    @TempDir
    Path data;
    private CentralSimulator central;
    private KioskRuntime runtime;
    private DeviceHub hub;
    private KioskApplication app;
    private final FxRobot robot = new FxRobot();
    private final Messages messages = new Messages();

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        hub.close();
        runtime.close();
        central.close();
    }

    private CentralServicePorts startKiosk() throws Exception {
        central = CentralSimulator.builder().start();
        runtime = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data));
        runtime.syncNow();
        hub = DeviceHub.start(runtime.config());
        hub.trackers().forEach(runtime::addDevice);
        PrintService printing = new PrintService(hub.receiptPrinter().orElse(null), hub.a4Printer().orElse(null));
        CentralServicePorts ports = new CentralServicePorts(runtime.services(), hub, printing);
        FxToolkit.registerPrimaryStage();
        app = (KioskApplication) FxToolkit.setupApplication(() -> new KioskApplication(runtime, hub, ports, printing));
        return ports;
    }

    /** Opens a 马上办 (一证通办) item and takes the resident with {@code card} to its face check. */
    private void toTheFaceCheck(CentralServicePorts ports, TestCards card) {
        ItemDetail item = runtime.catalog().items().stream()
                .map(s -> runtime.catalog().detail(s.code()).orElseThrow())
                .filter(d -> d.handling().contains(CatalogModel.Handling.IMMEDIATE)
                        && d.handling().contains(CatalogModel.Handling.ONE_CERTIFICATE)
                        && !ports.licenseTypesFor(d).isEmpty() && ports.amountDue(d) == 0)
                .findFirst().orElseThrow();
        robot.interact(() -> {
            app.flow().touch();
            app.flow().openItem(item.code());
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#guide-start");
        hub.simulators().idcard().orElseThrow().placeCard(card);
        await().atMost(Duration.ofSeconds(15)).until(() -> app.service().view().step() == ServiceFlow.Step.CONSENT);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#service-agree");
    }

    private SimulatedCamera.Controls camera() {
        return hub.simulators().camera().orElseThrow();
    }

    /** The node with {@code id} on the screen now, read on the FX thread, if it is shown. */
    private <T extends Node> Optional<T> shown(String id, Class<T> type) {
        AtomicReference<T> found = new AtomicReference<>();
        robot.interact(() -> robot.lookup(id).tryQueryAs(type).filter(n -> n.isVisible() && n.getParent() != null
                && n.getParent().isVisible() && n.getScene() != null).ifPresent(found::set));
        return Optional.ofNullable(found.get());
    }

    /** Waits until the face check's prompt asks for {@code key}; returns its text. */
    private String awaitPrompt(String key) {
        String want = messages.get(Language.ZH, key);
        await().atMost(Duration.ofSeconds(15)).until(() -> shown("#face-prompt", Label.class)
                .map(l -> l.getText().equals(want)).orElse(false));
        return want;
    }

    @Test
    void theFaceCheckShowsTheLivePictureTheOvalAndWhatToDoThenTheResult() throws Exception {
        CentralServicePorts ports = startKiosk();
        // A dark hall: the card placed meanwhile keeps this scene (the simulation shows a face otherwise).
        camera().showDarkFace();
        toTheFaceCheck(ports, TestCards.RESIDENT);

        assertEquals("光线太暗，请靠近屏幕或站到亮一些的地方", awaitPrompt("face.prompt.moreLight"));
        ImageView preview = shown("#face-preview", ImageView.class).orElseThrow();
        assertNotNull(preview.getImage(), "the live picture is shown");
        assertTrue(preview.getImage().getWidth() > 0);
        Ellipse oval = shown("#face-oval", Ellipse.class).orElseThrow();
        assertEquals(FaceCheckView.GUIDING, oval.getStroke(), "not good yet: the guide's colour");
        assertTrue(app.service().checkingFace());

        // The resident steps aside, then stands too far off: the prompt follows the picture.
        camera().showNoFace();
        awaitPrompt("face.prompt.noFace");
        camera().showFarFace();
        awaitPrompt("face.prompt.closer");
        assertNotNull(shown("#face-preview", ImageView.class).orElseThrow().getImage());

        // In good light the face is taken; the picture goes with the capture and the result follows.
        camera().showFace();
        await().atMost(Duration.ofSeconds(90)).until(() -> app.service().view().step() == ServiceFlow.Step.DONE
                || app.service().view().step() == ServiceFlow.Step.FAILED);
        ServiceFlow.View done = app.service().view();
        assertEquals(ServiceFlow.Step.DONE, done.step(), () -> "failed: " + done.centralMessage());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Optional.empty(), shown("#face-check", Node.class), "no face check on the result");
        assertEquals(Optional.empty(), hub.liveFace(), "the face is dropped when the capture ends");
        assertEquals(List.of(), central.contractViolations());
    }

    @Test
    void aFaceThatDoesNotMatchTheCardIsToldPlainly() throws Exception {
        CentralServicePorts ports = startKiosk();
        // central-sim's seeded holder of this card does not match any face.
        toTheFaceCheck(ports, TestCards.LONG_TERM);
        await().atMost(Duration.ofSeconds(60)).until(() -> app.service().view().step() == ServiceFlow.Step.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("未能办理成功", shown("#service-message", Label.class).orElseThrow().getText());
        assertEquals("人脸与身份证照片不一致，请本人办理或到窗口办理",
                shown("#service-central-message", Label.class).orElseThrow().getText());
        assertEquals(Optional.empty(), shown("#face-check", Node.class));
        assertFalse(app.service().view().canRetry(), "another face would not make it the card holder's");
        assertEquals(List.of(), central.contractViolations());
    }
}
