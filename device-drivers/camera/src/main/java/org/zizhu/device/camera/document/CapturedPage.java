package org.zizhu.device.camera.document;

import java.util.Arrays;

/**
 * One corrected document page: an upright JPEG of bounded size, in memory only. A resident's
 * material is personal data: attach it to the visit's application, then {@link #wipe()} it (or
 * use try-with-resources). There is no method that writes it anywhere and {@code toString()}
 * shows only its size.
 */
public final class CapturedPage implements AutoCloseable {
    private final byte[] jpeg;
    private final int width;
    private final int height;
    private volatile boolean wiped;

    CapturedPage(byte[] jpeg, int width, int height) {
        this.jpeg = jpeg;
        this.width = width;
        this.height = height;
    }

    /**
     * The JPEG bytes themselves, not a copy, so that {@link #wipe()} really erases them: do not
     * keep or copy the array beyond handing it on.
     *
     * @throws IllegalStateException after wipe
     */
    public byte[] jpeg() {
        if (wiped) {
            throw new IllegalStateException("page image already wiped");
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
        return "CapturedPage[" + width + "x" + height + ", " + jpeg.length + " bytes" + (wiped ? ", wiped" : "") + "]";
    }
}
