package org.zizhu.ofd.issue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.imageio.ImageIO;

/**
 * The picture inside a seal (SES_ESPictrueInfo): a red round official seal, 40 mm across, the
 * body's name along the upper rim and a five-pointed star in the middle, as Chinese official
 * seals are drawn. Java2D only; the PNG is drawn at 300 dpi so it prints sharp at 40 mm.
 */
final class SealPicture {
    static final int MILLIMETRES = 40;
    private static final int PX = 472; // 40 mm at 300 dpi
    private static final Color SEAL_RED = new Color(0xE0, 0x10, 0x10);
    /** Loading a 17 MB CJK font costs a few hundred ms; one per font file for the process. */
    private static final ConcurrentMap<Path, Font> FONTS = new ConcurrentHashMap<>();

    private SealPicture() {
    }

    static byte[] png(String name, Path cjkFont) {
        Font base = FONTS.computeIfAbsent(cjkFont, SealPicture::load);
        BufferedImage img = new BufferedImage(PX, PX, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(SEAL_RED);
            double c = PX / 2.0;
            float rim = PX * 0.035f;
            g.setStroke(new BasicStroke(rim));
            g.drawOval(Math.round(rim), Math.round(rim), Math.round(PX - 2 * rim), Math.round(PX - 2 * rim));
            g.fillPolygon(star(c, c, PX * 0.17, PX * 0.068));
            drawRimText(g, name, base, c);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Characters upright along the rim, spread over up to 240° centred at the top. */
    private static void drawRimText(Graphics2D g, String name, Font base, double c) {
        int[] cps = name.codePoints().toArray();
        if (cps.length == 0) {
            return;
        }
        float size = (float) (PX * (cps.length > 14 ? 0.075 : 0.095));
        Font f = base.deriveFont(Font.PLAIN, size);
        g.setFont(f);
        double radius = PX / 2.0 - PX * 0.07 - size * 0.85;
        double span = Math.toRadians(Math.min(240, 20 * (cps.length - 1) + 1));
        double step = cps.length == 1 ? 0 : span / (cps.length - 1);
        double start = -Math.PI / 2 - span / 2; // angle measured from +x, clockwise in screen space
        for (int i = 0; i < cps.length; i++) {
            String ch = new String(Character.toChars(cps[i]));
            double a = start + i * step;
            AffineTransform saved = g.getTransform();
            g.translate(c + radius * Math.cos(a), c + radius * Math.sin(a));
            g.rotate(a + Math.PI / 2);
            int w = g.getFontMetrics().stringWidth(ch);
            g.drawString(ch, -w / 2f, size * 0.4f);
            g.setTransform(saved);
        }
    }

    private static Polygon star(double cx, double cy, double outer, double inner) {
        Polygon p = new Polygon();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            p.addPoint((int) Math.round(cx + r * Math.cos(a)), (int) Math.round(cy + r * Math.sin(a)));
        }
        return p;
    }

    private static Font load(Path file) {
        try {
            // A .ttc: createFont reads its first face (WenQuanYi Zen Hei in wqy-zenhei.ttc).
            return Font.createFont(Font.TRUETYPE_FONT, file.toFile());
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("cannot load seal font " + file, e);
        }
    }
}
