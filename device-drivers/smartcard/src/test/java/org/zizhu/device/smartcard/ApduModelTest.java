package org.zizhu.device.smartcard;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.zizhu.device.smartcard.internal.Hex;
import org.zizhu.device.smartcard.technician.TechnicianCardProtocol;

class ApduModelTest {
    @Test
    void encodesAndParsesAllShortCases() {
        assertEquals("00A40400", Hex.of(CommandApdu.of(0, 0xA4, 4, 0).bytes()));
        assertEquals("00CA7F2100", Hex.of(CommandApdu.of(0, 0xCA, 0x7F, 0x21, new byte[0], 256).bytes()));
        assertEquals("0020008002FFFF", Hex.of(CommandApdu.of(0, 0x20, 0, 0x80, new byte[] {-1, -1}).bytes()));
        assertEquals("00880000020102FF", Hex.of(CommandApdu.of(0, 0x88, 0, 0, new byte[] {1, 2}, 255).bytes()));
        for (String hex : new String[] {"00A40400", "00CA7F2100", "0020008002FFFF", "00880000020102FF"}) {
            assertEquals(hex, Hex.of(CommandApdu.parse(Hex.parse(hex)).bytes()));
        }
        assertThrows(IllegalArgumentException.class, () -> CommandApdu.parse(Hex.parse("00A404")));
        assertThrows(IllegalArgumentException.class, () -> CommandApdu.parse(Hex.parse("00A4040005AABB")));
        assertThrows(IllegalArgumentException.class, () -> CommandApdu.parse(Hex.parse("00A4040000FFFF")));
        assertThrows(IllegalArgumentException.class, () -> CommandApdu.of(0, 0x100, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> CommandApdu.of(0, 0xB0, 0, 0, new byte[256]));
    }

    @Test
    void verifyCommandNeverShowsThePin() {
        CommandApdu verify = TechnicianCardProtocol.verify("4711".toCharArray());
        assertEquals("CommandApdu[00200080 Nc=8]", verify.toString());
        assertFalse(verify.toString().contains("3437"));
        assertEquals("002000800834373131FFFFFFFF", Hex.of(verify.bytes()));
        assertThrows(IllegalArgumentException.class, () -> TechnicianCardProtocol.verify("12a4".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> TechnicianCardProtocol.verify("123".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> TechnicianCardProtocol.verify("123456789".toCharArray()));
    }

    @Test
    void responseNeedsAtLeastTheStatusWord() throws Exception {
        for (byte[] bad : new byte[][] {null, {}, {(byte) 0x90}}) {
            SmartCardException e = assertThrows(SmartCardException.class, () -> ResponseApdu.parse(bad));
            assertEquals(SmartCardException.Reason.MALFORMED_RESPONSE, e.reason());
        }
        assertEquals(SmartCardException.Reason.MALFORMED_RESPONSE,
                assertThrows(SmartCardException.class, () -> ResponseApdu.parse(new byte[ResponseApdu.MAX_LENGTH + 1])).reason());
        ResponseApdu r = ResponseApdu.parse(Hex.parse("0102039000"));
        assertTrue(r.isSuccess());
        assertEquals(3, r.dataLength());
        assertEquals("ResponseApdu[SW=9000 SUCCESS Nr=3]", r.toString());
        ApduStatusException e = assertThrows(ApduStatusException.class,
                () -> ResponseApdu.parse(Hex.parse("6A82")).requireSuccess("SELECT"));
        assertEquals(StatusWord.FILE_NOT_FOUND, e.statusWord());
        assertTrue(e.getMessage().contains("6A82"));
    }

    @Test
    void mapsCommonStatusWords() throws Exception {
        assertEquals(StatusWord.SUCCESS, StatusWord.of(0x9000));
        assertEquals(StatusWord.VERIFICATION_FAILED, StatusWord.of(0x6300));
        assertEquals(StatusWord.VERIFICATION_FAILED_RETRIES, StatusWord.of(0x63C2));
        assertEquals(2, ResponseApdu.parse(Hex.parse("63C2")).retriesLeft());
        assertEquals(0, ResponseApdu.parse(Hex.parse("63C0")).retriesLeft());
        assertEquals(-1, ResponseApdu.parse(Hex.parse("6983")).retriesLeft());
        assertEquals(StatusWord.AUTHENTICATION_METHOD_BLOCKED, StatusWord.of(0x6983));
        assertEquals(StatusWord.SECURITY_STATUS_NOT_SATISFIED, StatusWord.of(0x6982));
        assertEquals(StatusWord.FILE_NOT_FOUND, StatusWord.of(0x6A82));
        assertEquals(StatusWord.INS_NOT_SUPPORTED, StatusWord.of(0x6D00));
        assertEquals(StatusWord.CLA_NOT_SUPPORTED, StatusWord.of(0x6E00));
        assertEquals(StatusWord.WRONG_LENGTH, StatusWord.of(0x6700));
        assertEquals(StatusWord.MORE_DATA, StatusWord.of(0x6110));
        assertEquals(StatusWord.WRONG_LE, StatusWord.of(0x6C20));
        assertEquals(StatusWord.UNKNOWN, StatusWord.of(0x1234));
        assertEquals(StatusWord.UNKNOWN, StatusWord.of(0x63D1));
    }

    @Test
    void configBuilderValidatesAndIsImmutable() {
        SmartCardConfig.Builder b = SmartCardConfig.builder().readerNamePattern("PCD");
        SmartCardConfig a = b.build();
        b.readerNamePattern("other");
        assertEquals("PCD", a.readerNamePattern().pattern());
        assertEquals("other", a.toBuilder().readerNamePattern("other").build().readerNamePattern().pattern());
        assertThrows(IllegalArgumentException.class, () -> SmartCardConfig.builder().readerNamePattern("(["));
        assertThrows(IllegalArgumentException.class, () -> SmartCardConfig.builder().pollInterval(java.time.Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> SmartCardConfig.builder().apduTimeout(java.time.Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> SmartCardConfig.builder().deviceId(" "));
    }
}
