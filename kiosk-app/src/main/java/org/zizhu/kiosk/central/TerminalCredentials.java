package org.zizhu.kiosk.central;

import org.zizhu.tls.MutualTls;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.zizhu.kiosk.storage.SecureFiles;

/**
 * The terminal's identity at the centre, issued at enrolment and kept in
 * {@code <data.dir>/credentials/} (directory 0700, files 0600): {@code terminal-key.pem} (the
 * private key, generated on the terminal and never sent anywhere), {@code terminal-cert.pem}
 * (the client certificate the centre issued), {@code centre-ca.pem} (the only CA trusted for
 * the centre's server certificate) and {@code enrolment.properties} (terminal id, when).
 */
public final class TerminalCredentials {
    public static final String DIR = "credentials";

    private final String terminalId;
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final X509Certificate centreCa;
    private final Instant enrolledAt;

    public TerminalCredentials(String terminalId, PrivateKey key, X509Certificate certificate, X509Certificate centreCa, Instant enrolledAt) {
        this.terminalId = terminalId;
        this.key = key;
        this.certificate = certificate;
        this.centreCa = centreCa;
        this.enrolledAt = enrolledAt;
    }

    public static Path dir(Path dataDir) {
        return dataDir.resolve(DIR);
    }

    /** The stored credentials, or empty if this terminal has not been enrolled. */
    public static Optional<TerminalCredentials> load(Path dataDir) throws IOException {
        Path d = dir(dataDir);
        Path meta = d.resolve("enrolment.properties");
        if (!Files.exists(meta)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var r = new StringReader(new String(SecureFiles.read(meta), StandardCharsets.UTF_8))) {
            p.load(r);
        }
        try {
            PrivateKey key = readKey(new String(SecureFiles.read(d.resolve("terminal-key.pem")), StandardCharsets.UTF_8));
            X509Certificate cert = readCertificate(Files.readString(d.resolve("terminal-cert.pem")));
            X509Certificate ca = readCertificate(Files.readString(d.resolve("centre-ca.pem")));
            return Optional.of(new TerminalCredentials(p.getProperty("terminalId"), key, cert, ca,
                    Instant.parse(p.getProperty("enrolledAt"))));
        } catch (RuntimeException e) {
            throw new IOException("credentials in " + d + " are damaged: " + e.getMessage(), e);
        }
    }

    /** Writes all files; enrolment.properties last, so a crash mid-way leaves "not enrolled". */
    public void store(Path dataDir) throws IOException {
        Path d = SecureFiles.privateDir(dir(dataDir));
        Files.deleteIfExists(d.resolve("enrolment.properties"));
        SecureFiles.write(d.resolve("terminal-key.pem"), pem(new JcaPKCS8Generator(key, null)).getBytes(StandardCharsets.UTF_8));
        SecureFiles.write(d.resolve("terminal-cert.pem"), pem(certificate).getBytes(StandardCharsets.UTF_8));
        SecureFiles.write(d.resolve("centre-ca.pem"), pem(centreCa).getBytes(StandardCharsets.UTF_8));
        Properties p = new Properties();
        p.setProperty("terminalId", terminalId);
        p.setProperty("enrolledAt", enrolledAt.toString());
        p.setProperty("certificateNotAfter", certificate.getNotAfter().toInstant().toString());
        p.setProperty("centreCaSha256", fingerprint(centreCa));
        StringWriter w = new StringWriter();
        p.store(w, "Zizhu terminal enrolment (written by enrolment; do not edit)");
        SecureFiles.write(d.resolve("enrolment.properties"), w.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** TLS context presenting this terminal's certificate and trusting only the centre CA. */
    public SSLContext sslContext() throws GeneralSecurityException {
        return MutualTls.context("terminal", key, new X509Certificate[] {certificate, centreCa}, centreCa);
    }

    public String terminalId() {
        return terminalId;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public X509Certificate centreCa() {
        return centreCa;
    }

    public Instant enrolledAt() {
        return enrolledAt;
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** SHA-256 of a certificate's DER encoding, hex, lower case. */
    public static String fingerprint(X509Certificate c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(Object o) throws IOException {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
        }
        return sw.toString();
    }

    public static X509Certificate readCertificate(String pem) throws IOException {
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            if (!(p.readObject() instanceof X509CertificateHolder h)) {
                throw new IOException("not a PEM certificate");
            }
            return new JcaX509CertificateConverter().getCertificate(h);
        } catch (CertificateException e) {
            throw new IOException("bad certificate: " + e.getMessage(), e);
        }
    }

    static PrivateKey readKey(String pem) throws IOException {
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            Object o = p.readObject();
            JcaPEMKeyConverter c = new JcaPEMKeyConverter();
            if (o instanceof PrivateKeyInfo i) {
                return c.getPrivateKey(i);
            }
            if (o instanceof PEMKeyPair kp) {
                return c.getKeyPair(kp).getPrivate();
            }
            throw new IOException("not a PEM private key");
        }
    }
}
