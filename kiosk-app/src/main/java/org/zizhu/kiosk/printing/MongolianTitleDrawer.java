package org.zizhu.kiosk.printing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.print.PrintTemplates;
import org.zizhu.shaping.Orientation;
import org.zizhu.shaping.RenderedText;
import org.zizhu.shaping.ScriptRenderer;
import org.zizhu.shaping.ShapingFont;

/**
 * Draws a print-out title's traditional Mongolian for bilingual print-outs
 * (ui.bilingualMongolian): shaped by HarfBuzz, as one horizontal line (how Mongolian stands
 * above Chinese in horizontal layouts), black on white, at a resolution that stays sharp at the
 * title's 9 mm on a 203 dpi receipt and in a PDF. White, not transparent: the receipt printer's
 * raster turns pixels to dots by brightness, and a transparent pixel must not become a dot.
 */
public final class MongolianTitleDrawer implements PrintTemplates.MongolianTitles {
    /** Glyph size in pixels: about 9 mm of line at 300 dpi. */
    static final float SIZE_PX = 72f;

    private final ScriptRenderer renderer;

    private MongolianTitleDrawer(ScriptRenderer renderer) {
        this.renderer = renderer;
    }

    /** The drawer, or empty (logged) when the font or HarfBuzz cannot be opened: titles then print in Chinese only. */
    public static Optional<MongolianTitleDrawer> open(Path font) {
        try {
            ShapingFont f = ShapingFont.open(font);
            return Optional.of(new MongolianTitleDrawer(new ScriptRenderer(f, new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 24))));
        } catch (RuntimeException | LinkageError e) {
            EventLog.event(EventId.MONGOLIAN_SCRIPT, Outcome.FAILURE, "where", "print", "error", e.getClass().getSimpleName());
            LoggerFactory.getLogger(MongolianTitleDrawer.class).warn("print-out titles stay Chinese only: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public BufferedImage draw(String mongolian) {
        RenderedText r = renderer.render(mongolian, SIZE_PX, 0xFF000000, Orientation.HORIZONTAL, 4000);
        BufferedImage text = new BufferedImage(r.width(), r.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        text.setRGB(0, 0, r.width(), r.height(), r.argbPre(), 0, r.width());
        BufferedImage out = new BufferedImage(r.width(), r.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, r.width(), r.height());
            g.drawImage(text, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
