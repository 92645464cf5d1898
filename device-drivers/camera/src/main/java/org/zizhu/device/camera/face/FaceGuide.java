package org.zizhu.device.camera.face;

import java.util.Objects;
import java.util.Optional;

/**
 * What one analysed frame says to the resident in front of the camera, while a capture is still
 * looking: the frame's issue (empty when it was good enough), and where the face was found,
 * relative to the frame so a preview of any size can place it. No picture content: safe to keep
 * and to pass around.
 *
 * @param issue why the frame was not taken; empty for an accepted frame
 * @param face  the face region as fractions of the frame's width and height; empty when no face
 *              was found (or the frame was judged on brightness before looking for one)
 */
public record FaceGuide(Optional<FaceQualityIssue> issue, Optional<Area> face) {
    public FaceGuide {
        Objects.requireNonNull(issue, "issue");
        Objects.requireNonNull(face, "face");
    }

    /** True for the frame that was taken. */
    public boolean ok() {
        return issue.isEmpty();
    }

    /** A rectangle in fractions of the frame (0..1 each), so it scales with any preview. */
    public record Area(double x, double y, double width, double height) {
        public Area {
            if (!(x >= 0 && y >= 0 && width > 0 && height > 0 && x + width <= 1.0000001 && y + height <= 1.0000001)) {
                throw new IllegalArgumentException("area outside the frame");
            }
        }

        static Area of(FaceRegion r, int frameWidth, int frameHeight) {
            return new Area((double) r.x() / frameWidth, (double) r.y() / frameHeight,
                    (double) r.width() / frameWidth, (double) r.height() / frameHeight);
        }

        public double centreX() {
            return x + width / 2;
        }

        public double centreY() {
            return y + height / 2;
        }
    }
}
