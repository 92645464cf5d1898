package org.zizhu.device.camera;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.DeviceStatusEvent;
import org.zizhu.device.StatusTracker;
import org.zizhu.device.camera.qr.QrPayload;
import org.zizhu.device.camera.qr.QrReading;
import org.zizhu.device.camera.qr.QrScanner;
import org.zizhu.device.camera.sim.CameraSimulator;

/** Drives real ffmpeg (and shell) processes: nothing here is faked. */
class CameraFrameSourceTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private final List<DeviceStatusEvent> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void ffmpeg() {
        FfmpegRequired.check();
    }

    private CameraFrameSource start(CameraConfig config) {
        StatusTracker t = new StatusTracker(CameraFrameSource.DEVICE_ID, DeviceStatus.OFFLINE);
        t.addListener(events::add);
        return CameraFrameSource.open(config, t);
    }

    private List<DeviceStatus> statuses() {
        synchronized (events) {
            return events.stream().map(DeviceStatusEvent::current).collect(Collectors.toList());
        }
    }

    @Test
    void testPatternFramesFlowAndCloseLeavesNoProcess() throws Exception {
        long pid;
        CameraFrameSource cam = start(CameraSimulator.testPattern());
        try {
            Frame first = cam.poll(WAIT).orElseThrow(() -> new AssertionError("no frame; stderr " + cam.stderrTail()));
            assertEquals(640, first.width());
            assertEquals(480, first.height());
            for (int i = 0; i < 5; i++) {
                assertTrue(cam.poll(WAIT).isPresent());
            }
            assertEquals(DeviceStatus.ONLINE, cam.status());
            pid = cam.processId().orElseThrow();
            assertTrue(cam.stats().averageDecodeMillis() > 0);
        } finally {
            cam.close();
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "ffmpeg still running");
        assertTrue(ProcessHandle.current().descendants().noneMatch(h -> h.pid() == pid));
        assertEquals(DeviceStatus.OFFLINE, cam.status());
        assertTrue(cam.latest().isEmpty(), "frames forgotten on close");
        assertEquals(List.of(DeviceStatus.ONLINE, DeviceStatus.OFFLINE), statuses());
    }

    @Test
    void qrCodeShownToTheSimulatedCameraIsRead(@TempDir Path dir) throws Exception {
        String token = "Tok3n_for-the-kiosk-login-0001";
        try (CameraFrameSource cam = start(CameraSimulator.testPattern())) {
            assertTrue(cam.poll(WAIT).isPresent());
            cam.reconfigure(CameraSimulator.showQr("zizhu:login:v1:" + token, dir));
            QrScanner scanner = new QrScanner();
            QrReading found = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (found == null && System.nanoTime() < deadline) {
                Optional<Frame> f = cam.poll(Duration.ofSeconds(1));
                if (f.isPresent()) {
                    QrReading r = scanner.scan(f.get().image());
                    if (!(r instanceof QrReading.NoCode)) {
                        found = r;
                    }
                }
            }
            assertEquals(new QrReading.Accepted(new QrPayload.LoginCode(token)), found);
            assertEquals(0, cam.stats().restarts(), "switching scenes is not a restart");
        }
    }

    @Test
    void corruptFramesAndGarbageAreSkippedAndCountedAndTheShellTreeIsKilled(@TempDir Path dir) throws Exception {
        byte[] good = TestJpegs.jpeg(320, 240, Color.ORANGE);
        byte[] stream = TestJpegs.concat(good, "garbage between frames".getBytes(),
                TestJpegs.truncated(good, good.length - 40), TestJpegs.scrambledScan(good),
                TestJpegs.hugeDimensions(good), good);
        Path file = dir.resolve("broken.mjpeg");
        Files.write(file, stream);
        // sh stays alive with a child (sleep) after cat: close must end both.
        CameraConfig cfg = CameraConfig.builder()
                .command(List.of("sh", "-c", "cat \"$0\"; sleep 60", file.toString()))
                .stallTimeout(Duration.ofSeconds(60))
                .bufferedFrames(5)
                .build();
        CameraFrameSource cam = start(cfg);
        List<ProcessHandle> tree = new ArrayList<>();
        try {
            await().atMost(WAIT).until(() -> cam.stats().framesDecoded() == 2 && cam.stats().framesCorrupt() >= 3);
            CameraStats s = cam.stats();
            assertEquals(3, s.framesCorrupt(), "one truncated, one undecodable, one oversized header: " + s);
            assertTrue(s.garbageBytes() >= 20, s.toString());
            assertEquals(0, s.restarts());
            ProcessHandle sh = ProcessHandle.of(cam.processId().orElseThrow()).orElseThrow();
            await().atMost(WAIT).until(() -> sh.descendants().findAny().isPresent());
            tree.add(sh);
            sh.descendants().forEach(tree::add);
            assertTrue(tree.size() >= 2);
        } finally {
            cam.close();
        }
        for (ProcessHandle h : tree) {
            assertFalse(h.isAlive(), "left running: " + h.info().command());
        }
    }

    @Test
    void killedFfmpegIsRestartedAndStatusRecovers() throws Exception {
        CameraConfig cfg = CameraSimulator.testPattern().toBuilder()
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).build();
        try (CameraFrameSource cam = start(cfg)) {
            assertTrue(cam.poll(WAIT).isPresent());
            long pid = cam.processId().orElseThrow();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            await().atMost(WAIT).until(() -> cam.stats().restarts() >= 1
                    && cam.processId().isPresent() && cam.processId().getAsLong() != pid);
            long seqAfterRestart = cam.stats().framesDecoded();
            await().atMost(WAIT).until(() -> cam.stats().framesDecoded() > seqAfterRestart + 3);
            assertNotEquals(pid, cam.processId().orElseThrow());
            await().atMost(WAIT).until(() -> cam.status() == DeviceStatus.ONLINE);
            assertEquals(List.of(DeviceStatus.ONLINE, DeviceStatus.HARDWARE_ERROR, DeviceStatus.ONLINE), statuses());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        }
    }

    @Test
    void missingCameraDeviceIsNoDevice() {
        CameraConfig cfg = CameraConfig.builder().v4l2("/dev/video-zizhu-missing")
                .backoff(Duration.ofMillis(100), Duration.ofMillis(500)).build();
        try (CameraFrameSource cam = start(cfg)) {
            await().atMost(WAIT).until(() -> cam.status() == DeviceStatus.NO_DEVICE);
            assertEquals("no-device", cam.tracker().detail());
            assertEquals(CameraFault.NO_DEVICE, cam.tracker().fault());
            await().atMost(WAIT).until(() -> cam.stats().restarts() >= 1); // keeps trying: a camera may be plugged in
        }
    }

    @Test
    void missingFfmpegIsNoDeviceWithoutCrashing() {
        CameraConfig cfg = CameraSimulator.testPattern().toBuilder().ffmpegPath("/nonexistent/ffmpeg")
                .backoff(Duration.ofMillis(100), Duration.ofMillis(200)).build();
        try (CameraFrameSource cam = start(cfg)) {
            await().atMost(WAIT).until(() -> cam.status() == DeviceStatus.NO_DEVICE);
            assertEquals("capture-command-not-found", cam.tracker().detail());
        }
    }

    @Test
    void hungProcessIsKilledByTheStallWatchdog() {
        CameraConfig cfg = CameraConfig.builder().command(List.of("sleep", "60"))
                .stallTimeout(Duration.ofMillis(400)).backoff(Duration.ofMillis(100), Duration.ofMillis(200)).build();
        try (CameraFrameSource cam = start(cfg)) {
            await().atMost(WAIT).until(() -> cam.stats().restarts() >= 2);
            assertEquals(DeviceStatus.HARDWARE_ERROR, cam.status());
            assertEquals("stalled", cam.tracker().detail());
            assertEquals(CameraFault.STALLED, cam.tracker().fault());
        }
    }

    @Test
    void slowConsumerMakesTheSourceDropOldFramesNotGrow() throws Exception {
        CameraConfig cfg = CameraSimulator.testPattern().toBuilder().bufferedFrames(2).build();
        try (CameraFrameSource cam = start(cfg)) {
            await().atMost(WAIT).until(() -> cam.stats().framesDecoded() >= 8);
            CameraStats s = cam.stats();
            assertTrue(s.framesDropped() >= s.framesDecoded() - 3, s.toString());
            Frame a = cam.poll(Duration.ZERO).orElseThrow();
            Frame b = cam.poll(Duration.ZERO).orElseThrow();
            assertTrue(b.sequence() > a.sequence());
            assertTrue(a.sequence() >= s.framesDecoded() - 2, "only recent frames kept");
        }
    }
}
