package org.zizhu.print.receipt;

import java.awt.image.BufferedImage;
import org.zizhu.print.Align;

/** One line (or band) of a laid-out receipt; the ESC/POS encoder turns each into commands. */
public sealed interface ReceiptLine {
    /** A line of text that fits the paper ({@code large}: double width and height). */
    record Text(String text, Align align, boolean bold, boolean large) implements ReceiptLine {
    }

    /** A QR code printed by the printer itself (GS ( k), centred. */
    record Qr(String content) implements ReceiptLine {
    }

    /** An image scaled to at most the paper width; the encoder thresholds it to 1 bit. */
    record Image(BufferedImage image, Align align) implements ReceiptLine {
    }

    /** Blank lines. */
    record Feed(int lines) implements ReceiptLine {
    }
}
