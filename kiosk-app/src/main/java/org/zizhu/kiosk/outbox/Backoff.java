package org.zizhu.kiosk.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter for outbox redelivery: attempt n waits a random time in
 * [d/2, d] where d = base * 2^(n-1), capped at max. The jitter keeps a fleet of terminals
 * that lost the centre together from all coming back in the same second.
 */
public record Backoff(Duration base, Duration max) {
    public Duration delay(int attempts) {
        long b = base.toMillis();
        long d = attempts <= 1 ? b : b << Math.min(attempts - 1, 30);
        if (d <= 0 || d > max.toMillis()) {
            d = max.toMillis();
        }
        return Duration.ofMillis(d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1));
    }
}
