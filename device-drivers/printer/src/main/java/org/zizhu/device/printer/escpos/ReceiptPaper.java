package org.zizhu.device.printer.escpos;

/**
 * Receipt paper widths at 203 dpi (8 dots/mm) with the 12x24 font A: 80 mm paper prints
 * 576 dots (72 raster bytes, 48 Latin / 24 CJK characters), 58 mm prints 384 dots
 * (48 raster bytes, 32 Latin / 16 CJK characters).
 */
public enum ReceiptPaper {
    MM80(576, 48, 6),
    MM58(384, 32, 5);

    private final int dots;
    private final int columns;
    private final int qrModule;

    ReceiptPaper(int dots, int columns, int qrModule) {
        this.dots = dots;
        this.columns = columns;
        this.qrModule = qrModule;
    }

    /** Printable width in dots. */
    public int dots() {
        return dots;
    }

    /** Raster bytes per row. */
    public int bytesPerRow() {
        return dots / 8;
    }

    /** Half-width (Latin) character columns; a CJK character takes two. */
    public int columns() {
        return columns;
    }

    /** QR module size in dots (GS ( k function 167). */
    public int qrModule() {
        return qrModule;
    }

    /** {@code 80}/{@code 58} (or {@code 80mm}) to a paper width. */
    public static ReceiptPaper parse(String s) {
        return switch (s.replace("mm", "").trim()) {
            case "80" -> MM80;
            case "58" -> MM58;
            default -> throw new IllegalArgumentException("paper must be 80 or 58 (mm), not " + s);
        };
    }
}
