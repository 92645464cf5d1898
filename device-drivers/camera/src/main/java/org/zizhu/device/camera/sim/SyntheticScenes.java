package org.zizhu.device.camera.sim;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * Pictures the camera simulator shows: a phone screen with a QR code, and a drawn "resident"
 * (a skin-coloured face with eyes, brows and mouth in front of a textured wall) for exercising
 * face capture without anyone's real face. Deterministic (fixed random seed).
 */
public final class SyntheticScenes {
    /** Skin tone used for the drawn face; inside the detector's YCbCr box. */
    public static final Color SKIN = new Color(224, 172, 140);

    private SyntheticScenes() {
    }

    /** A QR code of {@code text} centred on a light background, side about 60% of the height. */
    public static BufferedImage qrCode(String text, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(235, 235, 230));
            g.fillRect(0, 0, width, height);
            Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
            hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
            hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
            hints.put(EncodeHintType.MARGIN, 4);
            int side = Math.min(width, height) * 6 / 10;
            BitMatrix m = new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, side, side, hints);
            int x0 = (width - m.getWidth()) / 2;
            int y0 = (height - m.getHeight()) / 2;
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    img.setRGB(x0 + x, y0 + y, m.get(x, y) ? 0x101010 : 0xFAFAFA);
                }
            }
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode QR code (too long?): " + e.getMessage(), e);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * A drawn face in front of a textured wall.
     *
     * @param faceWidthFraction face width as a fraction of the picture width (0.35 is a resident at arm's length)
     * @param brightness        1.0 normal; 0.2 a dark hall; 2.0 back-lit glare
     */
    public static BufferedImage face(int width, int height, double faceWidthFraction, double brightness) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            wall(g, width, height);
            int fw = (int) (width * faceWidthFraction);
            int fh = (int) (fw * 1.3);
            int cx = width / 2;
            int cy = height / 2;
            g.setColor(new Color(40, 30, 25)); // hair
            g.fillOval(cx - fw / 2 - fw / 20, cy - fh / 2 - fh / 12, fw + fw / 10, fh / 2);
            g.setColor(SKIN);
            g.fillOval(cx - fw / 2, cy - fh / 2, fw, fh);
            g.setColor(new Color(60, 40, 30)); // brows
            g.setStroke(new BasicStroke(Math.max(2, fw / 30f)));
            g.drawLine(cx - fw / 3, cy - fh / 6, cx - fw / 8, cy - fh / 5);
            g.drawLine(cx + fw / 8, cy - fh / 5, cx + fw / 3, cy - fh / 6);
            g.setColor(Color.WHITE); // eyes
            g.fillOval(cx - fw / 3, cy - fh / 9, fw / 5, fh / 12);
            g.fillOval(cx + fw / 8, cy - fh / 9, fw / 5, fh / 12);
            g.setColor(new Color(30, 20, 15));
            g.fillOval(cx - fw / 4, cy - fh / 10, fw / 12, fh / 16);
            g.fillOval(cx + fw / 5, cy - fh / 10, fw / 12, fh / 16);
            g.setColor(new Color(190, 130, 105)); // nose shadow
            g.drawLine(cx, cy - fh / 20, cx - fw / 20, cy + fh / 10);
            g.setColor(new Color(150, 60, 60)); // mouth
            g.fillOval(cx - fw / 6, cy + fh / 5, fw / 3, fh / 14);
        } finally {
            g.dispose();
        }
        grain(img, 6, 7);
        if (brightness != 1.0) {
            scaleBrightness(img, brightness);
        }
        return img;
    }

    /** The wall alone: texture but no face. */
    public static BufferedImage emptyRoom(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            wall(g, width, height);
        } finally {
            g.dispose();
        }
        grain(img, 6, 11);
        return img;
    }

    /** A box blur of the given radius, as a moving resident or a smeared lens would give. */
    public static BufferedImage blurred(BufferedImage src, int radius) {
        int w = src.getWidth();
        int h = src.getHeight();
        int[] in = src.getRGB(0, 0, w, h, null, 0, w);
        int[] tmp = new int[w * h];
        int[] out = new int[w * h];
        boxPass(in, tmp, w, h, radius, true);
        boxPass(tmp, out, w, h, radius, false);
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        dst.setRGB(0, 0, w, h, out, 0, w);
        return dst;
    }

    private static void boxPass(int[] in, int[] out, int w, int h, int r, boolean horizontal) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rs = 0, gs = 0, bs = 0, n = 0;
                for (int d = -r; d <= r; d++) {
                    int xx = horizontal ? x + d : x;
                    int yy = horizontal ? y : y + d;
                    if (xx < 0 || yy < 0 || xx >= w || yy >= h) {
                        continue;
                    }
                    int p = in[yy * w + xx];
                    rs += (p >> 16) & 0xFF;
                    gs += (p >> 8) & 0xFF;
                    bs += p & 0xFF;
                    n++;
                }
                out[y * w + x] = ((rs / n) << 16) | ((gs / n) << 8) | (bs / n);
            }
        }
    }

    private static void wall(Graphics2D g, int width, int height) {
        g.setColor(new Color(110, 125, 140));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(80, 92, 105));
        int step = Math.max(8, width / 16);
        for (int x = 0; x < width; x += step) {
            g.drawLine(x, 0, x, height);
        }
        for (int y = 0; y < height; y += step) {
            g.drawLine(0, y, width, y);
        }
    }

    private static void grain(BufferedImage img, int amplitude, long seed) {
        Random rnd = new Random(seed);
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            int d = rnd.nextInt(2 * amplitude + 1) - amplitude;
            int p = px[i];
            px[i] = (clamp(((p >> 16) & 0xFF) + d) << 16) | (clamp(((p >> 8) & 0xFF) + d) << 8) | clamp((p & 0xFF) + d);
        }
        img.setRGB(0, 0, w, h, px, 0, w);
    }

    private static void scaleBrightness(BufferedImage img, double k) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            px[i] = (clamp((int) (((p >> 16) & 0xFF) * k)) << 16) | (clamp((int) (((p >> 8) & 0xFF) * k)) << 8)
                    | clamp((int) ((p & 0xFF) * k));
        }
        img.setRGB(0, 0, w, h, px, 0, w);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }
}
