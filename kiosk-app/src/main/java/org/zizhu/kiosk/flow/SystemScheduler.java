package org.zizhu.kiosk.flow;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.zizhu.threads.DaemonThreads;

/** One timer thread for every flow: timers only fire events, the worker does the I/O. */
final class SystemScheduler implements Scheduler {
    static final SystemScheduler INSTANCE = new SystemScheduler();
    private final ScheduledThreadPoolExecutor timer;

    private SystemScheduler() {
        timer = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("service-timer"));
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        timer.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }
}
