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
    private final DocumentCorrector corrector;

    public DocumentCapture(DocumentCorrector corrector) {
        this.corrector = Objects.requireNonNull(corrector, "corrector");
    }

    public static DocumentCapture withDefaults() {
        return new DocumentCapture(DocumentCorrector.withDefaults());
    }

    /**
     * The first accepted page within {@code timeout}, else the last rejection; empty only when
     * no frame arrived at all (the camera is down: its status says why).
     */
    public Optional<DocumentCaptureResult> capture(Camera camera, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        DocumentCaptureResult last = null;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Optional<Frame> f = camera.poll(Duration.ofNanos(left));
            if (f.isEmpty()) {
                break;
            }
            last = corrector.correct(f.get().image());
            if (last instanceof DocumentCaptureResult.Accepted) {
                break;
            }
        }
        if (last != null) {
            log(last);
        }
        return Optional.ofNullable(last);
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
