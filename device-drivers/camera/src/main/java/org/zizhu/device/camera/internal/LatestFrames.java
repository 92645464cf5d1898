package org.zizhu.device.camera.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * A bounded hand-over between the camera reader thread and consumers. A camera never waits for
 * a slow consumer: when the buffer is full the oldest item is dropped and counted, so memory
 * stays bounded and consumers always see recent pictures.
 */
public final class LatestFrames<T> {
    private final int capacity;
    private final ArrayDeque<T> queue;
    private T latest;
    private long dropped;

    public LatestFrames(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity < 1");
        }
        this.capacity = capacity;
        this.queue = new ArrayDeque<>(capacity);
    }

    public synchronized void offer(T item) {
        if (queue.size() == capacity) {
            queue.pollFirst();
            dropped++;
        }
        queue.addLast(item);
        latest = item;
        notifyAll();
    }

    /** Takes the oldest unconsumed item, waiting up to {@code timeout}; empty on timeout. */
    public synchronized Optional<T> poll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (queue.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            long ms = Math.max(1, left / 1_000_000);
            wait(ms);
        }
        return Optional.of(queue.pollFirst());
    }

    /** The most recent item, consumed or not. */
    public synchronized Optional<T> latest() {
        return Optional.ofNullable(latest);
    }

    public synchronized int size() {
        return queue.size();
    }

    public synchronized long dropped() {
        return dropped;
    }

    /** Forgets everything held (on close, so no frame outlives the source). */
    public synchronized void clear() {
        queue.clear();
        latest = null;
        notifyAll();
    }
}
