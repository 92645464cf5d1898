package org.zizhu.device.gpio;

import java.time.Duration;
import java.util.PriorityQueue;

/** A scheduler whose clock moves only when the test says so: no sleeps, no flakiness. */
final class ManualScheduler implements GpioScheduler {
    private record Entry(long due, long seq, Runnable action, boolean[] cancelled) {
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>(
            (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;

    @Override
    public synchronized long nowMillis() {
        return now;
    }

    @Override
    public synchronized Task schedule(Duration delay, Runnable action) {
        boolean[] cancelled = {false};
        queue.add(new Entry(now + delay.toMillis(), seq++, action, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Runs everything due within {@code d}, in time order, moving the clock to each task's time. */
    void advance(Duration d) {
        long end;
        synchronized (this) {
            end = now + d.toMillis();
        }
        while (true) {
            Entry e;
            synchronized (this) {
                e = queue.peek();
                if (e == null || e.due > end) {
                    now = end;
                    return;
                }
                queue.poll();
                now = e.due;
            }
            if (!e.cancelled[0]) {
                e.action.run();
            }
        }
    }

    void advanceMillis(long ms) {
        advance(Duration.ofMillis(ms));
    }

    @Override
    public void close() {
    }
}
