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
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
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
 * checks what comes back (the certificate is for our key and chains to the returned CA, which
 * is the CA the server proved itself with), stores the credentials (0600) and installs them in
 * the client.
 *
 * <p>Trust before enrolment ({@link CaPin}): the server must prove, during the TLS handshake and
 * so before the code leaves the terminal, that its certificate chains up to the pinned centre CA
 * ({@code central.caFingerprint}, or the one recorded at an earlier first-use enrolment). With
 * no pin yet (demo, or {@code central.trustOnFirstUse} in a lab) the first CA seen is trusted,
 * its fingerprint logged and shown for the technician to compare, and recorded as the pin.
 */
public final class Enrolment {
    private final CentralClient client;
    private final Path dataDir;
    private final CaPin pin;

    /** The outcome: the stored credentials, the CA fingerprint actually trusted and where its pin came from. */
    public record Result(TerminalCredentials credentials, String caFingerprint, CaPin.Source trust) {
        /** False when the CA was trusted on first use (it is recorded as the pin from now on). */
        public boolean pinned() {
            return trust != CaPin.Source.FIRST_USE;
        }
    }

    public Enrolment(CentralClient client, Path dataDir, CaPin pin) {
        this.client = client;
        this.dataDir = dataDir;
        this.pin = pin;
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
        PinnedCaTrustManager trust = new PinnedCaTrustManager(pin);
        HttpClient bootstrap = bootstrapClient(trust);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", code.strip().toUpperCase(Locale.ROOT));
        body.put("terminalId", wanted);
        body.put("csrPem", csrPem);
        JsonNode answer;
        try {
            answer = client.enrolVia(bootstrap, body, UUID.randomUUID().toString()).body();
        } catch (CentralException e) {
            if (trust.refusal().isPresent()) {
                // Refused in the handshake: nothing was sent. Say why in the technician's words, not the TLS stack's.
                EventLog.event(EventId.TERMINAL_ENROLLED, Outcome.FAILURE, "reason", "server-not-centre", "pin", pin.source().name());
                throw new CentralException(CentralException.Kind.REJECTED, 0, trust.refusal().get(), null, e);
            }
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
            // The CA we are told to trust from now on must be the one the server proved itself with.
            String proven = trust.anchorSha256().orElseThrow(() -> new CertificateException("no verified server certificate"));
            if (!TerminalCredentials.fingerprint(ca).equals(proven)) {
                throw new CertificateException("the returned CA is not the CA the server proved itself with");
            }
        } catch (GeneralSecurityException e) {
            EventLog.event(EventId.TERMINAL_ENROLLED, Outcome.FAILURE, "reason", "bad-answer");
            throw new CentralException(CentralException.Kind.BAD_RESPONSE, 200, "enrolment answer rejected: " + e.getMessage(), null, e);
        }
        String fp = TerminalCredentials.fingerprint(ca);
        if (pin.firstUse()) {
            // Recorded before the credentials: if storing fails half-way, the next attempt is pinned, not first use again.
            CaPin.record(dataDir, fp);
        }
        TerminalCredentials creds = new TerminalCredentials(answer.path("terminalId").asText(), keys.getPrivate(), cert, ca, Instant.now());
        creds.store(dataDir);
        try {
            client.useCredentials(creds);
        } catch (GeneralSecurityException e) {
            throw new IOException("stored credentials cannot be used: " + e.getMessage(), e);
        }
        EventLog.event(EventId.TERMINAL_ENROLLED, Outcome.SUCCESS, "terminalId", creds.terminalId(),
                "caSha256", fp, "pin", pin.source().name(), "notAfter", creds.notAfter().toString());
        return new Result(creds, fp, pin.source());
    }

    /**
     * A client that trusts the centre as enrolment would ({@code pin}, checked in the handshake),
     * for the commissioning wizard's network check before the terminal has credentials.
     */
    public static HttpClient unenrolledClient(CaPin pin) {
        return bootstrapClient(new PinnedCaTrustManager(pin));
    }

    /**
     * A TLS client for the one call before we have credentials, trusting only what the pin
     * allows (checked in the handshake, see {@link PinnedCaTrustManager}). No client key: the
     * terminal has none yet, and the centre accepts enrolment without one.
     */
    private static HttpClient bootstrapClient(PinnedCaTrustManager trust) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {trust}, null);
            return HttpClient.newBuilder().sslContext(ctx).version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(java.time.Duration.ofSeconds(10)).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
