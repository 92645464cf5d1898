package org.zizhu.device.camera.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * JPEG encoding of personal pictures in memory only: ImageIO's default stream cache would use a
 * temp file, and the encoder's growing buffers are zeroed once the result has been copied out.
 */
public final class InMemoryJpeg {
    private InMemoryJpeg() {
    }

    public static byte[] encode(BufferedImage img, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        WipeableBytes bytes = new WipeableBytes();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), p);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
            bytes.wipe();
        }
    }

    /** A bilinear copy scaled by {@code factor}. */
    public static BufferedImage scaled(BufferedImage src, double factor) {
        int w = Math.max(16, (int) Math.round(src.getWidth() * factor));
        int h = Math.max(16, (int) Math.round(src.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Paints the picture over (its pixels are a resident's personal data). */
    public static void blank(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
    }

    private static final class WipeableBytes extends ByteArrayOutputStream {
        WipeableBytes() {
            super(64 * 1024);
        }

        void wipe() {
            Arrays.fill(buf, (byte) 0);
            count = 0;
        }
    }
}
