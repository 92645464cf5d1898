package org.zizhu.ofd.render;

/** A page's physical box (GB/T 33190 PageArea/PhysicalBox), in millimetres. */
public record PageSize(double widthMm, double heightMm) {
    /** Pixels at {@code dpi}, rounded as {@link OfdRenderer#render} sizes its image. */
    public int widthPx(float dpi) {
        return (int) Math.round(widthMm * dpi / 25.4);
    }

    public int heightPx(float dpi) {
        return (int) Math.round(heightMm * dpi / 25.4);
    }
}
