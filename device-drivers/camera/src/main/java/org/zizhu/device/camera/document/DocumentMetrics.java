package org.zizhu.device.camera.document;

/**
 * The numbers a verdict was based on (safe to log: no picture content).
 *
 * @param meanLuma     average brightness of the frame, 0..255
 * @param areaFraction page area / frame area (0 when no page was found)
 * @param sharpness    variance of the Laplacian over the corrected page (0 when not measured)
 * @param aspect       the page's estimated height / width, perspective removed (0 when no page)
 */
public record DocumentMetrics(double meanLuma, double areaFraction, double sharpness, double aspect) {
}
