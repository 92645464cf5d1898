package org.zizhu.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every code QrMatrix hands out is one ZXing's own detector finds and decodes. */
class QrMatrixTest {
    /** A certificate's verification link from a CI run: ZXing could not find its code as first encoded. */
    private static final String CI_LINK =
            "https://zwfw.example.gov.cn/verify/ZM-Y7LKFSFL8PCU83FQ?h=97a090ccc096f133882276666b6137e276155f56c6114ea976fde5cff0d3594b";

    @Test
    void aCodeTheDetectorMissesIsMaskedAnotherWay() throws Exception {
        var plain = new QRCodeWriter().encode(CI_LINK, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        assertFalse(QrMatrix.readsBack(plain, CI_LINK), "the mask chosen by the penalty score alone is not found");
        var chosen = QrMatrix.encode(CI_LINK, "link");
        assertEquals(plain.getWidth(), chosen.getWidth(), "same version, only the mask differs");
        assertTrue(QrMatrix.readsBack(chosen, CI_LINK));
    }

    @Test
    void everyLinkReadsBack() {
        Random random = new Random(7);
        List<String> unread = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] h = new byte[32];
            random.nextBytes(h);
            String link = "https://zwfw.example.gov.cn/verify/ZM-" + Long.toString(random.nextLong() >>> 1, 36) + "?h=" + HexFormat.of().formatHex(h);
            if (!QrMatrix.readsBack(QrMatrix.encode(link, "link"), link)) {
                unread.add(link);
            }
        }
        assertEquals(List.of(), unread);
    }

    @Test
    void tooMuchForAQrCodeIsATemplateDataError() {
        assertThrows(TemplateDataException.class, () -> QrMatrix.encode("x".repeat(8000), "link"));
    }
}
