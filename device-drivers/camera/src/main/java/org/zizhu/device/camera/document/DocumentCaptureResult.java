package org.zizhu.device.camera.document;

/** The verdict on one document-camera frame. */
public sealed interface DocumentCaptureResult {
    DocumentMetrics metrics();

    /** A usable page: the corrected, upright JPEG (personal data: wipe it after use). */
    record Accepted(CapturedPage page, PageQuad quad, DocumentMetrics metrics) implements DocumentCaptureResult {
    }

    /** Not usable; {@code issue} is why (the kiosk tells the resident what to do). */
    record Rejected(DocumentQualityIssue issue, DocumentMetrics metrics) implements DocumentCaptureResult {
    }
}
