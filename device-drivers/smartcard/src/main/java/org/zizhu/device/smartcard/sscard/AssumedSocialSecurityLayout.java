package org.zizhu.device.smartcard.sscard;

/**
 * <strong>ASSUMED LAYOUT, NOT THE REAL 社保卡 SPECIFICATION.</strong> The real file layout is
 * licensed and not available to this project; this one is modelled loosely on public
 * descriptions (an application with a "card identification" file holding region, dates and
 * card number) so that the kiosk flow, the simulator and the tests have something concrete.
 * Documented in docs/smartcard.md. Replace with a licensed reader for production.
 *
 * <pre>
 * SELECT by AID  F0 5A 49 5A 48 55 53 53 43 01   ("\xF0ZIZHUSSC\x01", proprietary)
 * READ BINARY    00 B0 85 00 00                  (short EF id 05, offset 0, Le 256)
 *   -> BER-TLV sequence:
 *      03 04  spec version, ASCII ("3.00")
 *      04 06  issuing region code, ASCII digits (行政区划代码, e.g. "440300")
 *      05 04  issue date, BCD YYYYMMDD
 *      06 04  expiry date, BCD YYYYMMDD
 *      07 09  card number, ASCII [A-Z0-9]
 *   SW 9000, or 6282 (file shorter than Le)
 * </pre>
 */
public final class AssumedSocialSecurityLayout {
    public static final byte[] AID = {(byte) 0xF0, 'Z', 'I', 'Z', 'H', 'U', 'S', 'S', 'C', 0x01};
    public static final int SFI_CARD_DATA = 0x05;
    public static final int TAG_SPEC_VERSION = 0x03;
    public static final int TAG_REGION = 0x04;
    public static final int TAG_ISSUE_DATE = 0x05;
    public static final int TAG_EXPIRY_DATE = 0x06;
    public static final int TAG_CARD_NUMBER = 0x07;

    private AssumedSocialSecurityLayout() {
    }
}
