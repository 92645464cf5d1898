package org.zizhu.device.smartcard.sim;

import java.time.Duration;
import java.util.Objects;

/** A scripted misbehaviour of a virtual card for one command APDU. */
public sealed interface Fault {
    /** Answer random bytes (1..40 of them) instead of the real response. */
    record Garbage(long seed) implements Fault {
    }

    /** Answer only the first {@code keepBytes} bytes of the real response (0 allowed). */
    record Truncate(int keepBytes) implements Fault {
        public Truncate {
            if (keepBytes < 0) {
                throw new IllegalArgumentException("keepBytes < 0");
            }
        }
    }

    /** Answer correctly, but only after {@code delay}. */
    record Delay(Duration delay) implements Fault {
        public Delay {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /** Pull the card out instead of answering: the socket to vpcd closes mid-exchange. */
    record RemoveCard() implements Fault {
    }

    static Fault garbage() {
        return new Garbage(System.nanoTime());
    }

    static Fault truncate(int keepBytes) {
        return new Truncate(keepBytes);
    }

    static Fault delay(Duration d) {
        return new Delay(d);
    }

    static Fault removeCard() {
        return new RemoveCard();
    }
}
