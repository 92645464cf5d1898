package org.zizhu.device.camera.document;

import java.util.List;

/**
 * The outline of a page found in a frame, in frame pixels, clockwise from the corner that becomes
 * the upright page's top-left. Safe to log (geometry only).
 */
public record PageQuad(Corner topLeft, Corner topRight, Corner bottomRight, Corner bottomLeft) {
    public record Corner(double x, double y) {
        double distance(Corner o) {
            return Math.hypot(x - o.x, y - o.y);
        }
    }

    public List<Corner> corners() {
        return List.of(topLeft, topRight, bottomRight, bottomLeft);
    }

    /** Area by the shoelace formula, in square pixels. */
    public double area() {
        List<Corner> c = corners();
        double a = 0;
        for (int i = 0; i < 4; i++) {
            Corner p = c.get(i);
            Corner q = c.get((i + 1) % 4);
            a += p.x() * q.y() - q.x() * p.y();
        }
        return Math.abs(a) / 2;
    }
}
