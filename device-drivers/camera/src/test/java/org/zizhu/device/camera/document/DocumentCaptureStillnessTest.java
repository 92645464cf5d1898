package org.zizhu.device.camera.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.StatusTracker;
import org.zizhu.device.camera.Camera;
import org.zizhu.device.camera.CameraConfig;
import org.zizhu.device.camera.CameraStats;
import org.zizhu.device.camera.Frame;
import org.zizhu.device.camera.sim.DocumentScene;
import org.zizhu.device.camera.sim.DocumentScenes;

/** The capture loop's waiting for a still page, on a scripted sequence of frames. */
class DocumentCaptureStillnessTest {
    private static BufferedImage a4;
    private static BufferedImage card;
    private static BufferedImage empty;

    @BeforeAll
    static void render() throws Exception {
        a4 = DocumentCorrectorTest.viaJpeg(DocumentScenes.render(DocumentScene.A4_ON_DESK).image());
        card = DocumentCorrectorTest.viaJpeg(DocumentScenes.render(DocumentScene.CARD).image());
        empty = DocumentCorrectorTest.viaJpeg(DocumentScenes.render(DocumentScene.EMPTY_DESK).image());
    }

    @Test
    void aPageThatStaysPutIsTakenOnTheSecondStillFrame() throws Exception {
        ScriptedCamera cam = new ScriptedCamera(List.of(empty, a4, a4, a4));
        var r = DocumentCapture.withDefaults().capture(cam, Duration.ofSeconds(30)).orElseThrow();
        var acc = assertInstanceOf(DocumentCaptureResult.Accepted.class, r);
        assertEquals(3, cam.served, "empty desk, then two still frames");
        assertTrue(!acc.page().isWiped());
        acc.page().close();
    }

    @Test
    void aPageThatKeepsMovingIsRefusedAsMoving() throws Exception {
        ScriptedCamera cam = new ScriptedCamera(List.of(a4, card, a4, card));
        var r = DocumentCapture.withDefaults().capture(cam, Duration.ofSeconds(30)).orElseThrow();
        assertEquals(DocumentQualityIssue.PAGE_MOVING, assertInstanceOf(DocumentCaptureResult.Rejected.class, r).issue());
        assertEquals(4, cam.served);
    }

    @Test
    void oneStillFrameSufficesWhenConfiguredSoAndNoFrameIsEmpty() throws Exception {
        ScriptedCamera cam = new ScriptedCamera(List.of(card));
        var r = new DocumentCapture(DocumentCorrector.withDefaults(), 1).capture(cam, Duration.ofSeconds(30)).orElseThrow();
        assertInstanceOf(DocumentCaptureResult.Accepted.class, r);
        assertEquals(Optional.empty(), DocumentCapture.withDefaults().capture(new ScriptedCamera(List.of()), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new DocumentCapture(DocumentCorrector.withDefaults(), 0));
    }

    @Test
    void lastRejectionIsReturnedWhenNoPageEverShows() throws Exception {
        var r = DocumentCapture.withDefaults().capture(new ScriptedCamera(List.of(empty, empty)), Duration.ofSeconds(30));
        assertEquals(DocumentQualityIssue.NO_PAGE, assertInstanceOf(DocumentCaptureResult.Rejected.class, r.orElseThrow()).issue());
    }

    /** Serves the given frames once each, then none (as a camera that stopped). */
    private static final class ScriptedCamera implements Camera {
        private final List<BufferedImage> frames;
        private final StatusTracker tracker = new StatusTracker("camera", DeviceStatus.ONLINE);
        int served;

        ScriptedCamera(List<BufferedImage> frames) {
            this.frames = frames;
        }

        @Override
        public CameraConfig config() {
            return CameraConfig.builder().lavfi("testsrc").build();
        }

        @Override
        public Optional<Frame> poll(Duration timeout) {
            if (served >= frames.size()) {
                return Optional.empty();
            }
            BufferedImage img = frames.get(served++);
            return Optional.of(new Frame(served, Instant.EPOCH, img, 0, 0));
        }

        @Override
        public Optional<Frame> latest() {
            return Optional.empty();
        }

        @Override
        public CameraStats stats() {
            return new CameraStats(served, 0, 0, 0, 0, 0);
        }

        @Override
        public StatusTracker tracker() {
            return tracker;
        }

        @Override
        public void close() {
        }
    }
}
