package org.zizhu.central.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.zizhu.central.http.ApiResponse;

/** Small helpers shared by the simulator's operation handlers. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALNUM = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

    private Json() {
    }

    static ObjectNode obj() {
        return MAPPER.createObjectNode();
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String time(Instant i) {
        return i.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static void putOrNull(ObjectNode o, String field, String value) {
        if (value == null) {
            o.putNull(field);
        } else {
            o.put(field, value);
        }
    }

    static String text(JsonNode body, String field) {
        JsonNode n = body == null ? null : body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    static String randomId(String prefix, int len) {
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < len; i++) {
            sb.append(ALNUM[RANDOM.nextInt(ALNUM.length)]);
        }
        return sb.toString();
    }

    static String token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static ApiResponse badRequest(String zh, String en) {
        return ApiResponse.error(400, "BAD_REQUEST", zh, en, false);
    }

    static ApiResponse notFound(String zh, String en) {
        return ApiResponse.error(404, "NOT_FOUND", zh, en, false);
    }

    static ApiResponse forbidden(String zh, String en) {
        return ApiResponse.error(403, "FORBIDDEN", zh, en, false);
    }

    static ApiResponse conflict(String zh, String en) {
        return ApiResponse.error(409, "CONFLICT", zh, en, false);
    }

    static ApiResponse unauthorised(String zh, String en) {
        return ApiResponse.error(401, "UNAUTHORISED", zh, en, false);
    }
}
