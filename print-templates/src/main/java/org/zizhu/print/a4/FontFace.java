package org.zizhu.print.a4;

import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TrueTypeFont;

/** One parsed TrueType face, shared by every document; glyph lookups and widths cached. Not thread-safe. */
final class FontFace {
    final TrueTypeFont ttf;
    final String label;
    private final CmapLookup cmap;
    private final float scale;
    private final Map<Integer, Float> widths = new HashMap<>();
    private final Map<Integer, GeneralPath> outlines = new HashMap<>();

    FontFace(TrueTypeFont ttf, String label) {
        this.ttf = ttf;
        this.label = label;
        try {
            this.cmap = ttf.getUnicodeCmapLookup(false);
            this.scale = 1000f / ttf.getUnitsPerEm();
        } catch (IOException e) {
            throw new UncheckedIOException("font " + label + " has no usable Unicode cmap", e);
        }
        if (cmap == null) {
            throw new IllegalStateException("font " + label + " has no Unicode cmap");
        }
    }

    boolean has(int codePoint) {
        return cmap.getGlyphId(codePoint) > 0;
    }

    /** The glyph outline in 1/1000 em (y up), for text that must not be extractable as text. */
    java.awt.geom.GeneralPath outline(int codePoint) {
        GeneralPath p = outlines.get(codePoint);
        if (p == null) {
            try {
                GlyphData g = ttf.getGlyph().getGlyph(cmap.getGlyphId(codePoint));
                p = g == null ? new GeneralPath() : new GeneralPath(g.getPath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            p.transform(AffineTransform.getScaleInstance(scale, scale));
            outlines.put(codePoint, p);
        }
        return p;
    }

    /** Advance width in 1/1000 em. */
    float width(int codePoint) {
        Float w = widths.get(codePoint);
        if (w == null) {
            try {
                w = ttf.getAdvanceWidth(cmap.getGlyphId(codePoint)) * scale;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            widths.put(codePoint, w);
        }
        return w;
    }

}
