package org.zizhu.shaping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random and hostile text: shaping and rendering either succeed or throw IllegalArgumentException,
 * never anything else. The timeouts only guard against a hang; they are not a speed target.
 */
class MalformedInputTest {

    private static final int[][] POOLS = {
        {0x1800, 0x18AF},     // the Mongolian block, including FVS1-4 and MVS
        {0x180B, 0x180F},     // variation selectors and MVS alone
        {0x1820, 0x1842},     // letters
        {0x200C, 0x200D},     // ZWNJ, ZWJ
        {0x202F, 0x202F},     // NNBSP
        {0x0000, 0x001F},     // C0 controls, \n \r \t among them
        {0x007F, 0x009F},     // DEL, C1 controls
        {0x0020, 0x007E},     // ASCII
        {0xD800, 0xDFFF},     // lone surrogates
        {0x4E00, 0x4E80},     // CJK
        {0x11660, 0x1167F},   // Mongolian Supplement
        {0x1F600, 0x1F64F},   // emoji
        {0xE000, 0xE0FF},     // private use
        {0xFFF0, 0xFFFF},     // specials and non-characters
        {0x0300, 0x036F},     // combining marks
    };

    private static ShapingFont font;
    private static ScriptRenderer renderer;

    @BeforeAll
    static void open() throws Exception {
        font = Fixtures.openMongolianFont();
        renderer = new ScriptRenderer(font, Fixtures.fallbackFont());
    }

    @AfterAll
    static void close() {
        if (font != null) font.close();
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void randomTextNeverThrowsAnythingButIllegalArgument() {
        Random random = new Random(20261202L);
        for (int i = 0; i < 3000; i++) {
            String text = randomText(random, random.nextInt(i % 10 == 0 ? 300 : 40));
            Orientation orientation = random.nextBoolean() ? Orientation.VERTICAL : Orientation.HORIZONTAL;
            float size = 4 + random.nextFloat() * 36;
            int max = (int) Math.ceil(size) + random.nextInt(400);
            try {
                font.shape(text);
                RenderedText r = renderer.render(text, size, random.nextInt(), orientation, max);
                assertEquals((long) r.width() * r.height(), r.argbPre().length);
            } catch (IllegalArgumentException expected) {
                // a bound: allowed
            } catch (Throwable t) {
                fail("input " + escape(text) + " size " + size + " max " + max + " " + orientation + " threw " + t, t);
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void hugeVariationSelectorRunsAndEdgeCases() {
        String[] texts = {
            "",
            "\u1820" + "\u180B".repeat(4000),
            "\u180E".repeat(4096),
            "\u202F".repeat(4096),
            "\u200D".repeat(4096),
            "\n".repeat(4096),
            " ".repeat(4096),
            "\uD800",
            "\uDC00\u1820",
            "\u0000\u0001\u0002",
            "\u1820".repeat(4096),
        };
        for (String text : texts) {
            for (Orientation o : Orientation.values()) {
                try {
                    font.shape(text);
                    RenderedText r = renderer.render(text, 8f, 0xFF000000, o, 8);
                    assertTrue(r.width() > 0 && r.height() > 0);
                } catch (IllegalArgumentException expected) {
                    // the pixel cap, for the long texts
                } catch (Throwable t) {
                    fail("input " + escape(text.length() > 40 ? text.substring(0, 40) + "..." : text) + " " + o + " threw " + t, t);
                }
            }
        }
        RenderedText controls = renderer.render("\u0000\u0001\u0002", 8f, 0xFF000000, Orientation.VERTICAL, 8);
        assertEquals(0, controls.lines(), "control characters alone render as the empty text");
    }

    private static String randomText(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            int[] pool = POOLS[random.nextInt(POOLS.length)];
            int cp = pool[0] + random.nextInt(pool[1] - pool[0] + 1);
            if (cp >= 0xD800 && cp <= 0xDFFF) sb.append((char) cp); else sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.chars().forEach(c -> sb.append(c >= 0x20 && c < 0x7F ? Character.toString(c) : String.format("\\u%04X", c)));
        return sb.append('"').toString();
    }
}
