package org.zizhu.kiosk.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A scheduler whose time moves only when a test says so: timers run in due order, on the test's thread. */
final class ManualScheduler implements Scheduler {
    private record Timer(Duration due, long order, Runnable task) {
    }

    private final List<Timer> timers = new ArrayList<>();
    private Duration now = Duration.ZERO;
    private long scheduled;

    @Override
    public synchronized void schedule(Duration delay, Runnable task) {
        timers.add(new Timer(now.plus(delay), scheduled++, task));
    }

    /** Moves time forward by {@code by}, running every timer that falls due (also those scheduled meanwhile). */
    void advance(Duration by) {
        Duration end;
        synchronized (this) {
            end = now.plus(by);
        }
        while (true) {
            Timer next;
            synchronized (this) {
                Optional<Timer> due = timers.stream().filter(t -> t.due().compareTo(end) <= 0)
                        .min(Comparator.comparing(Timer::due).thenComparingLong(Timer::order));
                if (due.isEmpty()) {
                    now = end;
                    return;
                }
                next = due.get();
                timers.remove(next);
                now = next.due();
            }
            next.task().run();
        }
    }

    /** Timers not yet run. */
    synchronized int pending() {
        return timers.size();
    }
}
