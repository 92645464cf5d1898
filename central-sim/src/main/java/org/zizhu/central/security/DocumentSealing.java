package org.zizhu.central.security;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.zizhu.ofd.TrustList;
import org.zizhu.ofd.issue.DocumentSpec;
import org.zizhu.ofd.issue.IssuingBody;
import org.zizhu.ofd.issue.OfdIssuer;
import org.zizhu.ofd.issue.SealAuthority;

/**
 * The centre's electronic seals (004_* article 18, GB/T 38540): one seal CA, one issuing body
 * (SM2 key, certificate, seal) per licensing authority and per office that issues certificates
 * on the spot, and every document issued as a sealed OFD (GB/T 33190).
 *
 * <p>It also remembers what it issued (identifier, kind, body, dates and the SHA-256 of the
 * exact bytes, never the content), which is what the verification page behind a print-out's
 * QR code answers from. An e-license is issued once per license and kept, so every fetch of it
 * returns the same bytes and the same digest.
 */
public final class DocumentSealing {
    /** How long a new body's certificate and seal are valid. */
    private static final Duration BODY_VALIDITY = Duration.ofDays(5 * 366);

    /** One issued document as the verification page knows it: no content, no holder. */
    public record Issued(String documentId, String kind, String titleZh, String bodyCode, String bodyName,
                         Instant issuedAt, LocalDate validUntil, String sha256) {
    }

    private final SealAuthority authority;
    private final Path stateDir;
    private final OfdIssuer issuer = new OfdIssuer();
    private final Map<String, IssuingBody> bodies = new ConcurrentHashMap<>();
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    private final Map<String, byte[]> kept = new ConcurrentHashMap<>();
    private final AtomicLong trustVersion = new AtomicLong(1);
    private Map<String, IssuingBody> sharedBodies;

    private DocumentSealing(SealAuthority authority, Path stateDir) {
        this.authority = authority;
        this.stateDir = stateDir;
    }

    /**
     * The in-memory seal CA and its bodies, shared by every simulator of this JVM without a state
     * dir (as one province's centres share one seal CA): making a CA and eight bodies costs
     * 0.4–2.5 s, and the test suite starts a simulator dozens of times.
     */
    private static final Map<String, IssuingBody> SHARED_BODIES = new ConcurrentHashMap<>();
    private static volatile SealAuthority shared;
    private static final java.util.concurrent.atomic.AtomicBoolean WARMED = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Seals kept under {@code stateDir/seals} (made there on first use), or in memory when it is
     * null (the JVM's shared in-memory seal CA; {@link #createFresh()} for one of its own).
     */
    public static DocumentSealing create(Path stateDir) throws IOException {
        if (stateDir == null) {
            synchronized (SHARED_BODIES) {
                if (shared == null) {
                    shared = SealAuthority.generate();
                }
            }
            DocumentSealing s = new DocumentSealing(shared, null);
            s.bodies.putAll(SHARED_BODIES);
            s.sharedBodies = SHARED_BODIES;
            return s;
        }
        Path dir = stateDir.resolve("seals");
        return new DocumentSealing(SealAuthority.loadOrCreate(dir), dir);
    }

    /** A seal CA of its own, in memory: another centre (tests of a seal the terminal must not trust). */
    public static DocumentSealing createFresh() {
        return new DocumentSealing(SealAuthority.generate(), null);
    }

    /** The body with this code, made (and kept, with a state dir) on first use. */
    public IssuingBody body(String code, String nameZh) {
        return bodies.computeIfAbsent(code, c -> {
            try {
                IssuingBody b = stateDir != null ? authority.loadOrIssueBody(stateDir, c, nameZh, BODY_VALIDITY)
                        : sharedBodies != null ? sharedBodies.computeIfAbsent(c, k -> authority.issueBody(k, nameZh,
                                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(BODY_VALIDITY)))
                        : authority.issueBody(c, nameZh, Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(BODY_VALIDITY));
                trustVersion.incrementAndGet();
                return b;
            } catch (IOException e) {
                throw new IllegalStateException("cannot keep issuing body " + c, e);
            }
        });
    }

    /**
     * Issues a sealed OFD for {@code spec} under the body's seal and records it. With
     * {@code keep}, the first document issued under this identifier is returned again (an
     * e-license is one document, fetched many times).
     */
    public byte[] issue(String kind, DocumentSpec spec, String bodyCode, String bodyName, LocalDate validUntil, boolean keep)
            throws IOException {
        if (keep) {
            byte[] k = kept.get(spec.documentId());
            if (k != null) {
                return k.clone();
            }
        }
        byte[] ofd = issuer.issue(spec, body(bodyCode, bodyName));
        issued.put(spec.documentId(), new Issued(spec.documentId(), kind, spec.title(), bodyCode, bodyName, Instant.now(),
                validUntil, sha256(ofd)));
        if (keep) {
            byte[] prior = kept.putIfAbsent(spec.documentId(), ofd);
            if (prior != null) {
                return prior.clone(); // two fetches raced: both answer the one that was kept
            }
        }
        return ofd.clone();
    }

    /**
     * Issues one throwaway document in the background (not recorded, not kept), so the first
     * resident's certificate does not pay for loading BouncyCastle, ofdrw and the CJK font
     * (seconds on a small machine): a real centre is warm, and a kiosk's deadline is not.
     */
    public void warmUpInBackground(String bodyCode, String bodyName) {
        if (!WARMED.compareAndSet(false, true)) {
            return; // once per JVM: what it loads stays loaded
        }
        Thread.ofVirtual().name("seal-warm-up").start(() -> {
            try {
                issuer.issue(new DocumentSpec("预热", List.of(new DocumentSpec.Line("编号", "WARM-UP")), bodyName, "WARM-UP",
                        LocalDate.now(), "https://example.invalid/verify/WARM-UP", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        body(bodyCode, bodyName));
            } catch (IOException | RuntimeException e) {
                // Only a warm-up: the first real document will say what is wrong.
            }
        });
    }

    public Optional<Issued> lookup(String documentId) {
        return Optional.ofNullable(issued.get(documentId));
    }

    public TrustList trustList() {
        return authority.trustList(List.copyOf(bodies.values()));
    }

    /** The contract's TrustList: the seal CA's certificate and each body with its signer fingerprints. */
    public ObjectNode trustListJson() {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("version", trustVersion.get());
        r.put("issuedAt", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        ArrayNode roots = r.putArray("rootsPem");
        try {
            roots.add("-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(authority.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        ArrayNode list = r.putArray("bodies");
        List<TrustList.Body> sorted = new ArrayList<>(trustList().bodies());
        sorted.sort(java.util.Comparator.comparing(TrustList.Body::code));
        for (TrustList.Body b : sorted) {
            ObjectNode o = list.addObject();
            o.put("code", b.code());
            o.put("name", b.name());
            ArrayNode f = o.putArray("signerSha256");
            b.signerFingerprints().stream().sorted().forEach(f::add);
            o.put("validFrom", b.validFrom().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            o.put("validUntil", b.validUntil().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        }
        return r;
    }

    public static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
