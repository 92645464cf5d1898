package org.zizhu.kiosk.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.zizhu.device.camera.Frame;
import org.zizhu.device.camera.sim.DocumentScene;
import org.zizhu.device.camera.sim.DocumentScenes;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.services.CentralServices;

/** The document camera's live preview: the newest frame, small and JPEG; nothing for a stale frame or none. */
class CentralApplicationPortsPreviewTest {
    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    @Test
    void theNewestFrameIsScaledToThePreviewWidthAndAStaleOneIsNotShown() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));
        AtomicReference<Optional<Frame>> latest = new AtomicReference<>(Optional.empty());
        var ports = new CentralApplicationPorts(new CentralServices(null, null, Duration.ofDays(1), Duration.ofDays(1), clock),
                timeout -> { throw new AssertionError("no face here"); },
                timeout -> { throw new AssertionError("no page here"); },
                latest::get, jobs -> { throw new AssertionError("no receipt here"); }, new Messages(), clock);
        assertEquals(Optional.empty(), ports.previewJpeg(), "no frame yet");

        BufferedImage scene = DocumentScenes.render(DocumentScene.A4_ON_DESK).image();
        latest.set(Optional.of(new Frame(7, NOW.minusMillis(300), scene, 0, 0)));
        byte[] jpeg = ports.previewJpeg().orElseThrow();
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertEquals(CentralApplicationPorts.PREVIEW_WIDTH, shown.getWidth());
        assertEquals(Math.round(scene.getHeight() * (double) CentralApplicationPorts.PREVIEW_WIDTH / scene.getWidth()), shown.getHeight());
        assertTrue(jpeg.length < 150 * 1024, "bounded: " + jpeg.length);

        latest.set(Optional.of(new Frame(8, NOW.minusSeconds(5), scene, 0, 0)));
        assertEquals(Optional.empty(), ports.previewJpeg(), "a stalled camera does not look live");
    }
}
