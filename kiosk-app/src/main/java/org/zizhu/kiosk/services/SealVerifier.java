package org.zizhu.kiosk.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.ids.IdChecks;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.ofd.OfdException;
import org.zizhu.ofd.SealedOfdVerifier;
import org.zizhu.ofd.TrustList;
import org.zizhu.ofd.VerifiedOfd;
import org.zizhu.privacy.Masking;

/**
 * Verifies every document from the centre before the kiosk uses it: a sealed OFD (GB/T 33190)
 * whose GB/T 38540 seal must verify over the whole package, by a body on the centre's trust
 * list ({@link SealedOfdVerifier}); then, on the data the seal covers: the identifier's check
 * character (GB/T 36904 for e-licenses), the validity dates, the issuing body named in the data
 * being the one that sealed it, and the holder being the identified person. Anything that fails
 * is refused with the resident's message {@code error.sealInvalid} and a {@code seal-verified}
 * failure event naming the reason; nothing unverified is printed or submitted.
 *
 * <p>The trust list is fetched from {@code /onecert/trust-list} and kept in a file (it is public
 * data), so documents verify while the link is down as far as the kept list allows; a document
 * from a signer the kept list does not name makes one fresh fetch (at most once a minute).
 */
public final class SealVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REFETCH_AT_MOST = Duration.ofMinutes(1);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /**
     * Whom a document must name as its holder: the identified person (ID number, or only its mask
     * for an app login), or the enterprise the person acts for (its unified social credit code).
     */
    public record Holder(String idNumber, String maskedIdNumber, String creditCode) {
        public Holder(String idNumber, String maskedIdNumber) {
            this(idNumber, maskedIdNumber, null);
        }

        public static Holder of(ResidentSession s) {
            return new Holder(s.idNumber(), s.maskedIdNumber(), null);
        }

        public static Holder enterprise(String creditCode) {
            return new Holder(null, null, creditCode);
        }

        boolean matches(JsonNode holder) {
            if (creditCode != null) {
                return creditCode.equals(holder.path("creditCode").asText(null));
            }
            String holderId = holder.path("idNumber").asText(null);
            if (holderId == null || !IdChecks.validIdNumber(holderId)) {
                return false;
            }
            return idNumber != null ? idNumber.equals(holderId) : Masking.idNumber(holderId).equals(maskedIdNumber);
        }

        @Override
        public String toString() {
            return creditCode != null ? "Holder[enterprise]" : "Holder[" + maskedIdNumber + "]";
        }
    }

    private final CentralClient client;
    private final Messages messages = new Messages();
    private final Path cacheFile;
    private final Clock clock;
    private volatile TrustList trust;
    private volatile Instant fetchedAt = Instant.EPOCH;

    /** {@code cacheFile}: where the trust list is kept between runs (null: memory only). */
    public SealVerifier(CentralClient client, Path cacheFile, Clock clock) {
        this.client = client;
        this.cacheFile = cacheFile;
        this.clock = clock;
    }

    /** Verifies {@code signed} (the contract's SignedDocument) as a document held by {@code holder}. */
    public VerifiedDocument verify(JsonNode signed, Holder holder) throws CentralException {
        String documentId = signed.path("documentId").asText();
        try {
            if (!"application/ofd".equals(signed.path("contentType").asText())) {
                throw new OfdException(OfdException.Reason.MALFORMED, "not an OFD document");
            }
            byte[] ofd = Base64.getDecoder().decode(signed.path("ofdBase64").asText());
            VerifiedOfd v = verified(ofd);
            byte[] data = v.structuredData().orElseThrow(() -> new Refusal("no sealed data"));
            JsonNode content = JSON.readTree(data);
            if (!content.isObject() || !content.equals(signed.path("data"))) {
                throw new Refusal("data differs from the sealed data");
            }
            VerifiedDocument.Kind kind = VerifiedDocument.Kind.valueOf(signed.path("kind").asText());
            checkContent(kind, documentId, content, v, holder);
            JsonNode t = signed.path("title");
            EventLog.event(EventId.SEAL_VERIFIED, Outcome.SUCCESS, "kind", kind.name(), "body", v.bodyCode());
            return new VerifiedDocument(documentId, kind, new Text(t.path("zh").asText(), t.path("en").asText()), content,
                    v.bodyName(), v.bodyCode(), ofd, sha256(ofd), content.path("verificationUrl").asText(""));
        } catch (OfdException e) {
            throw refused(e.reason().name(), e);
        } catch (Refusal e) {
            throw refused(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw refused("MALFORMED", e);
        }
    }

    private CentralException refused(String reason, Exception e) {
        EventLog.event(EventId.SEAL_VERIFIED, Outcome.FAILURE, "reason", reason);
        return new CentralException(CentralException.Kind.BAD_RESPONSE, 200, "document refused: " + e.getMessage(),
                Text.of(messages, "error.sealInvalid"), e);
    }

    private VerifiedOfd verified(byte[] ofd) throws OfdException, CentralException, IOException {
        Instant now = clock.instant();
        try {
            return SealedOfdVerifier.verify(ofd, trustList(), now);
        } catch (OfdException e) {
            // A body added (or re-keyed) since the list was kept: ask the centre once.
            if (e.reason() == OfdException.Reason.UNTRUSTED && Duration.between(fetchedAt, now).compareTo(REFETCH_AT_MOST) > 0) {
                refresh();
                return SealedOfdVerifier.verify(ofd, trust, now);
            }
            throw e;
        }
    }

    /** What the seal covers must also say the right things. */
    private void checkContent(VerifiedDocument.Kind kind, String documentId, JsonNode c, VerifiedOfd v, Holder holder)
            throws Refusal {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        if (kind == VerifiedDocument.Kind.E_LICENSE) {
            if (!IdChecks.validLicenseId(documentId) || !documentId.equals(c.path("licenseId").asText())) {
                throw new Refusal("license identifier fails its check or differs");
            }
            if (!v.bodyCode().equals(c.path("issuerCode").asText())) {
                throw new Refusal("sealed by another body than the issuer");
            }
            try {
                if (LocalDate.parse(c.path("issuedOn").asText()).isAfter(today)) {
                    throw new Refusal("issued in the future");
                }
                if (c.path("validUntil").isTextual() && LocalDate.parse(c.path("validUntil").asText()).isBefore(today)) {
                    throw new Refusal("EXPIRED_LICENSE");
                }
            } catch (DateTimeParseException e) {
                throw new Refusal("bad dates");
            }
        } else if (!documentId.equals(c.path("documentId").asText())) {
            throw new Refusal("certificate identifier differs");
        }
        if (holder != null && !holder.matches(c.path("holder"))) {
            throw new Refusal("HOLDER_MISMATCH");
        }
    }

    /** The trust list to verify with: the kept one, else the file, else the centre's. */
    public TrustList trustList() throws CentralException, IOException {
        TrustList t = trust;
        if (t != null) {
            return t;
        }
        if (cacheFile != null && Files.isRegularFile(cacheFile)) {
            try {
                trust = parse(JSON.readTree(Files.readAllBytes(cacheFile)));
                return trust;
            } catch (IOException | RuntimeException | CertificateException e) {
                EventLog.event(EventId.SEAL_VERIFIED, Outcome.FAILURE, "reason", "trust-list-file-unreadable");
            }
        }
        refresh();
        return trust;
    }

    private synchronized void refresh() throws CentralException, IOException {
        fetchedAt = clock.instant();
        JsonNode body = client.call(CentralClient.Call.get("/onecert/trust-list", "/onecert/trust-list")).body();
        try {
            trust = parse(body);
        } catch (CertificateException | RuntimeException e) {
            throw new CentralException(CentralException.Kind.BAD_RESPONSE, 200, "trust list unreadable: " + e.getMessage(),
                    Text.of(messages, "error.sealInvalid"), e);
        }
        if (cacheFile != null) {
            Path tmp = cacheFile.resolveSibling(cacheFile.getFileName() + ".tmp");
            Files.createDirectories(cacheFile.toAbsolutePath().getParent());
            Files.write(tmp, JSON.writeValueAsBytes(body));
            Files.move(tmp, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    static TrustList parse(JsonNode n) throws CertificateException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509", org.zizhu.ofd.GmCrypto.BC); // the JDK has no SM2 curve
        List<X509Certificate> roots = new ArrayList<>();
        for (JsonNode pem : n.path("rootsPem")) {
            roots.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(pem.asText().getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        }
        List<TrustList.Body> bodies = new ArrayList<>();
        for (JsonNode b : n.path("bodies")) {
            Set<String> fps = new LinkedHashSet<>();
            b.path("signerSha256").forEach(f -> fps.add(f.asText()));
            bodies.add(new TrustList.Body(b.path("code").asText(), b.path("name").asText(), fps,
                    Instant.parse(b.path("validFrom").asText()), Instant.parse(b.path("validUntil").asText())));
        }
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("trust list without a root");
        }
        return new TrustList(roots, bodies);
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A check on the sealed content failed; the message is the logged reason (no personal data). */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String reason) {
            super(reason);
        }
    }
}
