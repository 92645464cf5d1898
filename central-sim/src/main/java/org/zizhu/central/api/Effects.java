package org.zizhu.central.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.zizhu.central.http.ApiHandler;
import org.zizhu.central.http.ApiRequest;
import org.zizhu.central.http.ApiResponse;

/**
 * Makes every write idempotent the way a real centre must: the first request with a key is
 * applied and its successful answer stored; a repeat with the same key and body gets the
 * stored answer and changes nothing; the same key with a different body is refused (409).
 * Counts effects applied per key, so tests can prove each acknowledged write landed exactly
 * once however often it was retried.
 */
public final class Effects {
    private record Stored(String fingerprint, ApiResponse response) {
    }

    private final Map<String, Stored> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> applied = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final AtomicLong replays = new AtomicLong();

    public ApiResponse once(String key, String operationId, ApiRequest req, ApiHandler effect) throws Exception {
        if (key == null) {
            return effect.handle(req);
        }
        String fp = fingerprint(operationId, req.path(), req.body());
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            Stored s = answers.get(key);
            if (s != null) {
                if (!s.fingerprint.equals(fp)) {
                    return ApiResponse.error(409, "CONFLICT", "重复的请求标识用于不同的请求",
                            "Idempotency key reused for a different request", false);
                }
                replays.incrementAndGet();
                return s.response.withHeader("Idempotent-Replayed", "true");
            }
            ApiResponse r = effect.handle(req);
            if (r.status() >= 200 && r.status() < 300) {
                answers.put(key, new Stored(fp, r));
                applied.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            }
            return r;
        }
    }

    /** How many times the effect of the write with this key was applied (must be 0 or 1). */
    public long appliedWithKey(String key) {
        AtomicLong n = applied.get(key);
        return n == null ? 0 : n.get();
    }

    /** A snapshot of applied-effect counts per key. */
    public Map<String, Long> appliedCounts() {
        Map<String, Long> m = new java.util.HashMap<>();
        applied.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    public long replays() {
        return replays.get();
    }

    private static String fingerprint(String op, String path, JsonNode body) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((op + '\n' + path + '\n' + (body == null ? "" : body.toString())).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
