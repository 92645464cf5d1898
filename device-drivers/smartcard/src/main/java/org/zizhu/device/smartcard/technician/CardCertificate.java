package org.zizhu.device.smartcard.technician;

import static org.zizhu.device.smartcard.technician.TechnicianCardProtocol.*;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.zizhu.device.smartcard.internal.Hex;
import org.zizhu.device.smartcard.internal.Tlv;

/**
 * The technician card's certificate, a compact card-verifiable certificate (after ISO 7816-8 /
 * BSI TR-03110 CV certificates) that fits one short APDU:
 *
 * <pre>
 * 7F21 card certificate
 *   7F4E body                      (the signed bytes: the whole 7F4E TLV)
 *     5F29 01        profile 01
 *     42   08        issuer key id (SHA-256(issuer SubjectPublicKeyInfo)[0..8])
 *     5F20 01..10    technician id, ASCII [A-Za-z0-9-]
 *     5F4C 01        role: 01 technician, 02 operator
 *     5A   08        card serial
 *     5F25 08        valid from, ASCII YYYYMMDD
 *     5F24 08        valid until (inclusive), ASCII YYYYMMDD
 *     7F49 43 86 41  card public key, P-256 uncompressed point
 *   5F37 ..          ECDSA P-256 / SHA-256 signature by the issuer, DER
 * </pre>
 *
 * {@link #toString()} names the card serial and role only.
 */
public final class CardCertificate {
    private static final Pattern TECHNICIAN_ID = Pattern.compile("[A-Za-z0-9-]{1,16}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final byte[] issuerKeyId;
    private final String technicianId;
    private final TechnicianRole role;
    private final byte[] cardSerial;
    private final LocalDate validFrom;
    private final LocalDate validUntil;
    private final ECPublicKey cardPublicKey;
    private final byte[] signedBody;
    private final byte[] signature;

    private CardCertificate(byte[] issuerKeyId, String technicianId, TechnicianRole role, byte[] cardSerial,
                            LocalDate validFrom, LocalDate validUntil, ECPublicKey cardPublicKey,
                            byte[] signedBody, byte[] signature) {
        this.issuerKeyId = issuerKeyId;
        this.technicianId = technicianId;
        this.role = role;
        this.cardSerial = cardSerial;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.cardPublicKey = cardPublicKey;
        this.signedBody = signedBody;
        this.signature = signature;
    }

    /** Builds and signs a certificate (the centre's issuing step). */
    public static byte[] issue(PrivateKey issuerKey, PublicKey issuerPublicKey, String technicianId, TechnicianRole role,
                               byte[] cardSerial, LocalDate validFrom, LocalDate validUntil, PublicKey cardPublicKey) {
        Objects.requireNonNull(role, "role");
        if (technicianId == null || !TECHNICIAN_ID.matcher(technicianId).matches()) {
            throw new IllegalArgumentException("technician id must be 1-16 of [A-Za-z0-9-]");
        }
        if (cardSerial == null || cardSerial.length != 8) {
            throw new IllegalArgumentException("card serial must be 8 bytes");
        }
        if (validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("validUntil before validFrom");
        }
        byte[] body = Tlv.encode(TAG_CERTIFICATE_BODY, Tlv.concat(
                Tlv.encode(TAG_PROFILE, new byte[] {PROFILE_V1}),
                Tlv.encode(TAG_ISSUER_KEY_ID, EcKeys.keyId(issuerPublicKey)),
                Tlv.encode(TAG_TECHNICIAN_ID, technicianId.getBytes(StandardCharsets.US_ASCII)),
                Tlv.encode(TAG_ROLE, new byte[] {(byte) role.code()}),
                Tlv.encode(TAG_CARD_SERIAL, cardSerial),
                Tlv.encode(TAG_VALID_FROM, DATE.format(validFrom).getBytes(StandardCharsets.US_ASCII)),
                Tlv.encode(TAG_VALID_UNTIL, DATE.format(validUntil).getBytes(StandardCharsets.US_ASCII)),
                Tlv.encode(TAG_PUBLIC_KEY, Tlv.encode(TAG_EC_POINT, EcKeys.encodePoint(cardPublicKey)))));
        byte[] sig;
        try {
            Signature s = Signature.getInstance(SIGNATURE_ALGORITHM);
            s.initSign(issuerKey);
            s.update(body);
            sig = s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the card certificate", e);
        }
        return Tlv.encode(TAG_CARD_CERTIFICATE, Tlv.concat(body, Tlv.encode(TAG_SIGNATURE, sig)));
    }

    /**
     * Parses the bytes a card returned for GET DATA 7F21. Throws {@link IllegalArgumentException}
     * with a reason for anything malformed; nothing here trusts a length the card sent.
     */
    public static CardCertificate parse(byte[] encoded) {
        Tlv outer = Tlv.single(encoded, TAG_CARD_CERTIFICATE);
        List<Tlv> parts = Tlv.parseAll(outer.value());
        if (parts.size() != 2 || parts.get(0).tag() != TAG_CERTIFICATE_BODY || parts.get(1).tag() != TAG_SIGNATURE) {
            throw new IllegalArgumentException("certificate must be body (7F4E) then signature (5F37)");
        }
        byte[] signedBody = Tlv.encode(TAG_CERTIFICATE_BODY, parts.get(0).value());
        List<Tlv> body = Tlv.parseAll(parts.get(0).value());
        byte[] profile = Tlv.require(body, TAG_PROFILE).value();
        if (profile.length != 1 || profile[0] != PROFILE_V1) {
            throw new IllegalArgumentException("unsupported certificate profile");
        }
        byte[] issuerKeyId = fixed(Tlv.require(body, TAG_ISSUER_KEY_ID), 8, "issuer key id");
        String technicianId = new String(Tlv.require(body, TAG_TECHNICIAN_ID).value(), StandardCharsets.US_ASCII);
        if (!TECHNICIAN_ID.matcher(technicianId).matches()) {
            throw new IllegalArgumentException("technician id malformed");
        }
        byte[] roleBytes = fixed(Tlv.require(body, TAG_ROLE), 1, "role");
        TechnicianRole role = TechnicianRole.ofCode(roleBytes[0] & 0xFF);
        byte[] serial = fixed(Tlv.require(body, TAG_CARD_SERIAL), 8, "card serial");
        LocalDate from = date(Tlv.require(body, TAG_VALID_FROM), "valid from");
        LocalDate until = date(Tlv.require(body, TAG_VALID_UNTIL), "valid until");
        Tlv point = Tlv.single(Tlv.require(body, TAG_PUBLIC_KEY).value(), TAG_EC_POINT);
        ECPublicKey cardKey = EcKeys.decodePoint(point.value());
        byte[] sig = parts.get(1).value();
        if (sig.length < 8 || sig.length > 80) {
            throw new IllegalArgumentException("signature length out of range");
        }
        return new CardCertificate(issuerKeyId, technicianId, role, serial, from, until, cardKey, signedBody, sig);
    }

    private static byte[] fixed(Tlv t, int len, String what) {
        if (t.length() != len) {
            throw new IllegalArgumentException(what + " must be " + len + " bytes");
        }
        return t.value();
    }

    private static LocalDate date(Tlv t, String what) {
        try {
            return LocalDate.parse(new String(fixed(t, 8, what), StandardCharsets.US_ASCII), DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " is not a YYYYMMDD date");
        }
    }

    /** True if the issuer's key signed exactly this body. */
    public boolean signedBy(PublicKey issuerKey) {
        try {
            Signature s = Signature.getInstance(SIGNATURE_ALGORITHM);
            s.initVerify(issuerKey);
            s.update(signedBody);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            // A DER-invalid signature is simply not a valid signature.
            return false;
        }
    }

    public byte[] issuerKeyId() {
        return issuerKeyId.clone();
    }

    public String technicianId() {
        return technicianId;
    }

    public TechnicianRole role() {
        return role;
    }

    public byte[] cardSerial() {
        return cardSerial.clone();
    }

    public String cardSerialHex() {
        return Hex.of(cardSerial);
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public ECPublicKey cardPublicKey() {
        return cardPublicKey;
    }

    @Override
    public String toString() {
        return "CardCertificate[serial=" + cardSerialHex() + ", role=" + role + ", issuer=" + Hex.of(issuerKeyId) + "]";
    }
}
