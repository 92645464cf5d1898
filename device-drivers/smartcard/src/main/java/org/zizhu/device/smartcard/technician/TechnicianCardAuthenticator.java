package org.zizhu.device.smartcard.technician;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.zizhu.device.smartcard.CardSession;
import org.zizhu.device.smartcard.ResponseApdu;
import org.zizhu.device.smartcard.SmartCardException;
import org.zizhu.device.smartcard.SmartCardReader;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/**
 * Kiosk side of the technician card login (protocol in docs/smartcard.md):
 * <ol>
 * <li>SELECT the technician application by AID;</li>
 * <li>GET DATA 7F21: the card certificate; check the issuer's signature against
 *     {@link IssuerTrust}, the revocation list and the validity dates;</li>
 * <li>INTERNAL AUTHENTICATE: the card signs a fresh 32-byte random challenge with its private
 *     key; the kiosk checks it with the public key from the certificate. A copied certificate
 *     without the chip's private key fails here;</li>
 * <li>VERIFY the PIN (the card keeps the retry counter: 63Cx, then 6983 blocked);</li>
 * <li>INTERNAL AUTHENTICATE for the cardholder: the card signs a second fresh challenge under
 *     another prefix, which it does only after its own successful VERIFY.</li>
 * </ol>
 * The PIN goes after card authentication on purpose: only a card that has proved it holds the
 * key of a certificate the centre issued ever receives a technician's PIN. A card made to
 * harvest PINs (a forged certificate, or a genuine certificate copied onto another chip) is
 * stopped before the PIN leaves the kiosk, as with the PIV card-authentication key: card
 * first, then cardholder. The last step keeps the PIN worth something on a lost card: a shim
 * between a genuine card and the reader can answer 9000 to VERIFY, but cannot make the card
 * sign the cardholder challenge without the right PIN.
 * Thread-safe; holds only public keys.
 */
public final class TechnicianCardAuthenticator {
    private final IssuerTrust trust;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TechnicianCardAuthenticator(IssuerTrust trust, Clock clock) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public TechnicianCardAuthenticator(IssuerTrust trust) {
        this(trust, Clock.systemDefaultZone());
    }

    /** True if the PIN has the form the card accepts (4-8 digits); check before calling. */
    public static boolean isWellFormedPin(char[] pin) {
        return TechnicianCardProtocol.isWellFormedPin(pin);
    }

    /**
     * Opens a session on the reader's card and runs the login. Wipes {@code pin} before
     * returning. Never throws for card or reader trouble: that is a {@link TechnicianAuthResult.ReaderError}.
     *
     * @throws IllegalArgumentException if the PIN is not 4-8 digits (nothing was sent to the card)
     */
    public TechnicianAuthResult authenticate(SmartCardReader reader, char[] pin) {
        try {
            requirePinFormat(pin);
            try (CardSession session = reader.openSession()) {
                return authenticate(session, pin);
            } catch (SmartCardException e) {
                return logged(readerError(e), null);
            }
        } finally {
            wipe(pin);
        }
    }

    /** Runs the login on an open session. Wipes {@code pin} before returning. */
    public TechnicianAuthResult authenticate(CardSession session, char[] pin) {
        CardCertificate cert = null;
        try {
            requirePinFormat(pin);
            ResponseApdu r = session.transmit(TechnicianCardProtocol.select());
            if (!r.isSuccess()) {
                return logged(new TechnicianAuthResult.NotATechnicianCard("SELECT answered " + r.swHex()), null);
            }
            r = session.transmit(TechnicianCardProtocol.getCertificate());
            if (!r.isSuccess()) {
                return logged(new TechnicianAuthResult.NotATechnicianCard("GET DATA 7F21 answered " + r.swHex()), null);
            }
            try {
                cert = CardCertificate.parse(r.data());
            } catch (IllegalArgumentException e) {
                return logged(new TechnicianAuthResult.NotATechnicianCard("certificate malformed: " + e.getMessage()), null);
            }
            Optional<PublicKey> issuer = trust.key(cert.issuerKeyId());
            if (issuer.isEmpty()) {
                return logged(new TechnicianAuthResult.Forged("certificate issuer is not trusted"), cert);
            }
            if (!cert.signedBy(issuer.get())) {
                return logged(new TechnicianAuthResult.Forged("certificate signature invalid"), cert);
            }
            if (trust.revoked(cert.cardSerial())) {
                return logged(new TechnicianAuthResult.Revoked(), cert);
            }
            LocalDate today = LocalDate.now(clock);
            if (today.isBefore(cert.validFrom()) || today.isAfter(cert.validUntil())) {
                return logged(new TechnicianAuthResult.Expired(cert.validUntil()), cert);
            }

            // Card authentication before the PIN: a card that cannot sign a fresh challenge with
            // the certificate's key never receives the PIN.
            byte[] challenge = new byte[TechnicianCardProtocol.CHALLENGE_LENGTH];
            random.nextBytes(challenge);
            r = session.transmit(TechnicianCardProtocol.internalAuthenticate(challenge));
            if (!r.isSuccess()) {
                return logged(new TechnicianAuthResult.Forged("INTERNAL AUTHENTICATE answered " + r.swHex()), cert);
            }
            if (!verifySignature(cert.cardPublicKey(), TechnicianCardProtocol.signedMessage(challenge), r.data())) {
                return logged(new TechnicianAuthResult.Forged("challenge signature invalid"), cert);
            }

            r = session.transmit(TechnicianCardProtocol.verify(pin));
            int sw = r.sw();
            if (sw == 0x6983 || sw == 0x63C0) {
                return logged(new TechnicianAuthResult.Blocked(), cert);
            }
            if (r.retriesLeft() > 0) {
                return logged(new TechnicianAuthResult.WrongPin(r.retriesLeft()), cert);
            }
            if (!r.isSuccess()) {
                return logged(new TechnicianAuthResult.ReaderError(SmartCardException.Reason.STATUS_WORD,
                        "VERIFY answered " + r.swHex()), cert);
            }

            // The 9000 above is not signed; the card's signature on a new challenge under the
            // cardholder prefix is its own statement that the PIN was right.
            byte[] holderChallenge = new byte[TechnicianCardProtocol.CHALLENGE_LENGTH];
            random.nextBytes(holderChallenge);
            r = session.transmit(TechnicianCardProtocol.holderAuthenticate(holderChallenge));
            if (!r.isSuccess()) {
                return logged(new TechnicianAuthResult.Forged("cardholder authentication answered " + r.swHex()), cert);
            }
            if (!verifySignature(cert.cardPublicKey(), TechnicianCardProtocol.holderSignedMessage(holderChallenge), r.data())) {
                return logged(new TechnicianAuthResult.Forged("cardholder signature invalid"), cert);
            }
            return logged(new TechnicianAuthResult.Ok(cert.technicianId(), cert.role(), cert.cardSerialHex()), cert);
        } catch (SmartCardException e) {
            return logged(readerError(e), cert);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // A bug must not unlock anything nor crash the maintenance screen.
            EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "technician-login", "error", e.getClass().getSimpleName());
            return logged(new TechnicianAuthResult.ReaderError(SmartCardException.Reason.PCSC_ERROR, "internal error"), cert);
        } finally {
            wipe(pin);
        }
    }

    private static void requirePinFormat(char[] pin) {
        if (!TechnicianCardProtocol.isWellFormedPin(pin)) {
            throw new IllegalArgumentException("PIN must be " + TechnicianCardProtocol.PIN_MIN_DIGITS + " to "
                    + TechnicianCardProtocol.PIN_MAX_DIGITS + " digits");
        }
    }

    private static boolean verifySignature(PublicKey cardKey, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance(TechnicianCardProtocol.SIGNATURE_ALGORITHM);
            s.initVerify(cardKey);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // garbage instead of a DER signature
        }
    }

    private static TechnicianAuthResult readerError(SmartCardException e) {
        return new TechnicianAuthResult.ReaderError(e.reason(), e.getMessage());
    }

    private static TechnicianAuthResult logged(TechnicianAuthResult result, CardCertificate cert) {
        // Card serial and role identify the card to the centre; the technician id and PIN stay out of logs.
        EventLog.event(EventId.SMARTCARD_TECHNICIAN_LOGIN, result.success() ? Outcome.SUCCESS : Outcome.FAILURE,
                "result", result.code(),
                "role", cert == null ? "" : cert.role().name().toLowerCase(java.util.Locale.ROOT),
                "card", cert == null ? "" : cert.cardSerialHex(),
                "reason", result instanceof TechnicianAuthResult.ReaderError re ? re.reason().name() : "");
        return result;
    }

    private static void wipe(char[] pin) {
        if (pin != null) {
            Arrays.fill(pin, '\0');
        }
    }
}
