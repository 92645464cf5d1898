package org.zizhu.device.camera.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.zizhu.device.camera.CameraConfig;
import org.zizhu.device.camera.CameraFrameSource;
import org.zizhu.device.camera.Frame;
import org.zizhu.device.camera.document.DocumentCapture;
import org.zizhu.device.camera.document.DocumentCaptureResult;
import org.zizhu.device.camera.sim.DocumentScene;
import org.zizhu.device.camera.face.FaceCapture;
import org.zizhu.device.camera.face.FaceCaptureResult;
import org.zizhu.device.camera.qr.QrPayloadParser;
import org.zizhu.device.camera.qr.QrReading;
import org.zizhu.device.camera.qr.QrScanner;
import org.zizhu.device.camera.sim.CameraSimulator;
import org.zizhu.tools.OptionsCommand;
import org.zizhu.tools.ToolArgs;
import org.zizhu.tools.UsageException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * {@code sim camera --qr 'zizhu:login:v1:...' | --face | --dark-face | --pattern | --document SCENE [--dir DIR] [--check N]}:
 * prepares what the simulated camera shows and prints the frame source to use (a {@code file:}
 * spec and the exact ffmpeg command). With {@code --check N} it also runs that source for up to
 * N seconds and reports what the kiosk would read from it.
 */
public final class CameraSimCommand extends OptionsCommand<CameraSimCommand.Options> {
    @Override
    public Kind kind() {
        return Kind.SIM;
    }

    @Override
    public String name() {
        return "camera";
    }

    @Override
    public String summary() {
        return "simulated camera scene (--qr TEXT | --face | --dark-face | --pattern | --document SCENE) [--dir DIR] [--check SECONDS]";
    }

    @Override
    protected Options options() {
        return new Options();
    }

    static final class Options {
        @ArgGroup(multiplicity = "1") Scene scene;
        @Option(names = "--dir", paramLabel = "DIR") Path dir;
        @Option(names = "--check", paramLabel = "SECONDS") int check;
    }

    /** What the camera shows: exactly one (picocli refuses none or two). */
    static final class Scene {
        @Option(names = "--qr", paramLabel = "TEXT") String qr;
        @Option(names = "--face") boolean face;
        @Option(names = "--dark-face") boolean darkFace;
        @Option(names = "--pattern") boolean pattern;
        @Option(names = "--document", paramLabel = "a4_on_desk|card|a4_blurred|empty_desk|a4_cut_off|a4_dark") String document;
    }

    @Override
    protected int run(Options o, PrintStream out, PrintStream err) throws Exception {
        int check = ToolArgs.inRange("--check", o.check, 0, 60);
        Path dir = o.dir != null ? o.dir : Files.createTempDirectory("zizhu-camera-sim");
        Map<String, Object> report = new LinkedHashMap<>();
        CameraConfig config;
        if (o.scene.qr != null) {
            try {
                config = CameraSimulator.showQr(o.scene.qr, dir);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e);
            }
            report.put("payload", describe(QrPayloadParser.parse(o.scene.qr)));
        } else if (o.scene.face) {
            config = CameraSimulator.showFace(dir);
        } else if (o.scene.darkFace) {
            config = CameraSimulator.showDarkFace(dir);
        } else if (o.scene.document != null) {
            config = CameraSimulator.showDocument(documentScene(o.scene.document), dir);
        } else {
            config = CameraSimulator.testPattern();
        }
        report.put("source", config.kind() == CameraConfig.SourceKind.LAVFI ? "lavfi" : "file:" + config.device());
        report.put("ffmpeg", config.ffmpegCommand());
        int exit = 0;
        if (check > 0) {
            Map<String, Object> seen = o.scene.document != null ? checkDocument(config, check)
                    : check(config, check, o.scene.qr != null);
            report.put("check", seen);
            exit = Boolean.TRUE.equals(seen.get("ok")) ? 0 : 1;
        }
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        return exit;
    }

    private static Map<String, Object> check(CameraConfig config, int seconds, boolean qr) throws InterruptedException {
        Map<String, Object> r = new LinkedHashMap<>();
        QrScanner scanner = new QrScanner();
        FaceCapture faces = FaceCapture.withDefaults();
        try (CameraFrameSource cam = CameraFrameSource.open(config)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            long frames = 0;
            while (System.nanoTime() < deadline) {
                Optional<Frame> f = cam.poll(Duration.ofMillis(200));
                if (f.isEmpty()) {
                    continue;
                }
                frames++;
                r.put("frames", frames);
                if (qr) {
                    QrReading reading = scanner.scan(f.get().image());
                    if (!(reading instanceof QrReading.NoCode)) {
                        r.put("qr", describe(reading));
                        r.put("ok", true);
                        return r;
                    }
                } else if (config.kind() == CameraConfig.SourceKind.LAVFI) {
                    r.put("ok", true);
                    return r;
                } else {
                    FaceCaptureResult res = faces.assess(f.get().image());
                    if (res instanceof FaceCaptureResult.Accepted acc) {
                        r.put("face", Map.of("verdict", "accepted", "jpegBytes", acc.face().size()));
                        acc.face().wipe();
                    } else if (res instanceof FaceCaptureResult.Rejected rej) {
                        r.put("face", Map.of("verdict", rej.issue().name(), "en", rej.issue().description()));
                    }
                    r.put("ok", true);
                    return r;
                }
            }
            r.put("ok", false);
            r.put("status", cam.status().name());
            return r;
        }
    }

    private static DocumentScene documentScene(String name) throws UsageException {
        try {
            return DocumentScene.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--document must be one of " + Arrays.stream(DocumentScene.values())
                    .map(d -> d.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    /** What the document capture makes of the scene: the verdict and the page's size, never the page. */
    private static Map<String, Object> checkDocument(CameraConfig config, int seconds) throws InterruptedException {
        Map<String, Object> r = new LinkedHashMap<>();
        try (CameraFrameSource cam = CameraFrameSource.open(config)) {
            Optional<DocumentCaptureResult> res = DocumentCapture.withDefaults().capture(cam, Duration.ofSeconds(seconds));
            if (res.isEmpty()) {
                r.put("ok", false);
                r.put("status", cam.status().name());
                return r;
            }
            r.put("document", CameraDiagCommand.describe(res.get()));
            r.put("ok", true);
            return r;
        }
    }

    private static Map<String, Object> describe(QrReading reading) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (reading) {
            case QrReading.Accepted acc -> {
                m.put("result", "accepted");
                m.put("kind", acc.payload().kind());
                m.put("masked", acc.payload().toString());
            }
            case QrReading.Rejected rej -> {
                m.put("result", "rejected");
                m.put("reason", rej.reason().name());
                m.put("en", rej.reason().description());
            }
            case QrReading.NoCode n -> m.put("result", "none");
        }
        return m;
    }
}
