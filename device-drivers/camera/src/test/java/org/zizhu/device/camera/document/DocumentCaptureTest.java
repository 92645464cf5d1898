package org.zizhu.device.camera.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.device.camera.FfmpegRequired;
import org.zizhu.device.camera.sim.DocumentScene;
import org.zizhu.device.camera.sim.DocumentScenes;
import org.zizhu.device.camera.sim.SimulatedCamera;

/** Document capture through the real driver: ffmpeg encodes the simulator's scenes as MJPEG. */
class DocumentCaptureTest {
    @BeforeAll
    static void ffmpeg() {
        FfmpegRequired.check();
    }

    @Test
    void simulatedDocumentCameraGivesUprightA4BlurredRefusalAndNoPage(@TempDir Path dir) throws Exception {
        DocumentCapture capture = DocumentCapture.withDefaults();
        try (SimulatedCamera sim = SimulatedCamera.open(dir)) {
            DocumentCaptureResult r = show(sim, capture, DocumentScene.A4_ON_DESK);
            assertEquals("document-a4_on_desk", sim.controls().scene());
            var acc = assertInstanceOf(DocumentCaptureResult.Accepted.class, r, () -> "metrics " + r.metrics());
            try (CapturedPage page = acc.page()) {
                assertEquals(DocumentScenes.A4_H / DocumentScenes.A4_W, (double) page.height() / page.width(), 0.02);
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(page.jpeg()));
                assertNotNull(img);
                assertTrue(page.size() <= 1024 * 1024);
            }
            DocumentScenes.Rendered truth = DocumentScenes.render(DocumentScene.A4_ON_DESK);
            for (int i = 0; i < 4; i++) {
                var c = acc.quad().corners().get(i);
                double err = Math.hypot(c.x() - truth.corners().get(i).x, c.y() - truth.corners().get(i).y);
                assertTrue(err < 5, "corner " + i + " off by " + err);
            }

            DocumentCaptureResult b = show(sim, capture, DocumentScene.A4_BLURRED);
            assertEquals(DocumentQualityIssue.BLURRED, assertInstanceOf(DocumentCaptureResult.Rejected.class, b).issue());

            DocumentCaptureResult e = show(sim, capture, DocumentScene.EMPTY_DESK);
            assertEquals(DocumentQualityIssue.NO_PAGE, assertInstanceOf(DocumentCaptureResult.Rejected.class, e).issue());

            DocumentCaptureResult c = show(sim, capture, DocumentScene.CARD);
            assertInstanceOf(DocumentCaptureResult.Accepted.class, c, () -> "metrics " + c.metrics());
        }
    }

    /**
     * Shows the scene and captures from it. Frames of the previous scene may still be queued: the
     * test pattern (640 wide) goes in between so that a 1600-wide frame is surely the new scene.
     */
    private static DocumentCaptureResult show(SimulatedCamera sim, DocumentCapture capture, DocumentScene scene)
            throws Exception {
        sim.controls().showTestPattern();
        awaitWidth(sim, 640);
        sim.controls().showDocument(scene);
        awaitWidth(sim, DocumentScenes.WIDTH);
        return capture.capture(sim.camera(), Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("no frame"));
    }

    private static void awaitWidth(SimulatedCamera sim, int width) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var f = sim.camera().poll(Duration.ofMillis(500));
            if (f.isPresent() && f.get().width() == width) {
                return;
            }
        }
        throw new AssertionError("no " + width + "-wide frame in 20 s");
    }
}
