package org.zizhu.kiosk.ui;

import com.google.zxing.common.BitMatrix;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.zizhu.print.QrMatrix;

/**
 * QR codes as JavaFX images, each module a square of pixels inside a 4-module quiet zone. The
 * modules come from {@link QrMatrix}, which hands out only codes a detector reads back: a payment
 * code is a fresh token each time, and about one such code in a hundred, as first masked, is
 * never found by ZXing's detector: a resident must not be left unable to pay for that.
 */
public final class QrImages {
    private static final int QUIET = 4;

    private QrImages() {
    }

    /** The code for {@code content} at about {@code sizePx} square; a content too long for a QR code throws. */
    public static Image of(String content, int sizePx) {
        BitMatrix m = QrMatrix.encode(content, "qr");
        int modules = m.getWidth() + 2 * QUIET;
        int scale = Math.max(1, sizePx / modules);
        WritableImage img = new WritableImage(modules * scale, modules * scale);
        PixelWriter w = img.getPixelWriter();
        for (int y = 0; y < modules * scale; y++) {
            for (int x = 0; x < modules * scale; x++) {
                int mx = x / scale - QUIET;
                int my = y / scale - QUIET;
                boolean dark = mx >= 0 && my >= 0 && mx < m.getWidth() && my < m.getHeight() && m.get(mx, my);
                w.setColor(x, y, dark ? Color.BLACK : Color.WHITE);
            }
        }
        return img;
    }
}
