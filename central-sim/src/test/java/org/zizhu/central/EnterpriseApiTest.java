package org.zizhu.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zizhu.central.seed.EBusinessLicenseQr;
import org.zizhu.ids.IdChecks;

/** Enterprises by 一码 over real HTTP, both directions validated against the contract. */
class EnterpriseApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final String LUCHENG = "91150203MA0N7LC8XD";
    static final String RARE_EARTH = "91150200MA0Q2XT315";
    static final String DEREGISTERED = "92150203MA0X6J2G7H";
    static final String LEGACY = "92150204MA0W1K3L80";
    static final String WANG = "150202198503120016";
    static final String LI = "150203199007210021";
    static final String CHEN = "150203199512300060";
    static final String ZHANG = "150204197811050038";
    static final String HUANG = "810000199408230021";
    static final String ZHOU = "110105194912310038";
    static final String SOCIAL_INSURANCE = "12150200MB1C47725K200201000001";
    static final String LICENSE_REPLACEMENT = "11150200MB1534142X100302000001";
    private static CentralSimulator sim;

    @BeforeAll
    static void start() throws Exception {
        sim = CentralSimulator.builder().https(false).start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void bothDirectionsKeptTheContract() {
        assertEquals(List.of(), sim.contractViolations());
    }

    /** The item the tests consent for, named in every license request's audit elements. */
    private static final String AUDITED_ITEM = SOCIAL_INSURANCE;

    record Answer(int status, JsonNode body) {
        String code() {
            return body.path("code").asText();
        }
    }

    private static Answer send(String method, String path, Map<String, String> headers, JsonNode body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .header("X-Terminal-Id", "T-1");
        headers.forEach(b::header);
        if (path.contains("/licenses")) {
            // The audit elements every e-license request carries (the item is the consent's).
            b.header("X-Location-Code", "150202").header("X-Item-Code", AUDITED_ITEM).header("X-Item-Name", "%E6%B5%8B%E8%AF%95")
                    .header("X-Business-Ref", "TXN-ENTERPRISE-1").header("X-Purpose", "SELF_SERVICE_PRINT");
        }
        if (body != null) {
            b.header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), JSON.readTree(r.body()));
    }

    /** A resident token through the face check (the seeded person's face matches). */
    static String residentToken(String idNumber) throws Exception {
        ObjectNode b = JSON.createObjectNode();
        b.put("idNumber", idNumber);
        byte[] jpeg = new byte[32];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        b.put("photoJpegBase64", Base64.getEncoder().encodeToString(jpeg));
        b.put("capturedAt", Instant.now().toString());
        Answer a = send("POST", "/identity/face-verifications", Map.of(), b);
        assertEquals("MATCH", a.body().path("result").asText(), a.body().toString());
        return a.body().path("residentToken").asText();
    }

    private static Answer identify(String residentToken, String field, String value) throws Exception {
        ObjectNode b = JSON.createObjectNode();
        b.put(field, value);
        return send("POST", "/enterprises/identifications", Map.of("X-Resident-Token", residentToken), b);
    }

    private static Answer refusedFor(String person, String code, int status, String machineCode) throws Exception {
        Answer a = identify(residentToken(person), "creditCode", code);
        assertEquals(status, a.status(), a.body().toString());
        assertEquals(machineCode, a.code());
        assertFalse(a.body().path("message").path("zh").asText().isBlank());
        assertFalse(a.body().path("message").path("en").asText().isBlank());
        return a;
    }

    @Test
    void seededEnterprisesHaveSeveralLegalFormsAndValidCodes() {
        List<String> forms = sim.seed().enterprises().stream().map(e -> e.legalForm()).distinct().toList();
        assertTrue(forms.size() >= 5, forms.toString());
        assertTrue(sim.seed().enterprises().stream().anyMatch(e -> e.deregistered()));
        sim.seed().enterprises().forEach(e -> e.licenses().forEach(l -> assertTrue(IdChecks.validLicenseId(l.licenseId()))));
        assertEquals(1, sim.seed().enterprises().stream().filter(e -> !IdChecks.validCreditCode(e.creditCode())).count(),
                "only the one early code fails its check character");
    }

    @Test
    void legalRepresentativeActsForTheEnterpriseThroughConsentLicensesAndImmediateIssuance() throws Exception {
        String rt = residentToken(WANG);
        Answer id = identify(rt, "creditCode", LUCHENG);
        assertEquals(200, id.status(), id.body().toString());
        assertEquals("LEGAL_REPRESENTATIVE", id.body().path("role").asText());
        assertTrue(id.body().path("authorisedUntil").isNull());
        assertEquals("LIMITED_LIABILITY_COMPANY", id.body().path("legalForm").asText());
        assertEquals("有限责任公司", id.body().path("legalFormName").path("zh").asText());
        assertTrue(id.body().path("creditCodeCheckPassed").asBoolean());
        String et = id.body().path("enterpriseToken").asText();
        Map<String, String> both = Map.of("X-Resident-Token", rt, "X-Enterprise-Token", et);

        ObjectNode consent = JSON.createObjectNode();
        consent.put("itemCode", SOCIAL_INSURANCE);
        consent.putArray("licenseTypes").add("BUSINESS_LICENSE").add("ID_CARD");
        consent.put("expiresAt", Instant.now().plusSeconds(600).toString());
        Answer auth = send("POST", "/onecert/authorisations", both, consent);
        assertEquals(200, auth.status(), auth.body().toString());
        String authId = auth.body().path("authorisationId").asText();

        Answer list = send("GET", "/onecert/authorisations/" + authId + "/licenses", both, null);
        assertEquals(200, list.status());
        List<String> types = list.body().path("licenses").findValuesAsText("type");
        assertEquals(List.of("BUSINESS_LICENSE", "ID_CARD"), types, "the enterprise's license and the acting person's ID card");
        String licenseId = list.body().path("licenses").get(0).path("licenseId").asText();
        Answer doc = send("GET", "/onecert/authorisations/" + authId + "/licenses/" + licenseId, both, null);
        assertEquals(200, doc.status());
        JsonNode content = decoded(doc.body());
        assertEquals(LUCHENG, content.path("holder").path("creditCode").asText());
        assertEquals("包头市鹿城智联科技有限公司", content.path("holder").path("name").path("zh").asText());

        ObjectNode issue = JSON.createObjectNode();
        issue.put("itemCode", SOCIAL_INSURANCE);
        issue.put("authorisationId", authId);
        Answer cert = send("POST", "/immediate/issuances", both, issue);
        assertEquals(200, cert.status(), cert.body().toString());
        JsonNode c = decoded(cert.body());
        assertEquals(LUCHENG, c.path("holder").path("creditCode").asText());
        assertEquals("1502**********0016", c.path("actingPerson").path("maskedIdNumber").asText());
        assertEquals("LEGAL_REPRESENTATIVE", c.path("actingPerson").path("role").asText());
        assertFalse(c.path("statement").toString().contains(WANG), "the statement names the acting person masked");

        // Without the enterprise token the same person gets a certificate in their own name.
        Answer own = send("POST", "/immediate/issuances", Map.of("X-Resident-Token", rt), issue);
        assertEquals(200, own.status());
        assertEquals(WANG, decoded(own.body()).path("holder").path("idNumber").asText());
    }

    @Test
    void agentWithAnAuthorisationInDateIsAnAgentUntilItsLastDay() throws Exception {
        Answer id = identify(residentToken(LI), "creditCode", LUCHENG);
        assertEquals(200, id.status(), id.body().toString());
        assertEquals("AGENT", id.body().path("role").asText());
        assertEquals("2030-12-31", id.body().path("authorisedUntil").asText());
    }

    @Test
    void agentWhoseAuthorisationExpiredIsRefused() throws Exception {
        refusedFor(CHEN, LUCHENG, 403, "AUTHORISATION_EXPIRED");
    }

    @Test
    void personWithNoAuthorityIsRefused() throws Exception {
        refusedFor(HUANG, LUCHENG, 403, "NO_AUTHORITY");
        // A legal representative of one enterprise has no authority for another.
        refusedFor(WANG, RARE_EARTH, 403, "NO_AUTHORITY");
    }

    @Test
    void unknownAndDeregisteredEnterprisesAreRefused() throws Exception {
        String unknown = "91150203MA0N7LC8Y";
        unknown = unknown + checkChar(unknown);
        refusedFor(WANG, unknown, 404, "ENTERPRISE_UNKNOWN");
        refusedFor(LI, DEREGISTERED, 410, "ENTERPRISE_DEREGISTERED");
    }

    @Test
    void anEarlyCodeFailingItsCheckIsLookedUpAndSaysSo() throws Exception {
        Answer id = identify(residentToken(ZHOU), "creditCode", LEGACY);
        assertEquals(200, id.status(), id.body().toString());
        assertFalse(id.body().path("creditCodeCheckPassed").asBoolean());
    }

    @Test
    void theQrCodeOfTheElectronicBusinessLicenseIdentifiesAndATamperedOneIsRefused() throws Exception {
        String qr = sim.seed().enterprise(RARE_EARTH).orElseThrow().qrPayload();
        String rt = residentToken(ZHANG);
        Answer ok = identify(rt, "qrPayload", qr);
        assertEquals(200, ok.status(), ok.body().toString());
        assertEquals(RARE_EARTH, ok.body().path("creditCode").asText());
        assertEquals("JOINT_STOCK_COMPANY", ok.body().path("legalForm").asText());

        // Another enterprise's code with the original MAC.
        Answer tampered = identify(rt, "qrPayload", qr.replace(RARE_EARTH, LUCHENG));
        assertEquals(400, tampered.status());
        assertEquals("QR_INVALID", tampered.code());
        char last = qr.charAt(qr.length() - 1);
        Answer flipped = identify(rt, "qrPayload", qr.substring(0, qr.length() - 1) + (last == 'A' ? 'B' : 'A'));
        assertEquals("QR_INVALID", flipped.code());
        assertEquals("QR_INVALID", identify(rt, "qrPayload", "https://example.com/not-a-licence").code());
        // Well signed but for nobody in the register.
        String unknown = "91150203MA0N7LC8Y";
        Answer nobody = identify(rt, "qrPayload", EBusinessLicenseQr.of(unknown + checkChar(unknown), "20200101"));
        assertEquals(404, nobody.status());
        assertEquals("ENTERPRISE_UNKNOWN", nobody.code());
    }

    @Test
    void theEnterpriseTokenOnlyWorksWithTheResidentTokenItWasGivenWith() throws Exception {
        String et = identify(residentToken(WANG), "creditCode", LUCHENG).body().path("enterpriseToken").asText();
        ObjectNode issue = JSON.createObjectNode();
        issue.put("itemCode", SOCIAL_INSURANCE);
        Answer a = send("POST", "/immediate/issuances", Map.of("X-Resident-Token", residentToken(LI), "X-Enterprise-Token", et), issue);
        assertEquals(401, a.status());
    }

    @Test
    void anEnterpriseCannotTakeAPersonsItem() throws Exception {
        String rt = residentToken(WANG);
        String et = identify(rt, "creditCode", LUCHENG).body().path("enterpriseToken").asText();
        ObjectNode issue = JSON.createObjectNode();
        issue.put("itemCode", "12150200MB1D56630J200831000001");
        Answer a = send("POST", "/immediate/issuances", Map.of("X-Resident-Token", rt, "X-Enterprise-Token", et), issue);
        assertEquals(409, a.status());
        assertEquals("AUDIENCE_MISMATCH", a.code());
    }

    private static ObjectNode replacementApplication(String applicant, String code) {
        ObjectNode b = JSON.createObjectNode();
        b.put("itemCode", LICENSE_REPLACEMENT);
        b.put("applicantIdNumber", applicant);
        b.putNull("authorisationId");
        ObjectNode m = b.putArray("materials").addObject();
        m.put("name", "法定代表人或经办人居民身份证");
        m.put("source", "E_LICENSE");
        m.put("licenseId", sim.seed().resident(applicant).orElseThrow().licenses().get(0).licenseId());
        b.put("contactPhone", "13800138000");
        b.put("submittedAt", Instant.now().toString());
        ObjectNode f = b.putObject("form");
        f.put("entityName", "包头市鹿城智联科技有限公司");
        f.put("creditCode", code);
        f.put("reason", "LOST");
        f.put("copy", "ORIGINAL");
        f.put("agentName", sim.seed().resident(applicant).orElseThrow().nameZh());
        f.put("agentIdNumber", applicant);
        f.put("phone", "13800138000");
        b.putObject("enterprise").put("creditCode", code);
        return b;
    }

    @Test
    void anApplicationForTheEnterpriseIsCheckedAgainstTheRegisterAndRecordsItsHolder() throws Exception {
        Answer ok = send("POST", "/applications", Map.of(), replacementApplication(LI, LUCHENG));
        assertEquals(200, ok.status(), ok.body().toString());
        String caseNumber = ok.body().path("caseNumber").asText();
        assertEquals(LUCHENG, sim.enterprises().caseHolder(caseNumber).orElseThrow());
        assertEquals("AGENT", sim.enterprises().caseActorRole(caseNumber).orElseThrow());

        Answer expired = send("POST", "/applications", Map.of(), replacementApplication(CHEN, LUCHENG));
        assertEquals(403, expired.status());
        assertEquals("AUTHORISATION_EXPIRED", expired.code());
        Answer gone = send("POST", "/applications", Map.of(), replacementApplication(LI, DEREGISTERED));
        assertEquals(410, gone.status());
        assertEquals("ENTERPRISE_DEREGISTERED", gone.code());
    }

    private static JsonNode decoded(JsonNode signed) throws Exception {
        // The sealed OFD's data, as the contract carries it beside the package (the kiosk checks the two agree).
        return signed.path("data");
    }

    private static char checkChar(String first17) {
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            if (IdChecks.validCreditCode(first17 + c)) {
                return c;
            }
        }
        throw new AssertionError("no check character");
    }
}
