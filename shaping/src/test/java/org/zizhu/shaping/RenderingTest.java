package org.zizhu.shaping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real HarfBuzz glyphs drawn by Java2D (headless), checked by where the ink lies. */
class RenderingTest {

    private static final int BLACK = 0xFF000000;
    private static final float SIZE = 32f;
    private static final int UNLIMITED = 100_000;

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

    private static RenderedText render(String text, Orientation orientation, int max) {
        return renderer.render(text, SIZE, BLACK, orientation, max);
    }

    @Test
    void twoWordsWrapIntoTwoColumnsTheFirstOnTheLeft() {
        int mongol = render(Fixtures.MONGOL, Orientation.HORIZONTAL, UNLIMITED).width();
        int bichig = render(Fixtures.BICHIG, Orientation.HORIZONTAL, UNLIMITED).width();
        String text = Fixtures.MONGOL + " " + Fixtures.BICHIG;
        RenderedText oneColumn = render(text, Orientation.VERTICAL, UNLIMITED);
        assertEquals(1, oneColumn.lines());
        assertTrue(oneColumn.height() > mongol + bichig, oneColumn.toString());

        int max = Math.max(mongol, bichig) + 2;
        RenderedText two = render(text, Orientation.VERTICAL, max);
        assertEquals(2, two.lines());
        assertEquals(0, two.missingGlyphs());
        assertEquals(2 * oneColumn.width(), two.width(), "two columns as thick as one");
        assertTrue(two.height() <= max, two + " longer than " + max);

        // The left column is the first word drawn alone, pixel for pixel; the right one holds the second.
        RenderedText first = render(Fixtures.MONGOL, Orientation.VERTICAL, max);
        RenderedText second = render(Fixtures.BICHIG, Orientation.VERTICAL, max);
        int column = oneColumn.width();
        assertEquals(column, first.width());
        assertArrayEquals(first.argbPre(), crop(two, 0, 0, column, first.height()));
        assertEquals(0, Fixtures.ink(two, 0, first.height(), column, two.height()), "nothing below the first word");
        assertEquals(Fixtures.ink(second), Fixtures.ink(two, column, 0, 2 * column, two.height()));
        assertTrue(Fixtures.ink(first) > 100, "first word has ink");
    }

    @Test
    void aWordIsTallVerticallyAndWideHorizontally() {
        RenderedText vertical = render(Fixtures.MONGOL, Orientation.VERTICAL, UNLIMITED);
        RenderedText horizontal = render(Fixtures.MONGOL, Orientation.HORIZONTAL, UNLIMITED);
        assertEquals(1, vertical.lines());
        assertTrue(vertical.height() > vertical.width(), vertical.toString());
        assertTrue(horizontal.width() > horizontal.height(), horizontal.toString());
        assertEquals(0, vertical.missingGlyphs());
        assertEquals(0, horizontal.missingGlyphs());

        RenderedText two = render(Fixtures.MONGOL + " " + Fixtures.BICHIG, Orientation.HORIZONTAL,
                Math.max(horizontal.width(), render(Fixtures.BICHIG, Orientation.HORIZONTAL, UNLIMITED).width()) + 2);
        assertEquals(2, two.lines());
        assertEquals(2 * horizontal.height(), two.height());
    }

    @Test
    void theVerticalColumnIsTheLineTurnedClockwise() {
        RenderedText h = render(Fixtures.MONGOL, Orientation.HORIZONTAL, UNLIMITED);
        RenderedText v = render(Fixtures.MONGOL, Orientation.VERTICAL, UNLIMITED);
        assertEquals(h.height(), v.width());
        assertEquals(h.width(), v.height());
        int clockwise = 0, counterClockwise = 0, ink = 0;
        for (int y = 0; y < v.height(); y++) {
            for (int x = 0; x < v.width(); x++) {
                boolean inked = inked(v, x, y);
                if (inked) ink++;
                // Clockwise: the line's start (left) at the top, its top edge on the right.
                if (inked != inked(h, y, h.height() - 1 - x)) clockwise++;
                if (inked != inked(h, h.width() - 1 - y, x)) counterClockwise++;
            }
        }
        assertTrue(ink > 100, "ink " + ink);
        assertTrue(clockwise < ink / 5, "clockwise mismatch " + clockwise + " of " + ink);
        assertTrue(counterClockwise > ink / 2, "counter-clockwise mismatch " + counterClockwise + " of " + ink);
    }

    @Test
    void mixedScriptsUseTheFallbackFont() {
        String mixed = Fixtures.MONGOL + " 2026 \u4E2D\u6587";
        for (Orientation o : Orientation.values()) {
            RenderedText r = render(mixed, o, UNLIMITED);
            assertEquals(0, r.missingGlyphs(), o + " " + r);
            assertEquals(1, r.lines());
            int mongolianOnly = Fixtures.ink(render(Fixtures.MONGOL, o, UNLIMITED));
            assertTrue(Fixtures.ink(r) > mongolianOnly + 100, "digits and Chinese drawn too");
        }
        // A private-use character has a glyph in neither font and is counted.
        assertEquals(1, render(Fixtures.MONGOL + " \uE000", Orientation.VERTICAL, UNLIMITED).missingGlyphs());
    }

    @Test
    void anExplicitNewlineStartsAColumn() {
        RenderedText r = render(Fixtures.MONGOL + "\n" + Fixtures.BICHIG, Orientation.VERTICAL, UNLIMITED);
        assertEquals(2, r.lines());
        assertEquals(2, render(Fixtures.MONGOL + "\r\n" + Fixtures.BICHIG, Orientation.VERTICAL, UNLIMITED).lines());
        assertEquals(2, render(Fixtures.MONGOL + "\n", Orientation.VERTICAL, UNLIMITED).lines());
    }

    @Test
    void aWordLongerThanTheColumnBreaksBetweenClusters() {
        String longWord = Fixtures.MONGOL.repeat(4);
        int full = render(longWord, Orientation.HORIZONTAL, UNLIMITED).width();
        RenderedText r = render(longWord, Orientation.VERTICAL, full / 3);
        assertTrue(r.lines() >= 3, r.toString());
        assertTrue(r.height() <= full / 3, r.toString());
    }

    @Test
    void theColourIsPremultiplied() {
        RenderedText r = renderer.render(Fixtures.MONGOL, SIZE, 0xFFFF0000, Orientation.VERTICAL, UNLIMITED);
        boolean opaqueRed = Arrays.stream(r.argbPre()).anyMatch(p -> p == 0xFFFF0000);
        assertTrue(opaqueRed, "fully covered pixels are opaque red");
        for (int p : r.argbPre()) {
            int a = p >>> 24, red = (p >> 16) & 0xFF;
            assertTrue(red <= a && (p & 0xFFFF) == 0, Integer.toHexString(p));
        }
    }

    @Test
    void theEmptyTextIsOneTransparentPixel() {
        RenderedText r = render("", Orientation.VERTICAL, UNLIMITED);
        assertEquals(1, r.width());
        assertEquals(1, r.height());
        assertEquals(0, r.lines());
        assertEquals(0, r.argbPre()[0]);
    }

    @Test
    void boundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> renderer.render("a", 3.9f, BLACK, Orientation.VERTICAL, 100));
        assertThrows(IllegalArgumentException.class, () -> renderer.render("a", 400.5f, BLACK, Orientation.VERTICAL, 1000));
        assertThrows(IllegalArgumentException.class, () -> renderer.render("a", Float.NaN, BLACK, Orientation.VERTICAL, 100));
        assertThrows(IllegalArgumentException.class, () -> renderer.render("a", 32f, BLACK, Orientation.VERTICAL, 31));
        assertThrows(IllegalArgumentException.class,
                () -> renderer.render("a".repeat(ScriptRenderer.MAX_CHARS + 1), 32f, BLACK, Orientation.VERTICAL, 100));
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class, () -> renderer.render(
                Fixtures.MONGOL.repeat(600), 400f, BLACK, Orientation.HORIZONTAL, Integer.MAX_VALUE));
        assertTrue(tooBig.getMessage().contains("pixels"), tooBig.getMessage());
    }

    @Test
    void textOfTheRendererWithTheLogicalFallbackFont() {
        ScriptRenderer logical = new ScriptRenderer(font, new Font(Font.SANS_SERIF, Font.PLAIN, 1));
        RenderedText r = logical.render(Fixtures.MONGOL + " Zizhu", SIZE, BLACK, Orientation.VERTICAL, UNLIMITED);
        assertEquals(0, r.missingGlyphs());
        assertEquals(1, r.lines());
    }

    private static boolean inked(RenderedText r, int x, int y) {
        return (r.pixel(x, y) >>> 24) > 64;
    }

    private static int[] crop(RenderedText r, int x0, int y0, int w, int h) {
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) System.arraycopy(r.argbPre(), (y0 + y) * r.width() + x0, out, y * w, w);
        return out;
    }
}
