package org.zizhu.device.camera;

import java.util.Arrays;

/**
 * A picture of a resident (a face) or of a resident's material (a document page): a JPEG of
 * bounded size, in memory only, which is personal data. Hand it on, then {@link #wipe()} it (or
 * use try-with-resources). There is no method that writes it anywhere, and {@code toString()}
 * shows only its size.
 */
public abstract class CapturedImage implements AutoCloseable {
    private final byte[] jpeg;
    private final int width;
    private final int height;
    private volatile boolean wiped;

    protected CapturedImage(byte[] jpeg, int width, int height) {
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
    public final byte[] jpeg() {
        if (wiped) {
            throw new IllegalStateException(getClass().getSimpleName() + " image already wiped");
        }
        return jpeg;
    }

    public final int size() {
        return jpeg.length;
    }

    public final int width() {
        return width;
    }

    public final int height() {
        return height;
    }

    /** Overwrites the JPEG with zeros. Idempotent. */
    public final void wipe() {
        Arrays.fill(jpeg, (byte) 0);
        wiped = true;
    }

    public final boolean isWiped() {
        return wiped;
    }

    @Override
    public final void close() {
        wipe();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + width + "x" + height + ", " + jpeg.length + " bytes" + (wiped ? ", wiped" : "") + "]";
    }
}
