package org.zizhu.device.smartcard.technician;

import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The centre's issuing step (docs/smartcard.md "Issuing a technician card"): a key pair is
 * generated for the card (on a real card: inside the chip, only the public key leaves it), and
 * the issuer signs a {@link CardCertificate} binding that public key to the technician id, role,
 * serial and validity. Kiosks trust only the issuer's public key.
 *
 * <p>Here for the centre simulator, the virtual cards and tests; the real issuer key lives in
 * the centre's HSM, never on a kiosk.
 */
public final class TechnicianCardIssuer {
    private final KeyPair issuerKeys;
    private final SecureRandom random = new SecureRandom();

    public TechnicianCardIssuer(KeyPair issuerKeys) {
        this.issuerKeys = Objects.requireNonNull(issuerKeys, "issuerKeys");
        EcKeys.encodePoint(issuerKeys.getPublic());
    }

    /** An issuer with a fresh random key (tests, or a forger's own "centre"). */
    public static TechnicianCardIssuer withNewKey() {
        return new TechnicianCardIssuer(EcKeys.generate());
    }

    public PublicKey publicKey() {
        return issuerKeys.getPublic();
    }

    /** The trust a kiosk needs for this issuer's cards. */
    public IssuerTrust trust() {
        return IssuerTrust.of(issuerKeys.getPublic());
    }

    /** A card's personalisation data: its own key pair and the signed certificate. */
    public record IssuedCard(KeyPair cardKeys, byte[] certificate) {
        public IssuedCard {
            Objects.requireNonNull(cardKeys, "cardKeys");
            certificate = certificate.clone();
        }

        @Override
        public byte[] certificate() {
            return certificate.clone();
        }

        @Override
        public String toString() {
            return "IssuedCard[" + CardCertificate.parse(certificate) + "]";
        }
    }

    public IssuedCard issue(String technicianId, TechnicianRole role, LocalDate validFrom, LocalDate validUntil) {
        byte[] serial = new byte[8];
        random.nextBytes(serial);
        return issue(technicianId, role, serial, validFrom, validUntil, EcKeys.generate());
    }

    public IssuedCard issue(String technicianId, TechnicianRole role, byte[] serial, LocalDate validFrom,
                            LocalDate validUntil, KeyPair cardKeys) {
        byte[] cert = CardCertificate.issue(issuerKeys.getPrivate(), issuerKeys.getPublic(), technicianId, role,
                serial, validFrom, validUntil, cardKeys.getPublic());
        return new IssuedCard(cardKeys, cert);
    }
}
