package org.zizhu.print;

import java.awt.image.BufferedImage;

/**
 * One resolved element of a {@link PrintDocument}: placeholders filled, loops expanded. Both
 * outputs (A4 PDF and receipt) lay these out in their own way. {@code origin} names the data
 * field the text came from (or the template position), for error messages.
 */
public sealed interface Block {
    /** Text size. */
    enum Size { SMALL, NORMAL, LARGE }

    record Title(String text) implements Block {
    }

    record Heading(String text) implements Block {
    }

    record Text(String text, Align align, boolean bold, Size size, String origin) implements Block {
    }

    /** A labelled value, e.g. 事项名称: ... (label column on A4, "label：value" on a receipt). */
    record Field(String label, String value, String origin) implements Block {
    }

    record Rule() implements Block {
    }

    record Spacer() implements Block {
    }

    /** A QR code; {@code sizeMm} is the A4 size, receipts use the printer's module size. */
    record Qr(String content, int sizeMm, String caption, String origin) implements Block {
    }

    /**
     * An image (seal, logo, a handwritten signature), fitted into a box of {@code widthMm} x
     * {@code heightMm} with its aspect ratio kept (and never wider than the paper). A
     * {@code stamp} overlaps the lines above it on A4, the way a seal is pressed over the
     * issuer's name.
     */
    record Image(BufferedImage image, int widthMm, int heightMm, Align align, boolean stamp, String origin) implements Block {
        /**
         * The size to draw it at, in the output's units, inside a box {@code maxWidth} x
         * {@code maxHeight} of those units: as wide as allowed unless that makes it too tall.
         */
        public double[] fit(double maxWidth, double maxHeight) {
            double w = maxWidth;
            double h = w * image.getHeight() / image.getWidth();
            if (h > maxHeight) {
                h = maxHeight;
                w = h * image.getWidth() / image.getHeight();
            }
            return new double[] {w, h};
        }
    }
}
