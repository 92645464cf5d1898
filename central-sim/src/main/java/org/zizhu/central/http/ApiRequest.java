package org.zizhu.central.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A parsed API request: path parameters from the contract, headers, and the JSON body if any. */
public record ApiRequest(String method, String path, Map<String, String> pathParams,
                         Map<String, String> headers, JsonNode body) {
    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    public String terminalId() {
        return header("X-Terminal-Id");
    }
}
