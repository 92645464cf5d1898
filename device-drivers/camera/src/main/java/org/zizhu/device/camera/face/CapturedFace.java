package org.zizhu.device.camera.face;

import org.zizhu.device.camera.CapturedImage;

/**
 * A face picture for the centre's verification: a JPEG of bounded size, in memory only, with
 * the quality measured when it was taken. Send it, then {@link #wipe()} it (or use
 * try-with-resources).
 */
public final class CapturedFace extends CapturedImage {
    private final QualityMetrics metrics;

    CapturedFace(byte[] jpeg, int width, int height, QualityMetrics metrics) {
        super(jpeg, width, height);
        this.metrics = metrics;
    }

    public QualityMetrics metrics() {
        return metrics;
    }
}
