package org.zizhu.kiosk.enrol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.central.TerminalCredentials;

/**
 * Enrols this terminal with the centre using a one-time code from the technician: generates a
 * P-256 key pair on the terminal (the private key never leaves it), sends a CSR with the code,
 * checks what comes back (the certificate is for our key and chains to the returned CA, and
 * the server we talked to presented a certificate from that same CA), stores the credentials
 * (0600) and installs them in the client.
 *
 * <p>Trust before enrolment: if {@code central.caFingerprint} is set, the centre's CA must
 * have that SHA-256 fingerprint; if it is empty (demo), the first CA seen is accepted and its
 * fingerprint logged and shown, for the technician to compare.
 */
public final class Enrolment {
    private final CentralClient client;
    private final Path dataDir;
    private final String caFingerprint;

    /** The outcome: the stored credentials and the CA fingerprint actually trusted. */
    public record Result(TerminalCredentials credentials, String caFingerprint, boolean pinned) {
    }

    public Enrolment(CentralClient client, Path dataDir, String caFingerprint) {
        this.client = client;
        this.dataDir = dataDir;
        this.caFingerprint = caFingerprint == null ? "" : caFingerprint.replace(":", "").strip().toLowerCase(Locale.ROOT);
    }

    public Result enrol(String code) throws CentralException, IOException {
        if (!client.usesTls()) {
            throw new IllegalStateException("enrolment needs an https:// central.url (mutual TLS); plain HTTP mode has no credentials");
        }
        String wanted = client.terminalId();
        KeyPair keys;
        String csrPem;
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            keys = g.generateKeyPair();
            var csr = new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=" + wanted), keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            csrPem = TerminalCredentials.pem(csr);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the terminal key", e);
        }
        AtomicReference<X509Certificate[]> serverChain = new AtomicReference<>();
        HttpClient bootstrap = bootstrapClient(serverChain);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", code.strip().toUpperCase(Locale.ROOT));
        body.put("terminalId", wanted);
        body.put("csrPem", csrPem);
        JsonNode answer;
        try {
            answer = client.enrolVia(bootstrap, body, UUID.randomUUID().toString()).body();
        } catch (CentralException e) {
            EventLog.event(EventId.TERMINAL_ENROLLED, Outcome.FAILURE, "kind", e.kind().name(), "status", e.status());
            throw e;
        }
        X509Certificate cert;
        X509Certificate ca;
        try {
            cert = TerminalCredentials.readCertificate(answer.path("certificatePem").asText());
            ca = TerminalCredentials.readCertificate(answer.path("caCertificatePem").asText());
            cert.verify(ca.getPublicKey());
            if (!cert.getPublicKey().equals(keys.getPublic())) {
                throw new CertificateException("certificate is not for our key");
            }
            X509Certificate[] chain = serverChain.get();
            if (chain == null || chain.length == 0) {
                throw new CertificateException("no server certificate seen");
            }
            chain[0].verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            EventLog.event(EventId.TERMINAL_ENROLLED, Outcome.FAILURE, "reason", "bad-answer");
            throw new CentralException(CentralException.Kind.BAD_RESPONSE, 200, "enrolment answer rejected: " + e.getMessage(), null, e);
        }
        String fp = TerminalCredentials.fingerprint(ca);
        if (!caFingerprint.isEmpty() && !caFingerprint.equals(fp)) {
            EventLog.event(EventId.TERMINAL_ENROLLED, Outcome.FAILURE, "reason", "ca-fingerprint-mismatch", "caSha256", fp);
            throw new CentralException(CentralException.Kind.REJECTED, 0, "centre CA fingerprint " + fp + " is not the configured one", null, null);
        }
        TerminalCredentials creds = new TerminalCredentials(answer.path("terminalId").asText(), keys.getPrivate(), cert, ca, Instant.now());
        creds.store(dataDir);
        try {
            client.useCredentials(creds);
        } catch (GeneralSecurityException e) {
            throw new IOException("stored credentials cannot be used: " + e.getMessage(), e);
        }
        EventLog.event(EventId.TERMINAL_ENROLLED, Outcome.SUCCESS, "terminalId", creds.terminalId(),
                "caSha256", fp, "pinned", !caFingerprint.isEmpty(), "notAfter", creds.notAfter().toString());
        return new Result(creds, fp, !caFingerprint.isEmpty());
    }

    /**
     * A TLS client for the one call before we have credentials. It records the server's chain;
     * the chain is checked against the CA in the answer (and the pinned fingerprint) before
     * anything is stored, and the code is single-use, so a man in the middle gains nothing
     * unless the technician also skipped the fingerprint.
     */
    private static HttpClient bootstrapClient(AtomicReference<X509Certificate[]> seen) {
        TrustManager recordAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("not a server");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                seen.set(chain.clone());
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {recordAll}, null);
            return HttpClient.newBuilder().sslContext(ctx).version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(java.time.Duration.ofSeconds(10)).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
