package org.zizhu.kiosk.central;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.UUID;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.catalog.Text;

/**
 * HTTP client for the central platform API: JSON over java.net.http with a timeout on every
 * call, a size cap on answers, an idempotency key on every write, and every failure mapped to
 * a {@link CentralException} the UI can explain. Reports each outcome to {@link LinkState}.
 */
public final class CentralClient {
    /** Answers larger than this are refused: the centre never needs to send more. */
    static final int MAX_BODY_BYTES = 8 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String terminalId;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final LinkState link;

    /** A successful answer: status (200 or 304), body (null for 304) and ETag if any. */
    public record Answer(int status, JsonNode body, String etag) {
    }

    public CentralClient(URI base, String terminalId, Duration connectTimeout, Duration requestTimeout, LinkState link) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.terminalId = terminalId;
        this.requestTimeout = requestTimeout;
        this.link = link;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    public String terminalId() {
        return terminalId;
    }

    public LinkState link() {
        return link;
    }

    /** GET with an optional If-None-Match; 200 and 304 are answers, anything else throws. */
    public Answer get(String path, String ifNoneMatch) throws CentralException {
        HttpRequest.Builder b = request(path).GET();
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return send("GET", path, b.build());
    }

    /** POST a JSON body with an idempotency key (a fresh one if null). */
    public Answer post(String path, JsonNode body, String idempotencyKey) throws CentralException {
        String key = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
        HttpRequest r = request(path).header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return send("POST", path, r);
    }

    private HttpRequest.Builder request(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return HttpRequest.newBuilder(base.resolve(p)).timeout(requestTimeout)
                .header("X-Terminal-Id", terminalId).header("Accept", "application/json");
    }

    private Answer send(String method, String path, HttpRequest request) throws CentralException {
        long start = System.nanoTime();
        try {
            Answer a = exchange(request);
            link.succeeded();
            EventLog.event(EventId.CENTRAL_REQUEST, Outcome.SUCCESS, "method", method, "path", path,
                    "status", a.status(), "ms", (System.nanoTime() - start) / 1_000_000);
            return a;
        } catch (CentralException e) {
            link.failed(e);
            EventLog.event(EventId.CENTRAL_REQUEST, Outcome.FAILURE, "method", method, "path", path,
                    "kind", e.kind().name(), "status", e.status(), "ms", (System.nanoTime() - start) / 1_000_000);
            throw e;
        }
    }

    private Answer exchange(HttpRequest request) throws CentralException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new CentralException(CentralException.Kind.UNREACHABLE, 0, "connect timeout", null, e);
        } catch (HttpTimeoutException e) {
            throw new CentralException(CentralException.Kind.TIMEOUT, 0, "no answer in " + requestTimeout.toMillis() + " ms", null, e);
        } catch (ConnectException e) {
            throw new CentralException(CentralException.Kind.UNREACHABLE, 0, "connection refused", null, e);
        } catch (IOException e) {
            throw new CentralException(CentralException.Kind.UNREACHABLE, 0, "connection failed: " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CentralException(CentralException.Kind.TIMEOUT, 0, "interrupted", null, e);
        }
        int status = response.statusCode();
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new CentralException(CentralException.Kind.UNREACHABLE, status, "answer cut off: " + e, null, e);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new CentralException(CentralException.Kind.BAD_RESPONSE, status, "answer larger than " + MAX_BODY_BYTES + " bytes", null, null);
        }
        String etag = response.headers().firstValue("ETag").orElse(null);
        if (status == 304) {
            return new Answer(304, null, etag);
        }
        JsonNode body = null;
        if (bytes.length > 0) {
            try {
                body = JSON.readTree(bytes);
            } catch (IOException e) {
                if (status >= 200 && status < 300) {
                    throw new CentralException(CentralException.Kind.BAD_RESPONSE, status, "answer is not JSON", null, e);
                }
            }
        }
        if (status >= 200 && status < 300) {
            if (body == null) {
                throw new CentralException(CentralException.Kind.BAD_RESPONSE, status, "empty answer", null, null);
            }
            return new Answer(status, body, etag);
        }
        Text message = errorMessage(body);
        String code = body != null ? body.path("code").asText("") : "";
        if (status >= 500) {
            throw new CentralException(CentralException.Kind.UNAVAILABLE, status, code, message, null);
        }
        throw new CentralException(CentralException.Kind.REJECTED, status, code, message, null);
    }

    private static Text errorMessage(JsonNode body) {
        if (body == null) {
            return null;
        }
        JsonNode m = body.path("message");
        String zh = m.path("zh").asText("");
        String en = m.path("en").asText("");
        if (zh.isBlank() || en.isBlank() || zh.length() > 200 || en.length() > 400) {
            return null;
        }
        return new Text(zh, en);
    }
}
