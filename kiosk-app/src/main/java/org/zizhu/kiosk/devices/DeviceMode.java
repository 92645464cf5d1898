package org.zizhu.kiosk.devices;

import java.util.Locale;

/**
 * How one device runs, from its {@code device.<name>.mode} key (with {@code default} already
 * resolved to {@code device.mode}): the real hardware, the real driver on a simulator speaking the
 * device's protocol, or not at all. Never a fallback: a real device that fails stays failed.
 */
public enum DeviceMode {
    REAL, SIMULATED, OFF;

    /** The mode for a configuration value ({@code real}, {@code simulated}, {@code off}). */
    public static DeviceMode of(String configValue) {
        return switch (configValue.strip().toLowerCase(Locale.ROOT)) {
            case "real" -> REAL;
            case "simulated" -> SIMULATED;
            case "off" -> OFF;
            default -> throw new IllegalArgumentException("unknown device mode '" + configValue + "' (real, simulated or off)");
        };
    }
}
