package org.zizhu.central.security;

import org.zizhu.tls.MutualTls;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * The centre's certificate authority: a P-256 CA that signs the centre's TLS server
 * certificate and every terminal's client certificate (from the CSR sent at enrolment).
 * Generated at start, or kept in a state directory so terminals stay enrolled across restarts.
 */
public final class CentreCa {

    private final KeyPair caKey;
    private final X509Certificate caCert;
    private final KeyPair serverKey;
    private final X509Certificate serverCert;

    private CentreCa(KeyPair caKey, X509Certificate caCert, List<String> serverHosts) throws GeneralSecurityException {
        this.caKey = caKey;
        this.caCert = caCert;
        this.serverKey = Crypto.p256KeyPair();
        this.serverCert = issueServer(serverHosts);
    }

    /** A fresh CA (tests). */
    public static CentreCa generate(List<String> serverHosts) throws GeneralSecurityException {
        KeyPair k = Crypto.p256KeyPair();
        return new CentreCa(k, selfSigned(k), serverHosts);
    }

    /** Loads {@code ca-key.pem} and {@code ca-cert.pem} from {@code dir}, creating them on first use. */
    public static CentreCa loadOrCreate(Path dir, List<String> serverHosts) throws IOException, GeneralSecurityException {
        Path keyFile = dir.resolve("ca-key.pem");
        Path certFile = dir.resolve("ca-cert.pem");
        if (Files.exists(keyFile) && Files.exists(certFile)) {
            X509Certificate cert = Pem.certificate(Files.readString(certFile));
            // The JDK's own EC key (not BouncyCastle's): the JDK signs certificates and runs TLS with it.
            java.security.PrivateKey key = java.security.KeyFactory.getInstance("EC").generatePrivate(
                    new java.security.spec.PKCS8EncodedKeySpec(Pem.privateKey(Files.readString(keyFile)).getEncoded()));
            return new CentreCa(new KeyPair(cert.getPublicKey(), key), cert, serverHosts);
        }
        Files.createDirectories(dir);
        KeyPair k = Crypto.p256KeyPair();
        X509Certificate c = selfSigned(k);
        StateFiles.writePrivate(keyFile, Pem.encode(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(k.getPrivate(), null)));
        Files.writeString(certFile, Pem.encode(c));
        return new CentreCa(k, c, serverHosts);
    }

    private static X509Certificate selfSigned(KeyPair k) throws GeneralSecurityException {
        X500Name name = new X500Name("CN=Zizhu Central Simulator CA,O=Zizhu,C=CN");
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, Crypto.serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name, k.getPublic());
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return sign(b, k);
    }

    private X509Certificate issueServer(List<String> hosts) throws GeneralSecurityException {
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert, Crypto.serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(825))),
                new X500Name("CN=" + hosts.get(0) + ",O=Zizhu Central Simulator,C=CN"), serverKey.getPublic());
        List<GeneralName> names = new ArrayList<>();
        for (String h : hosts) {
            boolean ip = h.matches("[0-9.]+") || h.contains(":");
            names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, h));
        }
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return sign(b, caKey);
    }

    /**
     * Issues a terminal's client certificate for the public key in a CSR whose signature
     * proves possession of the private key. The subject is set by the centre (CN = terminal
     * id), whatever the CSR asked for.
     */
    public X509Certificate issueTerminal(PKCS10CertificationRequest csr, String terminalId, Duration validity)
            throws GeneralSecurityException {
        try {
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Crypto.BC).build(csr.getSubjectPublicKeyInfo()))) {
                throw new GeneralSecurityException("CSR signature does not verify");
            }
        } catch (OperatorCreationException | PKCSException e) {
            throw new GeneralSecurityException("CSR cannot be verified: " + e.getMessage(), e);
        }
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(
                org.bouncycastle.cert.jcajce.JcaX500NameUtil.getSubject(caCert), Crypto.serial(),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)),
                new X500Name("CN=" + terminalId + ",OU=terminals,O=Zizhu,C=CN"), csr.getSubjectPublicKeyInfo());
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return sign(b, caKey);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** The common name of a certificate's subject, or null. */
    public static String commonName(X509Certificate cert) {
        X500Name n = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        var rdns = n.getRDNs(BCStyle.CN);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    public X509Certificate caCertificate() {
        return caCert;
    }

    public X509Certificate serverCertificate() {
        return serverCert;
    }

    public BigInteger serverSerial() {
        return serverCert.getSerialNumber();
    }

    /** TLS server context: our server certificate, client certificates trusted if issued by this CA. */
    public SSLContext serverContext() throws GeneralSecurityException {
        return MutualTls.context("server", serverKey.getPrivate(), new X509Certificate[] {serverCert, caCert}, caCert);
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
