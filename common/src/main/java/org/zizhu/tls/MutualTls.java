package org.zizhu.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS context that presents one key and certificate chain and trusts exactly one CA: what both
 * ends of the terminal-to-centre link need (the terminal its enrolment certificate and the
 * centre CA; central-sim its server certificate and the CA that issues terminal certificates).
 */
public final class MutualTls {
    private static final char[] NO_PASSWORD = new char[0];

    private MutualTls() {
    }

    public static SSLContext context(String alias, PrivateKey key, X509Certificate[] chain, X509Certificate trustedCa)
            throws GeneralSecurityException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(alias, key, NO_PASSWORD, chain);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, NO_PASSWORD);
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("trusted-ca", trustedCa);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
