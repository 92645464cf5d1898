package org.zizhu.ofd.issue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.zizhu.ofd.GmCrypto;

/** PEM for the seal CA's and bodies' SM2 keys (PKCS#8) and certificates, in central-sim's style. */
final class Pem {
    private Pem() {
    }

    static String encode(Object o) {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            // PKCS#8 "PRIVATE KEY" keeps the SM2 curve OID; the default "EC PRIVATE KEY" would too,
            // but PKCS#8 is what openssl and other tools expect for SM2 keys.
            w.writeObject(o instanceof PrivateKey k ? new JcaPKCS8Generator(k, null) : o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    private static Object read(String pem) throws IOException {
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            Object o = p.readObject();
            if (o == null) {
                throw new IOException("no PEM object found");
            }
            return o;
        }
    }

    static X509Certificate certificate(String pem) throws IOException {
        if (!(read(pem) instanceof X509CertificateHolder h)) {
            throw new IOException("PEM is not a certificate");
        }
        try {
            return new JcaX509CertificateConverter().setProvider(GmCrypto.BC).getCertificate(h);
        } catch (CertificateException e) {
            throw new IOException("bad certificate: " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(String pem) throws IOException {
        Object o = read(pem);
        JcaPEMKeyConverter c = new JcaPEMKeyConverter().setProvider(GmCrypto.BC);
        if (o instanceof PEMKeyPair kp) {
            return c.getKeyPair(kp).getPrivate();
        }
        if (o instanceof PrivateKeyInfo pki) {
            return c.getPrivateKey(pki);
        }
        throw new IOException("PEM is not a private key");
    }
}
