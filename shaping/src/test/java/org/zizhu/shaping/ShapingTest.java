package org.zizhu.shaping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HarfBuzz through JNA against the real Noto Sans Mongolian, checked against hb-shape itself. */
class ShapingTest {

    private static ShapingFont font;

    @BeforeAll
    static void open() {
        font = Fixtures.openMongolianFont();
    }

    @AfterAll
    static void close() {
        if (font != null) font.close();
    }

    @Test
    void mongolIsShapedAsOneJoinedWord() throws Exception {
        ShapedRun word = font.shape(Fixtures.MONGOL);
        assertEquals(0, word.missingGlyphs(), Arrays.toString(word.glyphIds()));
        assertEquals(6, word.length());
        assertEquals(font.unitsPerEm(), word.unitsPerEm());

        int[] isolated = Fixtures.MONGOL.codePoints().map(cp -> {
            ShapedRun alone = font.shape(Character.toString(cp));
            assertEquals(1, alone.length());
            return alone.glyphIds()[0];
        }).toArray();
        // Initial, medial and final forms are other glyphs than the isolated letters.
        assertNotEquals(isolated[0], word.glyphIds()[0], "initial m");
        assertNotEquals(isolated[5], word.glyphIds()[5], "final l");
        int medialsChanged = 0;
        for (int i = 1; i < 5; i++) if (isolated[i] != word.glyphIds()[i]) medialsChanged++;
        assertTrue(medialsChanged >= 3, "medial forms: word " + Arrays.toString(word.glyphIds())
                + ", isolated " + Arrays.toString(isolated));

        assertArrayEquals(Fixtures.hbShape(Fixtures.MONGOL, true)[0], word.glyphIds());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\u182E\u1823\u1829\u182D\u1823\u182F",                               // ᠮᠣᠩᠭᠣᠯ
        "\u1830\u1820\u1822\u1828 \u182A\u1820\u1836\u1822\u1828\u180E\u1820 \u1824\u1824", // ᠰᠠᠢᠨ ᠪᠠᠶᠢᠨ᠎ᠠ ᠤᠤ (MVS)
        "\u182D\u180B\u1820",                                                 // ga with FVS1
        "\u1833\u180B\u1820",                                                 // da with FVS1
        "\u1820\u180B",                                                       // isolated a, FVS1
        "\u1828\u1820\u180C\u1828",                                           // FVS2 in a word
        "\u182E\u1823\u1829\u182D\u1823\u182F\u202F\u1824\u1828",             // NNBSP suffix: ᠮᠣᠩᠭᠣᠯ ᠤᠨ
        "\u1811\u1812 \u1802 \u1803",                                         // digits and punctuation
        "\u182A\u1822\u1834\u1822\u182D",                                     // ᠪᠢᠴᠢᠭ
        "\u182E\u200D",                                                       // ZWJ forces the initial form
    })
    void glyphsAndPositionsEqualHbShape(String text) throws Exception {
        ShapedRun run = font.shape(text);
        int[][] expected = Fixtures.hbShape(text, true);
        assertArrayEquals(expected[0], run.glyphIds(), "glyph ids");
        assertArrayEquals(expected[1], run.xAdvances(), "x advances");
        assertArrayEquals(expected[2], run.xOffsets(), "x offsets");
        assertArrayEquals(expected[3], run.yOffsets(), "y offsets");
        assertEquals(0, run.missingGlyphs());
    }

    @Test
    void variationSelectorsAndVowelSeparatorChangeTheGlyphs() {
        assertFalse(Arrays.equals(font.shape("\u182D\u1820").glyphIds(), font.shape("\u182D\u180B\u1820").glyphIds()),
                "FVS1 selects another ga");
        int[] withMvs = font.shape("\u1828\u1820\u180E\u1820").glyphIds();
        int[] withoutMvs = font.shape("\u1828\u1820\u1820").glyphIds();
        assertNotEquals(withoutMvs[withoutMvs.length - 1], withMvs[withMvs.length - 1], "MVS: the separated final a");
    }

    @Test
    void clustersAreUtf16Indices() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, font.shape(Fixtures.MONGOL).clusters());
        // U+11660 (Mongolian Supplement) takes two chars: the next cluster starts at index 3.
        ShapedRun run = font.shape("\u182E\uD805\uDE60\u1823");
        assertEquals(3, run.length());
        assertArrayEquals(new int[] {0, 1, 3}, run.clusters());
    }

    @Test
    void nonMongolianTextIsShapedWithGuessedProperties() {
        ShapedRun run = font.shape("Zizhu 2026");
        assertEquals(10, run.length());
        assertEquals(0, font.shape("").length());
    }

    @Test
    void concurrentShapingGivesTheSameGlyphs() throws Exception {
        String text = "\u1830\u1820\u1822\u1828 \u182A\u1820\u1836\u1822\u1828\u180E\u1820 " + Fixtures.MONGOL;
        int[] expected = font.shape(text).glyphIds();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < 300; i++) {
                        if (!Arrays.equals(expected, font.shape(text).glyphIds())) return false;
                    }
                    return true;
                });
            }
            for (Future<Boolean> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) assertTrue(f.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tooLongTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> font.shape("\u1820".repeat(ShapingFont.MAX_CHARS + 1)));
        assertEquals(ShapingFont.MAX_CHARS, font.shape("\u1820".repeat(ShapingFont.MAX_CHARS)).clusters().length);
    }

    @Test
    void aClosedFontRefusesToShape() {
        ShapingFont other = Fixtures.openMongolianFont();
        other.close();
        other.close();
        assertThrows(IllegalStateException.class, () -> other.shape(Fixtures.MONGOL));
    }
}
