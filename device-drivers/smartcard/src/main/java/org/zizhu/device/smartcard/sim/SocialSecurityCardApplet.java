package org.zizhu.device.smartcard.sim;

import static org.zizhu.device.smartcard.sscard.AssumedSocialSecurityLayout.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import org.zizhu.device.smartcard.CommandApdu;
import org.zizhu.device.smartcard.ResponseApdu;
import org.zizhu.device.smartcard.internal.Hex;
import org.zizhu.device.smartcard.internal.Tlv;
import org.zizhu.device.smartcard.sscard.AssumedSocialSecurityLayout;

/**
 * A social-security card in the {@link AssumedSocialSecurityLayout} (<strong>assumed, not the
 * licensed 社保卡 layout</strong>). Answers SELECT by AID and READ BINARY of short EF 05.
 * Its data is synthetic; {@link #toString()} does not show the card number.
 */
public final class SocialSecurityCardApplet extends IsoApplet {
    private static final byte[] ATR = Hex.parse("3B8980015A495A48552D53534332");

    private final byte[] file;
    private boolean selected;

    public SocialSecurityCardApplet(String cardNumber, String regionCode, LocalDate issued, LocalDate expires) {
        Objects.requireNonNull(cardNumber, "cardNumber");
        this.file = Tlv.concat(
                Tlv.encode(TAG_SPEC_VERSION, "3.00".getBytes(StandardCharsets.US_ASCII)),
                Tlv.encode(TAG_REGION, regionCode.getBytes(StandardCharsets.US_ASCII)),
                Tlv.encode(TAG_ISSUE_DATE, bcd(issued)),
                Tlv.encode(TAG_EXPIRY_DATE, bcd(expires)),
                Tlv.encode(TAG_CARD_NUMBER, cardNumber.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A card with raw EF 05 content, for malformed-data tests. */
    public static SocialSecurityCardApplet withRawFile(byte[] ef05) {
        return new SocialSecurityCardApplet(ef05);
    }

    private SocialSecurityCardApplet(byte[] raw) {
        this.file = raw.clone();
    }

    private static byte[] bcd(LocalDate d) {
        String s = String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        return Hex.parse(s);
    }

    @Override
    public byte[] atr() {
        return ATR.clone();
    }

    @Override
    public String kind() {
        return "sscard";
    }

    @Override
    public synchronized void reset() {
        selected = false;
    }

    @Override
    synchronized ResponseApdu handle(CommandApdu c) {
        if (c.cla() != 0x00) {
            return ResponseApdu.of(0x6E00);
        }
        if (c.ins() == 0xA4) {
            if (c.p1() != 0x04) {
                return ResponseApdu.of(0x6A86);
            }
            selected = Arrays.equals(c.data(), AID);
            return ResponseApdu.of(selected ? 0x9000 : 0x6A82);
        }
        if (!selected) {
            return ResponseApdu.of(0x6D00);
        }
        if (c.ins() != 0xB0) {
            return ResponseApdu.of(0x6D00);
        }
        if (c.p1() != (0x80 | SFI_CARD_DATA)) {
            return ResponseApdu.of(0x6A82);
        }
        int offset = c.p2();
        if (offset > file.length) {
            return ResponseApdu.of(0x6B00);
        }
        int ne = c.ne() == CommandApdu.NO_LE ? 256 : c.ne();
        int n = Math.min(ne, file.length - offset);
        byte[] out = Arrays.copyOfRange(file, offset, offset + n);
        return ResponseApdu.of(out, n < ne ? 0x6282 : 0x9000);
    }

    @Override
    public String toString() {
        return "SocialSecurityCardApplet[assumed layout]";
    }
}
