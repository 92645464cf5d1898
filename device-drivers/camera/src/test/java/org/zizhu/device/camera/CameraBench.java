package org.zizhu.device.camera;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.device.camera.qr.QrReading;
import org.zizhu.device.camera.qr.QrScanner;
import org.zizhu.device.camera.sim.SyntheticScenes;

/**
 * Benchmark harness, not a test: prints figures for bench/camera.md and asserts nothing about
 * speed. Run only with the bench profile:
 * {@code mvn -B -q -pl device-drivers/camera -am -Pbench test -Dtest=CameraBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class CameraBench {
    private static final long CLK_TCK = 100; // Linux USER_HZ

    @Test
    void qrDecodePerFrame() throws Exception {
        BufferedImage qrFrame = viaJpeg(SyntheticScenes.qrCode("zizhu:login:v1:Abcdefghijklmnop_QRSTU-0123456789", 640, 480));
        BufferedImage emptyFrame = viaJpeg(SyntheticScenes.face(640, 480, 0.35, 1.0));
        QrScanner scanner = new QrScanner();
        report("QR scan, 640x480 frame with our code", time(() -> {
            if (!(scanner.scan(qrFrame) instanceof QrReading.Accepted)) {
                throw new AssertionError("not decoded");
            }
        }));
        report("QR scan, 640x480 frame without a code", time(() -> scanner.scan(emptyFrame)));
        byte[] jpeg = jpeg(qrFrame);
        report("JPEG decode 640x480 (ImageIO)", time(() -> {
            try {
                ImageIO.read(new ByteArrayInputStream(jpeg));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }));
    }

    @Test
    void pipelineCpuAt15Fps(@TempDir Path dir) throws Exception {
        // A real camera's ffmpeg only copies MJPEG: emulate with a pre-encoded MJPEG file read at 15 fps.
        Path mjpeg = dir.resolve("cam.mjpeg");
        Process enc = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc=size=640x480:rate=15", "-t", "60", "-f", "mjpeg", "-q:v", "5", mjpeg.toString())
                .inheritIO().start();
        if (enc.waitFor() != 0) {
            throw new AssertionError("ffmpeg encode failed");
        }
        CameraConfig copy = CameraConfig.builder().command(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel",
                "error", "-re", "-f", "mjpeg", "-framerate", "15", "-i", mjpeg.toString(), "-c:v", "copy", "-f", "mjpeg", "-"))
                .build();
        CameraConfig lavfi = CameraConfig.builder().lavfi("testsrc").build();
        pipeline("copy (like v4l2 -c:v copy), decode only", copy, false);
        pipeline("copy (like v4l2 -c:v copy), decode + QR scan every frame", copy, true);
        pipeline("lavfi testsrc (ffmpeg encodes MJPEG), decode only", lavfi, false);
    }

    private void pipeline(String name, CameraConfig cfg, boolean scan) throws Exception {
        int warmSeconds = 3;
        int seconds = 20;
        AtomicBoolean run = new AtomicBoolean(true);
        AtomicLong consumed = new AtomicLong();
        try (CameraFrameSource cam = CameraFrameSource.open(cfg)) {
            Thread consumer = new Thread(() -> {
                QrScanner scanner = new QrScanner();
                try {
                    while (run.get()) {
                        Optional<Frame> f = cam.poll(Duration.ofMillis(200));
                        if (f.isPresent()) {
                            consumed.incrementAndGet();
                            if (scan) {
                                scanner.scan(f.get().image());
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            consumer.start();
            Thread.sleep(warmSeconds * 1000L);
            long pid = cam.processId().orElseThrow();
            long jvm0 = jvmCpuNanos();
            long ff0 = procCpuTicks(pid);
            long frames0 = cam.stats().framesDecoded();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long wall = System.nanoTime() - t0;
            long jvm = jvmCpuNanos() - jvm0;
            long ff = procCpuTicks(pid) - ff0;
            long frames = cam.stats().framesDecoded() - frames0;
            run.set(false);
            consumer.join();
            double jvmPct = 100.0 * jvm / wall;
            double ffPct = 100.0 * (ff * 1e9 / CLK_TCK) / wall;
            System.out.printf(Locale.ROOT, "BENCH pipeline %-60s fps=%.1f jvm=%.1f%% ffmpeg=%.1f%% total=%.1f%% of one core "
                            + "(decode avg %.2f ms, dropped %d)%n", name, frames / (wall / 1e9), jvmPct, ffPct,
                    jvmPct + ffPct, cam.stats().averageDecodeMillis(), cam.stats().framesDropped());
        }
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** utime + stime of a process from /proc/PID/stat, in clock ticks. */
    private static long procCpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of the full line
    }

    private static long[] time(Runnable r) {
        for (int i = 0; i < 100; i++) {
            r.run();
        }
        long[] ns = new long[300];
        for (int i = 0; i < ns.length; i++) {
            long t = System.nanoTime();
            r.run();
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        return ns;
    }

    private static void report(String what, long[] sorted) {
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "BENCH %-45s mean=%.2f ms p50=%.2f ms p95=%.2f ms (n=%d)%n", what, mean,
                sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 95 / 100] / 1e6, sorted.length);
    }

    private static byte[] jpeg(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }

    /** Round-trips through JPEG so the frame looks like a decoded camera frame (type and artefacts). */
    private static BufferedImage viaJpeg(BufferedImage img) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg(img)));
    }

}
