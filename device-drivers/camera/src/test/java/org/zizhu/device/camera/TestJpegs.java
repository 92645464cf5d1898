package org.zizhu.device.camera;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Small real JPEGs and broken variants of them for splitter and decoder tests. */
public final class TestJpegs {
    private TestJpegs() {
    }

    public static byte[] jpeg(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.drawLine(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The first {@code keep} bytes: a frame cut off mid-way, as when a USB camera hiccups. */
    public static byte[] truncated(byte[] jpeg, int keep) {
        return Arrays.copyOf(jpeg, keep);
    }

    /** Same structure, entropy data overwritten: splits fine, decodes with errors. */
    public static byte[] scrambledScan(byte[] jpeg) {
        byte[] b = jpeg.clone();
        int sos = -1;
        for (int i = 0; i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xDA) {
                sos = i;
                break;
            }
        }
        int start = sos + 2 + (((b[sos + 2] & 0xFF) << 8) | (b[sos + 3] & 0xFF));
        // Restart-marker-free junk that keeps FF out of the data so the frame still ends at EOI.
        for (int i = start; i < b.length - 2; i++) {
            b[i] = (byte) (0xD0 ^ (i * 7));
            if ((b[i] & 0xFF) == 0xFF) {
                b[i] = 0x3C;
            }
        }
        return b;
    }

    /** Same JPEG with the frame header claiming 60000x60000 pixels (a decompression bomb). */
    public static byte[] hugeDimensions(byte[] jpeg) {
        byte[] b = jpeg.clone();
        for (int i = 0; i + 8 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xC0) {
                b[i + 5] = (byte) 0xEA; // height 0xEA60 = 60000
                b[i + 6] = (byte) 0x60;
                b[i + 7] = (byte) 0xEA; // width
                b[i + 8] = (byte) 0x60;
                return b;
            }
        }
        throw new IllegalArgumentException("no SOF0");
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
