package org.zizhu.kiosk.flow;

import java.time.Duration;

/**
 * Runs a task after a delay. The flows wait through this port instead of sleeping, so a test
 * drives their time by hand and a waiting flow holds no thread.
 */
@FunctionalInterface
public interface Scheduler {
    /** Runs {@code task} once after {@code delay}; the task must be quick (it hands real work to a worker). */
    void schedule(Duration delay, Runnable task);

    /** The kiosk's shared timer thread (a daemon: a pending timer never keeps the JVM alive). */
    static Scheduler system() {
        return SystemScheduler.INSTANCE;
    }
}
