package org.zizhu.print.escpos;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.zizhu.device.printer.escpos.EscPosBuilder;
import org.zizhu.fonts.GlyphFonts;

/**
 * Renders text to a 1-bit image with the CJK font (headless java.awt), for lines the printer's
 * GBK font cannot print (rare characters in names, CJK extensions A/B). Uses the same fonts as
 * the A4 output ({@link GlyphFonts}): the primary CJK font, then fallbacks, per character.
 */
public final class TextRasterizer {
    private TextRasterizer() {
    }

    /**
     * Draws {@code text} into an image {@code width} dots wide and {@code height} dots tall
     * (24 for the normal 12x24 font, 48 for double size), aligned like the text would be.
     * Each character is drawn in a cell of {@code height} (CJK) or {@code height/2} (ASCII)
     * dots, like the printer's own font. A character no font has is drawn as a box with its
     * code point, so it is visibly not lost.
     */
    public static BufferedImage render(String text, int width, int height, EscPosBuilder.Alignment align, boolean bold) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            int total = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                total += cp < 0x80 ? height / 2 : height;
            }
            int x = switch (align) {
                case LEFT -> 0;
                case CENTER -> Math.max(0, (width - total) / 2);
                case RIGHT -> Math.max(0, width - total);
            };
            float size = height * 0.92f;
            int baseline = Math.round(height * 0.86f);
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                int cell = cp < 0x80 ? height / 2 : height;
                Font f = GlyphFonts.fontFor(cp);
                String s = Character.toString(cp);
                if (f != null) {
                    g.setFont(f.deriveFont(bold ? Font.BOLD : Font.PLAIN, size));
                    g.drawString(s, x, baseline);
                } else {
                    g.drawRect(x + 1, 1, cell - 3, height - 3);
                    g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, Math.max(6, height / 4)));
                    g.drawString(Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT), x + 3, height / 2 + 3);
                }
                x += cell;
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Packs an image into raster bytes (MSB leftmost, 1 = black) by luminance threshold. */
    public static byte[] pack(BufferedImage img, int bytesPerRow) {
        int h = img.getHeight();
        byte[] bits = new byte[bytesPerRow * h];
        int w = Math.min(img.getWidth(), bytesPerRow * 8);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = img.getRGB(x, y);
                int a = argb >>> 24;
                int lum = ((argb >> 16 & 0xff) * 299 + (argb >> 8 & 0xff) * 587 + (argb & 0xff) * 114) / 1000;
                if (a > 127 && lum < 160) {
                    bits[y * bytesPerRow + x / 8] |= (byte) (0x80 >> (x % 8));
                }
            }
        }
        return bits;
    }
}
