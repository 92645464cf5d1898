package org.zizhu.device.camera.face;

/**
 * The numbers a verdict was based on (safe to log: no picture content).
 *
 * @param meanLuma   average brightness of the frame, 0..255
 * @param sharpness  variance of the Laplacian over the face region (0 when no face was found)
 * @param faceWidthFraction face width / frame width (0 when no face was found)
 */
public record QualityMetrics(double meanLuma, double sharpness, double faceWidthFraction) {
}
