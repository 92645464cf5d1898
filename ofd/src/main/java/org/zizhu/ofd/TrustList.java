package org.zizhu.ofd;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The centre's list of whom the kiosk believes: the seal CA root certificate(s) and the issuing
 * bodies (发证机关), each with the SHA-256 fingerprints of its signing certificates and the period
 * it may issue in. Immutable. Built from values, not JSON: the kiosk fetches and parses the list
 * (and checks how it got it); this module only applies it.
 *
 * <p>Why fingerprints and not only the chain: the root certifies every body's key, so a chain
 * check alone would say "some body signed this". The fingerprint says which body, and the centre
 * can withdraw one body's key by dropping its fingerprint without re-keying the root.
 */
public final class TrustList {
    // Immutable as far as callers can tell: the only mutable state is a memo of pure checks.
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

    /** An issuing body: code (e.g. a unified social credit code), Chinese name, signer keys, period. */
    public record Body(String code, String name, Set<String> signerFingerprints, Instant validFrom, Instant validUntil) {
        public Body {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(validFrom, "validFrom");
            Objects.requireNonNull(validUntil, "validUntil");
            if (code.isBlank() || name.isBlank()) {
                throw new IllegalArgumentException("blank body code or name");
            }
            if (validUntil.isBefore(validFrom)) {
                throw new IllegalArgumentException("body " + code + " valid until before valid from");
            }
            signerFingerprints = Set.copyOf(signerFingerprints.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList());
            if (signerFingerprints.isEmpty()) {
                throw new IllegalArgumentException("body " + code + " has no signer");
            }
            for (String f : signerFingerprints) {
                if (!FINGERPRINT.matcher(f).matches()) {
                    throw new IllegalArgumentException("body " + code + ": not a SHA-256 hex fingerprint");
                }
            }
        }

        public boolean validAt(Instant t) {
            return !t.isBefore(validFrom) && !t.isAfter(validUntil);
        }
    }

    private final List<X509Certificate> roots;
    private final List<Body> bodies;
    private final Map<String, Body> bySigner;
    /**
     * Memo of checks that depend only on exact bytes and this list: certificate fingerprint →
     * the root that verifiably issued it, and seal digest → the maker's signature verified. Every
     * licence from one body carries the same signer certificate and seal, so after the first
     * document only the per-document signature costs an SM2 verification (about 1 ms each on
     * the development box). Bounded: once full, nothing more is remembered.
     */
    final Map<String, X509Certificate> issuedBy = new java.util.concurrent.ConcurrentHashMap<>();
    final Set<String> verifiedSeals = java.util.concurrent.ConcurrentHashMap.newKeySet();
    static final int MEMO_LIMIT = 1024;

    public TrustList(Collection<X509Certificate> roots, Collection<Body> bodies) {
        this.roots = List.copyOf(roots);
        this.bodies = List.copyOf(bodies);
        if (this.roots.isEmpty()) {
            throw new IllegalArgumentException("a trust list needs a root certificate");
        }
        Map<String, Body> m = new HashMap<>();
        for (Body b : this.bodies) {
            for (String f : b.signerFingerprints()) {
                // One key, one body: otherwise a document would not say who issued it.
                if (m.putIfAbsent(f, b) != null) {
                    throw new IllegalArgumentException("signer certificate listed for two bodies: " + f);
                }
            }
        }
        this.bySigner = Map.copyOf(m);
    }

    public List<X509Certificate> roots() {
        return roots;
    }

    public List<Body> bodies() {
        return bodies;
    }

    /** The body whose signer has this SHA-256 fingerprint (lower-case hex). */
    public Optional<Body> bodyForSigner(String fingerprint) {
        return Optional.ofNullable(bySigner.get(fingerprint.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return "TrustList[" + roots.size() + " roots, " + bodies.size() + " bodies]";
    }
}
