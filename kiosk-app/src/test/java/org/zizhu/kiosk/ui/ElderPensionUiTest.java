package org.zizhu.kiosk.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.zizhu.central.CentralSimulator;
import org.zizhu.device.idcard.sim.TestCards;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.flow.ServiceFlow;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.printing.PrintingTest;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.transaction.CentralServicePorts;

/**
 * Issue 12's "done when": an older resident completes the pension qualification certification
 * (养老保险待遇领取资格认证) and its print-out in elder mode with voice, by touch only, on the
 * simulated terminal (SAM card reader over a pty, ffmpeg camera, central-sim, CUPS with
 * ippeveprinter, espeak-ng). Voice is off in the configuration: elder mode turns it on. On every
 * screen of the way each touch target is at least 20 mm on the configured screen, and each new
 * screen is spoken.
 */
class ElderPensionUiTest {
    /** 养老保险待遇领取资格认证 in the seeded catalogue. */
    static final String PENSION = "12150200MB1C47725K200272000001";

    @TempDir
    Path data;
    private CentralSimulator central;
    private KioskRuntime runtime;
    private DeviceHub hub;
    private KioskApplication app;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        if (hub != null) {
            hub.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (central != null) {
            central.close();
        }
    }

    private void start(Path heard) throws Exception {
        central = CentralSimulator.builder().start();
        var config = TestKiosk.config(central.baseUrl(), data)
                // The common hall terminal: a 21.5-inch 1920x1080 panel (the audit's screen too).
                .with(ConfigKey.UI_WIDTH, "1920").with(ConfigKey.UI_HEIGHT, "1080")
                .with(ConfigKey.UI_ELDER_MODE_DEFAULT, "true")
                .with(ConfigKey.VOICE_ENABLED, "false")
                // Each sound into its own file in {@code heard}, complete when renamed to .wav.
                .with(ConfigKey.VOICE_PLAYER, "sh -c 'f=\"$0/$(date +%s%N)\"; cat > \"$f.part\" && mv \"$f.part\" \"$f.wav\"' " + heard)
                .with(ConfigKey.VOICE_DEVICE, "null");
        runtime = KioskRuntime.open(config);
        runtime.syncNow();
        hub = DeviceHub.start(runtime.config());
        hub.trackers().forEach(runtime::addDevice);
        PrintService printing = new PrintService(hub.receiptPrinter().orElse(null), hub.a4Printer().orElse(null));
        CentralServicePorts ports = new CentralServicePorts(runtime.services(), hub, printing);
        FxToolkit.registerPrimaryStage();
        app = (KioskApplication) FxToolkit.setupApplication(() -> new KioskApplication(runtime, hub, ports, printing));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int spoken(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return (int) files.filter(f -> f.toString().endsWith(".wav")).count();
        }
    }

    /** Waits until a new screen has been spoken (one more WAV handed to the player than {@code before}). */
    private static int awaitSpoken(Path dir, int before, String what) {
        await(what + " spoken").atMost(Duration.ofSeconds(20)).until(() -> spoken(dir) > before);
        try {
            return spoken(dir);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Every visible, enabled touch target on screen is at least elder mode's 20 mm on the configured screen. */
    private void assertElderTargets(String screen) {
        WaitForAsyncUtils.waitForFxEvents();
        UiMetrics m = new UiMetrics(runtime.config().getInt(ConfigKey.UI_WIDTH), runtime.config().getInt(ConfigKey.UI_HEIGHT), runtime.config().getDouble(ConfigKey.UI_SCREEN_DIAGONAL_INCH));
        double min = m.elderMinTouchPx() - 0.5;
        List<String> small = new ArrayList<>();
        int seen = 0;
        for (Node n : robot.lookup((Node x) -> x instanceof ButtonBase).queryAll()) {
            if (n instanceof ButtonBase b && b.isVisible() && !b.isDisabled() && b.getScene() != null && visibleInTree(b)) {
                seen++;
                if (b.getHeight() < min || b.getWidth() < min) {
                    small.add(b.getId() + " " + Math.round(b.getWidth()) + "x" + Math.round(b.getHeight()));
                }
            }
        }
        assertTrue(seen > 0, screen + ": no touch targets found");
        assertEquals(List.of(), small, screen + ": touch targets under 20 mm (" + Math.round(min) + " px)");
    }

    private static boolean visibleInTree(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void anOlderResidentCertifiesAndPrintsInElderModeWithVoice() throws Exception {
        Path heard = Files.createDirectory(data.resolve("heard"));
        start(heard);
        assertTrue(app.kiosk().elderMode(), "elder mode is the configured default");

        int said = spoken(heard);
        robot.clickOn("#attract-touch");
        said = awaitSpoken(heard, said, "home");
        assertElderTargets("home");

        robot.interact(() -> app.flow().openItem(PENSION));
        said = awaitSpoken(heard, said, "guide");
        assertElderTargets("guide");
        robot.clickOn("#guide-start");
        assertEquals(ServiceFlow.Step.INSERT_CARD, app.service().view().step());
        said = awaitSpoken(heard, said, "insert card");
        assertElderTargets("insert card");

        Instant before = Instant.now();
        hub.simulators().idcard().orElseThrow().placeCard(TestCards.RESIDENT);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ServiceFlow.Step s = app.service().view().step();
            return s == ServiceFlow.Step.CONSENT || s == ServiceFlow.Step.DONE || s == ServiceFlow.Step.FAILED;
        });
        if (app.service().view().step() == ServiceFlow.Step.CONSENT) {
            said = awaitSpoken(heard, said, "consent");
            assertElderTargets("consent");
            robot.clickOn("#service-agree");
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            ServiceFlow.Step s = app.service().view().step();
            return s == ServiceFlow.Step.DONE || s == ServiceFlow.Step.FAILED;
        });
        ServiceFlow.View done = app.service().view();
        assertEquals(ServiceFlow.Step.DONE, done.step(), () -> "failed: " + done.centralMessage());
        said = awaitSpoken(heard, said, "done");
        assertElderTargets("done");

        Path pdf = PrintingTest.spooled(before, "certification slip");
        // The slip printed is the sealed OFD the centre issued (its QR carries the exact bytes' SHA-256).
        String link = org.zizhu.kiosk.printing.SealedDocumentPrintTest.verificationLinkOn(pdf);
        assertTrue(link.endsWith("/verify/" + done.reference() + "?h=" + central.sealing().lookup(done.reference()).orElseThrow().sha256()), link);

        robot.clickOn("#service-to-rating");
        assertElderTargets("rating");
        robot.clickOn("#rating-VERY_SATISFIED");
        robot.clickOn("#rating-submit");
        await().atMost(Duration.ofSeconds(10)).until(() -> app.service().view().step() == ServiceFlow.Step.THANKS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#service-finish");
        WaitForAsyncUtils.waitForFxEvents();
        awaitSpoken(heard, said, "take your card");
        hub.simulators().idcard().orElseThrow().removeCard();
        await().atMost(Duration.ofSeconds(10)).until(() -> app.reminders().isEmpty() || !app.reminders().contains(org.zizhu.kiosk.flow.KioskFlow.REMIND_ID_CARD));
        assertEquals(List.of(), central.contractViolations());
    }
}
