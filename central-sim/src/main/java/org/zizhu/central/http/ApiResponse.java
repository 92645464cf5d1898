package org.zizhu.central.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** An API response: status, optional JSON body, extra headers. */
public record ApiResponse(int status, JsonNode body, Map<String, String> headers) {
    public static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body, Map.of());
    }

    public static ApiResponse notModified(String etag) {
        return new ApiResponse(304, null, Map.of("ETag", etag));
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, body, Map.copyOf(h));
    }

    public static ApiResponse error(int status, String code, String zh, String en, boolean retryable) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("code", code);
        ObjectNode m = e.putObject("message");
        m.put("zh", zh);
        m.put("en", en);
        e.put("retryable", retryable);
        return new ApiResponse(status, e, Map.of());
    }
}
