package org.zizhu.device.smartcard.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import jnasmartcardio.Smartcardio;
import org.zizhu.device.smartcard.SmartCardException;
import org.zizhu.device.smartcard.SmartCardException.Reason;

/**
 * Wire level: PC/SC contexts through jnasmartcardio. Every {@link #establish()} is a fresh
 * SCardEstablishContext, so after pcscd restarts the caller just drops the old context and
 * establishes a new one (SunPCSC keeps one static context per JVM and cannot recover).
 *
 * <p>pcsc-lite serialises all calls on one context with a mutex held for the whole call,
 * including a blocking SCardGetStatusChange; so the monitor and each card session use their
 * own context, and a hung card blocks only its own session.
 */
public final class Pcsc {
    // pcsc-lite / winscard return codes we act on (see pcsclite.h).
    static final int SCARD_E_INVALID_HANDLE = 0x80100003;
    static final int SCARD_E_UNKNOWN_READER = 0x80100009;
    static final int SCARD_E_TIMEOUT = 0x8010000A;
    static final int SCARD_E_NO_SMARTCARD = 0x8010000C;
    static final int SCARD_F_COMM_ERROR = 0x80100013;
    static final int SCARD_E_NOT_TRANSACTED = 0x80100016;
    static final int SCARD_E_READER_UNAVAILABLE = 0x80100017;
    static final int SCARD_E_NO_SERVICE = 0x8010001D;
    static final int SCARD_E_SERVICE_STOPPED = 0x8010001E;
    static final int SCARD_E_NO_READERS_AVAILABLE = 0x8010002E;
    static final int SCARD_W_UNRESPONSIVE_CARD = 0x80100066;
    static final int SCARD_W_UNPOWERED_CARD = 0x80100067;
    static final int SCARD_W_RESET_CARD = 0x80100068;
    static final int SCARD_W_REMOVED_CARD = 0x80100069;

    /** One provider instance, not registered globally: we never want SunPCSC by accident. */
    private static final Smartcardio PROVIDER = new Smartcardio();

    private Pcsc() {
    }

    /** Establishes a new PC/SC context. Throws SERVICE_UNAVAILABLE if pcscd cannot be reached. */
    public static CardTerminals establish() throws SmartCardException {
        try {
            return TerminalFactory.getInstance("PC/SC", null, PROVIDER).terminals();
        } catch (Smartcardio.EstablishContextException e) {
            throw new SmartCardException(Reason.SERVICE_UNAVAILABLE,
                    "cannot reach pcscd (" + codeName(e.getCause()) + "); is it running? scripts/stacks/pcscd.sh start", e);
        } catch (java.security.NoSuchAlgorithmException | RuntimeException | LinkageError e) {
            throw new SmartCardException(Reason.SERVICE_UNAVAILABLE,
                    "cannot load the PC/SC library libpcsclite.so.1 (" + e + "); install it: sudo apt-get install -y libpcsclite1 pcscd", e);
        }
    }

    /** Releases a context, ignoring errors (pcscd may already be gone). */
    public static void release(CardTerminals terminals) {
        if (terminals instanceof Smartcardio.JnaCardTerminals jna) {
            try {
                jna.close();
            } catch (CardException | RuntimeException ignored) {
                // The daemon is gone or the context was already invalid; nothing left to free.
            }
        }
    }

    /** The first terminal whose name matches, in pcscd's order. */
    public static Optional<CardTerminal> find(CardTerminals terminals, Pattern pattern) throws CardException {
        List<CardTerminal> all = terminals.list();
        for (CardTerminal t : all) {
            if (pattern.matcher(t.getName()).find()) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public static List<String> readerNames(CardTerminals terminals) throws CardException {
        return terminals.list().stream().map(CardTerminal::getName).toList();
    }

    /** The PC/SC return code behind an exception, or 0 if none. */
    public static long code(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Smartcardio.JnaPCSCException p) {
                return p.code;
            }
            if (t instanceof Smartcardio.JnaCardNotPresentException p) {
                return p.code;
            }
        }
        return 0;
    }

    static String codeName(Throwable e) {
        long c = code(e);
        return c == 0 ? String.valueOf(e) : String.format("0x%08X", c);
    }

    /** Maps a PC/SC failure to a typed reason. */
    public static Reason classify(Throwable e) {
        if (e instanceof CardNotPresentException) {
            return Reason.NO_CARD;
        }
        int c = (int) code(e);
        return switch (c) {
            case SCARD_E_NO_SERVICE, SCARD_E_SERVICE_STOPPED, SCARD_F_COMM_ERROR, SCARD_E_INVALID_HANDLE -> Reason.SERVICE_UNAVAILABLE;
            case SCARD_E_UNKNOWN_READER, SCARD_E_READER_UNAVAILABLE, SCARD_E_NO_READERS_AVAILABLE -> Reason.NO_READER;
            case SCARD_E_NO_SMARTCARD -> Reason.NO_CARD;
            case SCARD_W_REMOVED_CARD, SCARD_W_RESET_CARD, SCARD_W_UNPOWERED_CARD, SCARD_E_NOT_TRANSACTED,
                 SCARD_W_UNRESPONSIVE_CARD -> Reason.CARD_REMOVED;
            case SCARD_E_TIMEOUT -> Reason.TIMEOUT;
            default -> e instanceof IllegalArgumentException || e instanceof IndexOutOfBoundsException
                    || e instanceof java.nio.BufferOverflowException ? Reason.MALFORMED_RESPONSE : Reason.PCSC_ERROR;
        };
    }

    /** Wraps a PC/SC failure with a message naming what was being done. */
    public static SmartCardException wrap(String what, Throwable e) {
        Reason r = classify(e);
        String detail = switch (r) {
            case SERVICE_UNAVAILABLE -> "pcscd is not reachable";
            case NO_READER -> "the reader is gone";
            case NO_CARD -> "no card in the reader";
            case CARD_REMOVED -> "the card was removed or stopped answering";
            case TIMEOUT -> "PC/SC timeout";
            case MALFORMED_RESPONSE -> "the card's answer was not a valid response APDU";
            default -> "PC/SC error";
        };
        return new SmartCardException(r, what + ": " + detail + " (" + codeName(e) + ")", e);
    }
}
