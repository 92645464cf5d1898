package org.zizhu.shaping;

import java.util.Objects;

/**
 * One run as HarfBuzz shaped it, in visual (left-to-right) order, all metrics in font units (the
 * HarfBuzz font scale is the font's units per em; multiply by {@code sizePx / unitsPerEm} for
 * pixels). {@code clusters[i]} is the UTF-16 index (a Java {@code String} index) of the first char
 * of the text the glyph belongs to. Y offsets point up, as in the font. The arrays are not copied:
 * do not modify them.
 */
public record ShapedRun(int[] glyphIds, int[] clusters, int[] xAdvances, int[] xOffsets, int[] yOffsets,
                        int unitsPerEm) {

    public ShapedRun {
        Objects.requireNonNull(glyphIds, "glyphIds");
        int n = glyphIds.length;
        if (clusters.length != n || xAdvances.length != n || xOffsets.length != n || yOffsets.length != n) {
            throw new IllegalArgumentException("glyph arrays differ in length");
        }
        if (unitsPerEm <= 0) throw new IllegalArgumentException("unitsPerEm " + unitsPerEm);
    }

    /** Number of glyphs. */
    public int length() {
        return glyphIds.length;
    }

    /** How many glyphs are glyph 0 (.notdef): characters the font has no glyph for. */
    public int missingGlyphs() {
        int missing = 0;
        for (int gid : glyphIds) if (gid == 0) missing++;
        return missing;
    }

    /** Sum of the advances, in font units. */
    public long totalAdvance() {
        long sum = 0;
        for (int a : xAdvances) sum += a;
        return sum;
    }

    @Override
    public String toString() {
        return "ShapedRun[" + glyphIds.length + " glyphs, unitsPerEm=" + unitsPerEm + "]";
    }
}
