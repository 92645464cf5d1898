package org.zizhu.central.security;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** PEM encoding and decoding of keys, certificates and CSRs (BouncyCastle's PEM support). */
public final class Pem {
    private Pem() {
    }

    public static String encode(Object o) {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
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

    public static X509Certificate certificate(String pem) throws IOException {
        if (!(read(pem) instanceof X509CertificateHolder h)) {
            throw new IOException("PEM is not a certificate");
        }
        try {
            return new JcaX509CertificateConverter().setProvider(Crypto.BC).getCertificate(h);
        } catch (CertificateException e) {
            throw new IOException("bad certificate: " + e.getMessage(), e);
        }
    }

    public static PKCS10CertificationRequest csr(String pem) throws IOException {
        if (!(read(pem) instanceof PKCS10CertificationRequest r)) {
            throw new IOException("PEM is not a certificate request");
        }
        return r;
    }

    public static PublicKey publicKey(String pem) throws IOException {
        if (!(read(pem) instanceof SubjectPublicKeyInfo i)) {
            throw new IOException("PEM is not a public key");
        }
        return new JcaPEMKeyConverter().setProvider(Crypto.BC).getPublicKey(i);
    }

    public static KeyPair keyPair(String pem) throws IOException {
        Object o = read(pem);
        JcaPEMKeyConverter c = new JcaPEMKeyConverter().setProvider(Crypto.BC);
        if (o instanceof PEMKeyPair kp) {
            return c.getKeyPair(kp);
        }
        throw new IOException("PEM is not a key pair");
    }

    public static PrivateKey privateKey(String pem) throws IOException {
        Object o = read(pem);
        JcaPEMKeyConverter c = new JcaPEMKeyConverter().setProvider(Crypto.BC);
        if (o instanceof PEMKeyPair kp) {
            return c.getKeyPair(kp).getPrivate();
        }
        if (o instanceof PrivateKeyInfo pki) {
            return c.getPrivateKey(pki);
        }
        throw new IOException("PEM is not a private key");
    }
}
