package org.zizhu.threads;

import java.util.concurrent.ThreadFactory;

/**
 * The kiosk's background threads, made one way. Daemons, so a thread someone forgot to stop
 * never keeps a stopping kiosk alive; named, so a thread dump and the logs say whose a thread
 * is (tests and log readers rely on the names: keep them stable); and none dies silently: an
 * exception nobody caught is logged as an event by {@link UncaughtExceptionLogger}, where a
 * bare thread would only print to a console nobody reads on a kiosk.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** Every thread it makes is called {@code name}: for a single-thread executor. */
    public static ThreadFactory named(String name) {
        return builder().name(name).factory();
    }

    /**
     * Threads called {@code prefix-1}, {@code prefix-2}, ... in the order they are made. The
     * counter belongs to the factory: share one factory where numbers must not repeat.
     */
    public static ThreadFactory numbered(String prefix) {
        return builder().name(prefix + "-", 1).factory();
    }

    /** Starts {@code task} on a new thread called {@code name}. */
    public static Thread start(String name, Runnable task) {
        return builder().name(name).start(task);
    }

    /** A thread called {@code name}, not started: for a field set before the thread may run. */
    public static Thread unstarted(String name, Runnable task) {
        return builder().name(name).unstarted(task);
    }

    // The JDK's builder: its factories are safe to share between threads and count atomically.
    private static Thread.Builder.OfPlatform builder() {
        return Thread.ofPlatform().daemon(true).uncaughtExceptionHandler(UncaughtExceptionLogger.INSTANCE);
    }
}
