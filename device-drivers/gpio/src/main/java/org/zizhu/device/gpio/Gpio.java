package org.zizhu.device.gpio;

import java.time.Duration;
import java.util.Map;
import org.zizhu.device.Device;

/**
 * The kiosk's GPIO board as the kiosk sees it: status light, help button, tamper switch, fan
 * thermostat and power relay, plus the common device status (reasons in {@link GpioFault}).
 * {@link #open} is the real board through Pi4J; {@link SimulatedGpio} the same driver on Pi4J's
 * mock provider with controls for a demo or test.
 */
public interface Gpio extends Device {
    /** The real board: claims the pins and starts light, thermostat and debouncing (~0.3 s). */
    static Gpio open(GpioConfig config) {
        return GpioController.open(config, GpioScheduler.system());
    }

    /** As {@link #open(GpioConfig)}, timed by {@code scheduler} (tests use a manual one). */
    static Gpio open(GpioConfig config, GpioScheduler scheduler) {
        return GpioController.open(config, scheduler);
    }

    GpioConfig config();

    void addListener(GpioListener l);

    void removeListener(GpioListener l);

    StatusLight light();

    FanControl fan();

    PowerRelay relay();

    /** True from the moment the tamper switch opened until a technician's {@link #resetTamper()}. */
    boolean tamperAlarm();

    /** A technician clears the tamper alarm. Refused (false) while the switch is still open. */
    boolean resetTamper();

    /** Debounced input states (true = pressed / open), for diagnostics. */
    Map<PinRole, Boolean> inputStates();

    /** Output states as last set (true = active), for diagnostics. */
    Map<PinRole, Boolean> outputStates();

    /** Technician self-test of every output; blocks the caller. */
    Map<PinRole, Boolean> selfTest(Duration each) throws InterruptedException;
}
