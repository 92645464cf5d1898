package org.zizhu.device.camera.face;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * A deliberately simple face-region heuristic, documented as such: it marks skin-coloured pixels
 * (the classic YCbCr box Cb 77..127, Cr 133..173, after Chai and Ngan) on an 80-pixel-wide copy
 * of the frame, takes the largest connected blob and accepts it if it is big enough, roughly
 * face-shaped (taller than wide within limits) and solid. It says "something face-like is in
 * front of the camera", which is what a resident-facing hint needs; identity is verified by the
 * centre. It can be fooled by a hand or a beige wall and misses faces under coloured light:
 * replace it through {@link FaceDetector} where a real model is available.
 */
public final class SkinToneFaceDetector implements FaceDetector {
    private static final int WORK_WIDTH = 80;
    private final double minAreaFraction;

    public SkinToneFaceDetector() {
        this(0.01);
    }

    /** {@code minAreaFraction}: smallest blob, as a fraction of the frame, that counts as a face. */
    public SkinToneFaceDetector(double minAreaFraction) {
        this.minAreaFraction = minAreaFraction;
    }

    @Override
    public Optional<FaceRegion> detect(BufferedImage frame) {
        int fw = frame.getWidth();
        int fh = frame.getHeight();
        int f = Math.max(1, fw / WORK_WIDTH);
        int w = fw / f;
        int h = fh / f;
        boolean[] skin = new boolean[w * h];
        int[] row = new int[fw];
        for (int y = 0; y < h; y++) {
            // Sample the centre row of each cell: plenty for a colour mask and 1/f of the work.
            frame.getRGB(0, y * f + f / 2, fw, 1, row, 0, fw);
            for (int x = 0; x < w; x++) {
                int p = row[x * f + f / 2];
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                double luma = 0.299 * r + 0.587 * g + 0.114 * b;
                double cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
                double cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
                skin[y * w + x] = luma > 40 && cb >= 77 && cb <= 127 && cr >= 133 && cr <= 173;
            }
        }
        // Largest 4-connected blob.
        int[] label = new int[w * h];
        int[] queue = new int[w * h];
        int best = -1;
        int bestArea = 0;
        int bx0 = 0, by0 = 0, bx1 = 0, by1 = 0;
        int next = 1;
        for (int start = 0; start < skin.length; start++) {
            if (!skin[start] || label[start] != 0) {
                continue;
            }
            int id = next++;
            int head = 0, tail = 0;
            queue[tail++] = start;
            label[start] = id;
            int x0 = w, y0 = h, x1 = -1, y1 = -1;
            while (head < tail) {
                int i = queue[head++];
                int x = i % w;
                int y = i / w;
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
                if (x > 0 && skin[i - 1] && label[i - 1] == 0) { label[i - 1] = id; queue[tail++] = i - 1; }
                if (x < w - 1 && skin[i + 1] && label[i + 1] == 0) { label[i + 1] = id; queue[tail++] = i + 1; }
                if (y > 0 && skin[i - w] && label[i - w] == 0) { label[i - w] = id; queue[tail++] = i - w; }
                if (y < h - 1 && skin[i + w] && label[i + w] == 0) { label[i + w] = id; queue[tail++] = i + w; }
            }
            if (tail > bestArea) {
                bestArea = tail;
                best = id;
                bx0 = x0; by0 = y0; bx1 = x1; by1 = y1;
            }
        }
        if (best < 0 || bestArea < minAreaFraction * w * h) {
            return Optional.empty();
        }
        int bw = bx1 - bx0 + 1;
        int bh = by1 - by0 + 1;
        double aspect = (double) bh / bw;
        double fill = (double) bestArea / (bw * bh);
        if (aspect < 0.7 || aspect > 2.5 || fill < 0.35) {
            return Optional.empty();
        }
        return Optional.of(new FaceRegion(bx0 * f, by0 * f, Math.min(fw - bx0 * f, bw * f), Math.min(fh - by0 * f, bh * f)));
    }
}
