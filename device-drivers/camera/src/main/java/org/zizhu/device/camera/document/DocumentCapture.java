package org.zizhu.device.camera.document;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.zizhu.device.camera.Camera;
import org.zizhu.device.camera.Frame;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/**
 * The document camera (高拍仪) capture of one page: looks at frames until one gives a usable,
 * corrected page or the deadline passes. The log event carries only the verdict and the numbers,
 * never the picture. One per thread (the corrector reuses work images).
 *
 * <pre>{@code
 * DocumentCapture pages = DocumentCapture.withDefaults();
 * switch (pages.capture(camera, Duration.ofSeconds(5)).orElseThrow(...no frame: camera fault...)) {
 *     case DocumentCaptureResult.Accepted a -> { try (CapturedPage p = a.page()) { attach(p.jpeg()); } }
 *     case DocumentCaptureResult.Rejected r -> show device.document.<r.issue()>
 * }
 * }</pre>
 */
public final class DocumentCapture {
    /** Corners may move this fraction of the frame diagonal between frames and still be "still". */
    private static final double STILL_FRACTION = 0.015;

    private final DocumentCorrector corrector;
    private final int stableFrames;

    /**
     * @param stableFrames how many consecutive frames must give a usable page with the same outline
     *                     before one is taken (1 takes the first usable frame; 2 waits until the
     *                     resident's hand has let go of the page)
     */
    public DocumentCapture(DocumentCorrector corrector, int stableFrames) {
        this.corrector = Objects.requireNonNull(corrector, "corrector");
        if (stableFrames < 1 || stableFrames > 30) {
            throw new IllegalArgumentException("stableFrames out of range 1..30: " + stableFrames);
        }
        this.stableFrames = stableFrames;
    }

    /** Default corrector, two still frames in a row. */
    public static DocumentCapture withDefaults() {
        return new DocumentCapture(DocumentCorrector.withDefaults(), 2);
    }

    /**
     * The first page whose outline stayed still for {@code stableFrames} usable frames, within
     * {@code timeout}; else the last rejection ({@code PAGE_MOVING} when the frames were usable but
     * the page never settled). Empty only when no frame arrived at all (the camera is down: its
     * status says why). Pages not returned are wiped.
     */
    public Optional<DocumentCaptureResult> capture(Camera camera, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        DocumentCaptureResult last = null;
        DocumentCaptureResult.Accepted candidate = null;
        int still = 0;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Optional<Frame> f = camera.poll(Duration.ofNanos(left));
            if (f.isEmpty()) {
                break;
            }
            Frame frame = f.get();
            DocumentCaptureResult r = corrector.correct(frame.image());
            if (r instanceof DocumentCaptureResult.Accepted a) {
                double tolerance = STILL_FRACTION * Math.hypot(frame.width(), frame.height());
                still = candidate != null && sameOutline(candidate.quad(), a.quad(), tolerance) ? still + 1 : 1;
                if (candidate != null) {
                    candidate.page().wipe();
                }
                candidate = a;
                if (still >= stableFrames) {
                    last = a;
                    candidate = null;
                    break;
                }
            } else {
                if (candidate != null) {
                    candidate.page().wipe();
                    candidate = null;
                }
                still = 0;
            }
            last = r;
        }
        if (candidate != null) {
            // Usable frames, but the page never stayed put long enough.
            candidate.page().wipe();
            last = new DocumentCaptureResult.Rejected(DocumentQualityIssue.PAGE_MOVING, candidate.metrics());
        }
        if (last != null) {
            log(last);
        }
        return Optional.ofNullable(last);
    }

    private static boolean sameOutline(PageQuad a, PageQuad b, double tolerance) {
        for (int i = 0; i < 4; i++) {
            if (a.corners().get(i).distance(b.corners().get(i)) > tolerance) {
                return false;
            }
        }
        return true;
    }

    /** One frame, judged and logged (for callers that poll frames themselves, e.g. a live preview). */
    public DocumentCaptureResult assess(java.awt.image.BufferedImage frame) {
        DocumentCaptureResult r = corrector.correct(frame);
        log(r);
        return r;
    }

    private static void log(DocumentCaptureResult r) {
        DocumentMetrics m = r.metrics();
        switch (r) {
            case DocumentCaptureResult.Accepted a -> EventLog.event(EventId.CAMERA_DOCUMENT_CAPTURE, Outcome.SUCCESS,
                    "verdict", "accepted", "jpegBytes", a.page().size(), "width", a.page().width(),
                    "height", a.page().height(), "areaFraction", round(m.areaFraction()), "sharpness", round(m.sharpness()));
            case DocumentCaptureResult.Rejected j -> EventLog.event(EventId.CAMERA_DOCUMENT_CAPTURE, Outcome.FAILURE,
                    "verdict", j.issue().name(), "meanLuma", round(m.meanLuma()), "areaFraction", round(m.areaFraction()),
                    "sharpness", round(m.sharpness()));
        }
    }

    private static String round(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
