package org.zizhu.device.smartcard;

/**
 * A connection to the card in the reader, for one logical task (a login, a read). Not
 * thread-safe: one task uses it at a time. After any failure other than a status word the
 * session is broken and every further call throws SESSION_CLOSED: open a new one.
 */
public interface CardSession extends AutoCloseable {
    /** The card's answer-to-reset. */
    byte[] atr();

    String readerName();

    /**
     * Sends one command and returns the card's response (any status word). Throws on timeout,
     * removal, malformed responses and PC/SC failures; never returns null.
     */
    ResponseApdu transmit(CommandApdu command) throws SmartCardException;

    /** Releases the card (left powered, not reset, so another session can continue). */
    @Override
    void close();
}
