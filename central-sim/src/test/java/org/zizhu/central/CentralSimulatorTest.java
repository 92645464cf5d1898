package org.zizhu.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.contract.OpenApiContract;

class CentralSimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private CentralSimulator sim;

    static Path fixture() throws URISyntaxException {
        return Path.of(CentralSimulatorTest.class.getResource("/catalog-fixture").toURI());
    }

    @BeforeEach
    void start() throws Exception {
        sim = CentralSimulator.builder().catalogDir(fixture()).start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).timeout(Duration.ofSeconds(5));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesCatalogIndexWithEtagAndNotModified() throws Exception {
        HttpResponse<String> r = get("/catalog", Map.of("X-Terminal-Id", "T-1"));
        assertEquals(200, r.statusCode());
        JsonNode idx = JSON.readTree(r.body());
        assertEquals(2, idx.path("items").size());
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertEquals('"' + idx.path("version").asText() + '"', etag);
        assertTrue(sim.contract().validateResponse("GET", "/catalog", 200, idx).isEmpty());

        HttpResponse<String> again = get("/catalog", Map.of("X-Terminal-Id", "T-1", "If-None-Match", etag));
        assertEquals(304, again.statusCode());
        assertEquals(List.of(), sim.contractViolations());
    }

    @Test
    void servesItemDetailWithGuideUrlAndUnknownIs404() throws Exception {
        HttpResponse<String> r = get("/catalog/items/FX-0001", Map.of("X-Terminal-Id", "T-1"));
        assertEquals(200, r.statusCode());
        JsonNode item = JSON.readTree(r.body());
        assertEquals("https://zwfw.example.gov.cn/guide/FX-0001", item.path("guideUrl").asText());
        assertEquals(404, get("/catalog/items/NOPE", Map.of("X-Terminal-Id", "T-1")).statusCode());
        assertEquals(List.of(), sim.contractViolations());
    }

    @Test
    void rejectsRequestsThatBreakTheContract() throws Exception {
        HttpResponse<String> r = get("/catalog", Map.of());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("X-Terminal-Id"), r.body());
        assertEquals(1, sim.contractViolations().size());
    }

    @Test
    void heartbeatIsRecordedAndCountedByIdempotencyKey() throws Exception {
        ObjectNode hb = JSON.createObjectNode();
        hb.put("terminalId", "T-1");
        hb.put("sentAt", "2026-11-25T10:00:00Z");
        hb.put("appVersion", "0.1.0");
        hb.put("uptimeSeconds", 5);
        hb.putNull("catalogVersion");
        hb.putArray("devices").addObject().put("device", "idcard").put("status", "ONLINE");
        HttpRequest req = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/terminals/T-1/heartbeat"))
                .header("X-Terminal-Id", "T-1").header("Idempotency-Key", "0f8fad5b-d9cb-469f-a165-70867728950e")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(hb.toString())).build();
        assertEquals(200, http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(1, sim.terminals().heartbeatCount("T-1"));
        assertEquals(1, sim.receivedWithKey("0f8fad5b-d9cb-469f-a165-70867728950e"));
        assertEquals(List.of(), sim.contractViolations());
    }

    @Test
    void everyEnrolmentRequestIsCountedWhateverItsOutcome() throws Exception {
        assertEquals(0, sim.terminals().enrolmentAttempts());
        ObjectNode body = JSON.createObjectNode();
        body.put("code", "NOPE-NOPE-NOPE");
        body.put("terminalId", "T-1");
        body.put("csrPem", "-----BEGIN CERTIFICATE REQUEST-----\nnot a CSR\n-----END CERTIFICATE REQUEST-----\n");
        HttpRequest req = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/terminals/enrolments"))
                .header("X-Terminal-Id", "T-1").header("Idempotency-Key", "6d1c2a4e-5b7f-4e39-9a0c-2f7b8e1d3c55")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        assertEquals(403, http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode(), "unknown code refused");
        assertEquals(1, sim.terminals().enrolmentAttempts(), "a refused enrolment is still an attempt the centre saw");
        assertEquals(List.of(), sim.contractViolations());
    }

    @Test
    void partitionDropsConnectionsWithoutAnswer() throws Exception {
        sim.faults().partitioned(true);
        assertThrows(IOException.class, () -> get("/catalog", Map.of("X-Terminal-Id", "T-1")));
        sim.faults().clear();
        assertEquals(200, get("/catalog", Map.of("X-Terminal-Id", "T-1")).statusCode());
    }

    @Test
    void stallMidBodyHoldsBackTheRestOfTheAnswerUntilSwitchedOff() throws Exception {
        // Switched over the admin endpoint, as a demo would, for one operation only.
        postFaults("{\"stallMidBody\": [\"getCatalogItem\"]}");
        assertEquals(java.util.Set.of("getCatalogItem"), sim.faults().stallingOperations());
        assertEquals(200, get("/catalog", Map.of("X-Terminal-Id", "T-1")).statusCode(), "other operations answer in full");
        assertEquals(0, sim.stalledAnswerCount());

        HttpRequest req = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/catalog/items/FX-0001"))
                .header("X-Terminal-Id", "T-1").build();
        HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode(), "status line and headers arrive");
        int length = (int) r.headers().firstValueAsLong("Content-Length").orElseThrow();
        InputStream in = r.body();
        byte[] head = new byte[length];
        int first = in.read(head);
        assertTrue(first > 0 && first < length, "part of the body arrives: " + first + " of " + length);
        CompletableFuture<byte[]> rest = CompletableFuture.supplyAsync(() -> {
            try {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThrows(TimeoutException.class, () -> rest.get(300, TimeUnit.MILLISECONDS), "the rest is held back");
        assertEquals(1, sim.stalledAnswerCount());

        postFaults("{}");
        byte[] tail = rest.get(5, TimeUnit.SECONDS);
        assertEquals(length, first + tail.length, "the rest follows once the fault is off");
        byte[] whole = new byte[length];
        System.arraycopy(head, 0, whole, 0, first);
        System.arraycopy(tail, 0, whole, first, tail.length);
        assertEquals("FX-0001", JSON.readTree(whole).path("code").asText());
        assertEquals(List.of(), sim.contractViolations());
    }

    private void postFaults(String json) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(sim.baseUrl().replace("/api/v1", "/sim/faults")))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        assertEquals(200, http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void publishingAnItemChangesVersionAndRevision() throws Exception {
        String before = sim.catalog().version();
        ObjectNode item = sim.catalog().item("FX-0001").orElseThrow().deepCopy();
        String rev = item.path("revision").asText();
        ((ObjectNode) item.path("hours")).put("zh", "工作日8:30-17:30");
        sim.catalog().publish(item);
        assertFalse(before.equals(sim.catalog().version()));
        assertFalse(rev.equals(sim.catalog().item("FX-0001").orElseThrow().path("revision").asText()));
    }

    @Test
    void badSeedDataFailsAtLoadNamingTheFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("items"));
        Files.copy(fixture().resolve("groups.json"), dir.resolve("groups.json"));
        Files.writeString(dir.resolve("index.txt"), "BAD.json\n");
        Files.writeString(dir.resolve("items/BAD.json"), "{\"code\": \"BAD\"}");
        IOException e = assertThrows(IOException.class,
                () -> CentralSimulator.builder().catalogDir(dir).start().close());
        assertTrue(e.getMessage().contains("BAD.json"), e.getMessage());
    }

    @Test
    void contractFileIsOpenApi31() {
        assertEquals("3.1.0", OpenApiContract.load().spec().path("openapi").asText());
    }
}
