package org.zizhu.kiosk.enrol;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.zizhu.kiosk.central.TerminalCredentials;

/**
 * Server trust for the one connection made before the terminal has credentials (enrolment).
 * The check runs inside the TLS handshake, so a server that is not the centre is refused
 * before the request, with its one-time code and CSR, is sent: the server's chain must contain
 * the certificate whose SHA-256 is the pin (the centre CA), and the chain must verify up to it
 * with the JDK's PKIX validation, host name check included. On first use (no pin) the top of
 * the chain is the anchor and its fingerprint is reported, to be recorded as the pin.
 *
 * <p>One instance per enrolment attempt: it keeps the anchor it accepted, or why it refused.
 */
final class PinnedCaTrustManager extends X509ExtendedTrustManager {
    private final CaPin pin;
    private final AtomicReference<String> anchor = new AtomicReference<>();
    private final AtomicReference<String> refusal = new AtomicReference<>();

    PinnedCaTrustManager(CaPin pin) {
        this.pin = pin;
    }

    /** SHA-256 of the CA the server's chain was verified up to, once a handshake succeeded. */
    Optional<String> anchorSha256() {
        return Optional.ofNullable(anchor.get());
    }

    /** Why the server was refused, if it was. */
    Optional<String> refusal() {
        return Optional.ofNullable(refusal.get());
    }

    /** A delegate check: the JDK's PKIX trust manager, called the way the handshake called us. */
    @FunctionalInterface
    private interface Check {
        void run(X509ExtendedTrustManager pkix) throws CertificateException;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, pkix -> pkix.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, pkix -> pkix.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, pkix -> pkix.checkServerTrusted(chain, authType));
    }

    private void check(X509Certificate[] chain, Check pkixCheck) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw refuse("the server presented no certificate");
        }
        X509Certificate ca = pin.firstUse() ? chain[chain.length - 1] : withPin(chain);
        if (ca == null) {
            throw refuse("centre CA fingerprint mismatch: the server's certificate chain has no certificate with the pinned SHA-256 "
                    + pin.sha256() + " (" + (pin.source() == CaPin.Source.CONFIGURED ? "central.caFingerprint" : "recorded at first enrolment")
                    + "); its top certificate is " + TerminalCredentials.fingerprint(chain[chain.length - 1])
                    + ". This is not the centre (or the pin is wrong); nothing was sent");
        }
        try {
            pkixCheck.run(trusting(ca));
        } catch (CertificateException e) {
            throw refuse("the server's certificate does not verify up to the centre CA " + TerminalCredentials.fingerprint(ca)
                    + ": " + e.getMessage());
        }
        anchor.set(TerminalCredentials.fingerprint(ca));
    }

    private X509Certificate withPin(X509Certificate[] chain) {
        for (X509Certificate c : chain) {
            if (TerminalCredentials.fingerprint(c).equals(pin.sha256())) {
                return c;
            }
        }
        return null;
    }

    private CertificateException refuse(String why) {
        refusal.set(why);
        return new CertificateException(why);
    }

    /** The JDK's PKIX trust manager with exactly this one anchor (chain, validity, key usage, host name). */
    private static X509ExtendedTrustManager trusting(X509Certificate ca) throws CertificateException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("centre-ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(ks);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    return x;
                }
            }
            throw new CertificateException("no PKIX trust manager available");
        } catch (GeneralSecurityException | IOException e) {
            throw new CertificateException("cannot set up PKIX validation: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
