package org.zizhu.central;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.update.ReleaseSigning;
import org.zizhu.update.ReleaseToolCommand;

/**
 * Signed releases at the simulated centre over real HTTP, in strict contract mode: the target
 * per terminal and per group, the signed manifest relayed byte for byte, ranged downloads, the
 * admin API, reports; and the vendor's keygen and sign commands that publish into its directory.
 */
class ReleaseApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    @TempDir
    Path dir;
    private CentralSimulator sim;
    private Path pub;
    private byte[] tarball;

    @BeforeEach
    void start() throws Exception {
        // Published with the command the vendor runs.
        Path keys = dir.resolve("keys");
        assertEquals(0, run(new ReleaseToolCommand.Keygen(), "--out", keys.toString()));
        tarball = new byte[100_000];
        new Random(7).nextBytes(tarball);
        Path t = dir.resolve("build.tar.gz");
        Files.write(t, tarball);
        pub = dir.resolve("pub");
        assertEquals(0, run(new ReleaseToolCommand.Sign(), "--key", keys.resolve("release-key.pem").toString(), "--version", "2.1.0",
                "--tarball", t.toString(), "--out", pub.toString()));
        assertEquals(2, run(new ReleaseToolCommand.Sign(), "--key", keys.resolve("release-key.pem").toString(), "--version", "../x",
                "--tarball", t.toString(), "--out", pub.toString()), "a version that is not a file name is refused");
        sim = CentralSimulator.builder().https(false).releasesDir(pub).start();
        byte[] manifest = Files.readAllBytes(pub.resolve("2.1.0.manifest.json"));
        byte[] sig = ReleaseSigning.decodeSignature(Files.readAllBytes(pub.resolve("2.1.0.sig")));
        assertTrue(ReleaseSigning.verify(ReleaseSigning.readPublicKey(keys.resolve("release-key.pub")), manifest, sig));
        KeyPair other = ReleaseSigning.generate();
        assertTrue(!ReleaseSigning.verify(other.getPublic(), manifest, sig));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static int run(org.zizhu.tools.ToolCommand c, String... args) throws Exception {
        return c.run(List.of(args), new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }

    private HttpResponse<byte[]> get(String path, String terminal, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).timeout(Duration.ofSeconds(5)).header("X-Terminal-Id", terminal);
        if (range != null) {
            b.header("Range", range);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aTerminalGetsItsOwnTargetOrItsGroupsOrNone() throws Exception {
        assertTrue(JSON.readTree(get("/terminals/T-1/release", "T-1", null).body()).path("target").isNull());
        sim.releases().group("T-1", "hall-a").groupTarget("hall-a", "2.1.0");
        JsonNode t = JSON.readTree(get("/terminals/T-1/release", "T-1", null).body()).path("target");
        assertEquals("2.1.0", t.path("version").asText());
        assertEquals(100_000, t.path("size").asLong());
        assertEquals("/releases/2.1.0/2.1.0.tar.gz", t.path("url").asText());
        assertArrayEquals(Files.readAllBytes(pub.resolve("2.1.0.manifest.json")), Base64.getDecoder().decode(t.path("manifest").asText()),
                "the signed bytes are relayed unchanged");
        assertTrue(JSON.readTree(get("/terminals/T-2/release", "T-2", null).body()).path("target").isNull(), "T-2 is in no group");
        sim.releases().target("T-1", "9.9.9");
        assertEquals(404, get("/terminals/T-1/release", "T-1", null).statusCode(), "a target that is not published");
        assertEquals(List.of(), sim.contractViolations());
    }

    @Test
    void theTarballIsServedWholeOrByRange() throws Exception {
        HttpResponse<byte[]> whole = get("/releases/2.1.0/2.1.0.tar.gz", "T-1", null);
        assertEquals(200, whole.statusCode());
        assertArrayEquals(tarball, whole.body());
        HttpResponse<byte[]> tail = get("/releases/2.1.0/2.1.0.tar.gz", "T-1", "bytes=40000-");
        assertEquals(206, tail.statusCode());
        assertEquals("bytes 40000-99999/100000", tail.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(tarball, 40_000, 100_000), tail.body());
        HttpResponse<byte[]> mid = get("/releases/2.1.0/2.1.0.tar.gz", "T-1", "bytes=10-19");
        assertArrayEquals(Arrays.copyOfRange(tarball, 10, 20), mid.body());
        HttpResponse<byte[]> past = get("/releases/2.1.0/2.1.0.tar.gz", "T-1", "bytes=100000-");
        assertEquals(416, past.statusCode());
        assertEquals("bytes */100000", past.headers().firstValue("Content-Range").orElseThrow());
        assertEquals(404, get("/releases/2.1.0/2.0.0.tar.gz", "T-1", null).statusCode());
        assertEquals(400, get("/releases/2.1.0/2.1.0.tar.gz", "T-1", "lines=1-2").statusCode(), "a range the contract does not know");
        assertEquals(5, sim.releases().downloads().size(), "the 400 never reached the release files");
    }

    @Test
    void theAdminApiSetsTargetsAndReportsAreRecorded() throws Exception {
        HttpResponse<String> set = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl().replace("/api/v1", "/sim/releases")))
                .POST(HttpRequest.BodyPublishers.ofString("{\"group\":\"hall-b\",\"version\":\"2.1.0\",\"groupOf\":[\"T-7\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, set.statusCode());
        assertEquals("2.1.0", sim.releases().targetOf("T-7").orElseThrow());
        HttpResponse<String> report = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/terminals/T-7/update-reports"))
                .header("X-Terminal-Id", "T-7").header("Idempotency-Key", "5f0c9f7e-4d5c-4a8e-9a51-2b3c4d5e6f70")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":\"2.1.0\",\"outcome\":\"ROLLED_BACK\",\"reason\":\"attempts\","
                        + "\"previous\":\"2.0.0\",\"at\":\"2026-12-02T08:00:00Z\"}", StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, report.statusCode(), report.body());
        assertEquals("ROLLED_BACK", sim.releases().reports().get(0).outcome());
        assertEquals("attempts", sim.releases().reports().get(0).reason());
        assertEquals(List.of(), sim.contractViolations());
    }
}
