package org.zizhu.device.idcard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A card's validity period. {@code until} is null for a long-term card (有效期 "长期").
 * Both ends are inclusive: a card valid to 2030-01-01 may still be used on that day.
 */
public record Validity(LocalDate from, LocalDate until) {
    public Validity {
        Objects.requireNonNull(from, "from");
    }

    public boolean isLongTerm() {
        return until == null;
    }

    public Optional<LocalDate> untilDate() {
        return Optional.ofNullable(until);
    }

    public ValidityState stateOn(LocalDate day) {
        if (day.isBefore(from)) {
            return ValidityState.NOT_YET_VALID;
        }
        if (until != null && day.isAfter(until)) {
            return ValidityState.EXPIRED;
        }
        return ValidityState.VALID;
    }

    /** The state today in the clock's zone (the kiosk's local date). */
    public ValidityState stateAt(Clock clock) {
        return stateOn(LocalDate.now(clock));
    }

    /** "20200101-20400101" or "20100101-长期", the card's own notation. */
    public String cardNotation() {
        return fmt(from) + "-" + (until == null ? "长期" : fmt(until));
    }

    private static String fmt(LocalDate d) {
        return String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }
}
