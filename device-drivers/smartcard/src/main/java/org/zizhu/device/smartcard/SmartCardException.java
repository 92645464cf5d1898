package org.zizhu.device.smartcard;

/**
 * A card exchange that did not produce a usable answer. {@link #reason()} says what kind of
 * failure it was so callers can choose a safe state without parsing messages. Messages carry
 * no APDU data, PIN or personal data.
 */
public class SmartCardException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** pcscd is not running or not reachable. */
        SERVICE_UNAVAILABLE,
        /** No reader matches the configured name pattern. */
        NO_READER,
        /** The reader is there but holds no card. */
        NO_CARD,
        /** The card was taken out (or reset) during the exchange. */
        CARD_REMOVED,
        /** The card did not answer within the configured APDU timeout. */
        TIMEOUT,
        /** The card's answer was not a valid response APDU or not the expected structure. */
        MALFORMED_RESPONSE,
        /** The card answered with a status word the caller did not accept. */
        STATUS_WORD,
        /** The session was closed or broken by an earlier failure; open a new one. */
        SESSION_CLOSED,
        /** Any other PC/SC failure. */
        PCSC_ERROR
    }

    private final Reason reason;

    public SmartCardException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SmartCardException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
