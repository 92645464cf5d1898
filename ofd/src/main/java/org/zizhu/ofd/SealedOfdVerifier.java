package org.zizhu.ofd;

import static org.zizhu.ofd.OfdException.Reason.BAD_SIGNATURE;
import static org.zizhu.ofd.OfdException.Reason.EXPIRED;
import static org.zizhu.ofd.OfdException.Reason.MALFORMED;
import static org.zizhu.ofd.OfdException.Reason.NOT_SIGNED;
import static org.zizhu.ofd.OfdException.Reason.SEAL_INVALID;
import static org.zizhu.ofd.OfdException.Reason.TAMPERED;
import static org.zizhu.ofd.OfdException.Reason.UNSIGNED_CONTENT;
import static org.zizhu.ofd.OfdException.Reason.UNTRUSTED;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1OctetString;
import org.ofdrw.gm.ses.v1.SES_Header;
import org.ofdrw.gm.ses.v4.CertInfoList;
import org.ofdrw.gm.ses.v4.SES_ESPropertyInfo;
import org.ofdrw.gm.ses.v4.SES_SealInfo;
import org.ofdrw.gm.ses.v4.SES_Signature;
import org.ofdrw.gm.ses.v4.SESeal;
import org.ofdrw.gm.ses.v4.TBS_Sign;
import org.w3c.dom.Element;

/**
 * Verifies a sealed OFD (GB/T 33190 package, GB/T 38540 v4 seal, SM2 over SM3) in memory
 * against the centre's {@link TrustList}.
 *
 * <p>Why not ofdrw's {@code OFDValidator}: it unzips to a temporary directory (personal data on
 * disk), makes two BouncyCastle providers per call (about 80 ms, over the kiosk's 30 ms), and
 * checks less than a kiosk must: not the seal maker's signature, not the trust in either
 * certificate, not validity dates, not that the signer is the one the seal names, not files the
 * signature leaves out. This class checks, in order:
 * <ol>
 * <li>the package within {@link OfdArchive}'s bounds; OFD.xml → Signatures.xml → exactly one
 *     seal-type signature (NOT_SIGNED if none);</li>
 * <li>every Reference's SM3 CheckValue (TAMPERED); every package entry but this signature's own
 *     Signature.xml and SignedValue.dat referenced (UNSIGNED_CONTENT);</li>
 * <li>SES_Signature v4: its dataHash is SM3(Signature.xml) (TAMPERED) and its seal is Seal.esl;
 *     the signer's SM2 signature over TBS_Sign with the certificate it carries (BAD_SIGNATURE);</li>
 * <li>the seal: v4 header, the maker's SM2 signature over SES_SealInfo, the signer's certificate
 *     in its certificate list (SEAL_INVALID);</li>
 * <li>signer and maker certificates chain to a trust-list root, the signer's fingerprint is
 *     listed for a body (UNTRUSTED);</li>
 * <li>certificates, seal and body in date both at signing time and now (EXPIRED).</li>
 * </ol>
 * Nothing is written to disk. Thread-safe (no state).
 */
public final class SealedOfdVerifier {
    /** A signing time this far ahead of the kiosk's clock is accepted as clock skew, not more. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    /** A seal with its picture and two certificates is about 35 KB; room for a large picture. */
    static final int MAX_SIGNED_VALUE_BYTES = 1024 * 1024;

    private SealedOfdVerifier() {
    }

    /**
     * @param ofd the package bytes, untrusted
     * @param trust the centre's trust list
     * @param now the kiosk's clock: certificates, seal and body must be in date now as well as
     *     when the seal was applied
     * @return what the document is, if every check holds
     * @throws OfdException why it is refused; no other exception for any content of {@code ofd}
     */
    public static VerifiedOfd verify(byte[] ofd, TrustList trust, Instant now) throws OfdException {
        // Outside the try: a missing trust list or clock is the caller's bug, not a bad document.
        java.util.Objects.requireNonNull(trust, "trust");
        java.util.Objects.requireNonNull(now, "now");
        try {
            return check(OfdArchive.read(ofd), trust, now);
        } catch (RuntimeException e) {
            // BouncyCastle's ASN.1 classes and ofdrw's wrappers report bad input with
            // IllegalArgumentException, ClassCastException, IllegalStateException...: whatever
            // they throw, the document is unreadable, and the kiosk gets one exception type.
            throw new OfdException(MALFORMED, "unreadable structure: " + e.getClass().getSimpleName(), e);
        }
    }

    private static VerifiedOfd check(OfdArchive a, TrustList trust, Instant now) throws OfdException {
        // 1. Structure: OFD.xml -> the one document body -> its signatures.
        Element ofd = SafeXml.parse(a, "OFD.xml", "OFD");
        List<Element> bodies = SafeXml.children(ofd, "DocBody");
        if (bodies.size() != 1) {
            throw new OfdException(MALFORMED, bodies.size() + " document bodies (one expected)");
        }
        Element docBody = bodies.get(0);
        String docRootLoc = SafeXml.childText(docBody, "DocRoot");
        if (docRootLoc == null || docRootLoc.isEmpty()) {
            throw new OfdException(MALFORMED, "no DocRoot");
        }
        String docPath = OfdArchive.resolve("OFD.xml", docRootLoc);
        String sigsLoc = SafeXml.childText(docBody, "Signatures");
        if (sigsLoc == null || sigsLoc.isEmpty()) {
            throw new OfdException(NOT_SIGNED, "no Signatures");
        }
        String sigsPath = OfdArchive.resolve("OFD.xml", sigsLoc);
        Element sigs = SafeXml.parse(a, sigsPath, "Signatures");
        List<Element> sigList = SafeXml.children(sigs, "Signature");
        if (sigList.isEmpty()) {
            throw new OfdException(NOT_SIGNED, "empty Signatures");
        }
        if (sigList.size() > 1) {
            // The issuer seals once, WholeProtected. A second signature could not be covered by
            // the first, and accepting "any one of them verifies" would let files ride along.
            throw new OfdException(UNSIGNED_CONTENT, sigList.size() + " signatures (one expected)");
        }
        Element sigRef = sigList.get(0);
        String type = sigRef.getAttribute("Type");
        if (!type.isEmpty() && !type.equals("Seal")) {
            throw new OfdException(SEAL_INVALID, "signature type " + type + " is not a seal");
        }
        String sigPath = OfdArchive.resolve(sigsPath, sigRef.getAttribute("BaseLoc"));
        byte[] sigXmlBytes = a.required(sigPath);
        Element sig = SafeXml.parse(a, sigPath, "Signature");
        Element signedInfo = SafeXml.required(sig, "SignedInfo");
        String svLoc = SafeXml.childText(sig, "SignedValue");
        if (svLoc == null || svLoc.isEmpty()) {
            throw new OfdException(MALFORMED, "no SignedValue");
        }
        String svPath = OfdArchive.resolve(sigPath, svLoc);
        if (svPath.equals(sigPath)) {
            throw new OfdException(MALFORMED, "SignedValue is Signature.xml");
        }

        // 2. Every referenced file's SM3 digest; then nothing in the package left out.
        Element refs = SafeXml.required(signedInfo, "References");
        String method = refs.getAttribute("CheckMethod");
        if (!(method.isEmpty() || method.equalsIgnoreCase("SM3") || method.equals(GmCrypto.SM3_OID))) {
            throw new OfdException(SEAL_INVALID, "digest method " + method + " (SM3 required)");
        }
        Set<String> covered = new HashSet<>();
        for (Element r : SafeXml.children(refs, "Reference")) {
            String p = OfdArchive.resolve(sigPath, r.getAttribute("FileRef"));
            byte[] data = a.entry(p).orElseThrow(() -> new OfdException(TAMPERED, "signed file missing " + p));
            String cv = SafeXml.childText(r, "CheckValue");
            byte[] expect;
            try {
                expect = Base64.getMimeDecoder().decode(cv == null ? "" : cv);
            } catch (IllegalArgumentException e) {
                throw new OfdException(MALFORMED, "CheckValue not base64 for " + p);
            }
            if (expect.length != 32 || !MessageDigest.isEqual(expect, GmCrypto.sm3(data))) {
                throw new OfdException(TAMPERED, "digest differs for " + p);
            }
            covered.add(p);
        }
        for (String name : a.names()) {
            if (!covered.contains(name) && !name.equals(sigPath) && !name.equals(svPath)) {
                throw new OfdException(UNSIGNED_CONTENT, "not covered by the seal: " + name);
            }
        }

        // 3. The signature value: SES_Signature (GB/T 38540 v4) over Signature.xml.
        byte[] sv = a.required(svPath);
        if (sv.length > MAX_SIGNED_VALUE_BYTES) {
            throw new OfdException(MALFORMED, "SignedValue over " + MAX_SIGNED_VALUE_BYTES + " bytes");
        }
        Der.checkShape(sv, Der.MAX_DEPTH);
        SES_Signature ses = SES_Signature.getInstance(sv);
        if (!Arrays.equals(sv, encoded(ses))) {
            // GB/T 38540 says DER. Accepting other encodings of the same value (long-form
            // lengths, say) would let the signed bytes change while the signature still holds.
            throw new OfdException(MALFORMED, "SignedValue is not DER");
        }
        TBS_Sign tbs = ses.getToSign();
        if (tbs == null || tbs.getDataHash() == null || tbs.getEseal() == null || ses.getCert() == null
                || ses.getSignature() == null || ses.getSignatureAlgID() == null || tbs.getTimeInfo() == null) {
            throw new OfdException(MALFORMED, "incomplete SES_Signature");
        }
        if (tbs.getVersion() == null || tbs.getVersion().intValueExact() != SES_Header.V4.intValueExact()) {
            throw new OfdException(SEAL_INVALID, "SES_Signature is not version 4");
        }
        if (!MessageDigest.isEqual(tbs.getDataHash().getOctets(), GmCrypto.sm3(sigXmlBytes))) {
            throw new OfdException(TAMPERED, "Signature.xml changed after signing");
        }
        SESeal seal = tbs.getEseal();
        byte[] sealDer = encoded(seal);
        Element sealEl = SafeXml.child(signedInfo, "Seal");
        if (sealEl != null) {
            String sealLoc = SafeXml.childText(sealEl, "BaseLoc");
            if (sealLoc != null && !sealLoc.isEmpty()
                    && !Arrays.equals(sealDer, a.required(OfdArchive.resolve(sigPath, sealLoc)))) {
                throw new OfdException(SEAL_INVALID, "Seal.esl is not the seal that signed");
            }
        }
        if (!GmCrypto.SM2_WITH_SM3_OID.equals(ses.getSignatureAlgID().getId())) {
            throw new OfdException(BAD_SIGNATURE, "signature algorithm " + ses.getSignatureAlgID().getId());
        }
        byte[] signerDer = ses.getCert().getOctets();
        X509Certificate signer = GmCrypto.certificate(signerDer);
        if (!sm2Verifies(signer.getPublicKey(), encoded(tbs), ses.getSignature().getOctets())) {
            throw new OfdException(BAD_SIGNATURE, "signer's signature does not verify");
        }
        Instant signedAt = time(tbs.getTimeInfo());

        // 4. The seal itself: made and signed by the maker, naming this signer.
        SES_SealInfo info = seal.geteSealInfo();
        if (info == null || info.getHeader() == null || info.getProperty() == null || seal.getCert() == null
                || seal.getSignAlgID() == null || seal.getSignedValue() == null) {
            throw new OfdException(MALFORMED, "incomplete SESeal");
        }
        if (info.getHeader().getVersion() == null
                || info.getHeader().getVersion().intValueExact() != SES_Header.V4.intValueExact()
                || info.getHeader().getId() == null || !"ES".equals(info.getHeader().getId().getString())) {
            throw new OfdException(SEAL_INVALID, "seal header is not GB/T 38540 v4");
        }
        if (!GmCrypto.SM2_WITH_SM3_OID.equals(seal.getSignAlgID().getId())) {
            throw new OfdException(SEAL_INVALID, "seal signature algorithm " + seal.getSignAlgID().getId());
        }
        X509Certificate maker = GmCrypto.certificate(seal.getCert().getOctets());
        // Keyed by the digest of the whole seal (maker certificate, info and signature value):
        // the same bytes verify the same way every time.
        String sealKey = java.util.HexFormat.of().formatHex(GmCrypto.sm3(sealDer));
        if (!trust.verifiedSeals.contains(sealKey)) {
            if (!sm2Verifies(maker.getPublicKey(), encoded(info), seal.getSignedValue().getOctets())) {
                throw new OfdException(SEAL_INVALID, "seal maker's signature does not verify");
            }
            if (trust.verifiedSeals.size() < TrustList.MEMO_LIMIT) {
                trust.verifiedSeals.add(sealKey);
            }
        }
        SES_ESPropertyInfo prop = info.getProperty();
        if (prop.getCertListType() == null || !SES_ESPropertyInfo.CertListType.equals(prop.getCertListType())
                || prop.getCertList() == null || prop.getCertList().getCerts() == null) {
            throw new OfdException(SEAL_INVALID, "seal lists no certificates");
        }
        boolean named = false;
        CertInfoList certs = prop.getCertList().getCerts();
        for (ASN1OctetString c : certs) {
            named |= Arrays.equals(c.getOctets(), signerDer);
        }
        if (!named) {
            throw new OfdException(SEAL_INVALID, "signer is not a holder of the seal");
        }
        if (prop.getValidStart() == null || prop.getValidEnd() == null || prop.getName() == null) {
            throw new OfdException(MALFORMED, "seal without name or validity");
        }

        // 5. Trust: both certificates from a listed root, the signer listed for a body.
        X509Certificate signerRoot = issuingRoot(signer, trust);
        X509Certificate makerRoot = trust.roots().stream().anyMatch(r -> sameCert(r, maker)) ? maker : issuingRoot(maker, trust);
        String fp = GmCrypto.fingerprint(signer);
        TrustList.Body body = trust.bodyForSigner(fp)
                .orElseThrow(() -> new OfdException(UNTRUSTED, "signer not listed for any issuing body"));

        // 6. Dates: at signing and now. An e-license must be valid when it is used at the kiosk.
        if (signedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new OfdException(EXPIRED, "signed in the future");
        }
        for (Instant t : new Instant[] {signedAt, now}) {
            String when = t == now ? "now" : "at signing";
            inDate(signer, t, "signer certificate " + when);
            inDate(maker, t, "seal maker certificate " + when);
            inDate(signerRoot, t, "root certificate " + when);
            inDate(makerRoot, t, "root certificate " + when);
            if (t.isBefore(time(prop.getValidStart())) || t.isAfter(time(prop.getValidEnd()))) {
                throw new OfdException(EXPIRED, "seal not valid " + when);
            }
            if (!body.validAt(t)) {
                throw new OfdException(EXPIRED, "issuing body not listed as valid " + when);
            }
        }

        // Verified. What the kiosk uses: page count, structured data.
        Element doc = SafeXml.parse(a, docPath, "Document");
        Element pages = SafeXml.required(doc, "Pages");
        int pageCount = SafeXml.children(pages, "Page").size();
        if (pageCount == 0) {
            throw new OfdException(MALFORMED, "no pages");
        }
        byte[] data = structuredData(a, doc, docPath);
        return new VerifiedOfd(body.code(), body.name(), prop.getName().getString(), signedAt, fp, data, a, pageCount);
    }

    /** The {@link VerifiedOfd#DATA_ATTACHMENT} file's bytes, or null if the document has none. */
    private static byte[] structuredData(OfdArchive a, Element doc, String docPath) throws OfdException {
        String attLoc = SafeXml.childText(doc, "Attachments");
        if (attLoc == null || attLoc.isEmpty()) {
            return null;
        }
        String attPath = OfdArchive.resolve(docPath, attLoc);
        Element atts = SafeXml.parse(a, attPath, "Attachments");
        byte[] found = null;
        for (Element at : SafeXml.children(atts, "Attachment")) {
            if (VerifiedOfd.DATA_ATTACHMENT.equals(at.getAttribute("Name"))) {
                if (found != null) {
                    throw new OfdException(MALFORMED, "two attachments named " + VerifiedOfd.DATA_ATTACHMENT);
                }
                String loc = SafeXml.childText(at, "FileLoc");
                found = a.required(OfdArchive.resolve(attPath, loc == null ? "" : loc));
            }
        }
        return found;
    }

    private static boolean sm2Verifies(PublicKey key, byte[] data, byte[] sig) throws OfdException {
        try {
            Signature s = Signature.getInstance(GmCrypto.SM2_WITH_SM3, GmCrypto.BC);
            s.initVerify(key);
            s.update(data);
            return s.verify(sig);
        } catch (GeneralSecurityException e) {
            return false; // wrong key type or an undecodable signature: it does not verify
        }
    }

    private static X509Certificate issuingRoot(X509Certificate cert, TrustList trust) throws OfdException {
        String fp = GmCrypto.fingerprint(cert);
        X509Certificate known = trust.issuedBy.get(fp);
        if (known != null) {
            return known;
        }
        X509Certificate root = verifiedRoot(cert, trust);
        if (trust.issuedBy.size() < TrustList.MEMO_LIMIT) {
            trust.issuedBy.put(fp, root);
        }
        return root;
    }

    private static X509Certificate verifiedRoot(X509Certificate cert, TrustList trust) throws OfdException {
        for (X509Certificate root : trust.roots()) {
            if (!root.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                continue;
            }
            try {
                cert.verify(root.getPublicKey(), GmCrypto.BC);
                if (!GmCrypto.SM2_WITH_SM3_OID.equals(cert.getSigAlgOID())) {
                    continue;
                }
                return root;
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this root: try the next one with the same name
            }
        }
        throw new OfdException(UNTRUSTED, "certificate not issued by a trusted root");
    }

    private static boolean sameCert(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            return false;
        }
    }

    private static void inDate(X509Certificate c, Instant t, String what) throws OfdException {
        if (t.isBefore(c.getNotBefore().toInstant()) || t.isAfter(c.getNotAfter().toInstant())) {
            throw new OfdException(EXPIRED, what + " out of its validity");
        }
    }

    private static Instant time(ASN1GeneralizedTime t) throws OfdException {
        try {
            return t.getDate().toInstant();
        } catch (ParseException e) {
            throw new OfdException(MALFORMED, "bad time");
        }
    }

    private static byte[] encoded(org.bouncycastle.asn1.ASN1Object o) throws OfdException {
        try {
            return o.getEncoded("DER");
        } catch (java.io.IOException e) {
            throw new OfdException(MALFORMED, "cannot encode " + o.getClass().getSimpleName());
        }
    }
}
