package org.zizhu.device.camera.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.device.camera.FfmpegRequired;
import org.zizhu.tools.ToolCommand;

class CameraToolsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void ffmpeg() {
        FfmpegRequired.check();
    }

    private int run(ToolCommand c, String... args) throws Exception {
        return c.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void bothCommandsAreRegistered() {
        Set<String> found = ServiceLoader.load(ToolCommand.class).stream().map(ServiceLoader.Provider::get)
                .map(c -> c.kind() + " " + c.name()).collect(Collectors.toSet());
        assertTrue(found.containsAll(Set.of("DIAG camera", "SIM camera")), found.toString());
    }

    @Test
    void diagOnTheTestPatternReportsFramesAsJson() throws Exception {
        assertEquals(0, run(new CameraDiagCommand(), "--source", "lavfi", "--seconds", "2"), err.toString());
        JsonNode j = json();
        assertTrue(j.get("ok").asBoolean());
        assertTrue(j.get("frames").asInt() >= 5, j.toString());
        assertEquals(640, j.get("width").asInt());
        assertTrue(j.get("fps").asDouble() > 5, j.toString());
        assertTrue(j.get("avgDecodeMs").asDouble() > 0);
        assertEquals("ONLINE", j.get("status").asText());
    }

    @Test
    void diagOnAMissingCameraFailsWithExitOne() throws Exception {
        assertEquals(1, run(new CameraDiagCommand(), "--source", "v4l2:/dev/video-zizhu-missing", "--seconds", "1"));
        assertEquals("NO_DEVICE", json().get("status").asText());
    }

    @Test
    void diagBadUsageIsExitTwo() throws Exception {
        assertEquals(2, run(new CameraDiagCommand(), "--source", "webcam"));
        assertEquals(2, run(new CameraDiagCommand(), "--seconds", "0"));
        assertTrue(err.toString().contains("usage"));
    }

    @Test
    void simShowsOurQrCodeAndTheDiagReadsItMasked(@TempDir Path dir) throws Exception {
        String payload = "zizhu:pay:v1:ORD2025000042:nonce-abcdefghijkl";
        assertEquals(0, run(new CameraSimCommand(), "--qr", payload, "--dir", dir.toString(), "--check", "10"), err.toString());
        JsonNode j = json();
        assertEquals("accepted", j.at("/payload/result").asText());
        assertEquals("accepted", j.at("/check/qr/result").asText());
        assertEquals("pay", j.at("/check/qr/kind").asText());
        String source = j.get("source").asText();
        assertTrue(source.startsWith("file:") && Files.exists(Path.of(source.substring(5))), source);
        assertTrue(j.get("ffmpeg").toString().contains("-loop"));

        out.reset();
        assertEquals(0, run(new CameraDiagCommand(), "--source", source, "--seconds", "2"), err.toString());
        JsonNode d = json();
        assertEquals("pay", d.at("/qr/0/kind").asText(), d.toString());
        assertTrue(!d.toString().contains("nonce-abcdefghijkl"), "nonce masked in diag output");
    }

    @Test
    void simForeignQrIsShownButRejected(@TempDir Path dir) throws Exception {
        assertEquals(0, run(new CameraSimCommand(), "--qr", "https://example.com/x", "--dir", dir.toString(), "--check", "10"));
        JsonNode j = json();
        assertEquals("FOREIGN", j.at("/payload/reason").asText());
        assertEquals("FOREIGN", j.at("/check/qr/reason").asText());
    }

    @Test
    void simFaceSurvivesFfmpegMjpegAndIsAccepted(@TempDir Path dir) throws Exception {
        assertEquals(0, run(new CameraSimCommand(), "--face", "--dir", dir.toString(), "--check", "10"), err.toString());
        JsonNode j = json();
        assertEquals("accepted", j.at("/check/face/verdict").asText(), j.toString());
        assertTrue(j.at("/check/face/jpegBytes").asInt() <= 60 * 1024);
    }

    @Test
    void simDarkFaceGetsTheResidentHint(@TempDir Path dir) throws Exception {
        assertEquals(0, run(new CameraSimCommand(), "--dark-face", "--dir", dir.toString(), "--check", "10"), err.toString());
        assertEquals("TOO_DARK", json().at("/check/face/verdict").asText());
        assertEquals(2, run(new CameraSimCommand(), "--face", "--pattern"));
    }

    @Test
    void simDocumentSceneIsCheckedByTheDocumentCapture(@TempDir Path dir) throws Exception {
        assertEquals(0, run(new CameraSimCommand(), "--document", "a4_on_desk", "--dir", dir.toString(), "--check", "15"),
                err.toString());
        JsonNode j = json();
        assertEquals("accepted", j.at("/check/document/verdict").asText(), j.toString());
        assertEquals(1.414, j.at("/check/document/aspect").asDouble(), 0.02);
        assertTrue(j.at("/ffmpeg").toString().contains("1600:1200"), j.toString());
        assertEquals(2, run(new CameraSimCommand(), "--document", "napkin"));
    }

    @Test
    void diagDocumentWritesTheCorrectedPageOrSaysWhy(@TempDir Path dir) throws Exception {
        Path blurred = org.zizhu.device.camera.sim.CameraSimulator.writeScene(
                org.zizhu.device.camera.sim.DocumentScenes.render(org.zizhu.device.camera.sim.DocumentScene.A4_BLURRED).image(),
                dir, "blurred.png");
        Path sharp = org.zizhu.device.camera.sim.CameraSimulator.writeScene(
                org.zizhu.device.camera.sim.DocumentScenes.render(org.zizhu.device.camera.sim.DocumentScene.A4_ON_DESK).image(),
                dir, "sharp.png");
        Path page = dir.resolve("page.jpg");
        assertEquals(0, run(new CameraDiagCommand(), "--source", "file:" + sharp, "--size", "1600x1200", "--fps", "5",
                "--seconds", "15", "--document", page.toString()), err.toString());
        assertEquals("accepted", json().at("/document/verdict").asText());
        javax.imageio.ImageIO.read(page.toFile()).getWidth();
        out.reset();
        assertEquals(1, run(new CameraDiagCommand(), "--source", "file:" + blurred, "--size", "1600x1200", "--fps", "5",
                "--seconds", "3", "--document", dir.resolve("none.jpg").toString()));
        assertEquals("BLURRED", json().at("/document/verdict").asText());
        assertTrue(Files.notExists(dir.resolve("none.jpg")));
    }
}
