package org.zizhu.device.camera.face;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * A small grey copy of part of a frame (box-averaged), the working picture for the brightness
 * and sharpness measures: about 100-200 pixels wide is plenty and keeps a check under a
 * millisecond.
 */
final class GreyImage {
    final int width;
    final int height;
    final int[] luma;

    private GreyImage(int width, int height, int[] luma) {
        this.width = width;
        this.height = height;
        this.luma = luma;
    }

    static GreyImage of(BufferedImage img, Rectangle roi, int targetWidth) {
        Rectangle r = roi.intersection(new Rectangle(0, 0, img.getWidth(), img.getHeight()));
        int f = Math.max(1, r.width / targetWidth);
        int w = Math.max(1, r.width / f);
        int h = Math.max(1, r.height / f);
        int[] sum = new int[w * h];
        int[] row = new int[r.width];
        for (int y = 0; y < h * f; y++) {
            img.getRGB(r.x, r.y + y, r.width, 1, row, 0, r.width);
            int base = (y / f) * w;
            for (int x = 0; x < w * f; x++) {
                int p = row[x];
                sum[base + x / f] += (77 * ((p >> 16) & 0xFF) + 150 * ((p >> 8) & 0xFF) + 29 * (p & 0xFF)) >> 8;
            }
        }
        int n = f * f;
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= n;
        }
        return new GreyImage(w, h, sum);
    }

    double mean() {
        long s = 0;
        for (int v : luma) {
            s += v;
        }
        return (double) s / luma.length;
    }

    /** Variance of the 4-neighbour Laplacian: high for sharp edges, low for a blurred picture. */
    double laplacianVariance() {
        if (width < 3 || height < 3) {
            return 0;
        }
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int i = y * width + x;
                int l = 4 * luma[i] - luma[i - 1] - luma[i + 1] - luma[i - width] - luma[i + width];
                sum += l;
                sumSq += (double) l * l;
                n++;
            }
        }
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }
}
