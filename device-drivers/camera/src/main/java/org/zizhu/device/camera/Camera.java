package org.zizhu.device.camera;

import java.time.Duration;
import java.util.Optional;
import org.zizhu.device.Device;

/**
 * The kiosk's camera as the kiosk sees it: the newest decoded frames (for QR codes and face
 * capture) and the common device status (reasons in {@link CameraFault}). {@link #open} is the
 * real camera; {@link org.zizhu.device.camera.sim.SimulatedCamera} the same driver on drawn scenes.
 */
public interface Camera extends Device {
    /** The real camera: starts capturing in the background and returns at once. */
    static Camera open(CameraConfig config) {
        return CameraFrameSource.open(config);
    }

    CameraConfig config();

    /** Takes the next frame not yet consumed, waiting up to {@code timeout}. */
    Optional<Frame> poll(Duration timeout) throws InterruptedException;

    /** The newest frame, whether or not it was consumed. */
    Optional<Frame> latest();

    /** Counters since start, for diagnostics and metrics. */
    CameraStats stats();
}
