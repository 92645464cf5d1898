package org.zizhu.central;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zizhu.central.api.Effects;
import org.zizhu.central.api.HallApi;
import org.zizhu.central.api.PaymentApi;
import org.zizhu.central.api.EnterpriseApi;
import org.zizhu.central.api.ResidentApi;
import org.zizhu.central.api.TerminalApi;
import org.zizhu.central.catalog.CatalogRepository;
import org.zizhu.central.security.CentreCa;
import org.zizhu.central.security.DocumentSealing;
import org.zizhu.central.seed.SeedData;
import org.zizhu.central.contract.OpenApiContract;
import org.zizhu.central.http.ApiHandler;
import org.zizhu.central.http.ApiRequest;
import org.zizhu.central.http.ApiResponse;
import org.zizhu.central.http.Faults;
import org.zizhu.central.terminal.TerminalRegistry;
import org.zizhu.central.release.ReleaseApi;

/**
 * The reference central platform: serves the whole OpenAPI contract on loopback with seeded
 * data (catalogue, residents and their e-licenses, enrolment codes). In strict mode (the
 * default) every request and response is validated against the contract; violations are
 * answered 400 (request) or 500 (response) and counted, so a test that drives the kiosk
 * against this server is also a contract test of both sides.
 *
 * <p>Two listeners: HTTPS with mutual TLS (the production shape: every operation except
 * enrolment needs a client certificate issued by this centre's CA, CN = the terminal id in
 * {@code X-Terminal-Id}) and a plain-HTTP development listener without client authentication
 * for demos and tests that do not exercise enrolment. Every write with an Idempotency-Key is
 * applied at most once ({@link Effects}), and the applied-effect counts are exposed for tests.
 */
public final class CentralSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CentralSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An application with its captured pages inline (at most 8 of 300 KiB) fits; anything larger is refused whole. */
    private static final int MAX_BODY = 4 << 20;

    private final OpenApiContract contract;
    private final CatalogRepository catalog;
    private final TerminalRegistry terminals = new TerminalRegistry();
    private final Faults faults = new Faults();
    private final boolean strict;
    private final Map<String, ApiHandler> handlers = new HashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> receivedByIdempotencyKey = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong unauthorised = new AtomicLong();
    private final AtomicLong stalledAnswers = new AtomicLong();
    private final SeedData seed;
    private final CentreCa ca;
    private final DocumentSealing sealing;
    private final Effects effects = new Effects();
    private final TerminalApi terminalApi;
    private final ResidentApi residentApi;
    private final EnterpriseApi enterpriseApi;
    private final PaymentApi paymentApi;
    private final HallApi hallApi;
    private final ReleaseApi releaseApi;
    private final HttpServer server;
    private final HttpsServer httpsServer;
    private final ExecutorService executor;

    private CentralSimulator(Builder b) throws IOException {
        this.contract = OpenApiContract.load();
        this.catalog = CatalogRepository.load(b.catalogDir, b.publicBaseUrl, contract);
        this.seed = SeedData.load(b.seedDir, contract);
        this.strict = b.strict;
        try {
            List<String> hosts = List.of("localhost", "127.0.0.1", b.host).stream().distinct().toList();
            this.ca = b.stateDir == null ? CentreCa.generate(hosts) : CentreCa.loadOrCreate(b.stateDir, hosts);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up the centre's keys: " + e.getMessage(), e);
        }
        this.terminalApi = new TerminalApi(seed, ca, terminals);
        this.sealing = DocumentSealing.create(b.stateDir);
        this.residentApi = new ResidentApi(seed, catalog, sealing, b.publicBaseUrl);
        this.enterpriseApi = new EnterpriseApi(seed, catalog, residentApi);
        this.paymentApi = new PaymentApi(catalog, b.payAfterPolls);
        this.hallApi = new HallApi(seed, catalog, residentApi::residentOf, b.callbackWithin, b.correctionWithin);
        this.releaseApi = new ReleaseApi(b.releasesDir);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        InetAddress addr = InetAddress.getByName(b.host);
        if (b.plainHttp) {
            this.server = HttpServer.create(new InetSocketAddress(addr, b.port), 64);
            server.setExecutor(executor);
            server.createContext("/api/v1/", this::serveApi);
            server.createContext("/sim/", this::serveAdmin);
            server.createContext("/guide/", this::serveGuidePage);
            server.createContext("/verify/", this::serveVerifyPage);
        } else {
            this.server = null;
        }
        if (b.https) {
            this.httpsServer = HttpsServer.create(new InetSocketAddress(addr, b.httpsPort), 64);
            SSLContext tls;
            try {
                tls = ca.serverContext();
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot build the TLS context: " + e.getMessage(), e);
            }
            httpsServer.setHttpsConfigurator(new HttpsConfigurator(tls) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters p = tls.getDefaultSSLParameters();
                    // "want", not "need": enrolment is the one call made before the terminal has a certificate.
                    p.setWantClientAuth(true);
                    params.setSSLParameters(p);
                }
            });
            httpsServer.setExecutor(executor);
            httpsServer.createContext("/api/v1/", this::serveApi);
            httpsServer.createContext("/guide/", this::serveGuidePage);
            httpsServer.createContext("/verify/", this::serveVerifyPage);
        } else {
            this.httpsServer = null;
        }
        if (server == null && httpsServer == null) {
            throw new IllegalArgumentException("at least one listener (plain HTTP or HTTPS) is needed");
        }
        registerHandlers();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder; defaults are loopback, an ephemeral port, the classpath catalogue, strict mode. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private Path catalogDir;
        private String publicBaseUrl = "https://zwfw.example.gov.cn";
        private boolean strict = true;
        private Path seedDir;
        private Path stateDir;
        private boolean plainHttp = true;
        private boolean https = true;
        private int httpsPort = 0;
        private int payAfterPolls = 2;
        private Duration callbackWithin = Duration.ofHours(48);
        private Duration correctionWithin = Duration.ofDays(15);
        private Path releasesDir;

        /** Signed releases published here ({@code <v>.tar.gz}, {@code .manifest.json}, {@code .sig}); null: none. */
        public Builder releasesDir(Path dir) {
            this.releasesDir = dir;
            return this;
        }

        /** Seed data directory with the layout of classpath {@code seed/} (default: the classpath). */
        public Builder seedDir(Path dir) {
            this.seedDir = dir;
            return this;
        }

        /** Keeps the CA and seal keys here (0600) so enrolled terminals survive a restart; null: fresh keys. */
        public Builder stateDir(Path dir) {
            this.stateDir = dir;
            return this;
        }

        /** The plain-HTTP development listener (no client authentication). On by default. */
        public Builder plainHttp(boolean on) {
            this.plainHttp = on;
            return this;
        }

        public Builder https(boolean on) {
            this.https = on;
            return this;
        }

        public Builder httpsPort(int p) {
            this.httpsPort = p;
            return this;
        }

        /** A payment order turns PAID on this status poll (0: only by {@code payments().markPaid}). */
        public Builder payAfterPolls(int n) {
            this.payAfterPolls = n;
            return this;
        }

        /** 好差评 deadlines for bad ratings: call back within (default 48 h), correct within (default 15 days). */
        public Builder evaluationDeadlines(Duration callback, Duration correction) {
            this.callbackWithin = callback;
            this.correctionWithin = correction;
            return this;
        }

        public Builder host(String h) {
            this.host = h;
            return this;
        }

        public Builder port(int p) {
            this.port = p;
            return this;
        }

        public Builder catalogDir(Path dir) {
            this.catalogDir = dir;
            return this;
        }

        public Builder publicBaseUrl(String url) {
            this.publicBaseUrl = url;
            return this;
        }

        public Builder strict(boolean s) {
            this.strict = s;
            return this;
        }

        public CentralSimulator start() throws IOException {
            CentralSimulator sim = new CentralSimulator(this);
            if (sim.server != null) {
                sim.server.start();
            }
            if (sim.httpsServer != null) {
                sim.httpsServer.start();
            }
            log.info("central-sim listening on {} and {} with {} catalogue items (version {})",
                    sim.server != null ? sim.baseUrl() : "-", sim.httpsServer != null ? sim.httpsBaseUrl() : "-",
                    sim.catalog.size(), sim.catalog.version());
            return sim;
        }
    }

    private void registerHandlers() {
        handlers.put("getCatalog", req -> {
            String etag = '"' + catalog.version() + '"';
            String inm = req.header("If-None-Match");
            if (inm != null && (inm.equals(etag) || inm.equals(catalog.version()))) {
                return ApiResponse.notModified(etag);
            }
            return ApiResponse.ok(catalog.index()).withHeader("ETag", etag);
        });
        handlers.put("getCatalogItem", req -> {
            Optional<ObjectNode> item = catalog.item(req.pathParams().get("code"));
            return item.map(i -> ApiResponse.ok(i).withHeader("ETag", '"' + i.path("revision").asText() + '"'))
                    .orElseGet(() -> ApiResponse.error(404, "NOT_FOUND", "事项不存在", "No such service item", false));
        });
        handlers.put("postHeartbeat", req -> {
            String id = req.pathParams().get("terminalId");
            if (!id.equals(req.body().path("terminalId").asText())) {
                return ApiResponse.error(400, "BAD_REQUEST", "终端编号不一致", "Terminal id mismatch", false);
            }
            terminals.heartbeat(id, req.body());
            ObjectNode ack = JSON.createObjectNode();
            ack.put("receivedAt", Instant.now().toString());
            ack.put("catalogVersion", catalog.version());
            return ApiResponse.ok(ack);
        });
        terminalApi.register(this::handle);
        residentApi.register(this::handle);
        // After the resident handlers: it wraps those that can act for an enterprise.
        enterpriseApi.register(this::handle, handlers::get);
        paymentApi.register(this::handle);
        hallApi.register(this::handle);
        releaseApi.register(this::handle);
    }

    /** Registers or replaces the handler of a contract operation (later features add theirs). */
    public void handle(String operationId, ApiHandler handler) {
        handlers.put(operationId, handler);
    }

    private void serveApi(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            if (faults.shouldDrop()) {
                // Simulates a dead link: close without an answer.
                ex.close();
                return;
            }
            sleepQuietly(faults.latencyMillis());
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            Map<String, String> headers = new HashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k, v.isEmpty() ? "" : v.get(0)));
            JsonNode body = null;
            byte[] raw;
            try (InputStream in = ex.getRequestBody()) {
                raw = in.readNBytes(MAX_BODY + 1);
            }
            if (raw.length > MAX_BODY) {
                send(ex, method, path, ApiResponse.error(413, "BAD_REQUEST", "请求过大", "Request body larger than 4 MiB", false));
                return;
            }
            if (raw.length > 0) {
                try {
                    body = JSON.readTree(raw);
                } catch (IOException e) {
                    send(ex, method, path, ApiResponse.error(400, "BAD_REQUEST", "请求不是有效的JSON", "Request body is not valid JSON", false));
                    return;
                }
            }
            Optional<OpenApiContract.Operation> op = contract.find(method, path);
            if (op.isEmpty()) {
                send(ex, method, path, ApiResponse.error(404, "NOT_FOUND", "接口不存在", "No such operation", false));
                return;
            }
            if (strict) {
                List<String> problems = contract.validateRequest(method, path, headers, body);
                if (!problems.isEmpty()) {
                    violations.add("request " + method + " " + path + ": " + problems);
                    log.warn("contract violation in request {} {}: {}", method, path, problems);
                    send(ex, method, path, ApiResponse.error(400, "BAD_REQUEST", "请求不符合接口约定", "Request violates the contract: " + problems, false));
                    return;
                }
            }
            String key = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Idempotency-Key"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (key != null) {
                receivedByIdempotencyKey.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            }
            String operationId = op.get().node().path("operationId").asText();
            if (ex instanceof HttpsExchange https && !operationId.equals("enrolTerminal")) {
                String problem = authenticate(https, headers);
                if (problem != null) {
                    unauthorised.incrementAndGet();
                    log.warn("refused {} {}: {}", method, path, problem);
                    send(ex, method, path, ApiResponse.error(401, "UNAUTHORISED", "终端未认证，请联系运维人员",
                            "Terminal not authenticated: " + problem, false));
                    return;
                }
            }
            if (faults.shouldFail()) {
                send(ex, method, path, ApiResponse.error(503, "UNAVAILABLE", "服务暂不可用", "Service temporarily unavailable", true), operationId);
                return;
            }
            if (operationId.equals("getReleaseFile")) {
                // A binary answer with byte ranges: outside the JSON pipeline, after the same request checks.
                releaseApi.serveFile(ex, op.get().pathParams());
                return;
            }
            ApiHandler handler = handlers.get(operationId);
            ApiResponse response;
            if (handler == null) {
                response = ApiResponse.error(501, "INTERNAL", "功能未实现", "Operation not implemented by the simulator", false);
            } else {
                ApiRequest req = new ApiRequest(method, path, op.get().pathParams(), headers, body);
                try {
                    response = method.equals("POST") ? effects.once(key, operationId, req, handler) : handler.handle(req);
                } catch (Exception e) {
                    log.error("handler {} failed", operationId, e);
                    response = ApiResponse.error(500, "INTERNAL", "内部错误", "Internal error", true);
                }
            }
            if (key != null && faults.shouldLoseAnswer()) {
                // Applied, but the terminal never hears about it: it must retry with the same key.
                ex.close();
                return;
            }
            send(ex, method, path, response, operationId);
        }
    }

    /** Null if the client certificate is acceptable for the terminal in X-Terminal-Id, else why not. */
    private String authenticate(HttpsExchange ex, Map<String, String> headers) {
        Certificate[] chain;
        try {
            chain = ex.getSSLSession().getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            return "no client certificate";
        }
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate cert)) {
            return "no client certificate";
        }
        String cn = CentreCa.commonName(cert);
        String claimed = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("X-Terminal-Id"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (cn == null || !cn.equals(claimed)) {
            return "certificate is for another terminal";
        }
        if (!terminals.certificateCurrent(cn, cert.getSerialNumber())) {
            return "certificate superseded by a later enrolment";
        }
        return null;
    }

    private void send(HttpExchange ex, String method, String path, ApiResponse response) throws IOException {
        send(ex, method, path, response, null);
    }

    /** Sends an answer; {@code operationId} (null before the operation is known) selects the stall fault. */
    private void send(HttpExchange ex, String method, String path, ApiResponse response, String operationId) throws IOException {
        ApiResponse r = response;
        if (strict && r.status() != 501) {
            List<String> problems = contract.validateResponse(method, path, r.status(), r.body());
            if (!problems.isEmpty()) {
                violations.add("response " + method + " " + path + " " + r.status() + ": " + problems);
                log.error("contract violation in response {} {}: {}", method, path, problems);
                r = ApiResponse.error(500, "INTERNAL", "模拟器响应不符合约定", "Simulator response violates the contract", false);
            }
        }
        r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        if (r.body() == null) {
            ex.sendResponseHeaders(r.status(), -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(r.body());
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(r.status(), bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            if (faults.shouldStallBody(operationId)) {
                stallMidBody(out, bytes, operationId);
            } else {
                out.write(bytes);
            }
        }
    }

    /**
     * The stall fault: half the body goes out (flushed, so the client has the headers and some
     * bytes), the rest only once the fault is switched off. A client that gave up meanwhile has
     * closed the connection, and the late write fails, which ends this exchange.
     */
    private void stallMidBody(OutputStream out, byte[] bytes, String operationId) throws IOException {
        int part = bytes.length / 2; // a JSON body has at least two bytes, so part is never all of it
        out.write(bytes, 0, part);
        out.flush();
        stalledAnswers.incrementAndGet();
        if (!faults.awaitStallEnd(operationId)) {
            // Stopping: Content-Length is not met, so closing the stream drops the connection.
            throw new IOException("simulator stopped during a stalled answer");
        }
        out.write(bytes, part, bytes.length - part);
    }

    /** Test and demo controls, outside the contract: stats and fault switches. */
    private void serveAdmin(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            ObjectNode out = JSON.createObjectNode();
            if (path.equals("/sim/releases")) {
                if (ex.getRequestMethod().equals("POST")) {
                    // {"terminalId": T | "group": G, "version": V or null, "groupOf": [terminal ids to put in G]}
                    JsonNode r = JSON.readTree(ex.getRequestBody().readNBytes(1 << 16));
                    String version = r.path("version").isTextual() ? r.path("version").asText() : null;
                    if (r.hasNonNull("terminalId")) {
                        releaseApi.target(r.path("terminalId").asText(), version);
                    }
                    if (r.hasNonNull("group")) {
                        String g = r.path("group").asText();
                        releaseApi.groupTarget(g, version);
                        r.path("groupOf").forEach(t -> releaseApi.group(t.asText(), g));
                    }
                }
                byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(releaseApi.status());
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, bytes.length);
                ex.getResponseBody().write(bytes);
                return;
            }
            if (path.equals("/sim/faults") && ex.getRequestMethod().equals("POST")) {
                JsonNode f = JSON.readTree(ex.getRequestBody().readNBytes(1 << 16));
                faults.latencyMillis(f.path("latencyMillis").asLong(0))
                        .errorRate(f.path("errorRate").asDouble(0))
                        .dropRate(f.path("dropRate").asDouble(0))
                        .partitioned(f.path("partitioned").asBoolean(false))
                        .lostAnswerRate(f.path("lostAnswerRate").asDouble(0));
                // "stallMidBody": true for every operation, or a list of operationIds.
                JsonNode stall = f.path("stallMidBody");
                if (stall.isArray()) {
                    List<String> ops = new ArrayList<>();
                    stall.forEach(o -> ops.add(o.asText()));
                    faults.stallMidBodyOn(ops.toArray(String[]::new));
                } else {
                    faults.stallMidBody(stall.asBoolean(false));
                }
            }
            out.put("faults", faults.toString());
            out.put("requests", requests.get());
            out.put("catalogVersion", catalog.version());
            out.put("catalogItems", catalog.size());
            out.put("contractViolations", violations.size());
            out.put("unauthorised", unauthorised.get());
            out.put("stalledAnswers", stalledAnswers.get());
            out.put("enrolmentAttempts", terminals.enrolmentAttempts());
            out.put("idempotentReplays", effects.replays());
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(out);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    /** The phone-facing guide page that the guide QR code opens (minimal HTML). */
    private void serveGuidePage(HttpExchange ex) throws IOException {
        try (ex) {
            String code = java.net.URLDecoder.decode(ex.getRequestURI().getRawPath().substring("/guide/".length()), StandardCharsets.UTF_8);
            Optional<ObjectNode> item = catalog.item(code);
            String html = item.map(i -> "<!doctype html><meta charset=utf-8><title>" + esc(i.path("name").path("zh").asText())
                    + "</title><h1>" + esc(i.path("name").path("zh").asText()) + "</h1><p>" + esc(i.path("acceptanceConditions").path("zh").asText()) + "</p>")
                    .orElse("<!doctype html><meta charset=utf-8><p>事项不存在</p>");
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(item.isPresent() ? 200 : 404, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    /**
     * The page a print-out's verification QR code opens on a phone (no client certificate): is
     * the document genuine (issued here and, when the QR carries {@code h}, these exact bytes:
     * the SHA-256 the terminal printed) and current (not past its validity). It names the kind,
     * title, issuing body and dates, never the holder. JSON with {@code Accept: application/json}.
     */
    private static final com.fasterxml.jackson.databind.ObjectMapper VERIFY_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private void serveVerifyPage(HttpExchange ex) throws IOException {
        try (ex) {
            String raw = ex.getRequestURI().getRawPath().substring("/verify/".length());
            String id = java.net.URLDecoder.decode(raw, StandardCharsets.UTF_8);
            String query = ex.getRequestURI().getRawQuery();
            String h = null;
            if (query != null) {
                for (String kv : query.split("&")) {
                    if (kv.startsWith("h=")) {
                        h = kv.substring(2).toLowerCase(java.util.Locale.ROOT);
                    }
                }
            }
            Optional<DocumentSealing.Issued> d = id.length() > 120 ? Optional.empty() : sealing.lookup(id);
            boolean genuine = d.isPresent() && (h == null || h.equals(d.get().sha256()));
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
            boolean current = genuine && (d.get().validUntil() == null || !d.get().validUntil().isBefore(today));
            String accept = ex.getRequestHeaders().getFirst("Accept");
            byte[] bytes;
            if (accept != null && accept.contains("application/json")) {
                ObjectNode o = VERIFY_JSON.createObjectNode();
                o.put("documentId", id.length() > 120 ? id.substring(0, 120) : id);
                o.put("genuine", genuine);
                o.put("current", current);
                if (genuine) {
                    o.put("kind", d.get().kind());
                    o.put("title", d.get().titleZh());
                    o.put("issuer", d.get().bodyName());
                    o.put("issuerCode", d.get().bodyCode());
                    o.put("issuedAt", d.get().issuedAt().toString());
                    o.put("validUntil", d.get().validUntil() == null ? null : d.get().validUntil().toString());
                }
                bytes = VERIFY_JSON.writeValueAsBytes(o);
                ex.getResponseHeaders().set("Content-Type", "application/json");
            } else {
                String verdict = !genuine ? "未查到该文件，或文件内容与出具时不一致：此件不可信。"
                        : current ? "此件为真实有效的电子文件。" : "此件真实，但已超过有效期。";
                String body = "<!doctype html><meta charset=utf-8><meta name=viewport content='width=device-width'><title>电子证照核验</title>"
                        + "<h1>电子证照核验</h1><p id=verdict data-genuine=" + genuine + " data-current=" + current + ">" + esc(verdict) + "</p>"
                        + (genuine ? "<dl><dt>名称</dt><dd>" + esc(d.get().titleZh()) + "</dd><dt>编号</dt><dd>" + esc(id)
                        + "</dd><dt>出具机构</dt><dd>" + esc(d.get().bodyName()) + "</dd><dt>有效期至</dt><dd>"
                        + (d.get().validUntil() == null ? "长期" : d.get().validUntil()) + "</dd></dl>" : "");
                bytes = body.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            }
            ex.sendResponseHeaders(genuine ? 200 : 404, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void sleepQuietly(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Base URL of the plain-HTTP development listener, e.g. {@code http://127.0.0.1:8480/api/v1}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + port() + "/api/v1";
    }

    /** Base URL of the mutual-TLS listener, e.g. {@code https://127.0.0.1:8443/api/v1}. */
    public String httpsBaseUrl() {
        return "https://" + httpsServer.getAddress().getHostString() + ":" + httpsServer.getAddress().getPort() + "/api/v1";
    }

    public boolean hasPlainHttp() {
        return server != null;
    }

    public SeedData seed() {
        return seed;
    }

    public CentreCa ca() {
        return ca;
    }

    /** The centre's seals and what it issued under them. */
    public DocumentSealing sealing() {
        return sealing;
    }

    public PaymentApi payments() {
        return paymentApi;
    }

    public HallApi hall() {
        return hallApi;
    }

    public EnterpriseApi enterprises() {
        return enterpriseApi;
    }

    public ResidentApi residents() {
        return residentApi;
    }

    /** Signed releases: targets per terminal or group, the published files, reports (tests and demos). */
    public ReleaseApi releases() {
        return releaseApi;
    }

    public TerminalApi terminalApi() {
        return terminalApi;
    }

    /** How many times the write with this idempotency key was applied (exactly 1 for a delivered write). */
    public long appliedWithKey(String key) {
        return effects.appliedWithKey(key);
    }

    /** Applied-effect counts for every key seen. */
    public Map<String, Long> appliedCounts() {
        return effects.appliedCounts();
    }

    /** Answers held back mid-body by the stall fault (each counted when its first half went out). */
    public long stalledAnswerCount() {
        return stalledAnswers.get();
    }

    /** Requests refused for a missing or wrong client certificate. */
    public long unauthorisedCount() {
        return unauthorised.get();
    }

    public CatalogRepository catalog() {
        return catalog;
    }

    public TerminalRegistry terminals() {
        return terminals;
    }

    public Faults faults() {
        return faults;
    }

    public OpenApiContract contract() {
        return contract;
    }

    /** Every contract violation seen so far (requests and responses). */
    public List<String> contractViolations() {
        return List.copyOf(violations);
    }

    /** How many requests arrived with this idempotency key. */
    public long receivedWithKey(String key) {
        AtomicLong n = receivedByIdempotencyKey.get(key);
        return n == null ? 0 : n.get();
    }

    public long requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        if (httpsServer != null) {
            httpsServer.stop(0);
        }
        executor.shutdownNow();
    }
}
