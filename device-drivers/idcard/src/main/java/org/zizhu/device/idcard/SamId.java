package org.zizhu.device.idcard;

import java.util.HexFormat;

/**
 * The SAM module's 16-byte id. The usual printed form {@code 05.01-20101010-0012345678-1234567890}
 * is two little-endian 16-bit values and three little-endian 32-bit values; that layout is
 * taken from public vendor SDK samples and is unconfirmed, so the raw bytes are kept too.
 * Not personal data.
 */
public record SamId(String hex, String formatted) {
    public static SamId of(byte[] data) throws MalformedCardDataException {
        if (data.length != 16) {
            throw new MalformedCardDataException("SAM id is not 16 bytes");
        }
        int a = le16(data, 0);
        int b = le16(data, 2);
        long c = le32(data, 4);
        long d = le32(data, 8);
        long e = le32(data, 12);
        String f = String.format("%02d.%02d-%08d-%010d-%010d", a, b, c, d, e);
        return new SamId(HexFormat.of().withUpperCase().formatHex(data), f);
    }

    private static int le16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static long le32(byte[] b, int i) {
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24;
    }

    @Override
    public String toString() {
        return formatted;
    }
}
