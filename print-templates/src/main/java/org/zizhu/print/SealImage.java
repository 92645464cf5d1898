package org.zizhu.print;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The image of an issuer's electronic seal on a printed e-license or certificate copy, drawn
 * from the issuer's name so no image file is needed. It is only the visible mark: what proves a
 * document is the issuer's SM2 signature, verified before anything is printed.
 */
public final class SealImage {
    private SealImage() {
    }

    /** Draws the seal: a red ring, a star and the issuer's name along the ring, on a transparent background. */
    public static byte[] draw(String issuer) {
        int s = 300;
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(210, 20, 20));
        g.setStroke(new BasicStroke(10));
        g.drawOval(8, 8, s - 16, s - 16);
        int[] xs = new int[10];
        int[] ys = new int[10];
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? 40 : 16;
            double a = Math.PI / 2 + i * Math.PI / 5;
            xs[i] = (int) (s / 2 + r * Math.cos(a));
            ys[i] = (int) (s / 2 - r * Math.sin(a));
        }
        g.fillPolygon(xs, ys, 10);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
        String text = issuer;
        double step = Math.PI * 1.2 / Math.max(1, text.length() - 1);
        for (int i = 0; i < text.length(); i++) {
            double a = Math.PI * 1.1 - i * step;
            AffineTransform at = g.getTransform();
            g.translate(s / 2 + 105 * Math.cos(a), s / 2 - 105 * Math.sin(a));
            g.rotate(Math.PI / 2 - a);
            g.drawString(text.substring(i, i + 1), -13, 10);
            g.setTransform(at);
        }
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
