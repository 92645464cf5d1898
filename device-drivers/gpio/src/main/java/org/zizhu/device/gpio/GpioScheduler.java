package org.zizhu.device.gpio;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.threads.DaemonThreads;

/**
 * Time for the GPIO logic (debounce windows, light steps, relay pulses, fan polls), behind an
 * interface so tests drive it with a manual clock instead of sleeping.
 */
public interface GpioScheduler extends AutoCloseable {
    /** Something scheduled that may be cancelled. */
    interface Task {
        void cancel();
    }

    /** Monotonic milliseconds. */
    long nowMillis();

    Task schedule(Duration delay, Runnable action);

    @Override
    void close();

    /** One daemon thread; a task that throws is logged and does not stop the others. */
    static GpioScheduler system() {
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("gpio-scheduler"));
        ex.setRemoveOnCancelPolicy(true);
        return new GpioScheduler() {
            @Override
            public long nowMillis() {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
            }

            @Override
            public Task schedule(Duration delay, Runnable action) {
                ScheduledFuture<?> f = ex.schedule(() -> {
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "gpio-scheduler",
                                "error", e.getClass().getName());
                        LoggerFactory.getLogger(GpioScheduler.class).warn("GPIO task failed", e);
                    }
                }, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
                return () -> f.cancel(false);
            }

            @Override
            public void close() {
                ex.shutdownNow();
            }
        };
    }
}
