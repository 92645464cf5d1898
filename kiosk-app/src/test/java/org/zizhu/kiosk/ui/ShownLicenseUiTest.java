package org.zizhu.kiosk.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.flow.ApplicationEvent;
import org.zizhu.kiosk.flow.ApplicationFlow;
import org.zizhu.kiosk.flow.ApplicationPorts;
import org.zizhu.kiosk.flow.ApplicationState;
import org.zizhu.kiosk.flow.KioskFlow;
import org.zizhu.kiosk.flow.ServicePorts.Outcome;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Visit;

/**
 * 亮证 on the materials page, headless under Monocle over a real {@link ApplicationFlow}: an
 * e-license material not fetched (consent declined) offers "出示手机亮证"; touching it shows what
 * to hold up to the camera; a refused code brings the materials back with the reason; a shown
 * license marks the material provided and the button goes.
 */
class ShownLicenseUiTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final String CARD_LICENSE = "1.2.156.3005.2.111.11150200MB1532145Q.1985001001.001.3";

    private final FxRobot robot = new FxRobot();
    private final Messages messages = new Messages();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "shown-license-ui-test-worker");
        t.setDaemon(true);
        return t;
    });
    private ApplicationFlow flow;
    private ApplicationScreens screens;
    private BorderPane root;

    /** Verified without e-licenses (consent declined); the first code shown is someone else's, the next one theirs. */
    static final class Ports implements ApplicationPorts {
        final AtomicInteger shown = new AtomicInteger();

        @Override
        public Prepared prepare(ItemDetail item, Resident resident, List<String> licenseTypes, boolean consented, String ref) {
            return new Prepared(new Resident("王建国", ApplicationScreensUiTest.WANG, Resident.Source.ID_CARD, LocalDate.of(2036, 1, 1)),
                    null, List.of());
        }

        @Override
        public ShownResult shownLicense(ItemDetail item, Resident resident, String qrPayload, String ref) {
            if (shown.incrementAndGet() == 1) {
                return new NotShown("NOT_HOLDER", Text.of(new Messages(), "application.shownNotHolder"));
            }
            return new Shown(new License("ID_CARD", CARD_LICENSE, new ObjectMapper().createObjectNode()));
        }

        @Override
        public Image capturePage() {
            throw new AssertionError("no page in this test");
        }

        @Override
        public SubmitResult submit(ItemDetail item, Resident resident, ApplicationState.Application a, String key) {
            throw new AssertionError("no submission in this test");
        }

        @Override
        public void printReceipt(ItemDetail item, Resident resident, Outcome outcome, List<ApplicationState.Received> received,
                                 List<ApplicationState.Owed> owed) {
            throw new AssertionError("no receipt in this test");
        }
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        worker.shutdownNow();
    }

    private Optional<Node> find(String id) {
        return robot.lookup(id).tryQuery();
    }

    private void waitFor(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return find(id).isPresent();
        });
    }

    private String text(String id) {
        waitFor(id);
        Node n = find(id).orElseThrow();
        return n instanceof Label l ? l.getText() : ((Button) n).getText();
    }

    private void tap(String id) {
        waitFor(id);
        robot.clickOn(find(id).orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void awaitState(Class<? extends ApplicationState> state) {
        await().atMost(Duration.ofSeconds(20)).until(() -> state.isInstance(flow.state()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anELicenseMaterialNotFetchedIsShownFromThePhone() throws Exception {
        ItemDetail item = ApplicationScreensUiTest.applicationItem();
        flow = ApplicationFlow.start(item, new Ports(), new Visit(), worker, CLOCK);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            KioskFlow kiosk = new KioskFlow(Language.ZH, Duration.ofMinutes(2), CLOCK, Runnable::run, Runnable::run);
            screens = new ApplicationScreens(messages, new Screens(kiosk, messages, new UiMetrics(1280, 800, 21.5)),
                    org.zizhu.kiosk.flow.keyboard.PinyinIndex.load());
            root = new BorderPane();
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(KioskApplication.class.getResource("kiosk.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            rerender();
        });
        flow.addListener(s -> Platform.runLater(this::rerender));
        WaitForAsyncUtils.waitForFxEvents();

        flow.fire(new ApplicationEvent.Identified(new Resident("王建国", ApplicationScreensUiTest.WANG, Resident.Source.ID_CARD,
                LocalDate.of(2036, 1, 1)), LocalDate.of(2016, 1, 1)));
        tap("#app-consent-no");
        awaitState(ApplicationState.FillingForm.class);
        java.util.Map.of("workStart", "1985-07-01", "kind", "NORMAL", "employer", "包头钢铁（集团）有限责任公司",
                "address", "内蒙古自治区包头市东河区和平路12号", "phone", "13912345678")
                .forEach((k, v) -> flow.fire(new ApplicationEvent.EditField(k, v)));
        flow.fire(new ApplicationEvent.SubmitForm());
        awaitState(ApplicationState.Materials.class);

        assertEquals(messages.format(Language.ZH, "application.showLicenseButton"), text("#app-show-license-0"));
        assertTrue(find("#app-show-license-1").isEmpty(), "a paper material has nothing to show");
        tap("#app-show-license-0");
        awaitState(ApplicationState.ShowingLicense.class);
        assertTrue(text("#app-show-license-hint").contains(item.materials().get(0).name().zh()), "says which license to show");
        assertTrue(flow.wantsLicenseCode());

        flow.licenseCodeShown("ZZELIC:1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
        awaitState(ApplicationState.Materials.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return find("#app-materials-message").map(n -> ((Label) n).getText()).orElse("")
                    .equals(messages.format(Language.ZH, "application.shownNotHolder"));
        });

        tap("#app-show-license-0");
        awaitState(ApplicationState.ShowingLicense.class);
        flow.licenseCodeShown("ZZELIC:1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
        awaitState(ApplicationState.Materials.class);
        assertInstanceOf(ApplicationState.FromLicense.class,
                ((ApplicationState.Materials) flow.state()).application().materials().get(0));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return find("#app-show-license-0").isEmpty();
        });
        assertEquals(messages.format(Language.ZH, "application.exempt"), text("#app-material-status-0"));
    }

    private void rerender() {
        root.setCenter(screens.render(Language.ZH, flow, flow.item().name().in(Language.ZH), () -> { }, () -> { }));
    }
}
