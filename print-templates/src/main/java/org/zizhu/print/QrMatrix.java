package org.zizhu.print;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** QR code modules from ZXing, one matrix cell per module, no quiet zone (callers leave it). */
public final class QrMatrix {
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.CHARACTER_SET, "UTF-8",
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, 0);

    private QrMatrix() {
    }

    /** Encodes {@code content}; {@code field} names the data field in the error. */
    public static BitMatrix encode(String content, String field) {
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException | IllegalArgumentException e) {
            throw new TemplateDataException(field, "cannot be encoded as a QR code: " + e.getMessage(), e);
        }
    }
}
