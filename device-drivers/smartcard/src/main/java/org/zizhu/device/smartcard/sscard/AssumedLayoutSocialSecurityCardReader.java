package org.zizhu.device.smartcard.sscard;

import static org.zizhu.device.smartcard.sscard.AssumedSocialSecurityLayout.*;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.zizhu.device.smartcard.CardSession;
import org.zizhu.device.smartcard.CommandApdu;
import org.zizhu.device.smartcard.ResponseApdu;
import org.zizhu.device.smartcard.SmartCardException;
import org.zizhu.device.smartcard.SmartCardException.Reason;
import org.zizhu.device.smartcard.internal.Tlv;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/**
 * Reads {@link SocialSecurityCardInfo} using the {@link AssumedSocialSecurityLayout}
 * (simulator layout, not the licensed one). The full card number exists only inside
 * {@link #read} and is masked before it leaves.
 */
public final class AssumedLayoutSocialSecurityCardReader implements SocialSecurityCardReader {
    private static final Pattern REGION = Pattern.compile("[0-9]{6}");
    private static final Pattern CARD_NUMBER = Pattern.compile("[A-Z0-9]{6,20}");

    @Override
    public SocialSecurityCardInfo read(CardSession session) throws SmartCardException {
        try {
            SocialSecurityCardInfo info = readUnlogged(session);
            EventLog.event(EventId.SMARTCARD_SSCARD_READ, Outcome.SUCCESS, "region", info.regionCode(),
                    "card", info.maskedCardNumber());
            return info;
        } catch (SmartCardException e) {
            EventLog.event(EventId.SMARTCARD_SSCARD_READ, Outcome.FAILURE, "reason", e.reason().name());
            throw e;
        }
    }

    private SocialSecurityCardInfo readUnlogged(CardSession session) throws SmartCardException {
        session.transmit(CommandApdu.selectAid(AID)).requireSuccess("SELECT social-security application");
        ResponseApdu r = session.transmit(CommandApdu.of(0x00, 0xB0, 0x80 | SFI_CARD_DATA, 0x00, new byte[0], 256));
        if (r.sw() != 0x9000 && r.sw() != 0x6282) {
            r.requireSuccess("READ BINARY card data");
        }
        List<Tlv> fields;
        try {
            fields = Tlv.parseAll(r.data());
            String region = ascii(Tlv.require(fields, TAG_REGION));
            if (!REGION.matcher(region).matches()) {
                throw new IllegalArgumentException("region code is not 6 digits");
            }
            LocalDate issued = bcdDate(Tlv.require(fields, TAG_ISSUE_DATE).value());
            LocalDate expires = bcdDate(Tlv.require(fields, TAG_EXPIRY_DATE).value());
            if (expires.isBefore(issued)) {
                throw new IllegalArgumentException("expiry date before issue date");
            }
            String number = ascii(Tlv.require(fields, TAG_CARD_NUMBER));
            if (!CARD_NUMBER.matcher(number).matches()) {
                throw new IllegalArgumentException("card number is not 6-20 of [A-Z0-9]");
            }
            return new SocialSecurityCardInfo(SocialSecurityCardInfo.mask(number), region, issued, expires);
        } catch (IllegalArgumentException e) {
            // The message names the field, never its value.
            throw new SmartCardException(Reason.MALFORMED_RESPONSE, "social-security card data malformed: " + e.getMessage());
        }
    }

    private static String ascii(Tlv t) {
        byte[] v = t.value();
        for (byte b : v) {
            if (b < 0x20 || b > 0x7E) {
                throw new IllegalArgumentException(String.format("tag %02X is not printable ASCII", t.tag()));
            }
        }
        return new String(v, StandardCharsets.US_ASCII);
    }

    /** 4 bytes BCD YYYYMMDD. */
    static LocalDate bcdDate(byte[] v) {
        if (v.length != 4) {
            throw new IllegalArgumentException("BCD date must be 4 bytes");
        }
        int[] d = new int[8];
        for (int i = 0; i < 4; i++) {
            d[2 * i] = (v[i] >> 4) & 0x0F;
            d[2 * i + 1] = v[i] & 0x0F;
        }
        for (int x : d) {
            if (x > 9) {
                throw new IllegalArgumentException("BCD date has a non-decimal nibble");
            }
        }
        try {
            return LocalDate.of(d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3], d[4] * 10 + d[5], d[6] * 10 + d[7]);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("BCD date is not a calendar date");
        }
    }
}
