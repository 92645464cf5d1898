package org.zizhu.device.smartcard.technician;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.zizhu.device.smartcard.CommandApdu;

/**
 * The Zizhu technician card application, version 1 (specified in docs/smartcard.md). The
 * constants here are the specification; the kiosk side and the virtual card both use them.
 */
public final class TechnicianCardProtocol {
    /**
     * Proprietary AID: F0 (ISO 7816-5 category F, unregistered/proprietary) + "ZIZHUTECH" + 01.
     * Not an RID-registered AID; fine for a closed system of cards the centre issues itself.
     */
    public static final byte[] AID = {(byte) 0xF0, 'Z', 'I', 'Z', 'H', 'U', 'T', 'E', 'C', 'H', 0x01};

    public static final int INS_SELECT = 0xA4;
    public static final int INS_VERIFY = 0x20;
    public static final int INS_GET_DATA = 0xCA;
    public static final int INS_INTERNAL_AUTHENTICATE = 0x88;

    /** VERIFY P2: specific (application-local) reference data, PIN number 0. */
    public static final int PIN_REFERENCE = 0x80;
    /** PIN block: ASCII digits, padded with FF to 8 bytes (as PIV). */
    public static final int PIN_BLOCK_LENGTH = 8;
    public static final int PIN_MIN_DIGITS = 4;
    public static final int PIN_MAX_DIGITS = 8;

    /** GET DATA P1P2 of the card certificate. */
    public static final int TAG_CARD_CERTIFICATE = 0x7F21;
    public static final int TAG_CERTIFICATE_BODY = 0x7F4E;
    public static final int TAG_PROFILE = 0x5F29;
    public static final int TAG_ISSUER_KEY_ID = 0x42;
    public static final int TAG_TECHNICIAN_ID = 0x5F20;
    public static final int TAG_ROLE = 0x5F4C;
    public static final int TAG_CARD_SERIAL = 0x5A;
    public static final int TAG_VALID_FROM = 0x5F25;
    public static final int TAG_VALID_UNTIL = 0x5F24;
    public static final int TAG_PUBLIC_KEY = 0x7F49;
    public static final int TAG_EC_POINT = 0x86;
    public static final int TAG_SIGNATURE = 0x5F37;

    public static final int PROFILE_V1 = 0x01;
    public static final int CHALLENGE_LENGTH = 32;

    /** INTERNAL AUTHENTICATE P2: card authentication, answered without the PIN. */
    public static final int AUTH_CARD = 0x00;
    /**
     * INTERNAL AUTHENTICATE P2: cardholder authentication, answered only after a successful
     * VERIFY since SELECT (else 6982). Its signature is the card's own word that the PIN was
     * right, which the bare 9000 to VERIFY is not: anything between card and reader can fake it.
     */
    public static final int AUTH_HOLDER = 0x01;

    /**
     * Domain separation: the card signs {@code "ZIZHU-TECH-AUTH-V1" || challenge}, never a bare
     * challenge, so a technician card cannot be used as a signing oracle for anything else.
     */
    public static final byte[] AUTH_PREFIX = "ZIZHU-TECH-AUTH-V1".getBytes(StandardCharsets.US_ASCII);
    /**
     * Prefix of the cardholder authentication ({@link #AUTH_HOLDER}): different from
     * {@link #AUTH_PREFIX} so that a signature obtained without the PIN can never pass as one
     * given after the PIN.
     */
    public static final byte[] HOLDER_PREFIX = "ZIZHU-TECH-HOLDER-V1".getBytes(StandardCharsets.US_ASCII);

    public static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private TechnicianCardProtocol() {
    }

    public static CommandApdu select() {
        return CommandApdu.selectAid(AID);
    }

    public static CommandApdu getCertificate() {
        return CommandApdu.of(0x00, INS_GET_DATA, TAG_CARD_CERTIFICATE >> 8, TAG_CARD_CERTIFICATE & 0xFF, new byte[0], 256);
    }

    /** VERIFY without data: asks the retry counter (63Cx), 9000 if already verified, 6983 if blocked. */
    public static CommandApdu verifyStatus() {
        return CommandApdu.of(0x00, INS_VERIFY, 0x00, PIN_REFERENCE);
    }

    /** VERIFY with the PIN block. The block is wiped after encoding. */
    public static CommandApdu verify(char[] pin) {
        byte[] block = pinBlock(pin);
        try {
            return CommandApdu.of(0x00, INS_VERIFY, 0x00, PIN_REFERENCE, block);
        } finally {
            Arrays.fill(block, (byte) 0);
        }
    }

    /** Card authentication ({@link #AUTH_CARD}): the card signs {@link #signedMessage}. */
    public static CommandApdu internalAuthenticate(byte[] challenge) {
        return CommandApdu.of(0x00, INS_INTERNAL_AUTHENTICATE, 0x00, AUTH_CARD, challenge, 256);
    }

    /** Cardholder authentication ({@link #AUTH_HOLDER}): the card signs {@link #holderSignedMessage}. */
    public static CommandApdu holderAuthenticate(byte[] challenge) {
        return CommandApdu.of(0x00, INS_INTERNAL_AUTHENTICATE, 0x00, AUTH_HOLDER, challenge, 256);
    }

    /** True for 4 to 8 ASCII digits. */
    public static boolean isWellFormedPin(char[] pin) {
        if (pin == null || pin.length < PIN_MIN_DIGITS || pin.length > PIN_MAX_DIGITS) {
            return false;
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The 8-byte PIN block; throws IllegalArgumentException (without the PIN) if malformed. */
    public static byte[] pinBlock(char[] pin) {
        if (!isWellFormedPin(pin)) {
            throw new IllegalArgumentException("PIN must be " + PIN_MIN_DIGITS + " to " + PIN_MAX_DIGITS + " digits");
        }
        byte[] block = new byte[PIN_BLOCK_LENGTH];
        Arrays.fill(block, (byte) 0xFF);
        for (int i = 0; i < pin.length; i++) {
            block[i] = (byte) pin[i];
        }
        return block;
    }

    /** The bytes the card signs for a card-authentication challenge. */
    public static byte[] signedMessage(byte[] challenge) {
        return prefixed(AUTH_PREFIX, challenge);
    }

    /** The bytes the card signs for a cardholder-authentication challenge (after VERIFY). */
    public static byte[] holderSignedMessage(byte[] challenge) {
        return prefixed(HOLDER_PREFIX, challenge);
    }

    private static byte[] prefixed(byte[] prefix, byte[] challenge) {
        byte[] m = Arrays.copyOf(prefix, prefix.length + challenge.length);
        System.arraycopy(challenge, 0, m, prefix.length, challenge.length);
        return m;
    }
}
