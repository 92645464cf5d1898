package org.zizhu.device.camera.document;

import boofcv.abst.distort.FDistort;
import boofcv.abst.geo.h.HomographyDLT_to_Epipolar;
import boofcv.alg.distort.PixelTransformHomography_F32;
import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.alg.filter.binary.Contour;
import boofcv.alg.filter.binary.GThresholdImageOps;
import boofcv.alg.filter.binary.ThresholdImageOps;
import boofcv.alg.filter.blur.BlurImageOps;
import boofcv.alg.filter.derivative.DerivativeLaplacian;
import boofcv.alg.interpolate.InterpolationType;
import boofcv.alg.misc.ImageStatistics;
import boofcv.alg.shapes.polyline.splitmerge.PolylineSplitMerge;
import boofcv.factory.geo.FactoryMultiView;
import boofcv.struct.ConnectRule;
import boofcv.struct.border.BorderType;
import boofcv.struct.geo.AssociatedPair;
import boofcv.struct.image.GrayF32;
import boofcv.struct.image.GrayU8;
import boofcv.struct.image.Planar;
import georegression.fitting.line.FitLine_F64;
import georegression.geometry.UtilLine2D_F64;
import georegression.metric.Intersection2D_F64;
import georegression.struct.homography.Homography2D_F64;
import georegression.struct.line.LineGeneral2D_F64;
import georegression.struct.line.LinePolar2D_F64;
import georegression.struct.point.Point2D_F64;
import georegression.struct.point.Point2D_I32;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.zizhu.device.camera.internal.InMemoryJpeg;

/**
 * Turns one document-camera frame into an upright page, or says why it cannot. Pure: no camera,
 * no clock, no logging, nothing written anywhere; {@link DocumentCapture} adds the camera loop
 * and the log event.
 *
 * <p>How (BoofCV for the image processing, georegression for the geometry):
 * <ol>
 *   <li>grey copy at most ~800 px wide (block average); mean below {@code minMeanLuma} → {@code TOO_DARK};</li>
 *   <li>Gaussian blur (removes the print), global Otsu threshold: the page is the bright blob on a
 *       darker desk or mat (a white page on a white desk is not found: real document cameras come
 *       with a dark mat for this reason); an opening detaches thin bridges to clutter;</li>
 *   <li>external contours of the blobs, largest first; each is fitted with a polygon
 *       ({@link PolylineSplitMerge}) and kept only if the contour really follows it (a mug rim or a
 *       hand does not); a polygonal blob touching the frame edge is a page cut off; a four-sided
 *       one is the page;</li>
 *   <li>each side is refitted as a least-squares line through the middle of its contour run, and
 *       the corners are the lines' intersections (sub-pixel, and right even for a card's rounded
 *       corners);</li>
 *   <li>the page's true height/width is estimated from the quadrilateral with the pinhole-camera
 *       method of Zhang &amp; He ("Whiteboard scanning and image enhancement", 2007; principal
 *       point at the frame centre, square pixels), falling back to the sides' lengths when the
 *       sides are nearly parallel and the focal length cannot be recovered;</li>
 *   <li>a homography (DLT) maps the upright page onto the quadrilateral and the frame is warped
 *       through it (bilinear), at most {@code maxSide} px on the long side and never larger than
 *       the page appears in the frame (upscaling adds no detail);</li>
 *   <li>sharpness: variance of the Laplacian on a grey ≤ 800 px copy of the corrected page, below
 *       {@code minSharpness} → {@code BLURRED} (a blank sheet is refused the same way: there is
 *       nothing on it to read);</li>
 *   <li>JPEG at quality 0.88, lowered step by step (then the size) until it fits {@code maxJpegBytes}.</li>
 * </ol>
 *
 * <p>Not thread-safe (BoofCV's work images are reused): one per thread.
 */
public final class DocumentCorrector {
    private static final int DETECT_SIDE = 800;

    private final double minMeanLuma;
    private final double minAreaFraction;
    private final double minSharpness;
    private final int maxSide;
    private final int maxJpegBytes;
    private final HomographyDLT_to_Epipolar dlt = FactoryMultiView.homographyDLT(true);

    private DocumentCorrector(Builder b) {
        this.minMeanLuma = b.minMeanLuma;
        this.minAreaFraction = b.minAreaFraction;
        this.minSharpness = b.minSharpness;
        this.maxSide = b.maxSide;
        this.maxJpegBytes = b.maxJpegBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults: luma >= 45, page >= 4 % of the frame, sharpness >= 150, long side <= 2000 px, JPEG <= 1 MB. */
    public static DocumentCorrector withDefaults() {
        return builder().build();
    }

    /** The whole judgement of one frame: quality checks, outline, correction, bounded JPEG. */
    public DocumentCaptureResult correct(BufferedImage frame) {
        Objects.requireNonNull(frame, "frame");
        Detection d = detect(frame);
        if (d.issue != null) {
            return new DocumentCaptureResult.Rejected(d.issue, new DocumentMetrics(d.meanLuma, d.areaFraction, 0, 0));
        }
        double aspect = aspect(d.quad, frame.getWidth(), frame.getHeight());
        Planar<GrayU8> page = rectify(frame, d.quad, aspect);
        try {
            double sharpness = sharpness(page);
            DocumentMetrics m = new DocumentMetrics(d.meanLuma, d.areaFraction, sharpness, aspect);
            if (sharpness < minSharpness) {
                return new DocumentCaptureResult.Rejected(DocumentQualityIssue.BLURRED, m);
            }
            return new DocumentCaptureResult.Accepted(encode(page), d.quad, m);
        } finally {
            for (int b = 0; b < page.getNumBands(); b++) {
                Arrays.fill(page.getBand(b).data, (byte) 0);
            }
        }
    }

    /** The page's outline, if a whole four-sided page lies in the frame (whatever its size or sharpness). */
    public Optional<PageQuad> findPage(BufferedImage frame) {
        Detection d = detect(frame);
        return Optional.ofNullable(d.quad);
    }

    /**
     * The upright page cut out of {@code frame} along {@code quad}, without quality checks. The
     * result holds the resident's page: the caller blanks it when done.
     */
    public BufferedImage rectify(BufferedImage frame, PageQuad quad) {
        Planar<GrayU8> p = rectify(frame, quad, aspect(quad, frame.getWidth(), frame.getHeight()));
        BufferedImage out = toBufferedImage(p);
        for (int b = 0; b < p.getNumBands(); b++) {
            Arrays.fill(p.getBand(b).data, (byte) 0);
        }
        return out;
    }

    // ---- detection ----

    private record Detection(DocumentQualityIssue issue, PageQuad quad, double meanLuma, double areaFraction) {
    }

    private Detection detect(BufferedImage frame) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        int k = Math.max(1, (int) Math.ceil(Math.max(w, h) / (double) DETECT_SIDE));
        GrayU8 grey = grey(frame, k);
        try {
            double mean = ImageStatistics.mean(grey);
            if (mean < minMeanLuma) {
                return new Detection(DocumentQualityIssue.TOO_DARK, null, mean, 0);
            }
            GrayU8 smooth = BlurImageOps.gaussian(grey, null, -1, 3, null);
            int t = (int) GThresholdImageOps.computeOtsu(smooth, 0, 255);
            GrayU8 binary = ThresholdImageOps.threshold(smooth, null, t, false);
            GrayU8 opened = BinaryImageOps.dilate8(BinaryImageOps.erode8(binary, 1, null), 1, null);
            Arrays.fill(smooth.data, (byte) 0);
            List<Contour> contours = BinaryImageOps.contourExternal(opened, ConnectRule.EIGHT);
            double frameArea = (double) grey.width * grey.height;
            List<Candidate> candidates = new ArrayList<>();
            for (Contour c : contours) {
                if (c.external.size() >= 40) {
                    candidates.add(new Candidate(c.external, Math.abs(signedArea(c.external))));
                }
            }
            candidates.sort(Comparator.comparingDouble(Candidate::area).reversed());
            DocumentQualityIssue issue = DocumentQualityIssue.NO_PAGE;
            double issueArea = 0;
            for (Candidate c : candidates.subList(0, Math.min(4, candidates.size()))) {
                double fraction = c.area / frameArea;
                if (fraction < 0.005) {
                    break;
                }
                Optional<List<Point2D_F64>> corners = polygon(c.points, grey.width, grey.height);
                if (corners.isEmpty()) {
                    continue; // not polygonal: a mug, a hand, a cable
                }
                if (touchesBorder(c.points, grey.width, grey.height)) {
                    if (fraction >= minAreaFraction && issue == DocumentQualityIssue.NO_PAGE) {
                        issue = DocumentQualityIssue.PAGE_CUT_OFF;
                        issueArea = fraction;
                    }
                    continue;
                }
                if (corners.get().size() != 4) {
                    continue;
                }
                PageQuad quad = orient(corners.get(), k);
                if (fraction < minAreaFraction) {
                    if (issue == DocumentQualityIssue.NO_PAGE) {
                        issue = DocumentQualityIssue.PAGE_TOO_SMALL;
                        issueArea = fraction;
                    }
                    continue;
                }
                if (issue == DocumentQualityIssue.PAGE_CUT_OFF && issueArea > fraction) {
                    // A bigger sheet runs out of the view: that is the material the resident placed.
                    return new Detection(issue, null, mean, issueArea);
                }
                return new Detection(null, quad, mean, quad.area() / ((double) w * h));
            }
            return new Detection(issue, null, mean, issueArea);
        } finally {
            Arrays.fill(grey.data, (byte) 0);
        }
    }

    private record Candidate(List<Point2D_I32> points, double area) {
    }

    /**
     * Fits a convex polygon of 3..8 sides to the contour and refines its corners as intersections
     * of least-squares side lines; empty when the contour does not follow straight sides.
     */
    private static Optional<List<Point2D_F64>> polygon(List<Point2D_I32> contour, int w, int h) {
        // A four-sided fit first (a page, or a card whose rounded corners would otherwise become
        // short extra sides), then 3..8 sides for a page cut by the frame edge.
        Optional<List<Point2D_F64>> quad = polygon(contour, w, h, 4, 4);
        return quad.isPresent() ? quad : polygon(contour, w, h, 3, 8);
    }

    private static Optional<List<Point2D_F64>> polygon(List<Point2D_I32> contour, int w, int h, int minSides, int maxSides) {
        PolylineSplitMerge fit = new PolylineSplitMerge();
        fit.setLoops(true);
        fit.setConvex(false);
        fit.setMinSides(minSides);
        fit.setMaxSides(maxSides);
        fit.setMinimumSideLength(8);
        fit.setCornerScorePenalty(0.25);
        if (!fit.process(contour) || fit.getBestPolyline() == null) {
            return Optional.empty();
        }
        int[] splits = Arrays.copyOf(fit.getBestPolyline().splits.data, fit.getBestPolyline().splits.size);
        int n = splits.length;
        if (n < 3) {
            return Optional.empty();
        }
        int size = contour.size();
        List<LineGeneral2D_F64> lines = new ArrayList<>();
        double sumDev = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            int a = splits[i];
            int b = splits[(i + 1) % n];
            int len = Math.floorMod(b - a, size);
            if (len < 4) {
                return Optional.empty();
            }
            // The middle 70 % of the side: corners are rounded by the blur and by cards' rounded corners.
            List<Point2D_F64> pts = new ArrayList<>();
            for (int j = (int) (len * 0.15); j <= (int) (len * 0.85); j++) {
                Point2D_I32 p = contour.get((a + j) % size);
                pts.add(new Point2D_F64(p.x, p.y));
            }
            LinePolar2D_F64 polar = FitLine_F64.polar(pts, (LinePolar2D_F64) null);
            if (polar == null) {
                return Optional.empty();
            }
            LineGeneral2D_F64 line = UtilLine2D_F64.convert(polar, (LineGeneral2D_F64) null);
            line.normalize();
            lines.add(line);
            for (Point2D_F64 p : pts) {
                sumDev += Math.abs(line.A * p.x + line.B * p.y + line.C);
                count++;
            }
        }
        // Straight sides: points lie within a couple of pixels of their line on average.
        if (count == 0 || sumDev / count > 1.5) {
            return Optional.empty();
        }
        List<Point2D_F64> corners = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Point2D_F64 c = Intersection2D_F64.intersection(lines.get((i + n - 1) % n), lines.get(i), (Point2D_F64) null);
            if (c == null || Double.isNaN(c.x) || c.x < -w || c.x > 2.0 * w || c.y < -h || c.y > 2.0 * h) {
                return Optional.empty();
            }
            corners.add(c);
        }
        if (n == 4 && !plausibleQuad(corners)) {
            return Optional.empty();
        }
        return Optional.of(corners);
    }

    /** Convex with every inner angle 35..145 degrees: a page seen at a sane angle. */
    private static boolean plausibleQuad(List<Point2D_F64> c) {
        double sign = 0;
        for (int i = 0; i < 4; i++) {
            Point2D_F64 p = c.get((i + 3) % 4);
            Point2D_F64 q = c.get(i);
            Point2D_F64 r = c.get((i + 1) % 4);
            double ax = p.x - q.x, ay = p.y - q.y, bx = r.x - q.x, by = r.y - q.y;
            double cross = ax * by - ay * bx;
            if (sign == 0) {
                sign = Math.signum(cross);
            } else if (Math.signum(cross) != sign) {
                return false;
            }
            double angle = Math.toDegrees(Math.acos((ax * bx + ay * by) / (Math.hypot(ax, ay) * Math.hypot(bx, by))));
            if (angle < 35 || angle > 145) {
                return false;
            }
        }
        return true;
    }

    private static boolean touchesBorder(List<Point2D_I32> contour, int w, int h) {
        int on = 0;
        for (Point2D_I32 p : contour) {
            if (p.x <= 1 || p.y <= 1 || p.x >= w - 2 || p.y >= h - 2) {
                on++;
            }
        }
        return on >= 3;
    }

    /**
     * Orders the corners clockwise (image y points down) starting with the one whose following
     * side points most nearly rightwards: the page comes out the way it lies, turned by the
     * smallest angle. Scales from the detection grey back to frame pixels.
     */
    private static PageQuad orient(List<Point2D_F64> c, int k) {
        List<Point2D_F64> pts = new ArrayList<>(c);
        double area = 0;
        for (int i = 0; i < 4; i++) {
            Point2D_F64 p = pts.get(i);
            Point2D_F64 q = pts.get((i + 1) % 4);
            area += p.x * q.y - q.x * p.y;
        }
        if (area < 0) {
            java.util.Collections.reverse(pts);
        }
        int start = 0;
        double best = -2;
        for (int i = 0; i < 4; i++) {
            Point2D_F64 p = pts.get(i);
            Point2D_F64 q = pts.get((i + 1) % 4);
            double cos = (q.x - p.x) / Math.hypot(q.x - p.x, q.y - p.y);
            if (cos > best) {
                best = cos;
                start = i;
            }
        }
        PageQuad.Corner[] out = new PageQuad.Corner[4];
        for (int i = 0; i < 4; i++) {
            Point2D_F64 p = pts.get((start + i) % 4);
            // Contour points are pixel centres of the k x k grey: back to frame pixel centres.
            out[i] = new PageQuad.Corner((p.x + 0.5) * k - 0.5, (p.y + 0.5) * k - 0.5);
        }
        return new PageQuad(out[0], out[1], out[2], out[3]);
    }

    private static double signedArea(List<Point2D_I32> pts) {
        double a = 0;
        int n = pts.size();
        for (int i = 0; i < n; i++) {
            Point2D_I32 p = pts.get(i);
            Point2D_I32 q = pts.get((i + 1) % n);
            a += (double) p.x * q.y - (double) q.x * p.y;
        }
        return a / 2;
    }

    // ---- geometry ----

    /**
     * Height / width of the real page seen as {@code q}, perspective removed (Zhang &amp; He 2007,
     * principal point at the frame centre). Falls back to the ratio of the mean side lengths.
     */
    static double aspect(PageQuad q, int frameW, int frameH) {
        double u0 = frameW / 2.0;
        double v0 = frameH / 2.0;
        // m1 top-left, m2 top-right, m3 bottom-left, m4 bottom-right (the paper's numbering).
        double[] m1 = {q.topLeft().x(), q.topLeft().y(), 1};
        double[] m2 = {q.topRight().x(), q.topRight().y(), 1};
        double[] m3 = {q.bottomLeft().x(), q.bottomLeft().y(), 1};
        double[] m4 = {q.bottomRight().x(), q.bottomRight().y(), 1};
        double k2 = dot(cross(m1, m4), m3) / dot(cross(m2, m4), m3);
        double k3 = dot(cross(m1, m4), m2) / dot(cross(m3, m4), m2);
        double[] n2 = {k2 * m2[0] - m1[0], k2 * m2[1] - m1[1], k2 * m2[2] - m1[2]};
        double[] n3 = {k3 * m3[0] - m1[0], k3 * m3[1] - m1[1], k3 * m3[2] - m1[2]};
        double widthSides = (q.topLeft().distance(q.topRight()) + q.bottomLeft().distance(q.bottomRight())) / 2;
        double heightSides = (q.topLeft().distance(q.bottomLeft()) + q.topRight().distance(q.bottomRight())) / 2;
        double fallback = heightSides / widthSides;
        if (Math.abs(n2[2]) < 1e-6 || Math.abs(n3[2]) < 1e-6) {
            return fallback;
        }
        double f2 = -((n2[0] * n3[0] - (n2[0] * n3[2] + n2[2] * n3[0]) * u0 + n2[2] * n3[2] * u0 * u0)
                + (n2[1] * n3[1] - (n2[1] * n3[2] + n2[2] * n3[1]) * v0 + n2[2] * n3[2] * v0 * v0)) / (n2[2] * n3[2]);
        if (!(f2 > 0)) {
            return fallback;
        }
        double f = Math.sqrt(f2);
        // n^T A^-T A^-1 n with A = [[f,0,u0],[0,f,v0],[0,0,1]]: A^-1 n = ((n0 - u0 n2)/f, (n1 - v0 n2)/f, n2).
        double w2 = sq((n2[0] - u0 * n2[2]) / f) + sq((n2[1] - v0 * n2[2]) / f) + sq(n2[2]);
        double h2 = sq((n3[0] - u0 * n3[2]) / f) + sq((n3[1] - v0 * n3[2]) / f) + sq(n3[2]);
        double ratio = Math.sqrt(h2 / w2);
        // A focal length far from any real lens means the estimate is noise: keep the side lengths.
        if (!Double.isFinite(ratio) || f < 0.3 * Math.max(frameW, frameH) || f > 20.0 * Math.max(frameW, frameH)) {
            return fallback;
        }
        return ratio;
    }

    private Planar<GrayU8> rectify(BufferedImage frame, PageQuad q, double aspect) {
        // As large as the page appears in the frame (its longest side), capped at maxSide.
        double seen = Math.max(Math.max(q.topLeft().distance(q.topRight()), q.bottomLeft().distance(q.bottomRight())),
                Math.max(q.topLeft().distance(q.bottomLeft()), q.topRight().distance(q.bottomRight())));
        double longSide = Math.min(maxSide, seen);
        int outW;
        int outH;
        if (aspect >= 1) {
            outH = (int) Math.round(longSide);
            outW = (int) Math.round(longSide / aspect);
        } else {
            outW = (int) Math.round(longSide);
            outH = (int) Math.round(longSide * aspect);
        }
        outW = Math.max(16, outW);
        outH = Math.max(16, outH);
        List<AssociatedPair> pairs = List.of(
                new AssociatedPair(0, 0, q.topLeft().x(), q.topLeft().y()),
                new AssociatedPair(outW - 1, 0, q.topRight().x(), q.topRight().y()),
                new AssociatedPair(outW - 1, outH - 1, q.bottomRight().x(), q.bottomRight().y()),
                new AssociatedPair(0, outH - 1, q.bottomLeft().x(), q.bottomLeft().y()));
        DMatrixRMaj hm = new DMatrixRMaj(3, 3);
        if (!dlt.process(pairs, hm)) {
            throw new IllegalStateException("homography failed for " + q);
        }
        Homography2D_F64 h = new Homography2D_F64(hm.get(0, 0), hm.get(0, 1), hm.get(0, 2), hm.get(1, 0), hm.get(1, 1),
                hm.get(1, 2), hm.get(2, 0), hm.get(2, 1), hm.get(2, 2));
        Planar<GrayU8> src = planar(frame);
        Planar<GrayU8> out = new Planar<>(GrayU8.class, outW, outH, 3);
        try {
            new FDistort(src, out).interp(InterpolationType.BILINEAR).border(BorderType.EXTENDED)
                    .transform(new PixelTransformHomography_F32(h)).apply();
        } finally {
            for (int b = 0; b < 3; b++) {
                Arrays.fill(src.getBand(b).data, (byte) 0);
            }
        }
        return out;
    }

    private static double sharpness(Planar<GrayU8> page) {
        int k = Math.max(1, (int) Math.ceil(Math.max(page.width, page.height) / (double) DETECT_SIDE));
        int w = page.width / k;
        int h = page.height / k;
        GrayU8 g = new GrayU8(w, h);
        byte[] r = page.getBand(0).data;
        byte[] gr = page.getBand(1).data;
        byte[] b = page.getBand(2).data;
        int stride = page.width;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sum = 0;
                for (int dy = 0; dy < k; dy++) {
                    int row = (y * k + dy) * stride + x * k;
                    for (int dx = 0; dx < k; dx++) {
                        int i = row + dx;
                        sum += ((r[i] & 0xFF) * 77 + (gr[i] & 0xFF) * 150 + (b[i] & 0xFF) * 29) >> 8;
                    }
                }
                g.data[y * w + x] = (byte) (sum / (k * k));
            }
        }
        // Leave out a border: the page's own edge is not print.
        int mx = Math.max(2, w / 25);
        int my = Math.max(2, h / 25);
        GrayU8 inner = g.subimage(mx, my, w - mx, h - my, null).clone();
        GrayF32 lap = new GrayF32(inner.width, inner.height);
        DerivativeLaplacian.process(inner, lap);
        // The Laplacian's border pixels are left 0 by BoofCV's inner-only variant: skip them.
        GrayF32 core = lap.subimage(1, 1, lap.width - 1, lap.height - 1, null).clone();
        double mean = ImageStatistics.mean(core);
        double var = ImageStatistics.variance(core, (float) mean);
        Arrays.fill(g.data, (byte) 0);
        Arrays.fill(inner.data, (byte) 0);
        return var;
    }

    private CapturedPage encode(Planar<GrayU8> page) {
        BufferedImage img = toBufferedImage(page);
        try {
            BufferedImage current = img;
            for (int attempt = 0; attempt < 5; attempt++) {
                for (float q : new float[] {0.88f, 0.8f, 0.7f, 0.6f, 0.5f}) {
                    byte[] jpeg = InMemoryJpeg.encode(current, q);
                    if (jpeg.length <= maxJpegBytes) {
                        return new CapturedPage(jpeg, current.getWidth(), current.getHeight());
                    }
                    Arrays.fill(jpeg, (byte) 0);
                }
                BufferedImage smaller = InMemoryJpeg.scaled(current, 0.8);
                if (current != img) {
                    InMemoryJpeg.blank(current);
                }
                current = smaller;
            }
            throw new IllegalStateException("cannot fit a page JPEG in " + maxJpegBytes + " bytes");
        } finally {
            InMemoryJpeg.blank(img);
        }
    }

    // ---- pixels ----

    /** Luma (BT.601 integer weights) averaged over k x k blocks. */
    private static GrayU8 grey(BufferedImage frame, int k) {
        int w = frame.getWidth() / k;
        int h = frame.getHeight() / k;
        GrayU8 g = new GrayU8(w, h);
        int[] sums = new int[w];
        int[] row = new int[frame.getWidth()];
        for (int y = 0; y < h; y++) {
            Arrays.fill(sums, 0);
            for (int dy = 0; dy < k; dy++) {
                rgbRow(frame, y * k + dy, row);
                for (int x = 0; x < w * k; x++) {
                    int p = row[x];
                    sums[x / k] += (((p >> 16) & 0xFF) * 77 + ((p >> 8) & 0xFF) * 150 + (p & 0xFF) * 29) >> 8;
                }
            }
            for (int x = 0; x < w; x++) {
                g.data[y * w + x] = (byte) (sums[x] / (k * k));
            }
        }
        Arrays.fill(row, 0);
        return g;
    }

    private static void rgbRow(BufferedImage img, int y, int[] out) {
        int w = img.getWidth();
        switch (img.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR -> {
                byte[] d = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
                int o = y * w * 3;
                for (int x = 0; x < w; x++, o += 3) {
                    out[x] = ((d[o + 2] & 0xFF) << 16) | ((d[o + 1] & 0xFF) << 8) | (d[o] & 0xFF);
                }
            }
            case BufferedImage.TYPE_INT_RGB -> System.arraycopy(
                    ((DataBufferInt) img.getRaster().getDataBuffer()).getData(), y * w, out, 0, w);
            default -> img.getRGB(0, y, w, 1, out, 0, w);
        }
    }

    private static Planar<GrayU8> planar(BufferedImage frame) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        Planar<GrayU8> p = new Planar<>(GrayU8.class, w, h, 3);
        byte[] r = p.getBand(0).data;
        byte[] g = p.getBand(1).data;
        byte[] b = p.getBand(2).data;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            rgbRow(frame, y, row);
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int v = row[x];
                r[o + x] = (byte) (v >> 16);
                g[o + x] = (byte) (v >> 8);
                b[o + x] = (byte) v;
            }
        }
        Arrays.fill(row, 0);
        return p;
    }

    private static BufferedImage toBufferedImage(Planar<GrayU8> p) {
        BufferedImage img = new BufferedImage(p.width, p.height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] d = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        byte[] r = p.getBand(0).data;
        byte[] g = p.getBand(1).data;
        byte[] b = p.getBand(2).data;
        for (int i = 0, o = 0; i < r.length; i++, o += 3) {
            d[o] = b[i];
            d[o + 1] = g[i];
            d[o + 2] = r[i];
        }
        return img;
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double sq(double v) {
        return v * v;
    }

    public static final class Builder {
        private double minMeanLuma = 45;
        private double minAreaFraction = 0.04;
        private double minSharpness = 150;
        private int maxSide = 2000;
        private int maxJpegBytes = 1024 * 1024;

        private Builder() {
        }

        /** Below this average frame brightness (0..255) the frame is too dark. */
        public Builder minMeanLuma(double v) {
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("minMeanLuma must be within 0..255");
            }
            this.minMeanLuma = v;
            return this;
        }

        /** A page covering less of the frame than this (0..1) is too small to read. */
        public Builder minAreaFraction(double v) {
            if (v <= 0 || v >= 1) {
                throw new IllegalArgumentException("minAreaFraction must be in (0,1)");
            }
            this.minAreaFraction = v;
            return this;
        }

        /** Variance of the Laplacian over the corrected page below which it is blurred. */
        public Builder minSharpness(double v) {
            if (v < 0) {
                throw new IllegalArgumentException("minSharpness < 0");
            }
            this.minSharpness = v;
            return this;
        }

        /** Longest side of the corrected page, px. */
        public Builder maxSide(int px) {
            if (px < 256 || px > 4096) {
                throw new IllegalArgumentException("maxSide out of range 256..4096");
            }
            this.maxSide = px;
            return this;
        }

        /** Upper bound of the page JPEG; quality, then size, is lowered to fit. */
        public Builder maxJpegBytes(int n) {
            if (n < 32 * 1024) {
                throw new IllegalArgumentException("maxJpegBytes below 32 KB cannot hold a readable page");
            }
            this.maxJpegBytes = n;
            return this;
        }

        public DocumentCorrector build() {
            return new DocumentCorrector(this);
        }
    }
}
