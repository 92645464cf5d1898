package org.zizhu.central.http;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Fault switches for tests and demos: added latency, an error rate (503), dropped connections
 * (the socket closes without an answer) and a full partition (every API call dropped).
 */
public final class Faults {
    private volatile long latencyMillis;
    private volatile double errorRate;
    private volatile double dropRate;
    private volatile boolean partitioned;
    private volatile double lostAnswerRate;

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

    public void clear() {
        latencyMillis = 0;
        errorRate = 0;
        dropRate = 0;
        partitioned = false;
        lostAnswerRate = 0;
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
        return "latency=" + latencyMillis + "ms error=" + errorRate + " drop=" + dropRate + " partitioned=" + partitioned + " lostAnswer=" + lostAnswerRate;
    }
}
