package org.zizhu.device.camera.face;

import java.awt.Rectangle;

/** Where a detector thinks the face is, in pixels of the frame it looked at. */
public record FaceRegion(int x, int y, int width, int height) {
    public FaceRegion {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("empty region");
        }
    }

    public Rectangle toRectangle() {
        return new Rectangle(x, y, width, height);
    }
}
