package org.zizhu.device.idcard;

import java.time.Duration;
import java.time.Instant;

/** What the reader saw. Delivered to {@link IdCardListener}s on the reader's poll thread. */
public sealed interface IdCardEvent {
    Instant at();

    /** A card appeared in the field. */
    record CardPlaced(Instant at) implements IdCardEvent {
    }

    /**
     * The card was read and decoded. The listener that keeps the identity owns it and must
     * {@link Identity#wipe()} it at the end of the session.
     */
    record IdentityRead(Identity identity, ReadTimings timings, Instant at) implements IdCardEvent {
    }

    /**
     * Reading the placed card failed after all attempts; the reader waits for the card to be
     * removed and placed again.
     *
     * @param reason a tag: {@code sam-0x41}, {@code malformed-card-data}, {@code timeout}, ...
     * @param status the SAM's answer if it gave one, else null
     */
    record ReadFailed(String reason, SamStatus status, Instant at) implements IdCardEvent {
    }

    /** The card left the field (or the reader was lost while a card was on it). */
    record CardRemoved(Instant at) implements IdCardEvent {
    }

    /**
     * How long a read took, from sending the find-card command that saw the card to the
     * identity decoded, and the wire-time lower bound of the bytes exchanged in that span.
     */
    record ReadTimings(Duration exchange, long bytesExchanged, Duration wireTime, int attempts) {
        /** exchange / wireTime. */
        public double ratioToWireTime() {
            return wireTime.isZero() ? 0 : (double) exchange.toNanos() / wireTime.toNanos();
        }
    }
}
