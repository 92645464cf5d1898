package org.zizhu.print.escpos;

import java.awt.image.BufferedImage;
import org.zizhu.device.printer.escpos.EscPosBuilder;
import org.zizhu.device.printer.escpos.EscPosJob;
import org.zizhu.print.Align;
import org.zizhu.print.receipt.Receipt;
import org.zizhu.print.receipt.ReceiptLine;

/**
 * Turns a laid-out {@link Receipt} into one complete ESC/POS job: init, Chinese mode, the
 * lines, feed and cut. Lines with characters outside GBK are printed as raster images drawn
 * with the CJK font, so a rare character in a name is never dropped or printed as '?'.
 * The whole job is built in memory before anything is sent.
 */
public final class ReceiptEncoder {
    private ReceiptEncoder() {
    }

    public static EscPosJob encode(Receipt receipt) {
        EscPosBuilder b = new EscPosBuilder();
        int dots = receipt.paper().dots();
        int bpr = receipt.paper().bytesPerRow();
        b.init().chineseMode(true);
        for (ReceiptLine line : receipt.lines()) {
            switch (line) {
                case ReceiptLine.Text t -> {
                    EscPosBuilder.Alignment a = alignment(t.align());
                    b.align(a);
                    if (b.canEncode(t.text())) {
                        b.printMode(t.bold(), t.large(), t.large(), false);
                        b.line(t.text());
                        if (t.bold() || t.large()) {
                            b.printMode(false, false, false, false);
                        }
                    } else {
                        // Raster covers the full width; alignment is drawn into the image.
                        b.align(EscPosBuilder.Alignment.LEFT);
                        BufferedImage img = TextRasterizer.render(t.text(), dots, t.large() ? 48 : 24, a, t.bold());
                        b.raster(TextRasterizer.pack(img, bpr), bpr, img.getHeight());
                    }
                }
                case ReceiptLine.Qr q -> {
                    b.align(EscPosBuilder.Alignment.CENTER);
                    b.qr(q.content(), receipt.paper().qrModule(), EscPosBuilder.QrErrorLevel.M);
                    b.lf();
                }
                case ReceiptLine.Image i -> {
                    BufferedImage img = i.image();
                    int w = Math.min(img.getWidth(), dots);
                    int rowBytes = (w + 7) / 8;
                    b.align(alignment(i.align()));
                    b.raster(TextRasterizer.pack(img, rowBytes), rowBytes, img.getHeight());
                }
                case ReceiptLine.Feed f -> b.feed(f.lines());
            }
        }
        b.align(EscPosBuilder.Alignment.LEFT);
        b.feedAndCut(24);
        return b.build();
    }

    private static EscPosBuilder.Alignment alignment(Align a) {
        return switch (a) {
            case LEFT -> EscPosBuilder.Alignment.LEFT;
            case CENTER -> EscPosBuilder.Alignment.CENTER;
            case RIGHT -> EscPosBuilder.Alignment.RIGHT;
        };
    }
}
