package org.zizhu.kiosk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DeviceModeTest {
    @Test
    void configValuesMapToModes() {
        assertEquals(DeviceMode.REAL, DeviceMode.of("real"));
        assertEquals(DeviceMode.SIMULATED, DeviceMode.of("simulated"));
        assertEquals(DeviceMode.OFF, DeviceMode.of(" OFF "));
    }

    @Test
    void anUnknownModeIsAnErrorNotASimulator() {
        // "default" must have been resolved to device.mode before: never guess a mode.
        assertThrows(IllegalArgumentException.class, () -> DeviceMode.of("default"));
        assertThrows(IllegalArgumentException.class, () -> DeviceMode.of("sim"));
    }
}
