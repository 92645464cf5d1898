package org.zizhu.device.camera.face;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Finds the one face-sized region a capture should frame. Pluggable: the default
 * {@link SkinToneFaceDetector} is a colour heuristic because no face model ships offline; a
 * deployment with a real detector (OpenCV, a vendor SDK) implements this interface and passes it
 * to {@link FaceCapture.Builder#detector(FaceDetector)}. Implementations must not keep or write
 * the image.
 */
@FunctionalInterface
public interface FaceDetector {
    Optional<FaceRegion> detect(BufferedImage frame);
}
