package org.zizhu.ofd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.DEROctetString;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ofdrw.gm.ses.v4.SES_Signature;
import org.ofdrw.gm.ses.v4.SESeal;
import org.ofdrw.gm.ses.v4.TBS_Sign;
import org.zizhu.ofd.OfdException.Reason;

class SealedOfdVerifierTest {
    static final String SIG = "Doc_0/Signs/Sign_0/Signature.xml";
    static final String SV = "Doc_0/Signs/Sign_0/SignedValue.dat";
    static final String SEAL = "Doc_0/Signs/Sign_0/Seal.esl";
    static final String CONTENT = "Doc_0/Pages/Page_0/Content.xml";
    static Fixtures f;

    @BeforeAll
    static void make() {
        f = Fixtures.get();
    }

    private static Reason refused(byte[] ofd) {
        return refused(ofd, f.trust, Instant.now());
    }

    private static Reason refused(byte[] ofd, TrustList trust, Instant now) {
        return assertThrows(OfdException.class, () -> SealedOfdVerifier.verify(ofd, trust, now)).reason();
    }

    @Test
    void aGenuineLicencePassesAndSaysWhoIssuedIt() throws Exception {
        VerifiedOfd v = SealedOfdVerifier.verify(f.genuine, f.trust, Instant.now());
        assertEquals(f.body.code(), v.bodyCode());
        assertEquals("紫竹市市场监督管理局", v.bodyName());
        assertEquals("紫竹市市场监督管理局", v.sealName());
        assertEquals(GmCrypto.fingerprint(f.body.certificate()), v.signerFingerprint());
        assertEquals(1, v.pageCount());
        assertArrayEquals(Fixtures.DATA_JSON.getBytes(StandardCharsets.UTF_8), v.structuredData().orElseThrow());
        assertTrue(Duration.between(f.issuedAround, v.signingTime()).abs().compareTo(Duration.ofMinutes(5)) < 0,
                "signing time " + v.signingTime());
        assertTrue(v.archive().names().contains(CONTENT));
        assertFalse(v.toString().contains("紫竹示范"), "no document content in toString");
    }

    @Test
    void changedPageTextIsTampered() {
        byte[] t = Fixtures.rezip(f.genuine, m -> Fixtures.replace(m, CONTENT, "紫竹示范", "紫竹伪造"));
        assertEquals(Reason.TAMPERED, refused(t));
    }

    @Test
    void changedStructuredDataIsTampered() {
        byte[] t = Fixtures.rezip(f.genuine, m -> Fixtures.replace(m, "Doc_0/Res/zizhu-data.json", "紫竹示范", "紫竹伪造"));
        assertEquals(Reason.TAMPERED, refused(t));
    }

    @Test
    void changedSignatureXmlIsTampered() {
        // Signature.xml is not in its own references; the SES_Signature's dataHash covers it.
        byte[] t = Fixtures.rezip(f.genuine, m -> {
            String s = Fixtures.text(m, SIG);
            m.put(SIG, s.replaceFirst("<ofd:SignatureDateTime>[^<]*<", "<ofd:SignatureDateTime>2020-01-01 00:00:00<")
                    .getBytes(StandardCharsets.UTF_8));
        });
        assertEquals(Reason.TAMPERED, refused(t));
    }

    @Test
    void aRemovedSignedFileIsTampered() {
        byte[] t = Fixtures.rezip(f.genuine, m -> m.remove("Doc_0/Res/zizhu-data.json"));
        assertEquals(Reason.TAMPERED, refused(t));
    }

    @Test
    void aSealFromABodyNotOnTheTrustListIsUntrusted() {
        // Same code and name as the real body, made by another seal CA: only the trust list tells them apart.
        assertEquals(Reason.UNTRUSTED, refused(f.byForeignBody));
    }

    @Test
    void aBodyDroppedFromTheTrustListIsUntrusted() {
        TrustList withoutIt = f.ca.trustList(List.of(f.otherBody));
        assertEquals(Reason.UNTRUSTED, refused(f.genuine, withoutIt, Instant.now()));
    }

    @Test
    void aSwappedSignerCertificateDoesNotVerify() {
        byte[] t = Fixtures.rezip(f.genuine, m -> {
            try {
                SES_Signature ses = SES_Signature.getInstance(m.get(SV));
                ses.setCert(new DEROctetString(f.otherBody.certificate().getEncoded()));
                m.put(SV, ses.getEncoded("DER"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(Reason.BAD_SIGNATURE, refused(t));
    }

    @Test
    void aSwappedRootOnTheTrustListMakesEverythingUntrusted() {
        X509Certificate foreignRoot = f.foreignBody.certificate();
        TrustList wrongRoot = new TrustList(List.of(foreignRoot), List.of(f.body.trustEntry()));
        assertEquals(Reason.UNTRUSTED, refused(f.genuine, wrongRoot, Instant.now()));
    }

    /**
     * What a holder of a body's signing key could make: the same package with the seal edited,
     * every digest and the signer's signature redone, so only the seal checks can object.
     */
    private static byte[] resign(java.util.function.UnaryOperator<SESeal> sealEdit, java.security.PrivateKey key,
                                 X509Certificate cert) {
        return Fixtures.rezip(f.genuine, m -> {
            try {
                SES_Signature ses = SES_Signature.getInstance(m.get(SV));
                TBS_Sign tbs = ses.getToSign();
                SESeal seal = sealEdit.apply(SESeal.getInstance(tbs.getEseal().getEncoded("DER")));
                byte[] esl = seal.getEncoded("DER");
                m.put(SEAL, esl);
                String sig = Fixtures.text(m, SIG).replaceFirst(
                        "(FileRef=\"/Doc_0/Signs/Sign_0/Seal.esl\"><ofd:CheckValue>)[^<]*",
                        "$1" + java.util.Base64.getEncoder().encodeToString(GmCrypto.sm3(esl)));
                m.put(SIG, sig.getBytes(StandardCharsets.UTF_8));
                tbs.setEseal(seal);
                tbs.setDataHash(GmCrypto.sm3(m.get(SIG)));
                java.security.Signature s = java.security.Signature.getInstance(GmCrypto.SM2_WITH_SM3, GmCrypto.BC);
                s.initSign(key);
                s.update(tbs.getEncoded("DER"));
                ses.setToSign(tbs);
                ses.setCert(new DEROctetString(cert.getEncoded()));
                ses.setSignature(s.sign());
                m.put(SV, ses.getEncoded("DER"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void reSigningWithTheBodysOwnKeyAndSealStillPasses() throws Exception {
        // The control for the two tests below: the forging helper itself breaks nothing.
        VerifiedOfd v = SealedOfdVerifier.verify(resign(seal -> seal, f.body.key(), f.body.certificate()), f.trust, Instant.now());
        assertEquals(f.body.code(), v.bodyCode());
    }

    @Test
    void aSealWithABrokenMakerSignatureIsInvalidEvenAfterTheGenuineOneWasVerified() throws Exception {
        SealedOfdVerifier.verify(f.genuine, f.trust, Instant.now()); // the genuine seal is now remembered
        byte[] forged = resign(seal -> {
            byte[] sv = seal.getSignedValue().getOctets();
            sv[sv.length / 2] ^= 1;
            return seal.setSignedValue(sv);
        }, f.body.key(), f.body.certificate());
        assertEquals(Reason.SEAL_INVALID, refused(forged));
    }

    @Test
    void anotherBodySigningUnderThisBodysSealIsInvalid() {
        // Body B has a trusted key of its own, but the seal is A's and does not list B's certificate.
        byte[] forged = resign(seal -> seal, f.otherBody.key(), f.otherBody.certificate());
        assertEquals(Reason.SEAL_INVALID, refused(forged));
    }

    @Test
    void aSealFromAnExpiredBodyIsExpired() {
        assertEquals(Reason.EXPIRED, refused(f.byExpiredBody));
    }

    @Test
    void aGenuineLicenceLaterThanItsCertificateIsExpired() {
        Instant later = f.body.certificate().getNotAfter().toInstant().plus(Duration.ofDays(1));
        assertEquals(Reason.EXPIRED, refused(f.genuine, f.trust, later));
    }

    @Test
    void aBodyWhoseListingEndedIsExpired() {
        TrustList.Body e = f.body.trustEntry();
        TrustList ended = new TrustList(f.trust.roots(), List.of(new TrustList.Body(e.code(), e.name(), e.signerFingerprints(),
                e.validFrom(), Instant.now().minus(Duration.ofMinutes(1)))));
        assertEquals(Reason.EXPIRED, refused(f.genuine, ended, Instant.now()));
    }

    @Test
    void aSignatureFromBeforeTheKioskClockIsExpired() {
        Instant wayBefore = f.issuedAround.minus(Duration.ofDays(1));
        assertEquals(Reason.EXPIRED, refused(f.genuine, f.trust, wayBefore));
    }

    @Test
    void anExtraFileIsUnsignedContent() {
        byte[] t = Fixtures.rezip(f.genuine, m -> m.put("Doc_0/Res/extra.png", new byte[] {1, 2, 3}));
        assertEquals(Reason.UNSIGNED_CONTENT, refused(t));
    }

    @Test
    void aSecondSignatureIsRefused() {
        byte[] t = Fixtures.rezip(f.genuine, m -> Fixtures.replace(m, "Doc_0/Signs/Signatures.xml", "<ofd:MaxSignId>",
                "<ofd:Signature ID=\"9\" Type=\"Seal\" BaseLoc=\"/Doc_0/Signs/Sign_0/Signature.xml\"/><ofd:MaxSignId>"));
        // Refused before any digest: only one seal is accepted, so nothing rides along under a second.
        assertEquals(Reason.UNSIGNED_CONTENT, refused(t));
    }

    @Test
    void anUnsignedOfdIsNotSigned() {
        byte[] t = Fixtures.rezip(f.genuine, m -> {
            String ofd = Fixtures.text(m, "OFD.xml");
            m.put("OFD.xml", ofd.replaceAll("<ofd:Signatures>[^<]*</ofd:Signatures>", "").getBytes(StandardCharsets.UTF_8));
            m.keySet().removeIf(n -> n.startsWith("Doc_0/Signs/"));
        });
        assertEquals(Reason.NOT_SIGNED, refused(t));
    }

    @Test
    void aSignatureListWithoutSignaturesIsNotSigned() {
        byte[] t = Fixtures.rezip(f.genuine, m -> m.put("Doc_0/Signs/Signatures.xml",
                "<ofd:Signatures xmlns:ofd=\"http://www.ofdspec.org/2016\"/>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Reason.NOT_SIGNED, refused(t));
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyEntityIsRead() {
        byte[] t = Fixtures.rezip(f.genuine, m -> m.put("OFD.xml", ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
                + "\"file:///etc/passwd\">]><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\">&e;</ofd:OFD>").getBytes(StandardCharsets.UTF_8)));
        assertEquals(Reason.MALFORMED, refused(t));
    }

    @Test
    void notAZipIsMalformed() {
        assertEquals(Reason.MALFORMED, refused("not an OFD at all, just text".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theTrustListRefusesOneKeyForTwoBodies() {
        TrustList.Body a = f.body.trustEntry();
        TrustList.Body b = new TrustList.Body("OTHER", "别的机关", a.signerFingerprints(), a.validFrom(), a.validUntil());
        assertThrows(IllegalArgumentException.class, () -> new TrustList(f.trust.roots(), List.of(a, b)));
        assertThrows(IllegalArgumentException.class, () -> new TrustList.Body("X", "X", Set.of("abc"), a.validFrom(), a.validUntil()));
    }
}
