package org.zizhu.device.gpio;

import java.time.Duration;

/** One step of a light pattern: which lamps are lit, for how long ({@code ZERO} = steady). */
public record LightStep(boolean red, boolean green, Duration hold) {
    static LightStep of(boolean red, boolean green, long millis) {
        return new LightStep(red, green, Duration.ofMillis(millis));
    }
}
