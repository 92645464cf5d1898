package org.zizhu.kiosk.ui;

/**
 * Physical sizing: touch targets must be at least 15 mm on the terminal's screen, whatever its
 * resolution. On a 1920x1080 21.5-inch panel 15 mm is about 61 px.
 */
public record UiMetrics(int screenWidthPx, int screenHeightPx, double diagonalInches) {
    public static final double MIN_TOUCH_MM = 15.0;

    public double pxPerMm() {
        double diagPx = Math.hypot(screenWidthPx, screenHeightPx);
        return diagPx / (diagonalInches * 25.4);
    }

    /** Smallest side of anything a resident touches, in pixels. */
    public double minTouchPx() {
        return Math.ceil(MIN_TOUCH_MM * pxPerMm());
    }

    public double mm(double mm) {
        return Math.ceil(mm * pxPerMm());
    }
}
