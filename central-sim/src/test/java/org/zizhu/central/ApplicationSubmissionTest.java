package org.zizhu.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.catalog.CatalogRepository;
import org.zizhu.central.contract.OpenApiContract;

/**
 * Applications (申报) against the seeded catalogue over real HTTP in strict contract mode: a
 * complete one is accepted with its owed material and delivery, each way of getting it wrong is
 * refused with its own machine code, and case progress answers by number and by person.
 */
class ApplicationSubmissionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RETIREMENT = "12150200MB1C47725K050210200001";
    private static final String UNEMPLOYMENT_BENEFIT = "12150200MB1C47725K050201100001";
    private static final String TAX_RECORD = "11150200MB0C12658U200660100001";
    private static final String WANG = "150202198503120016";
    private static final String WANG_ID_CARD = "1.2.156.3005.2.111.11150200MB1532145Q.1985001001.001.3";
    private static final String WANG_SOCIAL_CARD = "1.2.156.3005.2.141.11150200MB0Y382161.1985001004.001.T";
    private static final String LI_ID_CARD = "1.2.156.3005.2.111.11150200MB1532145Q.1990001006.001.J";
    private static final String FILE = "本人人事档案";
    private static final String OPTIONAL_PROOF = "视同缴费年限、特殊工种等证明材料（如有）";
    private static CentralSimulator sim;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
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

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    static byte[] jpeg(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y += 8) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, 40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    static byte[] png(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        img.getRaster().setSample(1, 1, 0, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static ObjectNode page(byte[] jpeg) throws Exception {
        ObjectNode p = JSON.createObjectNode();
        p.put("sha256", sha256(jpeg));
        p.put("jpegBase64", Base64.getEncoder().encodeToString(jpeg));
        return p;
    }

    private static ObjectNode commitment(LocalDate due) throws Exception {
        byte[] sig = png(200, 80);
        ObjectNode c = JSON.createObjectNode();
        c.put("dueDate", due.toString());
        c.put("signedAt", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        c.put("signaturePngBase64", Base64.getEncoder().encodeToString(sig));
        c.put("signatureSha256", sha256(sig));
        return c;
    }

    private static ObjectNode material(ArrayNode ms, String name, String source) {
        ObjectNode m = ms.addObject();
        m.put("name", name);
        m.put("source", source);
        return m;
    }

    /** A complete retirement application by WANG: every material resolved one of the four ways, postal delivery. */
    static ObjectNode retirement() throws Exception {
        ObjectNode b = JSON.createObjectNode();
        b.put("itemCode", RETIREMENT);
        b.put("applicantIdNumber", WANG);
        b.putNull("authorisationId");
        ArrayNode ms = b.putArray("materials");
        material(ms, "申请人居民身份证", "E_LICENSE").put("licenseId", WANG_ID_CARD);
        material(ms, FILE, "CAPTURED_PAGES").putArray("pages").add(page(jpeg(620, 877))).add(page(jpeg(620, 877)));
        material(ms, OPTIONAL_PROOF, "MISSING_COMMITTED").set("commitment", commitment(today().plusDays(30)));
        material(ms, "社会保障卡金融账户", "SHARED_DATA").put("sharedDataRef", "si:account:primary");
        b.put("contactPhone", "13912345678");
        b.put("contactName", "王建国");
        b.put("submittedAt", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        ObjectNode f = b.putObject("form");
        f.put("name", "王建国");
        f.put("idNumber", WANG);
        f.put("workStart", "1985-07-01");
        f.put("kind", "NORMAL");
        f.put("employer", "包头钢铁（集团）有限责任公司");
        f.put("employerCode", "11150200MB1532145Q");
        f.put("address", "内蒙古自治区包头市东河区和平路12号");
        f.put("phone", "13912345678");
        ObjectNode d = b.putObject("delivery");
        d.put("method", "POST");
        ObjectNode a = d.putObject("address");
        a.put("regionCode", "150202001");
        a.put("region", "内蒙古自治区包头市东河区和平路街道");
        a.put("detail", "和平路12号3单元501");
        a.put("recipient", "王建国");
        d.put("mobile", "13912345678");
        return b;
    }

    private static HttpResponse<String> post(JsonNode body) throws Exception {
        return post(sim, body);
    }

    private static HttpResponse<String> post(CentralSimulator to, JsonNode body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(to.baseUrl() + "/applications")).header("X-Terminal-Id", "T-1")
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("X-Terminal-Id", "T-1");
        if (token != null) {
            b.header("X-Resident-Token", token);
        }
        HttpResponse<String> r = HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode n = JSON.readTree(r.body());
        ((ObjectNode) n).put("_status", r.statusCode());
        return n;
    }

    private static String token(String qr) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/identity/qr-logins")).header("X-Terminal-Id", "T-1")
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"qrToken\":\"" + qr + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).path("residentToken").asText();
    }

    /** Changes a complete application one way and expects the refusal's code (and the material it names). */
    private static JsonNode refused(Consumer<ObjectNode> change, String code) throws Exception {
        ObjectNode b = retirement();
        change.accept(b);
        HttpResponse<String> r = post(b);
        JsonNode e = JSON.readTree(r.body());
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(code, e.path("code").asText(), r.body());
        assertFalse(e.path("message").path("zh").asText().isBlank());
        assertFalse(e.path("message").path("en").asText().isBlank());
        return e;
    }

    private static ObjectNode ref(ObjectNode b, String name) {
        for (JsonNode m : b.path("materials")) {
            if (m.path("name").asText().equals(name)) {
                return (ObjectNode) m;
            }
        }
        throw new AssertionError(name);
    }

    private static void remove(ObjectNode b, String name) {
        ArrayNode ms = (ArrayNode) b.get("materials");
        for (int i = 0; i < ms.size(); i++) {
            if (ms.get(i).path("name").asText().equals(name)) {
                ms.remove(i);
                return;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void aCompleteApplicationIsAcceptedAndItsProgressAnswersByNumberAndByPerson() throws Exception {
        int before = sim.residents().caseCount();
        HttpResponse<String> r = post(retirement());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode receipt = JSON.readTree(r.body());
        String number = receipt.path("caseNumber").asText();
        assertEquals(before + 1, sim.residents().caseCount());
        assertEquals("SUBMITTED", receipt.path("status").asText());
        assertEquals("POST", receipt.path("delivery").asText());
        assertEquals(1, receipt.path("owed").size());
        assertEquals(OPTIONAL_PROOF, receipt.path("owed").get(0).path("name").asText());
        assertEquals(today().plusDays(30).toString(), receipt.path("owed").get(0).path("dueDate").asText());
        assertEquals(today().plusDays(10).toString(), receipt.path("promisedBy").asText(), "the item promises 10 days");
        assertEquals(0, receipt.path("warnings").size());

        JsonNode byNumber = get("/cases/" + number, null);
        assertEquals(200, byNumber.path("_status").asInt());
        assertEquals("ACCEPTED", byNumber.path("status").asText(), "the simulated office moves a case on when looked at");
        assertEquals(List.of("SUBMITTED", "ACCEPTED"), statuses(byNumber));
        assertEquals("企业职工基本养老保险待遇申领（退休申请）", byNumber.path("itemName").path("zh").asText());
        assertEquals(OPTIONAL_PROOF, byNumber.path("owed").get(0).path("name").asText());

        JsonNode mine = get("/cases", token("QRDEMO-wangjianguo-0001"));
        assertEquals(200, mine.path("_status").asInt());
        List<String> numbers = new ArrayList<>();
        mine.path("cases").forEach(c -> numbers.add(c.path("caseNumber").asText()));
        assertTrue(numbers.contains(number), numbers.toString());
        assertTrue(numbers.contains("ZW-20250301-000001"), "the seeded case of the same person");
        assertTrue(numbers.indexOf(number) < numbers.indexOf("ZW-20250301-000001"), "newest first");

        JsonNode hers = get("/cases", token("QRDEMO-lixiuying-00002"));
        hers.path("cases").forEach(c -> assertFalse(numbers.contains(c.path("caseNumber").asText()), "another person's case"));
        assertEquals(401, get("/cases", "not-a-valid-token-000").path("_status").asInt());
        assertEquals(404, get("/cases/ZW-19990101-000000", null).path("_status").asInt());
    }

    private static List<String> statuses(JsonNode c) {
        List<String> s = new ArrayList<>();
        c.path("history").forEach(e -> s.add(e.path("status").asText()));
        return s;
    }

    @Test
    void aCreditCodeFailingOnlyItsCheckCharacterIsAcceptedWithAWarning() throws Exception {
        ObjectNode b = retirement();
        ((ObjectNode) b.get("form")).put("employerCode", "11150200MB1532145R");
        HttpResponse<String> r = post(b);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode w = JSON.readTree(r.body()).path("warnings");
        assertEquals(1, w.size());
        assertEquals("employerCode", w.get(0).path("field").asText());
        assertEquals("USCC_CHECK", w.get(0).path("rule").asText());
    }

    @Test
    void windowPickupNeedsNoAddressAndAFormMaterialIsCoveredByTheForm() throws Exception {
        ObjectNode b = retirement();
        ((ObjectNode) b.get("delivery")).remove(List.of("address", "mobile"));
        ((ObjectNode) b.get("delivery")).put("method", "WINDOW");
        HttpResponse<String> r = post(b);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("WINDOW", JSON.readTree(r.body()).path("delivery").asText());
    }

    @Test
    void formMistakesAreRefusedFieldByFieldWithTheRule() throws Exception {
        JsonNode e = refused(b -> {
            ObjectNode f = (ObjectNode) b.get("form");
            f.put("idNumber", "150202198503120017");
            f.put("phone", "12912345678");
            f.remove("employer");
            f.put("workStart", today().plusDays(1).toString());
            f.put("kind", "SOON");
            f.put("address", "12 Peace Road");
            f.put("shoeSize", "42");
        }, "FORM_INVALID");
        List<String> got = new ArrayList<>();
        e.path("fieldErrors").forEach(x -> got.add(x.path("field").asText() + ":" + x.path("rule").asText()));
        assertEquals(List.of("shoeSize:UNKNOWN_FIELD", "idNumber:ID_NUMBER_CHECK", "workStart:DATE_IN_FUTURE", "kind:CHOICE",
                "employer:REQUIRED", "address:NOT_CHINESE", "phone:PHONE"), got);
    }

    @Test
    void eachMaterialProblemIsRefusedNamingTheMaterial() throws Exception {
        assertEquals(FILE, refused(b -> remove(b, FILE), "MATERIAL_MISSING").path("material").asText());
        assertEquals("户口簿", refused(b -> material((ArrayNode) b.get("materials"), "户口簿", "SHARED_DATA"), "MATERIAL_UNKNOWN")
                .path("material").asText());
        refused(b -> material((ArrayNode) b.get("materials"), "社会保障卡金融账户", "SHARED_DATA"), "MATERIAL_UNKNOWN");
        refused(b -> {
            remove(b, FILE);
            material((ArrayNode) b.get("materials"), FILE, "SHARED_DATA");
        }, "MATERIAL_SOURCE_INVALID");
        refused(b -> ref(b, "申请人居民身份证").put("licenseId", LI_ID_CARD), "LICENSE_NOT_OWNED");
        refused(b -> ref(b, "申请人居民身份证").put("licenseId", WANG_SOCIAL_CARD), "MATERIAL_SOURCE_INVALID");
    }

    @Test
    void capturedPagesMustBeReadableJpegsMatchingTheirDigest() throws Exception {
        refused(b -> ((ObjectNode) ref(b, FILE).get("pages").get(0)).put("sha256", "0".repeat(64)), "PAGE_INVALID");
        // Starts like a JPEG, passes the contract's pattern, but no decoder can read it.
        byte[] fake = new byte[600];
        fake[0] = (byte) 0xFF;
        fake[1] = (byte) 0xD8;
        fake[2] = (byte) 0xFF;
        refused(b -> {
            try {
                ((ArrayNode) ref(b, FILE).get("pages")).set(0, page(fake));
            } catch (Exception x) {
                throw new AssertionError(x);
            }
        }, "PAGE_INVALID");
    }

    @Test
    void commitmentsOnlyForMinorMaterialsWithinTheirDaysAndSigned() throws Exception {
        JsonNode e = refused(b -> {
            remove(b, FILE);
            try {
                material((ArrayNode) b.get("materials"), FILE, "MISSING_COMMITTED").set("commitment", commitment(today().plusDays(5)));
            } catch (Exception x) {
                throw new AssertionError(x);
            }
        }, "COMMITMENT_NOT_ALLOWED");
        assertEquals(FILE, e.path("material").asText());
        refused(b -> ((ObjectNode) ref(b, OPTIONAL_PROOF).get("commitment")).put("dueDate", today().plusDays(31).toString()),
                "COMMITMENT_INVALID");
        refused(b -> ((ObjectNode) ref(b, OPTIONAL_PROOF).get("commitment")).put("dueDate", today().minusDays(1).toString()),
                "COMMITMENT_INVALID");
        refused(b -> ((ObjectNode) ref(b, OPTIONAL_PROOF).get("commitment")).put("signatureSha256", "f".repeat(64)),
                "COMMITMENT_INVALID");
    }

    private static final String FOOD_LICENCE = "11150200MB1535080D011030100001";

    /** The signed 告知承诺书 an application for a 告知承诺 item carries. */
    private static ObjectNode notice() throws Exception {
        byte[] sig = png(200, 80);
        ObjectNode c = JSON.createObjectNode();
        c.put("signedAt", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        c.put("signaturePngBase64", Base64.getEncoder().encodeToString(sig));
        c.put("signatureSha256", sha256(sig));
        return c;
    }

    /** A complete 食品经营许可 application by WANG (告知承诺制), window pickup, with or without the signed commitment. */
    private static ObjectNode foodLicence(boolean signed) throws Exception {
        ObjectNode b = JSON.createObjectNode();
        b.put("itemCode", FOOD_LICENCE);
        b.put("applicantIdNumber", WANG);
        b.putNull("authorisationId");
        ArrayNode ms = b.putArray("materials");
        material(ms, "营业执照", "SHARED_DATA").put("sharedDataRef", "market:business-licence");
        material(ms, "法定代表人或经办人居民身份证", "CAPTURED_PAGES").putArray("pages").add(page(jpeg(620, 877)));
        material(ms, "经营场所平面布局图及设备布局、操作流程说明", "CAPTURED_PAGES").putArray("pages").add(page(jpeg(620, 877)));
        material(ms, "食品安全管理制度文本", "MISSING_COMMITTED").set("commitment", commitment(today().plusDays(5)));
        b.put("contactPhone", "13912345678");
        b.put("submittedAt", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        ObjectNode f = b.putObject("form");
        f.put("entityName", "包头市东河区好味道餐饮店");
        f.put("creditCode", "11150200MB1532145Q");
        f.put("legalRepresentative", "王建国");
        f.put("premises", "内蒙古自治区包头市东河区和平路12号");
        f.put("format", "CATERING");
        f.put("items", "热食类食品制售");
        f.put("area", "86.5");
        f.put("safetyManager", "王建国");
        f.put("phone", "13912345678");
        b.putObject("delivery").put("method", "WINDOW");
        if (signed) {
            b.set("notificationCommitment", notice());
        }
        return b;
    }

    @Test
    void aNotificationCommitmentItemNeedsTheSignedCommitmentAndOtherItemsTakeNone() throws Exception {
        HttpResponse<String> ok = post(foodLicence(true));
        assertEquals(200, ok.statusCode(), ok.body());
        assertFalse(JSON.readTree(ok.body()).path("caseNumber").asText().isBlank());

        HttpResponse<String> unsigned = post(foodLicence(false));
        assertEquals(400, unsigned.statusCode(), unsigned.body());
        JsonNode e = JSON.readTree(unsigned.body());
        assertEquals("COMMITMENT_MISSING", e.path("code").asText(), unsigned.body());
        assertTrue(e.path("message").path("zh").asText().contains("告知承诺"));

        ObjectNode badSignature = foodLicence(true);
        ((ObjectNode) badSignature.get("notificationCommitment")).put("signatureSha256", "f".repeat(64));
        HttpResponse<String> bad = post(badSignature);
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals("COMMITMENT_INVALID", JSON.readTree(bad.body()).path("code").asText());

        // The retirement item has no 告知承诺: a commitment to it is a kiosk out of step with the catalogue.
        refused(b -> {
            try {
                b.set("notificationCommitment", notice());
            } catch (Exception x) {
                throw new AssertionError(x);
            }
        }, "COMMITMENT_NOT_ALLOWED");
    }

    @Test
    void deliveryContactAndItemKind() throws Exception {
        refused(b -> {
            b.put("itemCode", UNEMPLOYMENT_BENEFIT);
            b.set("form", JSON.createObjectNode());
        }, "FORM_INVALID");
        // A complete unemployment-benefit application, except that the item offers no postal delivery.
        refused(b -> {
            b.put("itemCode", UNEMPLOYMENT_BENEFIT);
            ObjectNode f = (ObjectNode) b.get("form");
            f.removeAll();
            f.put("name", "王建国");
            f.put("idNumber", WANG);
            f.put("lastEmployer", "包头钢铁（集团）有限责任公司");
            f.put("lastEmployerCode", "11150200MB1532145Q");
            f.put("separationDate", today().minusDays(20).toString());
            f.put("contributionYears", "12.5");
            f.put("address", "内蒙古自治区包头市东河区和平路12号");
            f.put("phone", "13912345678");
            ArrayNode ms = (ArrayNode) b.get("materials");
            ms.removeAll();
            material(ms, "申请人居民身份证", "E_LICENSE").put("licenseId", WANG_ID_CARD);
            try {
                material(ms, "终止或者解除劳动关系证明", "CAPTURED_PAGES").putArray("pages").add(page(jpeg(300, 400)));
            } catch (Exception x) {
                throw new AssertionError(x);
            }
            material(ms, "社会保障卡（金融账户已激活）", "E_LICENSE").put("licenseId", WANG_SOCIAL_CARD);
        }, "DELIVERY_NOT_OFFERED");
        refused(b -> b.putNull("contactPhone"), "CONTACT_MISSING");
        refused(b -> b.put("itemCode", TAX_RECORD), "NOT_AN_APPLICATION_ITEM");
    }

    @Test
    void postalDeliveryWithoutAnAddressBreaksTheContract() throws Exception {
        ObjectNode b = retirement();
        ((ObjectNode) b.get("delivery")).remove("address");
        // The contract itself says POST needs an address and a mobile: refused before any handler runs.
        List<String> problems = sim.contract().validateComponent("ApplicationRequest", b);
        assertFalse(problems.isEmpty());
        ObjectNode w = retirement();
        ((ObjectNode) w.get("delivery")).put("method", "WINDOW");
        assertFalse(sim.contract().validateComponent("ApplicationRequest", w).isEmpty(), "window pickup with an address");
        ObjectNode c = retirement();
        ((ObjectNode) ref(c, FILE)).remove("pages");
        assertFalse(sim.contract().validateComponent("ApplicationRequest", c).isEmpty(), "captured pages without pages");
        assertEquals(List.of(), sim.contract().validateComponent("ApplicationRequest", retirement()));
    }

    @Test
    void aFormlessApplicationIsRefusedForEachRequiredField() throws Exception {
        assertTrue(sim.residents().formsRequired(), "the centre requires forms by default");
        try {
            for (Consumer<ObjectNode> formless : List.<Consumer<ObjectNode>>of(b -> b.remove("form"), b -> b.putNull("form"))) {
                JsonNode e = refused(formless, "FORM_INVALID");
                List<String> got = new ArrayList<>();
                e.path("fieldErrors").forEach(x -> got.add(x.path("field").asText() + ":" + x.path("rule").asText()));
                assertEquals(List.of("name:REQUIRED", "idNumber:REQUIRED", "workStart:REQUIRED", "kind:REQUIRED",
                        "employer:REQUIRED", "address:REQUIRED", "phone:REQUIRED"), got, "every required field named; optional ones not");
            }
            // An empty form is no way round it either; a complete one is still accepted.
            refused(b -> ((ObjectNode) b.get("form")).removeAll(), "FORM_INVALID");
            assertEquals(200, post(retirement()).statusCode());
            // Told to let the earlier shape through (transport tests), it passes with its licences checked only.
            sim.residents().formsRequired(false);
            ObjectNode earlier = retirement();
            earlier.remove("form");
            assertEquals(200, post(earlier).statusCode());
        } finally {
            sim.residents().formsRequired(true);
        }
    }

    @Test
    void aLenientCentreStillRefusesSharedDataForAMaterialNotSharedAndPagelessMaterials() throws Exception {
        // strict(false): the contract no longer guards the request; the centre's own check must.
        try (CentralSimulator lenient = CentralSimulator.builder().https(false).strict(false).start()) {
            ObjectNode noPages = retirement();
            ((ArrayNode) ref(noPages, FILE).get("pages")).removeAll();
            HttpResponse<String> r = post(lenient, noPages);
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("PAGE_INVALID", JSON.readTree(r.body()).path("code").asText());
            assertEquals(FILE, JSON.readTree(r.body()).path("material").asText());

            ObjectNode claimed = retirement();
            ObjectNode m = ref(claimed, FILE);
            m.put("source", "SHARED_DATA");
            m.remove("pages");
            r = post(lenient, claimed);
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("MATERIAL_SOURCE_INVALID", JSON.readTree(r.body()).path("code").asText(),
                    "the personnel file is not marked exempt by sharing in the catalogue");
            assertEquals(200, post(lenient, retirement()).statusCode());
        }
    }

    @Test
    void theEarlierShapeWithoutAFormStillChecksItsLicences() throws Exception {
        ObjectNode b = JSON.createObjectNode();
        b.put("itemCode", "11150200MB15296375200930100001");
        b.put("applicantIdNumber", WANG);
        b.putNull("authorisationId");
        ObjectNode m = b.putArray("materials").addObject();
        m.put("name", "居民身份证");
        m.put("source", "E_LICENSE");
        m.put("licenseId", LI_ID_CARD);
        b.putNull("contactPhone");
        b.put("submittedAt", "2026-01-05T10:00:00Z");
        sim.residents().formsRequired(false); // the earlier shape passes only where the centre lets it
        try {
            HttpResponse<String> r = post(b);
            assertEquals(400, r.statusCode());
            assertEquals("LICENSE_NOT_OWNED", JSON.readTree(r.body()).path("code").asText());
        } finally {
            sim.residents().formsRequired(true);
        }
    }

    @Test
    void everyApplicationItemInTheSeedHasAFormAndABadOneFailsTheLoad(@TempDir Path dir) throws Exception {
        CatalogRepository seeded = sim.catalog();
        int withForm = 0;
        for (JsonNode s : seeded.index().path("items")) {
            JsonNode item = seeded.item(s.path("code").asText()).orElseThrow();
            boolean application = false;
            for (JsonNode h : item.path("handling")) {
                application |= h.asText().equals("SUBMISSION");
            }
            assertEquals(application, item.path("form").isObject(), s.path("code").asText());
            withForm += application ? 1 : 0;
        }
        assertEquals(21, withForm, "the issue's twenty-one application items");

        copyCatalogue(dir);
        Path file = dir.resolve("items/" + RETIREMENT + ".json");
        String good = Files.readString(file);
        ObjectNode item = (ObjectNode) JSON.readTree(good);
        item.putNull("form");
        Files.writeString(file, JSON.writeValueAsString(item));
        IOException e = assertThrows(IOException.class, () -> CatalogRepository.load(dir, "https://x.example", OpenApiContract.load()));
        assertTrue(e.getMessage().contains("needs a form"), e.getMessage());

        item = (ObjectNode) JSON.readTree(good);
        ((ObjectNode) item.path("form").path("fields").get(4).path("rule")).put("minLength", 200);
        Files.writeString(file, JSON.writeValueAsString(item));
        e = assertThrows(IOException.class, () -> CatalogRepository.load(dir, "https://x.example", OpenApiContract.load()));
        assertTrue(e.getMessage().contains("minLength exceeds maxLength"), e.getMessage());

        item = (ObjectNode) JSON.readTree(good);
        ((ObjectNode) item.path("form").path("fields").get(0)).put("type", "SHOE_SIZE");
        Files.writeString(file, JSON.writeValueAsString(item));
        e = assertThrows(IOException.class, () -> CatalogRepository.load(dir, "https://x.example", OpenApiContract.load()));
        assertTrue(e.getMessage().contains("does not match the contract"), e.getMessage());
    }

    private static void copyCatalogue(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("items"));
        String index;
        try (InputStream in = ApplicationSubmissionTest.class.getClassLoader().getResourceAsStream("catalog/index.txt")) {
            index = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("index.txt"), index);
        for (String f : List.of("groups.json")) {
            try (InputStream in = ApplicationSubmissionTest.class.getClassLoader().getResourceAsStream("catalog/" + f)) {
                Files.write(dir.resolve(f), in.readAllBytes());
            }
        }
        for (String line : index.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            try (InputStream in = ApplicationSubmissionTest.class.getClassLoader().getResourceAsStream("catalog/items/" + line.strip())) {
                Files.write(dir.resolve("items/" + line.strip()), in.readAllBytes());
            }
        }
    }
}
