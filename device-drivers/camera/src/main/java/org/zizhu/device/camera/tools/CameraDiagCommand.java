package org.zizhu.device.camera.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.zizhu.device.camera.CameraConfig;
import org.zizhu.device.camera.CameraFrameSource;
import org.zizhu.device.camera.CameraStats;
import org.zizhu.device.camera.Frame;
import org.zizhu.device.camera.document.CapturedPage;
import org.zizhu.device.camera.document.DocumentCapture;
import org.zizhu.device.camera.document.DocumentCaptureResult;
import org.zizhu.device.camera.document.DocumentMetrics;
import org.zizhu.device.camera.qr.QrPayload;
import org.zizhu.device.camera.qr.QrReading;
import org.zizhu.device.camera.qr.QrScanner;
import org.zizhu.tools.OptionsCommand;
import org.zizhu.tools.ToolArgs;
import org.zizhu.tools.UsageException;
import picocli.CommandLine.Option;

/**
 * {@code diag camera --source v4l2:/dev/video0|lavfi|file:PATH --seconds N}: runs the camera
 * for N seconds and reports frame rate, frame size, decode time, errors and the QR codes seen
 * (kind and masked value, or the rejection reason). Exit 0 when frames arrived, 1 when none did.
 * With {@code --document OUT.jpg} it captures one document page instead (verdict, page size,
 * corners) and writes the corrected page to OUT.jpg; exit 0 only for an accepted page.
 */
public final class CameraDiagCommand extends OptionsCommand<CameraDiagCommand.Options> {
    @Override
    public Kind kind() {
        return Kind.DIAG;
    }

    @Override
    public String name() {
        return "camera";
    }

    @Override
    public String summary() {
        return "run the camera for N s: fps, frame size, decode time, QR codes seen "
                + "(--source v4l2:/dev/video0|lavfi|file:PATH --seconds N [--size WxH --fps N --ffmpeg PATH] "
                + "[--document OUT.jpg: capture one corrected page instead])";
    }

    @Override
    protected Options options() {
        return new Options();
    }

    static final class Options {
        @Option(names = "--source", paramLabel = "v4l2:/dev/video0|lavfi|file:PATH") String source = "v4l2:/dev/video0";
        @Option(names = "--seconds", paramLabel = "N") int seconds = 5;
        @Option(names = "--size", paramLabel = "WxH") String size;
        @Option(names = "--fps", paramLabel = "N") Integer fps;
        @Option(names = "--ffmpeg", paramLabel = "PATH") String ffmpeg;
        @Option(names = "--document", paramLabel = "OUT.jpg") Path document;
    }

    @Override
    protected int run(Options o, PrintStream out, PrintStream err) throws Exception {
        CameraConfig config;
        int seconds = ToolArgs.inRange("--seconds", o.seconds, 1, 300);
        try {
            CameraConfig.Builder b = CameraConfig.parseSource(o.source);
            if (o.ffmpeg != null) {
                b.ffmpegPath(o.ffmpeg);
            }
            if (o.fps != null) {
                b.fps(o.fps);
            }
            if (o.size != null) {
                String[] wh = o.size.split("x");
                if (wh.length != 2) {
                    throw new UsageException("--size must look like 640x480");
                }
                b.size(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
            }
            config = b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e);
        }

        if (o.document != null) {
            return document(config, seconds, o.document, out, err);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("source", config.describe());
        report.put("command", config.ffmpegCommand());
        Map<String, Map<String, Object>> qrSeen = new LinkedHashMap<>();
        long frames = 0;
        long firstNanos = 0;
        long lastNanos = 0;
        int width = 0;
        int height = 0;
        long jpegBytes = 0;
        QrScanner scanner = new QrScanner();
        long scanNanos = 0;
        try (CameraFrameSource cam = CameraFrameSource.open(config)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            while (System.nanoTime() < deadline) {
                Optional<Frame> f = cam.poll(Duration.ofMillis(200));
                if (f.isEmpty()) {
                    continue;
                }
                Frame frame = f.get();
                long now = System.nanoTime();
                if (frames == 0) {
                    firstNanos = now;
                }
                lastNanos = now;
                frames++;
                width = frame.width();
                height = frame.height();
                jpegBytes += frame.jpegBytes();
                long t0 = System.nanoTime();
                QrReading r = scanner.scan(frame.image());
                scanNanos += System.nanoTime() - t0;
                noteQr(qrSeen, r);
            }
            CameraStats s = cam.stats();
            report.put("ok", frames > 0);
            report.put("status", cam.status().name());
            report.put("statusDetail", cam.tracker().detail());
            report.put("frames", frames);
            report.put("fps", frames > 1 ? round((frames - 1) / ((lastNanos - firstNanos) / 1e9)) : 0.0);
            report.put("width", width);
            report.put("height", height);
            report.put("avgJpegBytes", frames > 0 ? jpegBytes / frames : 0);
            report.put("avgDecodeMs", round(s.averageDecodeMillis()));
            report.put("avgQrScanMs", frames > 0 ? round(scanNanos / 1e6 / frames) : 0.0);
            report.put("corruptFrames", s.framesCorrupt());
            report.put("droppedFrames", s.framesDropped());
            report.put("restarts", s.restarts());
            report.put("qr", new ArrayList<>(qrSeen.values()));
            report.put("stderr", cam.stderrTail());
        }
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        if (frames == 0) {
            err.println("diag camera: no frame from " + config.describe() + " in " + seconds + " s");
            return 1;
        }
        return 0;
    }

    /**
     * Document-camera check: captures one page within the time and writes the corrected JPEG to
     * {@code target} for the technician to look at. Use a test sheet, never a resident's material:
     * this is the only place a page is written to disk, and only because the technician asked.
     */
    private static int document(CameraConfig config, int seconds, Path target, PrintStream out, PrintStream err)
            throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("source", config.describe());
        report.put("command", config.ffmpegCommand());
        int exit;
        try (CameraFrameSource cam = CameraFrameSource.open(config)) {
            long t0 = System.nanoTime();
            Optional<DocumentCaptureResult> r = DocumentCapture.withDefaults().capture(cam, Duration.ofSeconds(seconds));
            report.put("status", cam.status().name());
            report.put("elapsedMs", (System.nanoTime() - t0) / 1_000_000);
            if (r.isEmpty()) {
                report.put("ok", false);
                exit = 1;
            } else {
                report.put("document", describe(r.get()));
                if (r.get() instanceof DocumentCaptureResult.Accepted a) {
                    try (CapturedPage page = a.page()) {
                        Files.write(target, page.jpeg());
                    }
                    report.put("written", target.toString());
                }
                report.put("ok", r.get() instanceof DocumentCaptureResult.Accepted);
                exit = r.get() instanceof DocumentCaptureResult.Accepted ? 0 : 1;
            }
        }
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        if (exit != 0) {
            err.println("diag camera: no usable page from " + config.describe() + " in " + seconds + " s");
        }
        return exit;
    }

    /** A document verdict as JSON-ready data: reason or page size and the numbers, never pixels. */
    static Map<String, Object> describe(DocumentCaptureResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        DocumentMetrics x = r.metrics();
        switch (r) {
            case DocumentCaptureResult.Accepted a -> {
                m.put("verdict", "accepted");
                m.put("width", a.page().width());
                m.put("height", a.page().height());
                m.put("jpegBytes", a.page().size());
                m.put("corners", a.quad().corners().stream().map(c -> List.of(round(c.x()), round(c.y()))).toList());
            }
            case DocumentCaptureResult.Rejected j -> {
                m.put("verdict", j.issue().name());
                m.put("en", j.issue().description());
            }
        }
        m.put("meanLuma", round(x.meanLuma()));
        m.put("areaFraction", round(x.areaFraction()));
        m.put("sharpness", round(x.sharpness()));
        m.put("aspect", round(x.aspect()));
        return m;
    }

    private static void noteQr(Map<String, Map<String, Object>> seen, QrReading r) {
        String key;
        Map<String, Object> entry = new LinkedHashMap<>();
        switch (r) {
            case QrReading.NoCode n -> {
                return;
            }
            case QrReading.Accepted a -> {
                QrPayload p = a.payload();
                key = "accepted " + p;
                entry.put("result", "accepted");
                entry.put("kind", p.kind());
                entry.put("masked", p.toString());
            }
            case QrReading.Rejected j -> {
                key = "rejected " + j.reason() + " " + j.length();
                entry.put("result", "rejected");
                entry.put("reason", j.reason().name());
                entry.put("length", j.length());
            }
        }
        Map<String, Object> e = seen.computeIfAbsent(key, k -> entry);
        e.merge("frames", 1, (x, y) -> (Integer) x + (Integer) y);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
