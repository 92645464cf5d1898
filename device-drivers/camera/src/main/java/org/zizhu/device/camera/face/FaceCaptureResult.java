package org.zizhu.device.camera.face;

/** The verdict on one frame. */
public sealed interface FaceCaptureResult {
    QualityMetrics metrics();

    /** Good enough: the cropped JPEG for the centre. */
    record Accepted(CapturedFace face, QualityMetrics metrics) implements FaceCaptureResult {
    }

    /** Not good enough; {@code issue} says what the resident should do. */
    record Rejected(FaceQualityIssue issue, QualityMetrics metrics) implements FaceCaptureResult {
        public String messageZh() {
            return issue.messageZh();
        }

        public String messageEn() {
            return issue.messageEn();
        }
    }
}
