package org.zizhu.device.printer.escpos;

import java.util.Objects;

/**
 * A complete ESC/POS job and the offsets where its commands end. The printer driver splits
 * the job into chunks only at these offsets: a status request (DLE EOT) placed inside the
 * data of a raster image or QR code would be taken as image data by the printer.
 */
public record EscPosJob(byte[] bytes, int[] boundaries) {
    public EscPosJob {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(boundaries, "boundaries");
    }

    /** A job of raw bytes with no known inner boundaries (sent as one unit). */
    public static EscPosJob raw(byte[] bytes) {
        return new EscPosJob(bytes, new int[] {bytes.length});
    }

    public int length() {
        return bytes.length;
    }
}
