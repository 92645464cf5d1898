package org.zizhu.ofd;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.bouncycastle.jcajce.provider.digest.SM3;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Chinese commercial cryptography (国密: SM2 signatures, SM3 digests) this module needs,
 * on one shared BouncyCastle provider.
 *
 * <p>Why one instance and never {@code Security.addProvider}: a new {@code BouncyCastleProvider}
 * costs 30–40 ms (ofdrw's validator makes two per document, which is why it misses the kiosk's
 * 30 ms target), and registering it globally would change which provider every other part of
 * the kiosk (TLS, the central client) gets for "EC" or "SHA256withECDSA".
 */
public final class GmCrypto {
    /** Shared, not registered: pass it explicitly to {@code getInstance(…, BC)}. */
    public static final Provider BC = new BouncyCastleProvider();
    /** GB/T 38540 signature algorithm: SM2 over SM3 (1.2.156.10197.1.501). */
    public static final String SM2_WITH_SM3_OID = "1.2.156.10197.1.501";
    public static final String SM2_WITH_SM3 = "SM3withSM2";
    /** SM3 digest OID, one of the spellings GB/T 33190 allows for References@CheckMethod. */
    public static final String SM3_OID = "1.2.156.10197.1.401";

    private static final CertificateFactory CF;

    static {
        try {
            CF = CertificateFactory.getInstance("X.509", BC);
        } catch (CertificateException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private GmCrypto() {
    }

    public static byte[] sm3(byte[] data) {
        return new SM3.Digest().digest(data);
    }

    /** Lower-case hex SHA-256 of the DER certificate: how the trust list names a signer. */
    public static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateException e) {
            throw new IllegalStateException("SHA-256 of a certificate", e);
        }
    }

    /**
     * Parses a DER certificate from untrusted bytes. The shape is checked first (definite
     * lengths, bounded nesting) because BouncyCastle's parser recurses once per nesting level
     * and a crafted blob of nested SEQUENCE headers would otherwise overflow the stack.
     */
    public static X509Certificate certificate(byte[] der) throws OfdException {
        Der.checkShape(der, Der.MAX_DEPTH);
        try {
            synchronized (CF) { // CertificateFactorySpi instances are not documented as thread-safe
                return (X509Certificate) CF.generateCertificate(new ByteArrayInputStream(der));
            }
        } catch (CertificateException | RuntimeException e) {
            throw new OfdException(OfdException.Reason.MALFORMED, "unreadable certificate", e);
        }
    }
}
