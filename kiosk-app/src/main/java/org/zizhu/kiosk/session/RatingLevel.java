package org.zizhu.kiosk.session;

/**
 * The five 好差评 levels of the central contract. Part of the visit's rating (session), not of
 * the service that delivers it, so flows and screens use it without the outbox behind it.
 * Labels: message keys {@code rating.level.<NAME>} in the bundles.
 */
public enum RatingLevel {
    VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, VERY_DISSATISFIED;

    /** The two bad levels: they need a reason and start the office's callback deadline. */
    public boolean bad() {
        return this == DISSATISFIED || this == VERY_DISSATISFIED;
    }
}
