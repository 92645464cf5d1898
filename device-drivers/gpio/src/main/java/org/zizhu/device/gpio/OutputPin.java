package org.zizhu.device.gpio;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;

/** A Pi4J output seen through its role's polarity: {@code set(true)} means lamp lit, fan running... */
final class OutputPin {
    private final PinRole role;
    private final DigitalOutput out;
    private final boolean activeLow;
    private volatile boolean active;

    OutputPin(PinRole role, DigitalOutput out, boolean activeLow) {
        this.role = role;
        this.out = out;
        this.activeLow = activeLow;
    }

    static DigitalState level(boolean active, boolean activeLow) {
        return active != activeLow ? DigitalState.HIGH : DigitalState.LOW;
    }

    void set(boolean on) {
        out.state(level(on, activeLow));
        active = on;
    }

    boolean active() {
        return active;
    }

    /** What the pin actually reads back (the mock provider keeps it). */
    boolean activeOnPin() {
        return out.state() == level(true, activeLow);
    }

    PinRole role() {
        return role;
    }
}
