package org.zizhu.device.camera.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.StatusTracker;
import org.zizhu.device.camera.Camera;
import org.zizhu.device.camera.CameraConfig;
import org.zizhu.device.camera.CameraStats;
import org.zizhu.device.camera.Frame;
import org.zizhu.device.camera.sim.SyntheticScenes;

/** A capture tells its listener about every frame it judged, so the screen can guide the resident meanwhile. */
class FaceCaptureProgressTest {
    private final FaceCapture capture = FaceCapture.withDefaults();

    /** A camera that hands out the given pictures in order, then nothing (poll returns empty at once). */
    private static final class Frames implements Camera {
        private final Deque<BufferedImage> left;
        private long sequence;

        Frames(BufferedImage... images) {
            left = new ArrayDeque<>(List.of(images));
        }

        @Override
        public CameraConfig config() {
            return CameraConfig.builder().build();
        }

        @Override
        public synchronized Optional<Frame> poll(Duration timeout) {
            BufferedImage img = left.poll();
            return img == null ? Optional.empty() : Optional.of(new Frame(++sequence, Instant.now(), img, 0, 0));
        }

        @Override
        public Optional<Frame> latest() {
            return Optional.empty();
        }

        @Override
        public CameraStats stats() {
            return new CameraStats(sequence, 0, 0, 0, 0, 0);
        }

        @Override
        public StatusTracker tracker() {
            return new StatusTracker("camera", DeviceStatus.ONLINE);
        }

        @Override
        public void close() {
        }
    }

    private record Seen(long sequence, FaceGuide guide) {
    }

    @Test
    void everyJudgedFrameIsReportedInOrderUntilOneIsTaken() throws Exception {
        Frames camera = new Frames(
                SyntheticScenes.face(640, 480, 0.35, 0.2),   // a dark hall
                SyntheticScenes.emptyRoom(640, 480),          // the resident stepped aside
                SyntheticScenes.face(640, 480, 0.12, 1.0),    // far away
                SyntheticScenes.blurred(SyntheticScenes.face(640, 480, 0.35, 1.0), 6), // moving
                SyntheticScenes.face(640, 480, 0.35, 1.0),    // good
                SyntheticScenes.face(640, 480, 0.35, 1.0));   // never looked at
        List<Seen> seen = new ArrayList<>();
        Optional<FaceCaptureResult> r = capture.captureFrom(camera, Duration.ofSeconds(10),
                (frame, guide) -> seen.add(new Seen(frame.sequence(), guide)));
        var accepted = assertInstanceOf(FaceCaptureResult.Accepted.class, r.orElseThrow());
        accepted.face().wipe();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), seen.stream().map(Seen::sequence).toList());
        assertEquals(List.of(Optional.of(FaceQualityIssue.TOO_DARK), Optional.of(FaceQualityIssue.NO_FACE),
                        Optional.of(FaceQualityIssue.FACE_TOO_SMALL), Optional.of(FaceQualityIssue.BLURRED), Optional.empty()),
                seen.stream().map(s -> s.guide().issue()).toList());
        assertTrue(seen.get(4).guide().ok());
        assertFalse(seen.get(0).guide().ok());
    }

    @Test
    void theFaceIsPlacedRelativeToTheFrameWhenOneWasFound() throws Exception {
        Frames camera = new Frames(SyntheticScenes.face(640, 480, 0.35, 0.2), SyntheticScenes.face(640, 480, 0.12, 1.0),
                SyntheticScenes.face(640, 480, 0.35, 1.0));
        List<FaceGuide> seen = new ArrayList<>();
        capture.captureFrom(camera, Duration.ofSeconds(10), (frame, guide) -> seen.add(guide)).orElseThrow();
        // Too dark is judged on the whole frame, before a face is looked for.
        assertEquals(Optional.empty(), seen.get(0).face());
        FaceGuide.Area far = seen.get(1).face().orElseThrow();
        FaceGuide.Area near = seen.get(2).face().orElseThrow();
        // The drawn face is centred; the far one is about a third the width of the near one.
        assertEquals(0.5, near.centreX(), 0.08);
        assertEquals(0.5, near.centreY(), 0.12);
        assertEquals(0.35, near.width(), 0.1);
        assertTrue(far.width() < near.width() / 2, far + " vs " + near);
    }

    @Test
    void aFailingListenerCostsTheGuideNotTheCapture() throws Exception {
        Frames camera = new Frames(SyntheticScenes.emptyRoom(640, 480), SyntheticScenes.face(640, 480, 0.35, 1.0));
        var r = capture.captureFrom(camera, Duration.ofSeconds(10), (frame, guide) -> {
            throw new IllegalStateException("preview broke");
        });
        assertInstanceOf(FaceCaptureResult.Accepted.class, r.orElseThrow()).face().wipe();
    }

    @Test
    void whenTheFramesRunOutTheLastRejectionIsTheAnswerAndWasReported() throws Exception {
        Frames camera = new Frames(SyntheticScenes.emptyRoom(640, 480), SyntheticScenes.face(640, 480, 0.35, 0.2));
        List<FaceGuide> seen = new ArrayList<>();
        var r = capture.captureFrom(camera, Duration.ofSeconds(10), (frame, guide) -> seen.add(guide));
        assertEquals(FaceQualityIssue.TOO_DARK, assertInstanceOf(FaceCaptureResult.Rejected.class, r.orElseThrow()).issue());
        assertEquals(Optional.of(FaceQualityIssue.TOO_DARK), seen.getLast().issue());
        assertEquals(2, seen.size());
    }

    @Test
    void theOldCaptureWithoutAListenerStillWorks() throws Exception {
        Frames camera = new Frames(SyntheticScenes.emptyRoom(640, 480), SyntheticScenes.face(640, 480, 0.35, 1.0));
        assertInstanceOf(FaceCaptureResult.Accepted.class, capture.captureFrom(camera, Duration.ofSeconds(10)).orElseThrow())
                .face().wipe();
        assertEquals(Optional.empty(), new Frames().poll(Duration.ZERO));
    }

    @Test
    void guideOfOneFrameMatchesTheVerdict() {
        assertEquals(Optional.of(FaceQualityIssue.TOO_BRIGHT), capture.guide(SyntheticScenes.face(640, 480, 0.35, 2.5)).issue());
        assertTrue(capture.guide(SyntheticScenes.face(640, 480, 0.35, 1.0)).ok());
    }

    @Test
    void anAreaOutsideTheFrameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FaceGuide.Area(0.8, 0.1, 0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new FaceGuide.Area(0.1, 0.1, 0, 0.5));
    }
}
