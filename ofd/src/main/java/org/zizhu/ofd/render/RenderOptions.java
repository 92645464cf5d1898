package org.zizhu.ofd.render;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How to render an OFD page for the kiosk's print-out. Immutable: the print path builds one per
 * job and may hand it to another thread.
 *
 * <p>The text filter is applied to the text of each {@code TextObject} (all its TextCodes joined),
 * not to each TextCode, because a producer may split one string (an ID number) over several
 * TextCodes; see {@link OfdRenderer} for how the filtered text is laid out again.
 *
 * @param dpi output resolution; {@link OfdRenderer} accepts {@value OfdRenderer#MIN_DPI}–{@value OfdRenderer#MAX_DPI}
 * @param textFilter applied to every TextObject's text before drawing (identity by default); the
 *        kiosk masks ID numbers with it where the print template says so
 * @param watermark text drawn diagonally in translucent grey over the whole page, if present
 * @param overlay an image (the verification QR) drawn last, on top of everything, if present;
 *        the image is not copied, so the caller must not change it while a render runs
 */
public record RenderOptions(float dpi, UnaryOperator<String> textFilter, Optional<String> watermark,
                            Optional<Overlay> overlay) {

    /** An image placed on the page by its top-left corner and size, in millimetres. */
    public record Overlay(BufferedImage image, double xMm, double yMm, double widthMm, double heightMm) {
        public Overlay {
            Objects.requireNonNull(image, "image");
            if (!(Double.isFinite(xMm) && Double.isFinite(yMm) && widthMm > 0 && heightMm > 0
                    && widthMm < 10_000 && heightMm < 10_000 && Math.abs(xMm) < 10_000 && Math.abs(yMm) < 10_000)) {
                throw new IllegalArgumentException("overlay box out of range");
            }
        }

        @Override
        public String toString() {
            return "Overlay[" + image.getWidth() + "x" + image.getHeight() + " at " + xMm + "," + yMm + " mm]";
        }
    }

    public RenderOptions {
        Objects.requireNonNull(textFilter, "textFilter");
        Objects.requireNonNull(watermark, "watermark");
        Objects.requireNonNull(overlay, "overlay");
    }

    /** 300 dpi (the receipt/A4 printers' resolution), no filter, no watermark, no overlay. */
    public static RenderOptions defaults() {
        return new RenderOptions(300f, UnaryOperator.identity(), Optional.empty(), Optional.empty());
    }

    public RenderOptions withDpi(float newDpi) {
        return new RenderOptions(newDpi, textFilter, watermark, overlay);
    }

    public RenderOptions withTextFilter(UnaryOperator<String> filter) {
        return new RenderOptions(dpi, filter, watermark, overlay);
    }

    public RenderOptions withWatermark(String text) {
        return new RenderOptions(dpi, textFilter, Optional.ofNullable(text).filter(s -> !s.isBlank()), overlay);
    }

    public RenderOptions withOverlay(BufferedImage image, double xMm, double yMm, double widthMm, double heightMm) {
        return new RenderOptions(dpi, textFilter, watermark, Optional.of(new Overlay(image, xMm, yMm, widthMm, heightMm)));
    }

    /** The filter may close over personal data rules; the watermark names an office. Neither is logged. */
    @Override
    public String toString() {
        return "RenderOptions[dpi=" + dpi + ", watermark=" + watermark.isPresent() + ", overlay=" + overlay.isPresent() + "]";
    }
}
