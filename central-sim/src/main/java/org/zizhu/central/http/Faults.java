package org.zizhu.central.http;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fault switches for tests and demos: added latency, an error rate (503), dropped connections
 * (the socket closes without an answer), a full partition (every API call dropped), and answers
 * that stall part-way through their body (status line, headers and some of the body sent, the
 * rest held back), the case a client whose timeout stops at the headers never gets out of.
 */
public final class Faults {
    /** In {@link #stallingOperations()}: every operation stalls. */
    public static final String ALL_OPERATIONS = "*";

    private volatile long latencyMillis;
    private volatile double errorRate;
    private volatile double dropRate;
    private volatile boolean partitioned;
    private volatile double lostAnswerRate;
    private volatile Set<String> stalling = Set.of();
    private final Object stallSwitch = new Object();

    public long latencyMillis() {
        return latencyMillis;
    }

    public Faults latencyMillis(long ms) {
        this.latencyMillis = Math.max(0, ms);
        return this;
    }

    public Faults errorRate(double rate) {
        this.errorRate = clamp(rate);
        return this;
    }

    public Faults dropRate(double rate) {
        this.dropRate = clamp(rate);
        return this;
    }

    public Faults partitioned(boolean p) {
        this.partitioned = p;
        return this;
    }

    /**
     * The share of writes that are applied but whose answer is lost (the connection closes
     * after the effect): the case that idempotency keys exist for.
     */
    public Faults lostAnswerRate(double rate) {
        this.lostAnswerRate = clamp(rate);
        return this;
    }

    public boolean shouldLoseAnswer() {
        return lostAnswerRate > 0 && ThreadLocalRandom.current().nextDouble() < lostAnswerRate;
    }

    public boolean partitioned() {
        return partitioned;
    }

    /**
     * Answers with a body stall mid-body: the simulator sends the status line, the headers
     * (with the full Content-Length) and the first half of the body, then holds the rest back
     * until this fault is switched off ({@link #clear()} or {@code stallMidBody(false)}) or the
     * simulator stops. Writes are applied before the stall, as a real centre would have done.
     */
    public Faults stallMidBody(boolean on) {
        return stalling(on ? Set.of(ALL_OPERATIONS) : Set.of());
    }

    /** Like {@link #stallMidBody(boolean)}, for the answers of these contract operations only (operationIds). */
    public Faults stallMidBodyOn(String... operationIds) {
        return stalling(Set.of(operationIds));
    }

    public Set<String> stallingOperations() {
        return stalling;
    }

    public boolean shouldStallBody(String operationId) {
        Set<String> s = stalling;
        return s.contains(ALL_OPERATIONS) || (operationId != null && s.contains(operationId));
    }

    /**
     * Blocks while answers to this operation are to stall. Returns false if interrupted (the
     * simulator is stopping): the caller then drops the connection instead of finishing.
     */
    public boolean awaitStallEnd(String operationId) {
        synchronized (stallSwitch) {
            while (shouldStallBody(operationId)) {
                try {
                    stallSwitch.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private Faults stalling(Set<String> operations) {
        synchronized (stallSwitch) {
            this.stalling = Set.copyOf(operations);
            stallSwitch.notifyAll();
        }
        return this;
    }

    public void clear() {
        latencyMillis = 0;
        errorRate = 0;
        dropRate = 0;
        partitioned = false;
        lostAnswerRate = 0;
        stalling(Set.of());
    }

    public boolean shouldDrop() {
        return partitioned || (dropRate > 0 && ThreadLocalRandom.current().nextDouble() < dropRate);
    }

    public boolean shouldFail() {
        return errorRate > 0 && ThreadLocalRandom.current().nextDouble() < errorRate;
    }

    private static double clamp(double r) {
        return Math.max(0, Math.min(1, r));
    }

    @Override
    public String toString() {
        return "latency=" + latencyMillis + "ms error=" + errorRate + " drop=" + dropRate + " partitioned=" + partitioned + " lostAnswer=" + lostAnswerRate
                + " stallMidBody=" + stalling.stream().sorted().toList();
    }
}
