package org.zizhu.kiosk.services;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.CentralSimulator;
import org.zizhu.central.security.DocumentSealing;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.central.LinkState;
import org.zizhu.ofd.issue.DocumentSpec;

/**
 * The kiosk's verification of sealed OFD documents against a running central simulator: the
 * trust list over HTTP (then from its file while the centre is away), a genuine e-license
 * accepted, and each way a document can be wrong refused before anything uses it.
 */
class DocumentVerificationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WANG = "150202198503120016";
    private static final String ZHAO = "150203199007210021";
    /** 包头市公安局, a licensing authority of the seed. */
    private static final String POLICE = "11150200MB1532145Q";

    /** A minimal JPEG: the simulator's face check decides by the seed, not by the picture. */
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};

    static CentralSimulator central;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        central = CentralSimulator.builder().https(false).start();
    }

    @AfterAll
    static void stop() {
        central.close();
    }

    private static SealVerifier verifier(Path cache) {
        CentralClient client = new CentralClient(URI.create(central.baseUrl()), "ZZ-T-DOC", Duration.ofSeconds(2),
                Duration.ofSeconds(8), new LinkState());
        return new SealVerifier(client, cache, Clock.systemUTC());
    }

    /** A valid e-license identifier: the seed's first, whose check character is right. */
    private static String licenseId() throws Exception {
        return org.zizhu.central.seed.SeedData.load(null,
                org.zizhu.central.contract.OpenApiContract.load()).resident(WANG).orElseThrow().licenses().get(0).licenseId();
    }

    private static ObjectNode content(String licenseId, String holderId, String validUntil) {
        ObjectNode c = JSON.createObjectNode();
        c.put("licenseId", licenseId);
        c.put("type", "ID_CARD");
        c.putObject("holder").put("idNumber", holderId);
        c.put("issuerCode", POLICE);
        c.put("issuedOn", "2020-01-01");
        if (validUntil == null) {
            c.putNull("validUntil");
        } else {
            c.put("validUntil", validUntil);
        }
        return c;
    }

    /** The contract's SignedDocument for a document sealed by {@code sealing}'s body {@code POLICE}. */
    private static ObjectNode signed(DocumentSealing sealing, String id, ObjectNode content) throws Exception {
        byte[] data = JSON.writeValueAsBytes(content);
        byte[] ofd = sealing.issue("E_LICENSE", new DocumentSpec("居民身份证", List.of(new DocumentSpec.Line("编号", id)),
                "包头市公安局", id, LocalDate.of(2020, 1, 1), "https://zwfw.example.gov.cn/verify/" + id, data),
                POLICE, "包头市公安局", null, false);
        return wrap(id, ofd, content);
    }

    private static ObjectNode wrap(String id, byte[] ofd, ObjectNode content) {
        ObjectNode s = JSON.createObjectNode();
        s.put("documentId", id);
        s.put("kind", "E_LICENSE");
        s.putObject("title").put("zh", "居民身份证").put("en", "Resident ID card");
        s.put("contentType", "application/ofd");
        s.put("ofdBase64", Base64.getEncoder().encodeToString(ofd));
        s.set("data", content);
        s.put("verificationUrl", "https://zwfw.example.gov.cn/verify/" + id);
        return s;
    }

    private static SealVerifier.Holder wang() {
        return new SealVerifier.Holder(WANG, "1502**********0016");
    }

    @Test
    void genuineLicenseIsAcceptedAndTheTrustListIsKeptForOfflineUse() throws Exception {
        String id = licenseId();
        Path cache = dir.resolve("trust-list.json");
        ObjectNode signed = signed(central.sealing(), id, content(id, WANG, null));
        VerifiedDocument d = verifier(cache).verify(signed, wang());
        assertEquals(id, d.content().path("licenseId").asText());
        assertEquals(POLICE, d.bodyCode());
        assertEquals("包头市公安局", d.sealedBy());
        assertArrayEquals(Base64.getDecoder().decode(signed.path("ofdBase64").asText()), d.ofd());
        assertTrue(Files.size(cache) > 100, "the trust list was kept");

        // With the centre unreachable a new verifier reads the kept list.
        CentralClient nowhere = new CentralClient(URI.create("http://127.0.0.1:9/api/v1"), "ZZ-T-DOC", Duration.ofMillis(300),
                Duration.ofSeconds(1), new LinkState());
        VerifiedDocument offline = new SealVerifier(nowhere, cache, Clock.systemUTC()).verify(signed, wang());
        assertEquals(id, offline.documentId());
        d.wipe();
        assertTrue(d.content().isEmpty());
        assertEquals(0, d.ofd()[0]);
    }

    @Test
    void contentChangedAfterSealingIsRefused() throws Exception {
        String id = licenseId();
        ObjectNode signed = signed(central.sealing(), id, content(id, WANG, null));
        byte[] ofd = Base64.getDecoder().decode(signed.path("ofdBase64").asText());
        byte[] changed = rezip(ofd, "Content.xml", "编号", "编码");
        signed.put("ofdBase64", Base64.getEncoder().encodeToString(changed));
        assertRefused(signed, wang());
    }

    @Test
    void dataBesideTheSealThatDiffersFromTheSealedDataIsRefused() throws Exception {
        String id = licenseId();
        ObjectNode signed = signed(central.sealing(), id, content(id, WANG, null));
        ((ObjectNode) signed.path("data")).put("issuedOn", "2021-01-01");
        assertRefused(signed, wang());
    }

    @Test
    void sealOfABodyTheCentreDoesNotTrustIsRefused() throws Exception {
        String id = licenseId();
        DocumentSealing stranger = DocumentSealing.createFresh();
        assertRefused(signed(stranger, id, content(id, WANG, null)), wang());
    }

    @Test
    void expiredLicenseIsRefused() throws Exception {
        String id = licenseId();
        assertRefused(signed(central.sealing(), id, content(id, WANG, "2021-12-31")), wang());
    }

    @Test
    void licenseOfAnotherPersonIsRefused() throws Exception {
        String id = licenseId();
        assertRefused(signed(central.sealing(), id, content(id, ZHAO, null)), wang());
        // An app login knows only the mask; another person's mask does not match either.
        assertRefused(signed(central.sealing(), id, content(id, ZHAO, null)), new SealVerifier.Holder(null, "1502**********0016"));
    }

    @Test
    void identifierFailingItsCheckCharacterIsRefused() throws Exception {
        String id = licenseId();
        String bad = id.substring(0, id.length() - 1) + (id.endsWith("A") ? "B" : "A");
        assertRefused(signed(central.sealing(), bad, content(bad, WANG, null)), wang());
    }

    @Test
    void verificationPageSaysWhetherThePrintedDocumentIsGenuineAndCurrent() throws Exception {
        String id = licenseId();
        ObjectNode signed = signed(central.sealing(), id, content(id, WANG, null));
        String sha = verifier(null).verify(signed, wang()).sha256();
        HttpClient http = HttpClient.newHttpClient();
        String base = central.baseUrl().replace("/api/v1", "");
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(base + "/verify/" + id + "?h=" + sha))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode());
        assertEquals(true, JSON.readTree(ok.body()).path("genuine").asBoolean());
        assertEquals(true, JSON.readTree(ok.body()).path("current").asBoolean());
        assertEquals("包头市公安局", JSON.readTree(ok.body()).path("issuer").asText());
        assertTrue(!ok.body().contains(WANG), "the page never names the holder");
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(base + "/verify/" + id + "?h=" + "0".repeat(64)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, other.statusCode());
        assertTrue(other.body().contains("不可信"), other.body());
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(base + "/verify/NOPE-1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());
    }

    @Test
    void licenseShownFromThePhoneIsResolvedOnceVerifiedAndAudited() throws Exception {
        CentralClient client = new CentralClient(URI.create(central.baseUrl()), "ZZ-T-DOC", Duration.ofSeconds(2),
                Duration.ofSeconds(8), new LinkState());
        CentralServices services = new CentralServices(client, null, Duration.ofDays(1), Duration.ofDays(1), Clock.systemUTC(),
                "150203", null);
        ResidentSession wang = services.identity().verifyFace(WANG, JPEG).session().orElseThrow();
        String id = licenseId();
        String code = central.residents().showLicenseCode(id, Duration.ofMinutes(5));
        var access = new OneCertificateService.Access("11150200MB1532145Q200520300001", "户籍证明开具", "TXN-SHOWN-0001",
                OneCertificateService.Purpose.SELF_SERVICE_PRINT);
        VerifiedDocument d = services.oneCertificate().shownLicense(wang, code, access);
        assertEquals(id, d.documentId());
        assertEquals(WANG, d.content().path("holder").path("idNumber").asText());
        var logged = central.residents().audit().accesses();
        assertEquals("resolveShownLicense", logged.get(logged.size() - 1).operation());
        assertEquals("150203", logged.get(logged.size() - 1).locationCode());
        // One use: the same code again is refused, as is a code for someone else's license.
        CentralException again = assertThrows(CentralException.class, () -> services.oneCertificate().shownLicense(wang, code, access));
        assertEquals("LICENSE_QR_UNKNOWN", again.code());
        String zhaos = org.zizhu.central.seed.SeedData.load(null, org.zizhu.central.contract.OpenApiContract.load())
                .resident(ZHAO).orElseThrow().licenses().get(0).licenseId();
        String other = central.residents().showLicenseCode(zhaos, Duration.ofMinutes(5));
        CentralException notHers = assertThrows(CentralException.class, () -> services.oneCertificate().shownLicense(wang, other, access));
        assertEquals("NOT_HOLDER", notHers.code());
        assertThrows(IllegalArgumentException.class, () -> services.oneCertificate().shownLicense(wang, "https://evil.example/x", access));
        assertEquals(List.of(), central.contractViolations());
    }

    private static void assertRefused(ObjectNode signed, SealVerifier.Holder holder) {
        CentralException e = assertThrows(CentralException.class, () -> verifier(null).verify(signed, holder));
        assertEquals(CentralException.Kind.BAD_RESPONSE, e.kind());
        assertTrue(e.residentMessage() != null, "the resident is told");
    }

    /** The package with one entry (by name suffix) edited as text. */
    static byte[] rezip(byte[] ofd, String suffix, String from, String to) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean changed = false;
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(ofd)); ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] b = in.readAllBytes();
                if (e.getName().endsWith(suffix)) {
                    String t = new String(b, StandardCharsets.UTF_8);
                    if (t.contains(from)) {
                        b = t.replace(from, to).getBytes(StandardCharsets.UTF_8);
                        changed = true;
                    }
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(b);
                z.closeEntry();
            }
        }
        assertTrue(changed, "the test changed something");
        return out.toByteArray();
    }
}
