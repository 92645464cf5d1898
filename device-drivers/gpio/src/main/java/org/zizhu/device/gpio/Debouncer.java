package org.zizhu.device.gpio;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Turns a bouncing contact into clean level changes: a new level counts only once it has held for
 * the whole window; every edge inside the window restarts it. Done in software (not with the
 * provider's debounce) so it behaves the same on gpiod and on the mock simulator.
 */
final class Debouncer {
    private final GpioScheduler scheduler;
    private final Duration window;
    private final Consumer<Boolean> onStableChange;
    private boolean stable;
    private boolean raw;
    private GpioScheduler.Task pending;

    Debouncer(boolean initial, GpioScheduler scheduler, Duration window, Consumer<Boolean> onStableChange) {
        this.stable = initial;
        this.raw = initial;
        this.scheduler = scheduler;
        this.window = window;
        this.onStableChange = onStableChange;
    }

    /** A raw edge from the pin (any thread). */
    synchronized void edge(boolean active) {
        raw = active;
        if (pending != null) {
            pending.cancel();
        }
        pending = scheduler.schedule(window, this::settle);
    }

    private void settle() {
        boolean changed;
        boolean now;
        synchronized (this) {
            pending = null;
            changed = raw != stable;
            stable = raw;
            now = stable;
        }
        if (changed) {
            onStableChange.accept(now);
        }
    }

    synchronized boolean stable() {
        return stable;
    }
}
