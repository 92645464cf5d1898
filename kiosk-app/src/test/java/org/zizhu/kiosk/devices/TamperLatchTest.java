package org.zizhu.kiosk.devices;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;

/**
 * The tamper alarm survives what an intruder would do: restart the kiosk after opening the door,
 * open it while the kiosk is off, or ask for a reset with the door still open. The GPIO board is
 * Pi4J's mock provider behind the simulator, whose door keeps its position across restarts.
 */
class TamperLatchTest {
    @TempDir
    Path data;

    private KioskConfig config() throws Exception {
        // Only GPIO: the alarm does not depend on the other devices.
        return TestKiosk.config("http://127.0.0.1:9/api/v1", data)
                .with(ConfigKey.IDCARD_MODE, "off").with(ConfigKey.RECEIPT_MODE, "off").with(ConfigKey.A4_MODE, "off")
                .with(ConfigKey.CAMERA_MODE, "off").with(ConfigKey.SMARTCARD_MODE, "off");
    }

    @Test
    void anAlarmSurvivesARestartAfterTheDoorWasClosedAgain() throws Exception {
        try (DeviceHub hub = DeviceHub.start(config())) {
            assertFalse(hub.tamperLatched());
            hub.simulators().gpio().orElseThrow().setTamperOpen(true);
            await().atMost(Duration.ofSeconds(5)).until(hub::tamperLatched);
            hub.simulators().gpio().orElseThrow().setTamperOpen(false); // closed again before the restart
            Thread.sleep(200);
        }
        try (DeviceHub hub = DeviceHub.start(config())) {
            assertTrue(hub.tamperLatched(), "a restart must not clear the alarm");
            assertEquals(DeviceHub.TamperReset.CLEARED, hub.resetTamper());
            assertFalse(hub.tamperLatched());
        }
        try (DeviceHub hub = DeviceHub.start(config())) {
            assertFalse(hub.tamperLatched(), "a technician's reset is kept too");
        }
    }

    @Test
    void aDoorOpenedWhileThePowerWasOffIsSeenAtBoot() throws Exception {
        // The cabinet was opened while the kiosk was off: the switch reads open at the next start.
        Path gpioDir = data.resolve("devices").resolve("gpio");
        Files.createDirectories(gpioDir);
        Files.writeString(gpioDir.resolve("door"), "open\n");
        try (DeviceHub hub = DeviceHub.start(config())) {
            await().atMost(Duration.ofSeconds(5)).until(hub::tamperLatched);
        }
        assertTrue(Files.exists(data.resolve("state").resolve(TamperLatch.FILE)), "saved on disk");
    }

    @Test
    void aResetIsRefusedWhileTheDoorIsOpen() throws Exception {
        try (DeviceHub hub = DeviceHub.start(config())) {
            hub.simulators().gpio().orElseThrow().setTamperOpen(true);
            await().atMost(Duration.ofSeconds(5)).until(hub::tamperLatched);
            assertEquals(DeviceHub.TamperReset.DOOR_OPEN, hub.resetTamper());
            assertTrue(hub.tamperLatched());
            hub.simulators().gpio().orElseThrow().setTamperOpen(false);
            await().atMost(Duration.ofSeconds(5)).until(() -> hub.resetTamper() == DeviceHub.TamperReset.CLEARED);
            assertFalse(hub.tamperLatched());
        }
    }

    @Test
    void aResetIsRefusedWhenTheDoorSwitchCannotBeRead() throws Exception {
        TamperLatch.open(data.resolve("state"), java.time.Clock.systemUTC()).trip("test");
        KioskConfig broken = config().with(ConfigKey.DEVICE_MODE, "real").with(ConfigKey.GPIO_MODE, "real")
                .with(ConfigKey.GPIO_PIN_MAP, data.resolve("missing-gpio.properties").toString());
        try (DeviceHub hub = DeviceHub.start(broken)) {
            assertTrue(hub.gpio().isEmpty());
            assertTrue(hub.tamperLatched());
            assertEquals(DeviceHub.TamperReset.SWITCH_UNREADABLE, hub.resetTamper());
            assertTrue(hub.tamperLatched());
        }
    }
}
