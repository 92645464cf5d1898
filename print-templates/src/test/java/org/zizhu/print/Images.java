package org.zizhu.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Image checks shared by the tests: QR decoding and loose golden comparison. */
public final class Images {
    private Images() {
    }

    /** Every QR code ZXing finds in the image. */
    public static List<String> decodeQr(BufferedImage img) {
        BinaryBitmap bmp = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img)));
        List<String> out = new ArrayList<>();
        try {
            for (Result r : new GenericMultipleBarcodeReader(new QRCodeReader())
                    .decodeMultiple(bmp, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))) {
                out.add(r.getText());
            }
        } catch (NotFoundException e) {
            // none found: empty list
        }
        return out;
    }

    public static double darkRatio(BufferedImage img) {
        long dark = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int lum = ((rgb >> 16 & 0xff) * 299 + (rgb >> 8 & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
                if (lum < 128) {
                    dark++;
                }
            }
        }
        return (double) dark / ((long) img.getWidth() * img.getHeight());
    }

    /**
     * Compares with {@code src/test/resources/golden/NAME}: same size (height within
     * {@code heightTolerance} pixels) and dark-pixel ratio within 20 % relative. Set
     * -Dgolden.update=true to rewrite the golden file after a deliberate layout change.
     */
    public static void assertLooksLike(String name, BufferedImage actual, int heightTolerance) throws IOException {
        Path golden = Path.of("src/test/resources/golden", name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            ImageIO.write(actual, "png", golden.toFile());
        }
        assertTrue(Files.isRegularFile(golden), "golden image " + golden + " missing; run once with -Dgolden.update=true and look at it");
        BufferedImage expected = ImageIO.read(golden.toFile());
        assertEquals(expected.getWidth(), actual.getWidth(), name + " width");
        assertTrue(Math.abs(expected.getHeight() - actual.getHeight()) <= heightTolerance,
                name + " height " + actual.getHeight() + " vs golden " + expected.getHeight());
        double e = darkRatio(expected);
        double a = darkRatio(actual);
        assertTrue(Math.abs(e - a) <= e * 0.2 + 0.002, name + " dark ratio " + a + " vs golden " + e);
    }
}
