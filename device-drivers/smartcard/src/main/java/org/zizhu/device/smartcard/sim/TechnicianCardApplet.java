package org.zizhu.device.smartcard.sim;

import static org.zizhu.device.smartcard.technician.TechnicianCardProtocol.*;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Objects;
import org.zizhu.device.smartcard.CommandApdu;
import org.zizhu.device.smartcard.ResponseApdu;
import org.zizhu.device.smartcard.internal.Hex;
import org.zizhu.device.smartcard.technician.TechnicianCardIssuer.IssuedCard;
import org.zizhu.device.smartcard.technician.TechnicianCardProtocol;

/**
 * A technician card as the centre personalises it: the application selected by
 * {@link TechnicianCardProtocol#AID}, a PIN with a real retry counter (persisting across
 * resets and re-insertions of this object, as on a chip), the card key pair and certificate.
 * Behaves like the specification in docs/smartcard.md, including 63Cx and 6983.
 */
public final class TechnicianCardApplet extends IsoApplet {
    /** ATR: T=1, historical bytes "ZIZHU-TECH". */
    private static final byte[] ATR = Hex.parse("3B8A80015A495A48552D5445434868");

    private final String kind;
    private final byte[] pinBlock;
    private final int maxTries;
    private final PrivateKey cardKey;
    private final byte[] certificate;
    private int triesLeft;
    private boolean selected;
    private boolean pinVerified;

    /**
     * @param issued   key pair and certificate from {@link org.zizhu.device.smartcard.technician.TechnicianCardIssuer}
     * @param pin      initial PIN (4-8 digits); copied into the card, the caller may wipe it
     * @param maxTries retry counter reset value (1..15)
     */
    public TechnicianCardApplet(String kind, IssuedCard issued, char[] pin, int maxTries) {
        this(kind, issued.cardKeys().getPrivate(), issued.certificate(), pin, maxTries);
    }

    /** A card whose private key need not match its certificate (forgery tests). */
    public TechnicianCardApplet(String kind, PrivateKey cardKey, byte[] certificate, char[] pin, int maxTries) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.pinBlock = TechnicianCardProtocol.pinBlock(pin);
        if (maxTries < 1 || maxTries > 15) {
            throw new IllegalArgumentException("maxTries must be 1..15");
        }
        this.maxTries = maxTries;
        this.triesLeft = maxTries;
        this.cardKey = Objects.requireNonNull(cardKey, "cardKey");
        this.certificate = certificate.clone();
    }

    @Override
    public byte[] atr() {
        return ATR.clone();
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public synchronized void reset() {
        selected = false;
        pinVerified = false;
    }

    /** Tries left on the PIN counter (0 = blocked). */
    public synchronized int triesLeft() {
        return triesLeft;
    }

    /** Blocks the PIN as if it had been mistyped {@code maxTries} times. */
    public synchronized TechnicianCardApplet block() {
        triesLeft = 0;
        pinVerified = false;
        return this;
    }

    /** Unblocks and resets the counter (what the centre does with its unblock key). */
    public synchronized void unblock() {
        triesLeft = maxTries;
    }

    @Override
    synchronized ResponseApdu handle(CommandApdu c) {
        if (c.cla() != 0x00) {
            return ResponseApdu.of(0x6E00);
        }
        if (c.ins() == INS_SELECT) {
            return select(c);
        }
        if (!selected) {
            return ResponseApdu.of(0x6D00);
        }
        return switch (c.ins()) {
            case INS_GET_DATA -> getData(c);
            case INS_VERIFY -> verify(c);
            case INS_INTERNAL_AUTHENTICATE -> internalAuthenticate(c);
            default -> ResponseApdu.of(0x6D00);
        };
    }

    private ResponseApdu select(CommandApdu c) {
        if (c.p1() != 0x04) {
            return ResponseApdu.of(0x6A86);
        }
        if (!Arrays.equals(c.data(), AID)) {
            selected = false;
            return ResponseApdu.of(0x6A82);
        }
        selected = true;
        pinVerified = false;
        return ResponseApdu.of(0x9000);
    }

    private ResponseApdu getData(CommandApdu c) {
        int tag = (c.p1() << 8) | c.p2();
        if (tag != TAG_CARD_CERTIFICATE) {
            return ResponseApdu.of(0x6A88);
        }
        return ResponseApdu.of(certificate, 0x9000);
    }

    private ResponseApdu verify(CommandApdu c) {
        if (c.p1() != 0x00 || c.p2() != PIN_REFERENCE) {
            return ResponseApdu.of(0x6A86);
        }
        if (triesLeft == 0) {
            return ResponseApdu.of(0x6983);
        }
        byte[] data = c.data();
        try {
            if (data.length == 0) {
                return ResponseApdu.of(pinVerified ? 0x9000 : 0x63C0 | triesLeft);
            }
            if (data.length != PIN_BLOCK_LENGTH) {
                return ResponseApdu.of(0x6700);
            }
            if (MessageDigest.isEqual(data, pinBlock)) {
                triesLeft = maxTries;
                pinVerified = true;
                return ResponseApdu.of(0x9000);
            }
            triesLeft--;
            pinVerified = false;
            return ResponseApdu.of(0x63C0 | triesLeft);
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    /**
     * P2 {@link TechnicianCardProtocol#AUTH_CARD}: card authentication, open to anyone after
     * SELECT without the PIN, so the kiosk can check the chip holds the certificate's key before
     * it sends a PIN (like PIV's card-authentication key). P2
     * {@link TechnicianCardProtocol#AUTH_HOLDER}: only after a successful VERIFY, under its own
     * prefix, so the signature says the PIN was right. Never signs a bare challenge.
     */
    private ResponseApdu internalAuthenticate(CommandApdu c) {
        if (c.p1() != 0x00 || (c.p2() != AUTH_CARD && c.p2() != AUTH_HOLDER)) {
            return ResponseApdu.of(0x6A86);
        }
        if (c.p2() == AUTH_HOLDER && !pinVerified) {
            return ResponseApdu.of(0x6982);
        }
        if (c.nc() < 16 || c.nc() > 64) {
            return ResponseApdu.of(0x6700);
        }
        try {
            Signature s = Signature.getInstance(SIGNATURE_ALGORITHM);
            s.initSign(cardKey);
            s.update(c.p2() == AUTH_HOLDER ? holderSignedMessage(c.data()) : signedMessage(c.data()));
            return ResponseApdu.of(s.sign(), 0x9000);
        } catch (GeneralSecurityException e) {
            return ResponseApdu.of(0x6F00);
        }
    }

    @Override
    public String toString() {
        return "TechnicianCardApplet[" + kind + "]";
    }
}
