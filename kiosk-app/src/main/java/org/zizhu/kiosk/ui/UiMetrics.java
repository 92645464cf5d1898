package org.zizhu.kiosk.ui;

/**
 * Physical sizing: touch targets must be at least 15 mm on the terminal's screen, whatever its
 * resolution. On a 1920x1080 21.5-inch panel 15 mm is about 61 px. Elder mode asks 20 mm (about
 * 81 px there), more than MIIT's 60x60 dp minimum (60 dp = 3/8 inch, about 9.5 mm).
 */
public record UiMetrics(int screenWidthPx, int screenHeightPx, double diagonalInches) {
    public static final double MIN_TOUCH_MM = 15.0;
    /** Elder mode's smallest touch target (issue 12: 20 mm on the configured screen). */
    public static final double ELDER_MIN_TOUCH_MM = 20.0;

    public double pxPerMm() {
        double diagPx = Math.hypot(screenWidthPx, screenHeightPx);
        return diagPx / (diagonalInches * 25.4);
    }

    /** Typographic points to pixels on this screen (1 pt = 1/72 inch = 0.3528 mm). */
    public double ptToPx(double pt) {
        return pt * MM_PER_PT * pxPerMm();
    }

    /** Millimetres in one typographic point. */
    public static final double MM_PER_PT = 25.4 / 72;

    /** Smallest side of anything a resident touches, in pixels. */
    public double minTouchPx() {
        return Math.ceil(MIN_TOUCH_MM * pxPerMm());
    }

    /** Smallest side of anything a resident touches in elder mode, in pixels. */
    public double elderMinTouchPx() {
        return Math.ceil(ELDER_MIN_TOUCH_MM * pxPerMm());
    }

    /** The smallest touch side for the mode on screen. */
    public double minTouchPx(boolean elderMode) {
        return elderMode ? elderMinTouchPx() : minTouchPx();
    }

    /** An upright screen (taller than wide): many hall terminals stand so. */
    public boolean portrait() {
        return screenHeightPx > screenWidthPx;
    }

    /** Millimetres to pixels on this screen, rounded up. */
    public double mm(double mm) {
        return Math.ceil(mm * pxPerMm());
    }
}
