package org.zizhu.device.smartcard.internal;

import java.util.HexFormat;

/** Upper-case hex for ATRs, status words and APDU headers in logs and JSON. */
public final class Hex {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Hex() {
    }

    public static String of(byte[] bytes) {
        return bytes == null ? "" : HEX.formatHex(bytes);
    }

    public static byte[] parse(String hex) {
        return HEX.parseHex(hex.replace(" ", ""));
    }
}
