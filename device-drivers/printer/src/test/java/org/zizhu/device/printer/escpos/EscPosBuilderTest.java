package org.zizhu.device.printer.escpos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Command bytes exactly as devices.md section 2 gives them. */
class EscPosBuilderTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void basicCommands() {
        assertArrayEquals(hex("1B40 1C26 1C2E 1B6101 1B2138 1B4501 1D2111 1D5642 18 1D5600"),
                new EscPosBuilder().init().chineseMode(true).chineseMode(false).align(EscPosBuilder.Alignment.CENTER)
                        .printMode(true, true, true, false).bold(true).size(2, 2).feedAndCut(24).cut().toByteArray());
        assertArrayEquals(hex("100401"), EscPosBuilder.statusRequest(1));
        assertArrayEquals(hex("100404"), EscPosBuilder.statusRequest(4));
    }

    @Test
    void gbkTextAndRefusalOutsideGbk() {
        assertArrayEquals(hex("D6D0CEC4 41 0A"), new EscPosBuilder().line("中文A").toByteArray());
        EscPosBuilder b = new EscPosBuilder();
        assertTrue(!b.canEncode("刘䶮") && !b.canEncode("𠀀"));
        assertThrows(IllegalArgumentException.class, () -> b.text("刘䶮"));
        assertEquals(0, b.size(), "nothing written for a refused line");
    }

    @Test
    void nativeQr() {
        byte[] q = new EscPosBuilder().qr("AB", 6, EscPosBuilder.QrErrorLevel.M).toByteArray();
        assertArrayEquals(hex("1D286B0400314132 00 1D286B03003143 06 1D286B03003145 31 1D286B 0500 315030 4142 1D286B0300315130"), q);
    }

    @Test
    void rasterHeaderAndBands() {
        byte[] bits = new byte[72 * 100];
        Arrays.fill(bits, (byte) 0xFF);
        EscPosJob job = new EscPosBuilder().raster(bits, 72, 100).build();
        byte[] b = job.bytes();
        assertArrayEquals(hex("1D763000 4800 4000"), Arrays.copyOf(b, 8), "first band 72 bytes x 64 rows");
        int second = 8 + 72 * 64;
        assertArrayEquals(hex("1D763000 4800 2400"), Arrays.copyOfRange(b, second, second + 8), "second band 36 rows");
        assertArrayEquals(new int[] {second, b.length}, job.boundaries(), "split points only between bands");
    }
}
