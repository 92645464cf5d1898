package org.zizhu.kiosk.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.zizhu.central.CentralSimulator;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.smartcard.sim.DemoCards;
import org.zizhu.device.smartcard.sim.VirtualCardConnection;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.flow.MaintenanceFlow;

/**
 * The kiosk window with its simulated devices: a technician card in pcscd's virtual reader
 * unlocks maintenance with its PIN; opening the tamper switch takes the kiosk out of service
 * until the technician resets it. Needs socat, ffmpeg and pcscd (scripts/test starts it).
 */
class DeviceUiTest {
    @TempDir
    Path data;
    private CentralSimulator central;
    private KioskRuntime runtime;
    private DeviceHub hub;
    private KioskApplication app;
    private VirtualCardConnection card;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        if (card != null) {
            card.close();
        }
        hub.close();
        runtime.close();
        central.close();
    }

    @Test
    void technicianCardUnlocksMaintenanceAndTamperTakesKioskOutOfService() throws Exception {
        central = CentralSimulator.builder().start();
        runtime = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data));
        runtime.syncNow();
        hub = DeviceHub.start(runtime.config());
        hub.trackers().forEach(runtime::addDevice);
        FxToolkit.registerPrimaryStage();
        app = (KioskApplication) FxToolkit.setupApplication(() -> new KioskApplication(runtime, hub, null, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.smartcard().orElseThrow().status() == DeviceStatus.ONLINE);

        card = VirtualCardConnection.vpcd(0);
        card.insert(DemoCards.create(DemoCards.Kind.TECHNICIAN));
        await().atMost(Duration.ofSeconds(10)).until(() -> app.maintenance().view().step() == MaintenanceFlow.Step.PIN_ENTRY);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(robot.lookup("#screen-maintenance-pin").query());
        for (char c : "123450".toCharArray()) {
            robot.clickOn("#pin-" + c);
        }
        robot.clickOn("#pin-ok");
        await().atMost(Duration.ofSeconds(10)).until(() -> app.maintenance().view().step() == MaintenanceFlow.Step.PIN_ENTRY
                && !app.maintenance().view().messageZh().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(app.maintenance().view().messageZh(), robot.lookup("#pin-message").queryAs(Label.class).getText());
        assertTrue(app.maintenance().view().messageEn().contains("2"), "wrong PIN says 2 tries are left: " + app.maintenance().view().messageEn());

        for (char c : DemoCards.DEMO_PIN.toCharArray()) {
            robot.clickOn("#pin-" + c);
        }
        robot.clickOn("#pin-ok");
        await().atMost(Duration.ofSeconds(10)).until(() -> app.maintenance().view().step() == MaintenanceFlow.Step.OPEN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ONLINE", robot.lookup("#device-status-idcard").queryAs(Label.class).getText());

        hub.simulators().gpio().orElseThrow().setTamperOpen(true);
        await().atMost(Duration.ofSeconds(5)).until(app::outOfService);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#maintenance-reset-tamper"); // with the door still open
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.outOfService(), "no reset while the door is open");
        assertEquals("tamper.doorOpen", app.notice());
        robot.clickOn("#maintenance-exit");
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(robot.lookup("#screen-out-of-service").query(), "tamper: out of service");
        boolean[] closed = {false};
        hub.addGpioListener(new org.zizhu.device.gpio.GpioListener() {
            @Override
            public void tamperChanged(boolean open) {
                closed[0] = !open;
            }
        });
        hub.simulators().gpio().orElseThrow().setTamperOpen(false);
        await().atMost(Duration.ofSeconds(5)).until(() -> closed[0]);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.outOfService(), "the alarm latches until a technician resets it");

        card.remove();
        card.insert(DemoCards.create(DemoCards.Kind.TECHNICIAN));
        await().atMost(Duration.ofSeconds(10)).until(() -> app.maintenance().view().step() == MaintenanceFlow.Step.PIN_ENTRY);
        WaitForAsyncUtils.waitForFxEvents();
        for (char c : DemoCards.DEMO_PIN.toCharArray()) {
            robot.clickOn("#pin-" + c);
        }
        robot.clickOn("#pin-ok");
        await().atMost(Duration.ofSeconds(10)).until(() -> app.maintenance().view().step() == MaintenanceFlow.Step.OPEN);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#maintenance-reset-tamper");
        card.remove();
        await().atMost(Duration.ofSeconds(10)).until(() -> app.maintenance().view().step() == MaintenanceFlow.Step.CLOSED);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!app.outOfService());
        assertNotNull(robot.lookup("#screen-attract").query());
    }
}
