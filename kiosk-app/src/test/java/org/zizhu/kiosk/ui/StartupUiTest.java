package org.zizhu.kiosk.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.zizhu.kiosk.runtime.KioskStartup;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.devices.TamperLatch;

/**
 * The window comes before the services: it says "starting" (and ignores touches) until the
 * database, catalogue and devices are open, then invites a touch; a kiosk whose tamper alarm was
 * latched before a restart comes up out of service; a start-up that fails leaves it out of
 * service rather than half working.
 */
class StartupUiTest {
    @TempDir
    Path data;
    private KioskStartup startup;
    private KioskApplication app;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        if (startup != null) {
            startup.close();
        }
    }

    private KioskConfig config(boolean gpio) throws Exception {
        return TestKiosk.config("http://127.0.0.1:9/api/v1", data)
                .with(ConfigKey.IDCARD_MODE, "off").with(ConfigKey.RECEIPT_MODE, "off").with(ConfigKey.A4_MODE, "off")
                .with(ConfigKey.CAMERA_MODE, "off").with(ConfigKey.SMARTCARD_MODE, "off")
                .with(ConfigKey.GPIO_MODE, gpio ? "simulated" : "off");
    }

    private void show(KioskStartup s) throws Exception {
        startup = s;
        FxToolkit.registerPrimaryStage();
        app = (KioskApplication) FxToolkit.setupApplication(() -> new KioskApplication(s));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theWindowSaysStartingUntilTheServicesAreOpenThenInvitesATouch() throws Exception {
        show(new KioskStartup(config(false), false));
        assertNotNull(robot.lookup("#screen-starting").query(), "the window is up before anything is opened");
        assertNull(robot.lookup("#screen-attract").tryQuery().orElse(null));
        robot.clickOn("#screen-starting");
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(robot.lookup("#screen-starting").query(), "a touch while starting starts no visit");
        assertFalse(app.ready());

        startup.begin();
        await().atMost(Duration.ofSeconds(60)).until(app::ready);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(robot.lookup("#screen-attract").query());
        assertFalse(app.outOfService());
        await().atMost(Duration.ofSeconds(10)).until(() -> app.firstFrameMillis() > 0);
    }

    @Test
    void anAlarmLatchedBeforeARestartKeepsTheKioskOutOfService() throws Exception {
        TamperLatch.open(data.resolve("state"), java.time.Clock.systemUTC()).trip("door-opened");
        KioskStartup s = new KioskStartup(config(true), false);
        s.begin();
        show(s);
        await().atMost(Duration.ofSeconds(60)).until(app::ready);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.outOfService());
        assertNotNull(robot.lookup("#screen-out-of-service").query());
    }

    @Test
    void aStartUpThatFailsLeavesTheKioskOutOfService() throws Exception {
        // The data directory is a file: the database cannot be opened.
        Path notADir = data.resolve("not-a-directory");
        Files.writeString(notADir, "x");
        KioskConfig broken = TestKiosk.config("http://127.0.0.1:9/api/v1", notADir)
                .with(ConfigKey.DEVICE_MODE, "simulated").with(ConfigKey.IDCARD_MODE, "off").with(ConfigKey.RECEIPT_MODE, "off")
                .with(ConfigKey.A4_MODE, "off").with(ConfigKey.CAMERA_MODE, "off").with(ConfigKey.SMARTCARD_MODE, "off")
                .with(ConfigKey.GPIO_MODE, "off");
        KioskStartup s = new KioskStartup(broken, false);
        s.begin();
        show(s);
        await().atMost(Duration.ofSeconds(30)).until(app::outOfService);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(robot.lookup("#screen-out-of-service").query());
        assertFalse(app.ready());
    }
}
