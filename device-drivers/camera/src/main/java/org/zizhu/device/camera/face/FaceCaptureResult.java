package org.zizhu.device.camera.face;

/** The verdict on one frame. */
public sealed interface FaceCaptureResult {
    QualityMetrics metrics();

    /** Good enough: the cropped JPEG for the centre. */
    record Accepted(CapturedFace face, QualityMetrics metrics) implements FaceCaptureResult {
    }

    /** Not good enough; {@code issue} is why (the kiosk tells the resident what to do). */
    record Rejected(FaceQualityIssue issue, QualityMetrics metrics) implements FaceCaptureResult {
    }
}
