package org.zizhu.kiosk.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** QR codes as JavaFX images (ZXing encodes; each module becomes a square of pixels). */
public final class QrImages {
    private QrImages() {
    }

    public static Image of(String content, int sizePx) throws WriterException {
        BitMatrix m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                        EncodeHintType.CHARACTER_SET, "UTF-8"));
        int modules = m.getWidth();
        int scale = Math.max(1, sizePx / modules);
        WritableImage img = new WritableImage(modules * scale, modules * scale);
        PixelWriter w = img.getPixelWriter();
        for (int y = 0; y < modules * scale; y++) {
            for (int x = 0; x < modules * scale; x++) {
                w.setColor(x, y, m.get(x / scale, y / scale) ? Color.BLACK : Color.WHITE);
            }
        }
        return img;
    }
}
