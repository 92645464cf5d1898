package org.zizhu.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zizhu.central.seed.SeedData;

/** The commissioning report endpoint and the enrolment code's QR payload, against the contract in both directions. */
class CommissioningReportApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private CentralSimulator sim;

    @BeforeEach
    void start() throws Exception {
        sim = CentralSimulator.builder().catalogDir(CentralSimulatorTest.fixture()).start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static ObjectNode report(String terminalId) {
        ObjectNode r = JSON.createObjectNode();
        r.put("terminalId", terminalId);
        r.put("softwareVersion", "0.1.0");
        r.put("finishedAt", "2026-12-02T08:00:00Z");
        r.putArray("steps").addObject().put("step", "NETWORK").put("outcome", "PASSED");
        r.putObject("network").put("reachable", true).put("httpStatus", 401).put("clockSkewMs", -850);
        r.putArray("devices").addObject().put("role", "IDCARD").put("boundName", "/dev/zizhu/idcard").put("inUse", false);
        r.putArray("bindings").add("device.idcard.port=/dev/zizhu/idcard");
        r.putArray("tests").addObject().put("role", "IDCARD").put("passed", true).put("detail", "card-read");
        return r;
    }

    private HttpResponse<String> post(String pathTerminal, String headerTerminal, JsonNode body, String key) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/terminals/" + pathTerminal + "/commissioning-reports"))
                .header("X-Terminal-Id", headerTerminal).header("Idempotency-Key", key)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void storesAReportAndAnswersAsTheContractSays() throws Exception {
        HttpResponse<String> r = post("T-1", "T-1", report("T-1"), "5f0c2f0e-5d1a-4c55-a1b0-0e2a7c1d9b21");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, JSON.readTree(r.body()).path("reports").asInt());
        List<JsonNode> stored = sim.terminals().commissioningReports("T-1");
        assertEquals(1, stored.size());
        assertEquals("/dev/zizhu/idcard", stored.get(0).path("devices").get(0).path("boundName").asText());
        assertEquals(List.of(), sim.contractViolations());
    }

    @Test
    void refusesAReportForAnotherTerminalOrOutsideTheContract() throws Exception {
        assertEquals(403, post("T-2", "T-1", report("T-2"), "0b6a3d55-6f55-4e0b-8a8a-2b1c0d9e8f71").statusCode());
        assertEquals(List.of(), sim.contractViolations());
        ObjectNode personal = report("T-1");
        personal.put("technicianName", "张三"); // nothing beyond the contract: no personal data rides along
        assertEquals(400, post("T-1", "T-1", personal, "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f").statusCode());
        ObjectNode badRole = report("T-1");
        ((ObjectNode) badRole.path("tests").get(0)).put("role", "TOASTER");
        assertEquals(400, post("T-1", "T-1", badRole, "2c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f").statusCode());
        assertEquals(2, sim.contractViolations().size());
        assertTrue(sim.terminals().commissioningReports("T-1").isEmpty());
    }

    @Test
    void anEnrolmentCodeHasAQrPayloadForTheWizardsCamera() {
        assertEquals("ZZENROL:1:ABCD-EFGH-JKLM", new SeedData.EnrolmentCode("ABCD-EFGH-JKLM", null, false).qrPayload());
        assertTrue(sim.seed().enrolmentCodes().stream().anyMatch(c -> c.qrPayload().equals("ZZENROL:1:DEMO-0000-0001")),
                "the demo code's payload is listed (sim central prints them at start)");
    }
}
