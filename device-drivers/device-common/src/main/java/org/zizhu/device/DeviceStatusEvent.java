package org.zizhu.device;

import java.time.Instant;
import java.util.Objects;

/**
 * A change of a device's common status. {@code detail} is a short machine-readable reason
 * (for example {@code paper-end}); it never carries personal data.
 */
public record DeviceStatusEvent(String deviceId, DeviceStatus previous, DeviceStatus current,
                                String detail, Instant at) {
    public DeviceStatusEvent {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(at, "at");
        detail = detail == null ? "" : detail;
    }
}
