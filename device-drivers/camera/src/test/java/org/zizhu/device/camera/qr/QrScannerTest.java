package org.zizhu.device.camera.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.zizhu.device.camera.sim.SyntheticScenes;

class QrScannerTest {
    private final QrScanner scanner = new QrScanner();

    @Test
    void readsOurLoginCodeFromAPicture() {
        QrReading r = scanner.scan(SyntheticScenes.qrCode("zizhu:login:v1:" + QrPayloadParserTest.TOKEN, 640, 480));
        QrPayload p = assertInstanceOf(QrReading.Accepted.class, r).payload();
        assertEquals(new QrPayload.LoginCode(QrPayloadParserTest.TOKEN), p);
    }

    @Test
    void readsAReceiptsStatusLinkFromAPicture() {
        QrReading r = scanner.scan(SyntheticScenes.qrCode("https://zwfw.example.gov.cn/cases/ZW-20250301-000001", 640, 480));
        QrPayload p = assertInstanceOf(QrReading.Accepted.class, r).payload();
        assertEquals(new QrPayload.CaseLink("zwfw.example.gov.cn", "ZW-20250301-000001"), p);
    }

    @Test
    void foreignCodeIsReadButRejected() {
        QrReading r = scanner.scan(SyntheticScenes.qrCode("https://pay.example.com/q/8f3a9", 640, 480));
        assertEquals(QrRejection.FOREIGN, assertInstanceOf(QrReading.Rejected.class, r).reason());
    }

    @Test
    void pictureWithoutCodeGivesNoCode() {
        assertInstanceOf(QrReading.NoCode.class, scanner.scan(SyntheticScenes.emptyRoom(640, 480)));
        assertInstanceOf(QrReading.NoCode.class, scanner.scan(SyntheticScenes.face(640, 480, 0.35, 1.0)));
    }

    /**
     * A valid code (a certificate's verification link, as ZXing's encoder first masked it) whose
     * data the plain detector mistakes for a corner: not found at 640×480 or 1280×720, even trying
     * harder. The multi-code detector's second look reads it.
     */
    @Test
    void aCodeThePlainDetectorMissesIsReadOnTheSecondLook() {
        String link = "https://zwfw.example.gov.cn/verify/ZM-Y7LKFSFL8PCU83FQ?h=97a090ccc096f133882276666b6137e276155f56c6114ea976fde5cff0d3594b";
        for (int[] size : new int[][] {{640, 480}, {1280, 720}}) {
            var picture = SyntheticScenes.qrCode(link, size[0], size[1]);
            assertEquals(null, plainDecode(picture), "the plain detector alone misses it at " + size[0]);
            assertEquals(link, scanner.decode(picture), "at " + size[0]);
        }
    }

    private static String plainDecode(java.awt.image.BufferedImage picture) {
        try {
            return new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                    new com.google.zxing.client.j2se.BufferedImageLuminanceSource(picture)))).getText();
        } catch (com.google.zxing.ReaderException e) {
            return null;
        }
    }
}
