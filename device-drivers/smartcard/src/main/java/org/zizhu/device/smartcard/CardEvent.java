package org.zizhu.device.smartcard;

import java.time.Instant;
import java.util.Objects;

/**
 * A card was inserted into or removed from the watched reader. {@code atrHex} is the card's
 * answer-to-reset on insertion (empty on removal or if it could not be read); an ATR names a
 * card type, not a person.
 */
public record CardEvent(Kind kind, String readerName, String atrHex, Instant at) {
    public enum Kind { INSERTED, REMOVED }

    public CardEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(readerName, "readerName");
        Objects.requireNonNull(at, "at");
        atrHex = atrHex == null ? "" : atrHex;
    }
}
