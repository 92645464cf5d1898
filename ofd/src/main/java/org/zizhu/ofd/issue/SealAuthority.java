package org.zizhu.ofd.issue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.ofdrw.gm.ses.v1.SES_ESPictrueInfo;
import org.ofdrw.gm.ses.v1.SES_Header;
import org.ofdrw.gm.ses.v4.SESeal;
import org.ofdrw.gm.ses.v4.SES_CertList;
import org.ofdrw.gm.ses.v4.SES_ESPropertyInfo;
import org.ofdrw.gm.ses.v4.SES_SealInfo;
import org.zizhu.ofd.GmCrypto;
import org.zizhu.ofd.TrustList;

/**
 * The centre's electronic seal CA (电子印章 root, simulated): an SM2 key with a self-signed
 * SM2/SM3 root certificate. It certifies each issuing body's signing key and, as the seal maker
 * (制章者), makes and signs each body's GB/T 38540 seal.
 *
 * <p>Centre side only: the kiosk gets the root certificate through the {@link TrustList}, never
 * this class.
 */
public final class SealAuthority {
    public static final String ROOT_NAME = "Zizhu Central Seal CA (simulated)";
    static final String KEY_FILE = "seal-ca.key.pem";
    static final String CERT_FILE = "seal-ca.crt.pem";
    private static final String ORG = "Zizhu Government Service Centre (simulated)";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Path sealFont;

    private SealAuthority(PrivateKey key, X509Certificate certificate, Path sealFont) {
        this.key = key;
        this.certificate = certificate;
        this.sealFont = sealFont;
    }

    /** A new root valid over [notBefore, notAfter]. */
    public static SealAuthority generate(Instant notBefore, Instant notAfter) {
        try {
            KeyPair kp = sm2KeyPair();
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, ORG).addRDN(BCStyle.CN, ROOT_NAME).build();
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(notBefore),
                    Date.from(notAfter), name, kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign
                            | KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            return new SealAuthority(kp.getPrivate(), sign(b, kp.getPrivate()), OfdIssuer.DEFAULT_CJK_FONT);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make the seal CA", e);
        }
    }

    /** A new root valid from an hour ago (clock skew between centre and kiosks) for 20 years. */
    public static SealAuthority generate() {
        Instant now = Instant.now();
        return generate(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(20 * 366)));
    }

    /**
     * The root kept in {@code dir} ({@value #KEY_FILE}, owner-only, and {@value #CERT_FILE}),
     * made there on first use. Bodies can be kept in the same directory.
     */
    public static SealAuthority loadOrCreate(Path dir) throws IOException {
        Path keyFile = dir.resolve(KEY_FILE);
        Path certFile = dir.resolve(CERT_FILE);
        if (Files.exists(keyFile) && Files.exists(certFile)) {
            return new SealAuthority(Pem.privateKey(Files.readString(keyFile, StandardCharsets.US_ASCII)),
                    Pem.certificate(Files.readString(certFile, StandardCharsets.US_ASCII)), OfdIssuer.DEFAULT_CJK_FONT);
        }
        Files.createDirectories(dir);
        SealAuthority ca = generate();
        StateFiles.writePrivate(keyFile, Pem.encode(ca.key));
        Files.writeString(certFile, Pem.encode(ca.certificate), StandardCharsets.US_ASCII);
        return ca;
    }

    /** The same CA drawing seal pictures with another CJK TrueType font (the default is WenQuanYi Zen Hei). */
    public SealAuthority withSealFont(Path font) {
        return new SealAuthority(key, certificate, Objects.requireNonNull(font));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * Makes an issuing body: a new SM2 signing key, its certificate signed by this root (CN the
     * body's name, serialNumber its code, valid over [validFrom, validUntil]) and its seal, made
     * and signed by this root as seal maker, listing that certificate and valid over the same
     * period.
     */
    public IssuingBody issueBody(String code, String nameZh, Instant validFrom, Instant validUntil) {
        if (!IssuingBody.CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("body code must match " + IssuingBody.CODE);
        }
        try {
            KeyPair kp = sm2KeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, ORG).addRDN(BCStyle.SERIALNUMBER, code)
                    .addRDN(BCStyle.CN, nameZh).build();
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate, serial(), Date.from(validFrom),
                    Date.from(validUntil), subject, kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            X509Certificate cert = sign(b, key);
            byte[] esl = makeSeal(code, nameZh, cert, validFrom, validUntil).getEncoded("DER");
            return new IssuingBody(code, nameZh, kp.getPrivate(), cert, esl);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make issuing body " + code, e);
        }
    }

    /**
     * The body {@code code} kept in {@code dir}, or a new one valid from an hour ago for
     * {@code validity}, saved there. A kept body is returned as kept even if its name differs.
     */
    public IssuingBody loadOrIssueBody(Path dir, String code, String nameZh, Duration validity) throws IOException {
        if (IssuingBody.exists(dir, code)) {
            return IssuingBody.load(dir, code);
        }
        Instant now = Instant.now();
        IssuingBody body = issueBody(code, nameZh, now.minus(Duration.ofHours(1)), now.plus(validity));
        body.save(dir);
        return body;
    }

    /** The trust list a kiosk needs to accept documents sealed by these bodies. */
    public TrustList trustList(Collection<IssuingBody> bodies) {
        List<TrustList.Body> entries = new ArrayList<>();
        for (IssuingBody b : bodies) {
            entries.add(b.trustEntry());
        }
        return new TrustList(List.of(certificate), entries);
    }

    /** GB/T 38540 §7 seal: SES_SealInfo (header, id, properties, picture) signed by the maker (this root). */
    private SESeal makeSeal(String code, String nameZh, X509Certificate signerCert, Instant validFrom,
                            Instant validUntil) throws GeneralSecurityException, IOException {
        SES_ESPropertyInfo prop = new SES_ESPropertyInfo()
                .setType(new ASN1Integer(1)) // 1 = official seal of an organisation (单位印章)
                .setName(new DERUTF8String(nameZh))
                .setCertListType(SES_ESPropertyInfo.CertListType)
                .setCertList(SES_CertList.getInstance(SES_ESPropertyInfo.CertListType,
                        new DERSequence(new DEROctetString(signerCert.getEncoded()))))
                .setCreateDate(new ASN1GeneralizedTime(new Date()))
                .setValidStart(new ASN1GeneralizedTime(Date.from(validFrom)))
                .setValidEnd(new ASN1GeneralizedTime(Date.from(validUntil)));
        SES_ESPictrueInfo picture = new SES_ESPictrueInfo().setType("PNG").setData(SealPicture.png(nameZh, sealFont))
                .setWidth(SealPicture.MILLIMETRES).setHeight(SealPicture.MILLIMETRES);
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        SES_SealInfo info = new SES_SealInfo()
                .setHeader(new SES_Header(SES_Header.V4, new DERIA5String("ZIZHU")))
                .setEsID(new DERIA5String(code + "-" + HexFormat.of().formatHex(id)))
                .setProperty(prop)
                .setPicture(picture);
        Signature s = Signature.getInstance(GmCrypto.SM2_WITH_SM3, GmCrypto.BC);
        s.initSign(key);
        s.update(info.getEncoded("DER"));
        return new SESeal().seteSealInfo(info).setCert(certificate)
                .setSignAlgID(GMObjectIdentifiers.sm2sign_with_sm3).setSignedValue(s.sign());
    }

    private static KeyPair sm2KeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", GmCrypto.BC);
        g.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).setBit(63); // positive, 8 bytes, unpredictable
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().setProvider(GmCrypto.BC)
                    .getCertificate(b.build(new JcaContentSignerBuilder(GmCrypto.SM2_WITH_SM3).setProvider(GmCrypto.BC).build(signer)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    @Override
    public String toString() {
        return "SealAuthority[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
