package org.zizhu.device.camera.face;

import java.util.Arrays;

/**
 * A face picture for the centre's verification: a JPEG of bounded size, in memory only. It is a
 * resident's personal data: send it, then {@link #wipe()} it (or use try-with-resources). There
 * is no method that writes it anywhere and {@code toString()} shows only its size.
 */
public final class CapturedFace implements AutoCloseable {
    private final byte[] jpeg;
    private final int width;
    private final int height;
    private final QualityMetrics metrics;
    private volatile boolean wiped;

    CapturedFace(byte[] jpeg, int width, int height, QualityMetrics metrics) {
        this.jpeg = jpeg;
        this.width = width;
        this.height = height;
        this.metrics = metrics;
    }

    /**
     * The JPEG bytes themselves, not a copy, so that {@link #wipe()} really erases them: do not
     * keep or copy the array beyond sending it.
     *
     * @throws IllegalStateException after wipe
     */
    public byte[] jpeg() {
        if (wiped) {
            throw new IllegalStateException("face image already wiped");
        }
        return jpeg;
    }

    public int size() {
        return jpeg.length;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public QualityMetrics metrics() {
        return metrics;
    }

    /** Overwrites the JPEG with zeros. Idempotent. */
    public void wipe() {
        Arrays.fill(jpeg, (byte) 0);
        wiped = true;
    }

    public boolean isWiped() {
        return wiped;
    }

    @Override
    public void close() {
        wipe();
    }

    @Override
    public String toString() {
        return "CapturedFace[" + width + "x" + height + ", " + jpeg.length + " bytes" + (wiped ? ", wiped" : "") + "]";
    }
}
