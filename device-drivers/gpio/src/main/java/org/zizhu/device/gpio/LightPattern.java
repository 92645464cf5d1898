package org.zizhu.device.gpio;

import java.util.List;

/**
 * What the kiosk's two-colour status light shows, as timed on/off sequences. Distinct enough to
 * tell apart from across a service hall: steady for "normal", slow blink for "working", fast red
 * blink for "fault", red/green alternation for "a resident needs staff".
 */
public enum LightPattern {
    OFF(List.of(LightStep.of(false, false, 0))),
    /** Steady green: ready for a resident. */
    READY(List.of(LightStep.of(false, true, 0))),
    /** Green 0.5 s on / 0.5 s off: serving a resident, printing... */
    BUSY(List.of(LightStep.of(false, true, 500), LightStep.of(false, false, 500))),
    /** Red 0.15 s on / 0.15 s off: a device fault. */
    FAULT(List.of(LightStep.of(true, false, 150), LightStep.of(false, false, 150))),
    /** Steady red: out of service (tamper alarm, maintenance). */
    OUT_OF_SERVICE(List.of(LightStep.of(true, false, 0))),
    /** Red and green alternating every 0.4 s: help requested, staff please come. */
    HELP_REQUESTED(List.of(LightStep.of(true, false, 400), LightStep.of(false, true, 400)));

    private final List<LightStep> steps;

    LightPattern(List<LightStep> steps) {
        this.steps = steps;
    }

    public List<LightStep> steps() {
        return steps;
    }
}
