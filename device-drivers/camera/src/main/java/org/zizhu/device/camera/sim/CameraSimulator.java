package org.zizhu.device.camera.sim;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.zizhu.device.camera.CameraConfig;

/**
 * The camera simulator: real ffmpeg processes fed by ffmpeg's test pattern or by a still image
 * this class draws. The demo uses it in-process:
 *
 * <pre>{@code
 * CameraFrameSource cam = CameraFrameSource.open(CameraSimulator.testPattern());
 * // (the kiosk uses SimulatedCamera, which wraps these scenes in its controls)
 * // the resident "shows" their app's login code:
 * cam.reconfigure(CameraSimulator.showQr("zizhu:login:v1:" + token, simDir));
 * // ...and later a face for the face check:
 * cam.reconfigure(CameraSimulator.showFace(simDir));
 * }</pre>
 *
 * <p>The scene images are written to {@code dir} (a temporary directory the caller owns) because
 * ffmpeg reads files; they contain only drawn pictures, never a real resident's face.
 */
public final class CameraSimulator {
    private CameraSimulator() {
    }

    /** ffmpeg's moving colour-bar pattern at 640x480, 15 fps. */
    public static CameraConfig testPattern() {
        return CameraConfig.builder().lavfi("testsrc").build();
    }

    /** A camera looking at a phone that shows {@code payload} as a QR code. */
    public static CameraConfig showQr(String payload, Path dir) throws IOException {
        return CameraConfig.builder().file(writeScene(SyntheticScenes.qrCode(payload, 640, 480), dir, "qr.png")).build();
    }

    /** A camera looking at a well-lit drawn face (accepted by the default face capture). */
    public static CameraConfig showFace(Path dir) throws IOException {
        return CameraConfig.builder().file(writeScene(SyntheticScenes.face(640, 480, 0.35, 1.0), dir, "face.png")).build();
    }

    /** A camera looking at the wall with nobody in the picture (face capture answers "no face"). */
    public static CameraConfig showNoFace(Path dir) throws IOException {
        return CameraConfig.builder().file(writeScene(SyntheticScenes.emptyRoom(640, 480), dir, "face-none.png")).build();
    }

    /** A resident standing far from the camera (face capture answers "face too small"). */
    public static CameraConfig showFarFace(Path dir) throws IOException {
        return CameraConfig.builder().file(writeScene(SyntheticScenes.face(640, 480, 0.12, 1.0), dir, "face-far.png")).build();
    }

    /** A camera in a dark hall (face capture answers "too dark"). */
    public static CameraConfig showDarkFace(Path dir) throws IOException {
        return CameraConfig.builder().file(writeScene(SyntheticScenes.face(640, 480, 0.35, 0.2), dir, "face-dark.png")).build();
    }

    /**
     * A document camera (高拍仪) looking at {@code scene}: 1600x1200 (a 2 MP document camera; a
     * page needs more pixels than a face or a QR code) at 5 fps, which is what such cameras give
     * at that size.
     */
    public static CameraConfig showDocument(DocumentScene scene, Path dir) throws IOException {
        Path png = writeScene(DocumentScenes.render(scene).image(), dir,
                "document-" + scene.name().toLowerCase(java.util.Locale.ROOT) + ".png");
        return CameraConfig.builder().file(png).size(DocumentScenes.WIDTH, DocumentScenes.HEIGHT).fps(5).build();
    }

    /**
     * Writes a scene as PNG atomically (write to a temp name, then move) so a running ffmpeg never
     * reads half a file. Returns its path.
     */
    public static Path writeScene(BufferedImage image, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        Path tmp = Files.createTempFile(dir, "scene", ".png.part");
        try {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer");
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
