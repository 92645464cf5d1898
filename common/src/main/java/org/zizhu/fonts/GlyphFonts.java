package org.zizhu.fonts;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured CJK fonts ({@link FontConfig#defaults()}) as java.awt fonts, in order, for
 * drawing text dot by dot: the receipt rasteriser (lines the printer's GBK font cannot print)
 * and the receipt printer simulator (its PNGs) must draw with the same faces as the A4 output,
 * so they share this one lookup. Fonts load on first use.
 */
public final class GlyphFonts {
    private static final Logger log = LoggerFactory.getLogger(GlyphFonts.class);
    private static volatile List<Font> fonts;

    private GlyphFonts() {
    }

    /** The primary font, then the fallbacks, then the JDK's sans serif as a last resort. */
    public static List<Font> fonts() {
        List<Font> f = fonts;
        if (f == null) {
            synchronized (GlyphFonts.class) {
                if (fonts == null) {
                    fonts = load(FontConfig.defaults());
                }
                f = fonts;
            }
        }
        return f;
    }

    private static List<Font> load(FontConfig cfg) {
        List<Font> out = new ArrayList<>();
        List<File> files = new ArrayList<>();
        files.add(cfg.primary().toFile());
        cfg.fallbacks().forEach(p -> files.add(p.toFile()));
        for (File file : files) {
            try {
                Font[] faces = Font.createFonts(file);
                out.add(faces[0]);
            } catch (IOException | FontFormatException | RuntimeException e) {
                log.warn("raster font {} unusable", file, e);
            }
        }
        out.add(new Font(Font.SANS_SERIF, Font.PLAIN, 1)); // last resort: whatever the JDK maps
        return List.copyOf(out);
    }

    /** The first font that can draw {@code cp}, or null. */
    public static Font fontFor(int cp) {
        for (Font f : fonts()) {
            if (f.canDisplay(cp)) {
                return f;
            }
        }
        return null;
    }
}
