package org.zizhu.device.gpio;

import java.time.Duration;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/**
 * The relay that cuts a hung device's power for a moment. A pulse is bounded by configuration
 * and released by the scheduler, and a second pulse while one runs is refused, so the device can
 * never be left without power by a stuck caller.
 */
public final class PowerRelay {
    private final OutputPin relay;
    private final GpioScheduler scheduler;
    private final Duration max;
    private boolean pulsing;

    PowerRelay(OutputPin relay, GpioScheduler scheduler, Duration max) {
        this.relay = relay;
        this.scheduler = scheduler;
        this.max = max;
    }

    /**
     * Energises the relay for {@code length}. Returns false if a pulse is already running.
     *
     * @throws IllegalArgumentException if {@code length} is not positive or exceeds the configured maximum
     */
    public synchronized boolean pulse(Duration length, String reason) {
        if (length.isNegative() || length.isZero() || length.compareTo(max) > 0) {
            throw new IllegalArgumentException("relay pulse must be > 0 and <= " + max.toMillis() + " ms, got "
                    + length.toMillis() + " ms");
        }
        if (pulsing) {
            return false;
        }
        pulsing = true;
        relay.set(true);
        EventLog.event(EventId.GPIO_RELAY_PULSE, Outcome.SUCCESS, "ms", length.toMillis(), "reason", reason);
        scheduler.schedule(length, this::release);
        return true;
    }

    public synchronized boolean isPulsing() {
        return pulsing;
    }

    synchronized void release() {
        relay.set(false);
        pulsing = false;
    }
}
