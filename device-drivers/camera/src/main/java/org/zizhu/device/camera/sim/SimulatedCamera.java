package org.zizhu.device.camera.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.zizhu.device.camera.Camera;
import org.zizhu.device.camera.CameraConfig;
import org.zizhu.device.camera.CameraFrameSource;

/**
 * The simulated-mode factory: the real camera driver (ffmpeg, MJPEG, decoding) fed by drawn
 * scenes instead of a lens. The kiosk's production code gets only {@link #camera()}; the scene
 * is set through {@link #controls()}, which go to the demo console and tests only.
 */
public record SimulatedCamera(Camera camera, Controls controls) implements AutoCloseable {
    /** Starts on ffmpeg's test pattern; scene pictures are written to {@code sceneDir}. */
    public static SimulatedCamera open(Path sceneDir) {
        CameraFrameSource source = CameraFrameSource.open(CameraSimulator.testPattern());
        return new SimulatedCamera(source, new Controls(source, sceneDir));
    }

    @Override
    public void close() {
        camera.close();
    }

    /** What a person in front of a simulated kiosk would change: what the camera looks at. */
    public static final class Controls {
        private final CameraFrameSource source;
        private final Path sceneDir;
        private volatile String scene = "test-pattern";

        Controls(CameraFrameSource source, Path sceneDir) {
            this.source = source;
            this.sceneDir = sceneDir;
        }

        /** ffmpeg's moving colour bars: nobody in front of the kiosk. */
        public void showTestPattern() {
            show("test-pattern", CameraSimulator.testPattern());
        }

        /** A phone showing {@code payload} as a QR code (the mobile-app login code). */
        public void showQr(String payload) throws IOException {
            show("qr", CameraSimulator.showQr(payload, sceneDir));
        }

        /** A well-lit drawn face that the default face capture accepts. */
        public void showFace() throws IOException {
            show("face", CameraSimulator.showFace(sceneDir));
        }

        /** A drawn face in a dark hall (face capture answers "too dark"). */
        public void showDarkFace() throws IOException {
            show("face-dark", CameraSimulator.showDarkFace(sceneDir));
        }

        /**
         * The resident stepped out of the picture: the wall alone (face capture answers "no face").
         * Unlike the test pattern, a card placed meanwhile keeps this scene (see the kiosk's simulator controls).
         */
        public void showNoFace() throws IOException {
            show("face-none", CameraSimulator.showNoFace(sceneDir));
        }

        /** The resident stands far from the camera (face capture answers "face too small"). */
        public void showFarFace() throws IOException {
            show("face-far", CameraSimulator.showFarFace(sceneDir));
        }

        /**
         * The document camera looking at a drawn material on a desk (an A4 page in perspective, a
         * card, a blurred page, an empty desk...). Scene name {@code document-<scene>}.
         */
        public void showDocument(DocumentScene document) throws IOException {
            show("document-" + document.name().toLowerCase(java.util.Locale.ROOT),
                    CameraSimulator.showDocument(document, sceneDir));
        }

        /** The scene shown now: {@code test-pattern}, {@code qr}, {@code face}, {@code face-dark}, {@code face-none}, {@code face-far} or {@code document-<scene>}. */
        public String scene() {
            return scene;
        }

        /** As {@link #showFace()}, for callers that cannot handle the checked exception. */
        public void showFaceUnchecked() {
            try {
                showFace();
            } catch (IOException e) {
                throw new UncheckedIOException("camera simulator scene", e);
            }
        }

        private void show(String name, CameraConfig config) {
            source.reconfigure(config);
            scene = name;
        }
    }
}
