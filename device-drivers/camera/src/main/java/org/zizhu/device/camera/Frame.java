package org.zizhu.device.camera;

import java.awt.image.BufferedImage;
import java.time.Instant;

/**
 * One decoded camera frame. Frames may show a resident's face: they live in memory only, are
 * never written to disk or logged, and are dropped as soon as a newer frame replaces them.
 *
 * @param sequence    1, 2, 3... per source, counting only frames that decoded
 * @param capturedAt  when the last byte of the JPEG arrived
 * @param image       the decoded picture (do not keep it beyond the current step)
 * @param jpegBytes   size of the JPEG it came from
 * @param decodeNanos time ImageIO took to decode it
 */
public record Frame(long sequence, Instant capturedAt, BufferedImage image, int jpegBytes, long decodeNanos) {
    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    @Override
    public String toString() {
        return "Frame[#" + sequence + " " + width() + "x" + height() + " " + jpegBytes + " bytes]";
    }
}
