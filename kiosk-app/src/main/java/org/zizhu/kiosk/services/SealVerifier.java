package org.zizhu.kiosk.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.CentralException;

/**
 * Checks the issuer's electronic seal on documents from the centre: an SM2 signature (GB/T
 * 32918, default signer id) over the SM3 digest of the exact content bytes, verified with
 * BouncyCastle against the key the centre publishes at {@code /onecert/issuer-keys} (cached by
 * key id, refetched once for an unknown id). A document whose seal does not verify is refused.
 */
public final class SealVerifier {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final byte[] SM2_USER_ID = "1234567812345678".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CentralClient client;
    /** The resident's text when a seal does not verify. */
    private final Messages messages;
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

    public SealVerifier(CentralClient client) {
        this.messages = new Messages();
        this.client = client;
    }

    public VerifiedDocument verify(JsonNode signed) throws CentralException {
        String keyId = signed.path("seal").path("keyId").asText();
        try {
            byte[] content = Base64.getDecoder().decode(signed.path("contentBase64").asText());
            byte[] sig = Base64.getDecoder().decode(signed.path("seal").path("valueBase64").asText());
            if (!"SM2-SM3".equals(signed.path("seal").path("algorithm").asText())) {
                throw new GeneralSecurityException("unsupported seal algorithm");
            }
            PublicKey key = key(keyId);
            Signature s = Signature.getInstance("SM3withSM2", BC);
            s.setParameter(new SM2ParameterSpec(SM2_USER_ID));
            s.initVerify(key);
            s.update(content);
            if (!s.verify(sig)) {
                throw new GeneralSecurityException("seal does not verify");
            }
            JsonNode doc = JSON.readTree(content);
            JsonNode t = signed.path("title");
            VerifiedDocument.Kind kind = VerifiedDocument.Kind.valueOf(signed.path("kind").asText());
            EventLog.event(EventId.SEAL_VERIFIED, Outcome.SUCCESS, "kind", kind.name(), "keyId", keyId);
            return new VerifiedDocument(signed.path("documentId").asText(), kind, new Text(t.path("zh").asText(), t.path("en").asText()), doc, keyId);
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            EventLog.event(EventId.SEAL_VERIFIED, Outcome.FAILURE, "keyId", keyId, "reason", e.getClass().getSimpleName());
            throw new CentralException(CentralException.Kind.BAD_RESPONSE, 200, "document seal rejected: " + e.getMessage(),
                    Text.of(messages, "error.sealInvalid"), e);
        }
    }

    private PublicKey key(String keyId) throws CentralException, IOException, GeneralSecurityException {
        PublicKey k = keys.get(keyId);
        if (k != null) {
            return k;
        }
        JsonNode list = client.call(CentralClient.Call.get("/onecert/issuer-keys", "/onecert/issuer-keys")).body();
        for (JsonNode n : list.path("keys")) {
            try (PEMParser p = new PEMParser(new StringReader(n.path("publicKeyPem").asText()))) {
                if (p.readObject() instanceof SubjectPublicKeyInfo info) {
                    keys.put(n.path("keyId").asText(), new JcaPEMKeyConverter().setProvider(BC).getPublicKey(info));
                }
            }
        }
        k = keys.get(keyId);
        if (k == null) {
            throw new GeneralSecurityException("unknown seal key " + keyId);
        }
        return k;
    }
}
