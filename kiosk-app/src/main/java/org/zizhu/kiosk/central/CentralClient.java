package org.zizhu.kiosk.central;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.i18n.Text;

/**
 * HTTP client for the central platform API: JSON over java.net.http with a deadline on every
 * call that covers the whole exchange (connect, headers and the body to its last byte: a
 * centre or proxy that stalls mid-body is given up on, and the connection closed, when the
 * deadline passes), a size cap on answers, an idempotency key on every write, retries with
 * exponential backoff and jitter for calls that are safe to repeat (GETs, and writes, which
 * always carry a key), and every failure mapped to a {@link CentralException} the UI can
 * explain. Reports each outcome to {@link LinkState}.
 *
 * <p>Transport: an {@code https://} base URL means mutual TLS with the credentials from
 * enrolment ({@link #useCredentials}); until then every call fails {@code NOT_ENROLLED}. An
 * {@code http://} base URL is the plain development mode (no client authentication), meant
 * only for demos and tests against central-sim's development listener.
 */
public final class CentralClient {
    /** Answers larger than this are refused: the centre never needs to send more. */
    static final int MAX_BODY_BYTES = 8 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MIN_ATTEMPT = Duration.ofMillis(50);

    private final URI base;
    private final boolean tls;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final LinkState link;
    private volatile int maxAttempts = 3;
    private volatile Duration retryBase = Duration.ofMillis(100);
    private volatile String terminalId;
    private volatile HttpClient http;

    /** A successful answer: status (200 or 304), body (null for 304) and ETag if any. */
    public record Answer(int status, JsonNode body, String etag) {
    }

    /**
     * One call. {@code label} names it in logs instead of the concrete path (paths can carry
     * identifiers of a resident's documents). {@code retry}: may be repeated within the
     * deadline; {@code deadline}: the whole budget including retries (null: the configured
     * request timeout).
     */
    public record Call(String method, String path, String label, JsonNode body, String idempotencyKey,
                       Map<String, String> headers, boolean retry, Duration deadline) {
        public static Call get(String path, String label) {
            return new Call("GET", path, label, null, null, Map.of(), true, null);
        }

        /** A write; its idempotency key must stay the same across every retry of the same intent. */
        public static Call post(String path, String label, JsonNode body, String idempotencyKey) {
            return new Call("POST", path, label, body, idempotencyKey, Map.of(), true, null);
        }

        public Call header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Call(method, path, label, body, idempotencyKey, Map.copyOf(h), retry, deadline);
        }

        /** A single attempt (the outbox does its own retrying, spread over hours). */
        public Call once() {
            return new Call(method, path, label, body, idempotencyKey, headers, false, deadline);
        }

        public Call deadline(Duration d) {
            return new Call(method, path, label, body, idempotencyKey, headers, retry, d);
        }
    }

    public CentralClient(URI base, String terminalId, Duration connectTimeout, Duration requestTimeout, LinkState link) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.tls = "https".equals(this.base.getScheme().toLowerCase(Locale.ROOT));
        this.terminalId = terminalId;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.link = link;
        // Until credentials are installed an https client has no key to present; calls are refused before sending.
        this.http = tls ? null : newHttp(null);
    }

    private HttpClient newHttp(SSLContext ctx) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
        if (ctx != null) {
            b.sslContext(ctx);
        }
        return b.build();
    }

    /** Installs the enrolled identity: the terminal id from the certificate and the mutual-TLS context. */
    public void useCredentials(TerminalCredentials c) throws GeneralSecurityException {
        SSLContext ctx = c.sslContext();
        this.terminalId = c.terminalId();
        if (tls) {
            this.http = newHttp(ctx);
        }
    }

    /** Attempts per retrying call (1 = no retries) and the first backoff step. */
    public void retryPolicy(int attempts, Duration base) {
        this.maxAttempts = Math.max(1, attempts);
        this.retryBase = base;
    }

    public boolean usesTls() {
        return tls;
    }

    /** True when calls can be made: plain mode, or mutual TLS with credentials installed. */
    public boolean ready() {
        return http != null;
    }

    public URI base() {
        return base;
    }

    public String terminalId() {
        return terminalId;
    }

    public LinkState link() {
        return link;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** GET with an optional If-None-Match; 200 and 304 are answers, anything else throws. */
    public Answer get(String path, String ifNoneMatch) throws CentralException {
        Call c = Call.get(path, path);
        if (ifNoneMatch != null) {
            c = c.header("If-None-Match", ifNoneMatch);
        }
        return call(c);
    }

    /** POST a JSON body with an idempotency key (a fresh one if null, reused on retries). */
    public Answer post(String path, JsonNode body, String idempotencyKey) throws CentralException {
        return call(Call.post(path, path, body, idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString()));
    }

    /** What one {@link #download} call did: bytes now in the file, bytes fetched by this call, where it resumed. */
    public record Download(long fileSize, long fetched, long resumedFrom, boolean complete) {
    }

    /**
     * Fetches a binary file (a release tarball) into {@code file}, resuming from the bytes it
     * already holds with {@code Range: bytes=N-}: a 206 whose Content-Range starts at N is
     * appended, a 200 (the server ignored the range) starts the file over, a 416 (the file is
     * longer than the server's) discards it. Everything is bounded by {@code deadline}
     * (headers and body alike: at the deadline the stream is closed) and by {@code expectedSize};
     * bytes received before a cut-off stay in the file, forced to disk, for the next call.
     */
    public Download download(String path, Path file, long expectedSize, Duration deadline) throws CentralException {
        HttpClient h = http;
        if (h == null) {
            throw new CentralException(CentralException.Kind.NOT_ENROLLED, 0, "no terminal credentials", null, null);
        }
        long have;
        try {
            have = Files.exists(file) ? Files.size(file) : 0;
            if (have > expectedSize) {
                Files.delete(file);
                have = 0;
            }
        } catch (IOException e) {
            throw new CentralException(CentralException.Kind.BAD_RESPONSE, 0, "download file: " + e.getMessage(), null, e);
        }
        if (have == expectedSize) {
            return new Download(have, 0, have, true);
        }
        String p = path.startsWith("/") ? path.substring(1) : path;
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(p)).timeout(deadline)
                .header("X-Terminal-Id", terminalId).header("Accept", "application/octet-stream").GET();
        if (have > 0) {
            b.header("Range", "bytes=" + have + "-");
        }
        long end = System.nanoTime() + deadline.toNanos();
        CompletableFuture<HttpResponse<java.io.InputStream>> pending = h.sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<java.io.InputStream> response;
        try {
            response = pending.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw fail(new CentralException(CentralException.Kind.TIMEOUT, 0, "no answer in " + deadline.toMillis() + " ms", null, e), path);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new CentralException(CentralException.Kind.TIMEOUT, 0, "interrupted", null, e);
        } catch (ExecutionException e) {
            throw fail(failed(e.getCause(), 0, deadline), path);
        }
        int status = response.statusCode();
        long from;
        java.io.InputStream body = response.body();
        try (body) {
            if (status == 416) {
                Files.deleteIfExists(file);
                throw fail(new CentralException(CentralException.Kind.BAD_RESPONSE, status, "range not satisfiable: starting over", null, null), path);
            }
            if (status == 206) {
                String cr = response.headers().firstValue("Content-Range").orElse("");
                if (!cr.startsWith("bytes " + have + "-")) {
                    Files.deleteIfExists(file);
                    throw fail(new CentralException(CentralException.Kind.BAD_RESPONSE, status, "unexpected Content-Range", null, null), path);
                }
                from = have;
            } else if (status == 200) {
                from = 0;
            } else {
                throw fail(new CentralException(status >= 500 ? CentralException.Kind.UNAVAILABLE : CentralException.Kind.REJECTED,
                        status, "download refused", null, null), path);
            }
            // The deadline covers the body too: a stalled transfer is closed under the reader.
            long left = Math.max(1, (end - System.nanoTime()) / 1_000_000);
            java.util.concurrent.atomic.AtomicBoolean expired = new java.util.concurrent.atomic.AtomicBoolean();
            CompletableFuture<Void> closer = CompletableFuture.runAsync(() -> {
                expired.set(true);
                try {
                    body.close();
                } catch (IOException ignored) {
                    // closing is all that is wanted
                }
            }, CompletableFuture.delayedExecutor(left, TimeUnit.MILLISECONDS));
            long fetched = 0;
            java.nio.file.OpenOption[] opts = from == 0
                    ? new java.nio.file.OpenOption[] {java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING}
                    : new java.nio.file.OpenOption[] {java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.APPEND};
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, opts)) {
                byte[] buf = new byte[64 * 1024];
                try {
                    int n;
                    while ((n = body.read(buf)) > 0) {
                        if (from + fetched + n > expectedSize) {
                            throw new CentralException(CentralException.Kind.BAD_RESPONSE, status, "more bytes than the release's size", null, null);
                        }
                        ch.write(java.nio.ByteBuffer.wrap(buf, 0, n));
                        fetched += n;
                    }
                } catch (IOException e) {
                    ch.force(true);
                    CentralException ce = expired.get()
                            ? new CentralException(CentralException.Kind.TIMEOUT, status, "download not complete in " + deadline.toMillis() + " ms", null, e)
                            : new CentralException(CentralException.Kind.UNREACHABLE, status, "download cut off: " + e, null, e);
                    throw fail(ce, path);
                } finally {
                    closer.cancel(false);
                }
                ch.force(true);
            }
            link.succeeded();
            long size = from + fetched;
            EventLog.event(EventId.CENTRAL_REQUEST, Outcome.SUCCESS, "method", "GET", "path", path, "status", status, "bytes", fetched);
            return new Download(size, fetched, from, size == expectedSize);
        } catch (IOException e) {
            throw fail(new CentralException(CentralException.Kind.BAD_RESPONSE, status, "download file: " + e.getMessage(), null, e), path);
        }
    }

    private CentralException fail(CentralException e, String path) {
        link.failed(e);
        EventLog.event(EventId.CENTRAL_REQUEST, Outcome.FAILURE, "method", "GET", "path", path, "kind", e.kind().name(), "status", e.status());
        return e;
    }

    /** Makes a call, retrying transient failures within its deadline if it is retryable. */
    public Answer call(Call call) throws CentralException {
        HttpClient h = http;
        if (h == null) {
            CentralException e = new CentralException(CentralException.Kind.NOT_ENROLLED, 0, "no terminal credentials", null, null);
            EventLog.event(EventId.CENTRAL_REQUEST, Outcome.FAILURE, "method", call.method(), "path", call.label(), "kind", e.kind().name());
            throw e;
        }
        return callWith(h, call);
    }

    /** The enrolment call, over a client with the bootstrap trust (the one call without credentials). */
    public Answer enrolVia(HttpClient bootstrap, JsonNode body, String idempotencyKey) throws CentralException {
        return callWith(bootstrap, Call.post("/terminals/enrolments", "/terminals/enrolments", body, idempotencyKey));
    }

    /** Makes a call over a given client. */
    private Answer callWith(HttpClient h, Call call) throws CentralException {
        if (call.method().equals("POST") && call.idempotencyKey() == null) {
            throw new IllegalArgumentException("every write needs an idempotency key");
        }
        long deadline = System.nanoTime() + (call.deadline() != null ? call.deadline() : requestTimeout).toNanos();
        // With the link known to be down, one attempt: the resident should hear so at once.
        int attempts = call.retry() && link.status() != LinkState.Status.OFFLINE ? maxAttempts : 1;
        CentralException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            long remaining = deadline - System.nanoTime();
            if (remaining < MIN_ATTEMPT.toNanos()) {
                break;
            }
            try {
                return sendOnce(h, call, Duration.ofNanos(remaining));
            } catch (CentralException e) {
                last = e;
                if (!e.transientFailure() || attempt == attempts) {
                    throw e;
                }
                long step = retryBase.toNanos() << (attempt - 1);
                long sleep = step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1);
                long left = deadline - System.nanoTime() - MIN_ATTEMPT.toNanos();
                if (left <= 0) {
                    throw e;
                }
                try {
                    Thread.sleep(Duration.ofNanos(Math.min(sleep, left)));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last != null ? last : new CentralException(CentralException.Kind.TIMEOUT, 0, "deadline passed before the call", null, null);
    }

    private Answer sendOnce(HttpClient h, Call call, Duration timeout) throws CentralException {
        String p = call.path().startsWith("/") ? call.path().substring(1) : call.path();
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(p)).timeout(timeout)
                .header("X-Terminal-Id", terminalId).header("Accept", "application/json");
        call.headers().forEach(b::header);
        if (call.method().equals("POST")) {
            b.header("Content-Type", "application/json").header("Idempotency-Key", call.idempotencyKey())
                    .POST(HttpRequest.BodyPublishers.ofString(call.body().toString()));
        } else {
            b.GET();
        }
        long start = System.nanoTime();
        try {
            Answer a = exchange(h, b.build(), timeout);
            link.succeeded();
            EventLog.event(EventId.CENTRAL_REQUEST, Outcome.SUCCESS, "method", call.method(), "path", call.label(),
                    "status", a.status(), "ms", (System.nanoTime() - start) / 1_000_000);
            return a;
        } catch (CentralException e) {
            link.failed(e);
            EventLog.event(EventId.CENTRAL_REQUEST, Outcome.FAILURE, "method", call.method(), "path", call.label(),
                    "kind", e.kind().name(), "status", e.status(), "ms", (System.nanoTime() - start) / 1_000_000);
            throw e;
        }
    }

    /**
     * One attempt, bounded as a whole by {@code timeout}. The request's own timeout ends when
     * the headers arrive, so the body is collected asynchronously ({@link CappedBody}) and the
     * wait for the complete answer is the bound; on expiry the exchange is cancelled, which
     * closes the connection and leaves no thread blocked on it.
     */
    private Answer exchange(HttpClient h, HttpRequest request, Duration timeout) throws CentralException {
        AtomicInteger headersStatus = new AtomicInteger(); // 0 until the status line and headers are in
        CompletableFuture<HttpResponse<byte[]>> pending = h.sendAsync(request, info -> {
            headersStatus.set(info.statusCode());
            return new CappedBody(MAX_BODY_BYTES);
        });
        HttpResponse<byte[]> response;
        try {
            response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            int got = headersStatus.get();
            // Status 0 even after the headers: no answer arrived (the outbox keeps the status as the centre's).
            throw new CentralException(CentralException.Kind.TIMEOUT, 0, got == 0 ? "no answer in " + timeout.toMillis() + " ms"
                    : "answer (HTTP " + got + ") not complete in " + timeout.toMillis() + " ms", null, e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new CentralException(CentralException.Kind.TIMEOUT, 0, "interrupted", null, e);
        } catch (ExecutionException e) {
            throw failed(e.getCause(), headersStatus.get(), timeout);
        }
        int status = response.statusCode();
        byte[] bytes = response.body();
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
        java.util.List<String> fieldErrors = new java.util.ArrayList<>();
        if (body != null) {
            for (JsonNode e : body.path("fieldErrors")) {
                if (fieldErrors.size() < 30) {
                    fieldErrors.add(e.path("field").asText() + ":" + e.path("rule").asText());
                }
            }
        }
        throw new CentralException(CentralException.Kind.REJECTED, status, code, message, null, code, fieldErrors);
    }

    /** Maps why an exchange failed; {@code headersStatus} is the answer's status if its headers had arrived, else 0. */
    private static CentralException failed(Throwable cause, int headersStatus, Duration timeout) {
        Throwable c = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        if (c instanceof CappedBody.TooLarge) {
            return new CentralException(CentralException.Kind.BAD_RESPONSE, headersStatus, c.getMessage(), null, c);
        }
        if (headersStatus != 0) {
            // The answer began and was cut off (whatever the exception type, TLS included): the link dropped.
            return new CentralException(CentralException.Kind.UNREACHABLE, headersStatus, "answer cut off: " + c, null, c);
        }
        if (c instanceof HttpConnectTimeoutException) {
            return new CentralException(CentralException.Kind.UNREACHABLE, 0, "connect timeout", null, c);
        }
        if (c instanceof HttpTimeoutException) {
            return new CentralException(CentralException.Kind.TIMEOUT, 0, "no answer in " + timeout.toMillis() + " ms", null, c);
        }
        if (c instanceof ConnectException) {
            return new CentralException(CentralException.Kind.UNREACHABLE, 0, "connection refused", null, c);
        }
        if (c instanceof SSLException) {
            // A handshake failure is not a dead link: the centre refused our certificate or we refused its.
            return new CentralException(CentralException.Kind.REJECTED, 0, "TLS handshake failed: " + c.getMessage(), null, c);
        }
        return new CentralException(CentralException.Kind.UNREACHABLE, 0, "connection failed: " + c, null, c);
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
