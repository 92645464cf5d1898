package org.zizhu.device.smartcard.technician;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zizhu.device.smartcard.internal.Hex;
import org.zizhu.device.smartcard.sim.DemoCards;

class CardCertificateTest {
    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate UNTIL = LocalDate.of(2027, 12, 31);

    @Test
    void issuedCertificateParsesAndVerifiesOnlyWithItsIssuer() {
        TechnicianCardIssuer issuer = DemoCards.demoIssuer();
        byte[] serial = Hex.parse("0102030405060708");
        TechnicianCardIssuer.IssuedCard card = issuer.issue("T-0001", TechnicianRole.OPERATOR, serial, FROM, UNTIL, EcKeys.generate());
        byte[] encoded = card.certificate();
        assertTrue(encoded.length <= 256, "fits one short APDU: " + encoded.length);

        CardCertificate c = CardCertificate.parse(encoded);
        assertEquals("T-0001", c.technicianId());
        assertEquals(TechnicianRole.OPERATOR, c.role());
        assertEquals("0102030405060708", c.cardSerialHex());
        assertEquals(FROM, c.validFrom());
        assertEquals(UNTIL, c.validUntil());
        assertArrayEquals(EcKeys.encodePoint(card.cardKeys().getPublic()), EcKeys.encodePoint(c.cardPublicKey()));
        assertTrue(c.signedBy(issuer.publicKey()));
        assertFalse(c.signedBy(TechnicianCardIssuer.withNewKey().publicKey()));
        assertTrue(DemoCards.demoIssuerTrust().key(c.issuerKeyId()).isPresent());
        assertFalse(c.toString().contains("T-0001"), "toString names serial and role only");
    }

    @Test
    void anyChangedByteBreaksTheSignatureOrTheParse() {
        TechnicianCardIssuer issuer = DemoCards.demoIssuer();
        byte[] encoded = issuer.issue("T-0001", TechnicianRole.TECHNICIAN, FROM, UNTIL).certificate();
        // Flip one bit in every body byte: the result must never verify (role, id, dates, key...).
        for (int i = 0; i < encoded.length; i++) {
            byte[] tampered = encoded.clone();
            tampered[i] ^= 0x01;
            try {
                CardCertificate c = CardCertificate.parse(tampered);
                assertFalse(c.signedBy(issuer.publicKey()), "tampered byte " + i + " still verifies");
            } catch (IllegalArgumentException expected) {
                // malformed is fine, as long as it is this exception
            }
        }
    }

    @Test
    void garbageAndTruncationGiveIllegalArgumentOnly() {
        byte[] good = DemoCards.demoIssuer().issue("T-0001", TechnicianRole.TECHNICIAN, FROM, UNTIL).certificate();
        for (int n = 0; n < good.length; n++) {
            byte[] cut = Arrays.copyOf(good, n);
            assertThrows(IllegalArgumentException.class, () -> CardCertificate.parse(cut), "truncated to " + n);
        }
        Random r = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[r.nextInt(300)];
            r.nextBytes(junk);
            if (r.nextBoolean() && junk.length > 3) {
                junk[0] = 0x7F;
                junk[1] = 0x21;
                junk[2] = (byte) r.nextInt(0x84);
            }
            try {
                CardCertificate.parse(junk);
                fail("random bytes parsed as a certificate");
            } catch (IllegalArgumentException expected) {
                // the only acceptable failure
            }
        }
    }

    @Test
    void issuingRejectsBadInput() {
        TechnicianCardIssuer issuer = TechnicianCardIssuer.withNewKey();
        assertThrows(IllegalArgumentException.class, () -> issuer.issue("张三", TechnicianRole.TECHNICIAN, FROM, UNTIL));
        assertThrows(IllegalArgumentException.class, () -> issuer.issue("", TechnicianRole.TECHNICIAN, FROM, UNTIL));
        assertThrows(IllegalArgumentException.class, () -> issuer.issue("T-1", TechnicianRole.TECHNICIAN, UNTIL, FROM));
    }
}
