package org.zizhu.device.camera.face;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.zizhu.device.camera.Camera;
import org.zizhu.device.camera.Frame;
import org.zizhu.device.camera.internal.InMemoryJpeg;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/**
 * Judges frames for face verification and, for a good one, produces a cropped JPEG of bounded
 * size. Checks, in the order a resident can act on them: brightness of the frame (too dark / too
 * bright), a face-sized region ({@link FaceDetector}; none / too small), then sharpness of that
 * region (variance of the Laplacian on a grey downscale; blurred). Immutable and thread-safe.
 *
 * <p>Nothing here writes a picture anywhere: the JPEG is encoded through an in-memory stream
 * (ImageIO's default cache would use a temp file), scratch buffers are zeroed, and the log event
 * carries only the verdict and the numbers.
 */
public final class FaceCapture {
    private final FaceDetector detector;
    private final double minMeanLuma;
    private final double maxMeanLuma;
    private final double minSharpness;
    private final double minFaceWidthFraction;
    private final int maxJpegBytes;
    private final int maxSide;

    private FaceCapture(Builder b) {
        this.detector = b.detector;
        this.minMeanLuma = b.minMeanLuma;
        this.maxMeanLuma = b.maxMeanLuma;
        this.minSharpness = b.minSharpness;
        this.minFaceWidthFraction = b.minFaceWidthFraction;
        this.maxJpegBytes = b.maxJpegBytes;
        this.maxSide = b.maxSide;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults: skin-tone detector, luma 60..200, sharpness 80, face at least 18% of the width, JPEG at most 60 KB. */
    public static FaceCapture withDefaults() {
        return builder().build();
    }

    public FaceCaptureResult assess(BufferedImage frame) {
        Objects.requireNonNull(frame, "frame");
        FaceCaptureResult r = judge(frame);
        switch (r) {
            case FaceCaptureResult.Accepted a -> EventLog.event(EventId.CAMERA_FACE_CAPTURE, Outcome.SUCCESS,
                    "verdict", "accepted", "jpegBytes", a.face().size(), "meanLuma", round(r.metrics().meanLuma()),
                    "sharpness", round(r.metrics().sharpness()));
            case FaceCaptureResult.Rejected j -> EventLog.event(EventId.CAMERA_FACE_CAPTURE, Outcome.FAILURE,
                    "verdict", j.issue().name(), "meanLuma", round(r.metrics().meanLuma()),
                    "sharpness", round(r.metrics().sharpness()));
        }
        return r;
    }

    /**
     * Looks at frames from the camera until one is accepted or {@code timeout} passes; returns the
     * accepted result or the last rejection (empty if no frame arrived at all).
     */
    public Optional<FaceCaptureResult> captureFrom(Camera camera, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        FaceCaptureResult last = null;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.ofNullable(last);
            }
            Optional<Frame> f = camera.poll(Duration.ofNanos(left));
            if (f.isEmpty()) {
                return Optional.ofNullable(last);
            }
            last = judge(f.get());
            if (last instanceof FaceCaptureResult.Accepted) {
                return Optional.of(assessLogged(last));
            }
        }
    }

    private FaceCaptureResult judge(Frame f) {
        return judge(f.image());
    }

    private FaceCaptureResult assessLogged(FaceCaptureResult r) {
        if (r instanceof FaceCaptureResult.Accepted a) {
            EventLog.event(EventId.CAMERA_FACE_CAPTURE, Outcome.SUCCESS, "verdict", "accepted",
                    "jpegBytes", a.face().size(), "meanLuma", round(r.metrics().meanLuma()),
                    "sharpness", round(r.metrics().sharpness()));
        }
        return r;
    }

    private FaceCaptureResult judge(BufferedImage frame) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        double mean = GreyImage.of(frame, new Rectangle(0, 0, w, h), 160).mean();
        if (mean < minMeanLuma) {
            return new FaceCaptureResult.Rejected(FaceQualityIssue.TOO_DARK, new QualityMetrics(mean, 0, 0));
        }
        if (mean > maxMeanLuma) {
            return new FaceCaptureResult.Rejected(FaceQualityIssue.TOO_BRIGHT, new QualityMetrics(mean, 0, 0));
        }
        Optional<FaceRegion> face = detector.detect(frame);
        if (face.isEmpty()) {
            return new FaceCaptureResult.Rejected(FaceQualityIssue.NO_FACE, new QualityMetrics(mean, 0, 0));
        }
        // A plugged-in detector is not trusted to stay inside the frame.
        Rectangle inside = face.get().toRectangle().intersection(new Rectangle(0, 0, w, h));
        if (inside.isEmpty()) {
            return new FaceCaptureResult.Rejected(FaceQualityIssue.NO_FACE, new QualityMetrics(mean, 0, 0));
        }
        FaceRegion region = new FaceRegion(inside.x, inside.y, inside.width, inside.height);
        double widthFraction = (double) region.width() / w;
        if (widthFraction < minFaceWidthFraction) {
            return new FaceCaptureResult.Rejected(FaceQualityIssue.FACE_TOO_SMALL, new QualityMetrics(mean, 0, widthFraction));
        }
        double sharpness = GreyImage.of(frame, region.toRectangle(), 100).laplacianVariance();
        QualityMetrics m = new QualityMetrics(mean, sharpness, widthFraction);
        if (sharpness < minSharpness) {
            return new FaceCaptureResult.Rejected(FaceQualityIssue.BLURRED, m);
        }
        return new FaceCaptureResult.Accepted(encode(frame, region, m), m);
    }

    private CapturedFace encode(BufferedImage frame, FaceRegion region, QualityMetrics metrics) {
        // Crop with a margin (hair, chin, ears help the centre's matcher), clamped to the frame.
        int mx = region.width() * 3 / 10;
        int my = region.height() * 3 / 10;
        Rectangle crop = new Rectangle(region.x() - mx, region.y() - my, region.width() + 2 * mx, region.height() + 2 * my)
                .intersection(new Rectangle(0, 0, frame.getWidth(), frame.getHeight()));
        double scale = Math.min(1.0, (double) maxSide / Math.max(crop.width, crop.height));
        for (int attempt = 0; attempt < 4; attempt++) {
            int tw = Math.max(32, (int) Math.round(crop.width * scale));
            int th = Math.max(32, (int) Math.round(crop.height * scale));
            BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(frame, 0, 0, tw, th, crop.x, crop.y, crop.x + crop.width, crop.y + crop.height, null);
            } finally {
                g.dispose();
            }
            try {
                for (float q : new float[] {0.85f, 0.7f, 0.55f, 0.4f}) {
                    byte[] jpeg = InMemoryJpeg.encode(out, q);
                    if (jpeg.length <= maxJpegBytes) {
                        return new CapturedFace(jpeg, tw, th, metrics);
                    }
                    Arrays.fill(jpeg, (byte) 0);
                }
            } finally {
                wipe(out);
            }
            scale *= 0.75;
        }
        throw new IllegalStateException("cannot fit a face JPEG in " + maxJpegBytes + " bytes");
    }

    private static void wipe(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
    }

    private static String round(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    public static final class Builder {
        private FaceDetector detector = new SkinToneFaceDetector();
        private double minMeanLuma = 60;
        private double maxMeanLuma = 200;
        private double minSharpness = 80;
        private double minFaceWidthFraction = 0.18;
        private int maxJpegBytes = 60 * 1024;
        private int maxSide = 480;

        private Builder() {
        }

        public Builder detector(FaceDetector d) {
            this.detector = Objects.requireNonNull(d, "detector");
            return this;
        }

        /** Acceptable average brightness, 0..255. */
        public Builder brightness(double min, double max) {
            if (min < 0 || max > 255 || min >= max) {
                throw new IllegalArgumentException("brightness range must be within 0..255 and min < max");
            }
            this.minMeanLuma = min;
            this.maxMeanLuma = max;
            return this;
        }

        public Builder minSharpness(double v) {
            if (v < 0) {
                throw new IllegalArgumentException("minSharpness < 0");
            }
            this.minSharpness = v;
            return this;
        }

        public Builder minFaceWidthFraction(double v) {
            if (v <= 0 || v >= 1) {
                throw new IllegalArgumentException("minFaceWidthFraction must be in (0,1)");
            }
            this.minFaceWidthFraction = v;
            return this;
        }

        /** Upper bound of the JPEG sent to the centre; quality, then size, is lowered to fit. */
        public Builder maxJpegBytes(int n) {
            if (n < 4 * 1024) {
                throw new IllegalArgumentException("maxJpegBytes below 4 KB cannot hold a usable face");
            }
            this.maxJpegBytes = n;
            return this;
        }

        public Builder maxSide(int px) {
            if (px < 64 || px > 2048) {
                throw new IllegalArgumentException("maxSide out of range 64..2048");
            }
            this.maxSide = px;
            return this;
        }

        public FaceCapture build() {
            return new FaceCapture(this);
        }
    }
}
