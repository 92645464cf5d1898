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
}
