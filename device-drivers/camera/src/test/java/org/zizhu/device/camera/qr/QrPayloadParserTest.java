package org.zizhu.device.camera.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QrPayloadParserTest {
    static final String TOKEN = "Abcdefghijklmnop_QRSTU-0123456789";

    @Test
    void acceptsLoginCode() {
        QrReading r = QrPayloadParser.parse("zizhu:login:v1:" + TOKEN);
        QrPayload.LoginCode login = assertInstanceOf(QrPayload.LoginCode.class,
                assertInstanceOf(QrReading.Accepted.class, r).payload());
        assertEquals(TOKEN, login.token());
        assertFalse(login.toString().contains(TOKEN), "token masked in toString");
    }

    @Test
    void acceptsAnElectronicBusinessLicenseInTheCentresShapeOnly() {
        String ebl = "ZZEBL1:91150203MA0N7LC8XD:20210315:A1874FD52C21B457";
        QrPayload.EBusinessLicense e = assertInstanceOf(QrPayload.EBusinessLicense.class,
                assertInstanceOf(QrReading.Accepted.class, QrPayloadParser.parse(ebl)).payload());
        assertEquals(ebl, e.payload(), "passed on whole: the centre verifies it");
        assertFalse(e.toString().contains("91150203MA0N7LC8XD"), "masked in toString");
        for (String bad : new String[] {"ZZEBL1:91150203MA0N7LC8XD:20210315:a1874fd52c21b457",
                "ZZEBL1:91150203MA0N7LC8XD:20210315:A1874FD52C21B45", "ZZEBL2:91150203MA0N7LC8XD:20210315:A1874FD52C21B457",
                "ZZEBL1:91150203MA0N7LC8X:20210315:A1874FD52C21B457:X"}) {
            assertEquals(QrRejection.MALFORMED, ((QrReading.Rejected) QrPayloadParser.parse(bad)).reason(), bad);
        }
    }

    @Test
    void acceptsAnELicenseShownFromTheGovernmentAppInTheContractsShapeOnly() {
        String code = "ZZELIC:1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        QrPayload.ShownLicense shown = assertInstanceOf(QrPayload.ShownLicense.class,
                assertInstanceOf(QrReading.Accepted.class, QrPayloadParser.parse(code)).payload());
        assertEquals(code, shown.payload(), "passed on whole: the centre resolves it");
        assertEquals("shown-license", shown.kind());
        assertFalse(shown.toString().contains("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), "a bearer code: masked in toString");
        for (String bad : new String[] {
                "ZZELIC:1:ABCDEFGHIJKLMNOPQRSTUVWXYZ23456", // 31 characters
                "ZZELIC:1:ABCDEFGHIJKLMNOPQRSTUVWXYZ2345678", // 33
                "ZZELIC:1:abcdefghijklmnopqrstuvwxyz234567", // lower case is not the app's base32
                "ZZELIC:1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234501", // 0 and 1 are not base32
                "ZZELIC:2:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", // another version
                "ZZELIC:1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567:", "ZZELIC1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "ZZELIC"}) {
            assertEquals(QrRejection.MALFORMED, ((QrReading.Rejected) QrPayloadParser.parse(bad)).reason(), bad);
        }
        assertEquals(QrRejection.BAD_CHARACTERS,
                ((QrReading.Rejected) QrPayloadParser.parse("ZZELIC:1:ABCDEFGHIJKLMNOPQRSTUVWXYZ23456 ")).reason());
    }

    @Test
    void acceptsPaymentCode() {
        QrReading r = QrPayloadParser.parse("zizhu:pay:v1:ORD20250101A7:n0nce-n0nce_12345");
        QrPayload.PaymentCode pay = assertInstanceOf(QrPayload.PaymentCode.class,
                assertInstanceOf(QrReading.Accepted.class, r).payload());
        assertEquals("ORD20250101A7", pay.orderId());
        assertEquals("n0nce-n0nce_12345", pay.nonce());
        assertTrue(pay.toString().contains("n0nc*"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://zwfw.example.gov.cn/cases/ZW-20250301-000001|zwfw.example.gov.cn|ZW-20250301-000001",
            "https://zwfw.baotou.gov.cn:8443/cases/ZW-20261201-000101|zwfw.baotou.gov.cn:8443|ZW-20261201-000101",
            "https://127.0.0.1:9443/cases/12345678|127.0.0.1:9443|12345678",
    })
    void acceptsTheReceiptsStatusLinkAndTakesOnlyItsCaseNumber(String text, String host, String caseNumber) {
        QrPayload.CaseLink link = assertInstanceOf(QrPayload.CaseLink.class,
                assertInstanceOf(QrReading.Accepted.class, QrPayloadParser.parse(text)).payload());
        assertEquals(host, link.host());
        assertEquals(caseNumber, link.caseNumber());
        assertEquals("case", link.kind());
        assertFalse(link.toString().contains(caseNumber), "case number masked in toString: " + link);
    }

    /** Every other URL stays foreign, however close to the receipt's link it comes. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://zwfw.example.gov.cn/cases/ZW-20250301-000001",
            "HTTPS://zwfw.example.gov.cn/cases/ZW-20250301-000001",
            "https://ZWFW.example.gov.cn/cases/ZW-20250301-000001",
            "https://zwfw.example.gov.cn/cases/zw-20250301-000001",
            "https://zwfw.example.gov.cn/cases/ZW-20250301-000001/",
            "https://zwfw.example.gov.cn/cases/ZW-20250301-000001?utm=1",
            "https://zwfw.example.gov.cn/cases/ZW-20250301-000001#x",
            "https://zwfw.example.gov.cn/cases/ZW%2D20250301",
            "https://zwfw.example.gov.cn/cases/-ZW20250301",
            "https://zwfw.example.gov.cn/cases/ZW20250301-",
            "https://zwfw.example.gov.cn/cases/ZW-1",
            "https://zwfw.example.gov.cn/cases/ZW-2025030100000100000100000100000100000001",
            "https://zwfw.example.gov.cn/cases/../pay/ZW-20250301-000001",
            "https://zwfw.example.gov.cn/case/ZW-20250301-000001",
            "https://zwfw.example.gov.cn/x/cases/ZW-20250301-000001",
            "https://user@zwfw.example.gov.cn/cases/ZW-20250301-000001",
            "https://zwfw.example.gov.cn.evil.com@x/cases/ZW-20250301-000001",
            "https://-bad.example.gov.cn/cases/ZW-20250301-000001",
            "https://zwfw..gov.cn/cases/ZW-20250301-000001",
            "https://zwfw.example.gov.cn:/cases/ZW-20250301-000001",
            "https://zwfw.example.gov.cn/cases/",
            "https://",
    })
    void otherUrlsStayForeign(String text) {
        QrReading.Rejected r = assertInstanceOf(QrReading.Rejected.class, QrPayloadParser.parse(text));
        assertEquals(QrRejection.FOREIGN, r.reason());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "''|EMPTY",
            "https://example.com/pay?id=1|FOREIGN",
            "weixin://wxpay/bizpayurl?pr=abc|FOREIGN",
            "ZIZHU:LOGIN:V1:ABCDEFGHIJKLMNOPQRSTUVWX|FOREIGN",
            "zizhu:admin:v1:ABCDEFGHIJKLMNOPQRSTUVWX|UNKNOWN_KIND",
            "zizhu:login:v2:ABCDEFGHIJKLMNOPQRSTUVWX|UNSUPPORTED_VERSION",
            "zizhu:login:1:ABCDEFGHIJKLMNOPQRSTUVWX|MALFORMED",
            "zizhu:login:v1:short|MALFORMED",
            "zizhu:login:v1:ABCDEFGHIJKLMNOPQRSTUVWX:extra|MALFORMED",
            "zizhu:login:v1:ABCDEFGHIJKLMNOP%RSTUVWX|MALFORMED",
            "zizhu:pay:v1:lowercaseorder:n0nce-n0nce_12345|MALFORMED",
            "zizhu:pay:v1:ORD20250101A7|MALFORMED",
            "zizhu:login:v1:ABCDEFGHIJKLMNOPQRSTU VWX|BAD_CHARACTERS",
            "zizhu:login:v1:ABCDEFGHIJKLMNOPQRSTUVWＸ|BAD_CHARACTERS",
            "zizhu:login:v1:甲乙丙丁ABCDEFGHIJKLMNOPQRSTUVWX|BAD_CHARACTERS",
    })
    void rejectsWithTypedReason(String text, QrRejection expected) {
        QrReading.Rejected r = assertInstanceOf(QrReading.Rejected.class, QrPayloadParser.parse(text));
        assertEquals(expected, r.reason());
        assertEquals(text.length(), r.length());
    }

    @Test
    void rejectsControlCharactersAndOverlongPayloads() {
        assertEquals(QrRejection.BAD_CHARACTERS, ((QrReading.Rejected) QrPayloadParser.parse(
                "zizhu:login:v1:ABCDEFGHIJKLMNOPQRSTUVWX\u0000")).reason());
        assertEquals(QrRejection.BAD_CHARACTERS, ((QrReading.Rejected) QrPayloadParser.parse(
                "zizhu:login:v1:ABCDEFGHIJKLMNOP\u202eQRSTUVWX")).reason());
        String huge = "zizhu:login:v1:" + "A".repeat(5000);
        assertEquals(QrRejection.TOO_LONG, ((QrReading.Rejected) QrPayloadParser.parse(huge)).reason());
        assertEquals(QrRejection.EMPTY, ((QrReading.Rejected) QrPayloadParser.parse(null)).reason());
    }

    @Test
    void everyRejectionIsDescribedForTechnicians() {
        // Both resident languages: DeviceReasonTextTest in kiosk-app checks every bundle.
        for (QrRejection r : QrRejection.values()) {
            assertFalse(r.description().isBlank());
        }
    }
}
