package org.zizhu.print;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.EnumMap;
import java.util.Map;

/**
 * QR code modules from ZXing, one matrix cell per module, no quiet zone (callers leave it).
 *
 * <p>Every code is read back before it is handed out. The mask ZXing's encoder picks by the
 * standard's penalty score can still leave data that a finder-pattern detector mistakes for a
 * corner: a certificate's verification link printed in a CI run could not be found by ZXing's own
 * reader (the one the kiosk's camera uses) at 4 or 8 pixels per module, while zbar read it. When
 * the chosen mask does not read back, the eight masks are tried in turn and the first that does is
 * used; all eight are valid codes for any reader, so nothing is lost but a few milliseconds.
 */
public final class QrMatrix {
    /** Pixels per module tried on read-back: 4 is a 150 dpi scan of a 0.7 mm module, 8 the 300 dpi print. */
    private static final int[] READ_BACK_SCALES = {4, 8};
    private static final int QUIET = 4;

    private QrMatrix() {
    }

    /** Encodes {@code content}; {@code field} names the data field in the error. */
    public static BitMatrix encode(String content, String field) {
        try {
            BitMatrix first = encode(content, -1);
            if (readsBack(first, content)) {
                return first;
            }
            for (int mask = 0; mask < 8; mask++) {
                BitMatrix m = encode(content, mask);
                if (readsBack(m, content)) {
                    return m;
                }
            }
            // A valid code all the same; no known content gets here, but it is said.
            org.slf4j.LoggerFactory.getLogger(QrMatrix.class).warn(
                    "no QR mask read back for a {}-character {}; printing the encoder's choice", content.length(), field);
            return first;
        } catch (WriterException | IllegalArgumentException e) {
            throw new TemplateDataException(field, "cannot be encoded as a QR code: " + e.getMessage(), e);
        }
    }

    private static BitMatrix encode(String content, int mask) throws WriterException {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 0);
        if (mask >= 0) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, hints);
    }

    /** Whether ZXing's detector (not told where the code is) finds and decodes {@code m} at each scale. */
    static boolean readsBack(BitMatrix m, String content) {
        for (int scale : READ_BACK_SCALES) {
            int n = (m.getWidth() + 2 * QUIET) * scale;
            int[] pixels = new int[n * n];
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    int mx = x / scale - QUIET;
                    int my = y / scale - QUIET;
                    boolean dark = mx >= 0 && my >= 0 && mx < m.getWidth() && my < m.getHeight() && m.get(mx, my);
                    pixels[y * n + x] = dark ? 0xFF000000 : 0xFFFFFFFF;
                }
            }
            try {
                String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(n, n, pixels)))).getText();
                if (!content.equals(read)) {
                    return false;
                }
            } catch (ReaderException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds one rectangle per horizontal run of dark modules to {@code cs}'s path, the module at
     * row 0, column 0 with its top-left corner at ({@code left}, {@code top}) in PDF points (y up).
     * The caller sets the colour and fills once: one fill, no seams between modules.
     */
    public static void addDarkRuns(org.apache.pdfbox.pdmodel.PDPageContentStream cs, BitMatrix m, float left, float top, float module)
            throws java.io.IOException {
        for (int r = 0; r < m.getHeight(); r++) {
            int c = 0;
            while (c < m.getWidth()) {
                if (!m.get(c, r)) {
                    c++;
                    continue;
                }
                int start = c;
                while (c < m.getWidth() && m.get(c, r)) {
                    c++;
                }
                cs.addRect(left + start * module, top - (r + 1) * module, (c - start) * module, module);
            }
        }
    }
}
