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
 * <p>A capture from the camera can report each frame it judged ({@link Progress}), so the screen
 * can show the live picture and tell the resident what to change while it is still looking.
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
     * Told about each frame a capture judged, on the capturing thread, before the next frame is
     * polled: keep it short. The frame is a resident's face: a listener may copy or encode it for
     * a preview but must not keep {@code frame} beyond the call, log it or write it anywhere. A
     * listener's exception is ignored (the guide is a help; the capture goes on).
     */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (frame, guide) -> { };

        void frame(Frame frame, FaceGuide guide);
    }

    /**
     * Looks at frames from the camera until one is accepted or {@code timeout} passes; returns the
     * accepted result or the last rejection (empty if no frame arrived at all).
     */
    public Optional<FaceCaptureResult> captureFrom(Camera camera, Duration timeout) throws InterruptedException {
        return captureFrom(camera, timeout, Progress.NONE);
    }

    /**
     * As {@link #captureFrom(Camera, Duration)}, telling {@code progress} about every frame judged
     * (the rejected ones and the accepted last one) so the resident can be guided meanwhile.
     */
    public Optional<FaceCaptureResult> captureFrom(Camera camera, Duration timeout, Progress progress)
            throws InterruptedException {
        Objects.requireNonNull(progress, "progress");
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
            Verdict v = judgeWithRegion(f.get().image());
            last = v.result();
            tell(progress, f.get(), v);
            if (last instanceof FaceCaptureResult.Accepted) {
                return Optional.of(assessLogged(last));
            }
        }
    }

    /** The guide for one frame, as a capture would report it (for callers judging frames themselves). */
    public FaceGuide guide(BufferedImage frame) {
        Verdict v = judgeWithRegion(Objects.requireNonNull(frame, "frame"));
        if (v.result() instanceof FaceCaptureResult.Accepted a) {
            a.face().wipe();
        }
        return guideOf(v, frame.getWidth(), frame.getHeight());
    }

    /**
     * {@code frame} scaled to at most {@code maxWidth} pixels wide as a JPEG, for the live preview a
     * {@link Progress} listener shows while the capture runs: encoded in memory only, the scaled
     * copy painted over afterwards. A few milliseconds for a preview-sized picture.
     */
    public static byte[] previewJpeg(Frame frame, int maxWidth) {
        if (maxWidth < 16) {
            throw new IllegalArgumentException("maxWidth below 16");
        }
        BufferedImage small = InMemoryJpeg.scaled(frame.image(), Math.min(1.0, (double) maxWidth / frame.width()));
        try {
            return InMemoryJpeg.encode(small, 0.6f);
        } finally {
            InMemoryJpeg.blank(small);
        }
    }

    private static void tell(Progress progress, Frame frame, Verdict v) {
        try {
            progress.frame(frame, guideOf(v, frame.width(), frame.height()));
        } catch (RuntimeException e) {
            // A help only: a failing guide costs the resident the prompt, never the capture.
        }
    }

    private static FaceGuide guideOf(Verdict v, int w, int h) {
        Optional<FaceQualityIssue> issue = v.result() instanceof FaceCaptureResult.Rejected r
                ? Optional.of(r.issue()) : Optional.empty();
        return new FaceGuide(issue, Optional.ofNullable(v.region()).map(r -> FaceGuide.Area.of(r, w, h)));
    }

    private FaceCaptureResult judge(BufferedImage frame) {
        return judgeWithRegion(frame).result();
    }

    /** A verdict and the face region it was based on (null when none was found or looked for). */
    private record Verdict(FaceCaptureResult result, FaceRegion region) {
    }

    private FaceCaptureResult assessLogged(FaceCaptureResult r) {
        if (r instanceof FaceCaptureResult.Accepted a) {
            EventLog.event(EventId.CAMERA_FACE_CAPTURE, Outcome.SUCCESS, "verdict", "accepted",
                    "jpegBytes", a.face().size(), "meanLuma", round(r.metrics().meanLuma()),
                    "sharpness", round(r.metrics().sharpness()));
        }
        return r;
    }

    private Verdict judgeWithRegion(BufferedImage frame) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        double mean = GreyImage.of(frame, new Rectangle(0, 0, w, h), 160).mean();
        if (mean < minMeanLuma) {
            return rejected(FaceQualityIssue.TOO_DARK, new QualityMetrics(mean, 0, 0), null);
        }
        if (mean > maxMeanLuma) {
            return rejected(FaceQualityIssue.TOO_BRIGHT, new QualityMetrics(mean, 0, 0), null);
        }
        Optional<FaceRegion> face = detector.detect(frame);
        if (face.isEmpty()) {
            return rejected(FaceQualityIssue.NO_FACE, new QualityMetrics(mean, 0, 0), null);
        }
        // A plugged-in detector is not trusted to stay inside the frame.
        Rectangle inside = face.get().toRectangle().intersection(new Rectangle(0, 0, w, h));
        if (inside.isEmpty()) {
            return rejected(FaceQualityIssue.NO_FACE, new QualityMetrics(mean, 0, 0), null);
        }
        FaceRegion region = new FaceRegion(inside.x, inside.y, inside.width, inside.height);
        double widthFraction = (double) region.width() / w;
        if (widthFraction < minFaceWidthFraction) {
            return rejected(FaceQualityIssue.FACE_TOO_SMALL, new QualityMetrics(mean, 0, widthFraction), region);
        }
        double sharpness = GreyImage.of(frame, region.toRectangle(), 100).laplacianVariance();
        QualityMetrics m = new QualityMetrics(mean, sharpness, widthFraction);
        if (sharpness < minSharpness) {
            return rejected(FaceQualityIssue.BLURRED, m, region);
        }
        return new Verdict(new FaceCaptureResult.Accepted(encode(frame, region, m), m), region);
    }

    private static Verdict rejected(FaceQualityIssue issue, QualityMetrics m, FaceRegion region) {
        return new Verdict(new FaceCaptureResult.Rejected(issue, m), region);
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
