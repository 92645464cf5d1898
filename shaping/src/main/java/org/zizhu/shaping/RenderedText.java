package org.zizhu.shaping;

/**
 * Rendered text: premultiplied ARGB pixels (as {@code BufferedImage.TYPE_INT_ARGB_PRE} and JavaFX's
 * {@code PixelFormat.getIntArgbPreInstance()}), row-major, {@code width * height}, transparent
 * background. {@code lines} is the number of columns (vertical) or lines (horizontal);
 * {@code missingGlyphs} counts characters drawn as .notdef (glyph 0 from HarfBuzz, or a character
 * the fallback font cannot display), 0 when everything had a glyph. The empty text renders as one
 * transparent pixel with 0 lines. The array is not copied: do not modify it.
 */
public record RenderedText(int width, int height, int[] argbPre, int lines, int missingGlyphs) {

    public RenderedText {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("size " + width + "x" + height);
        if (argbPre.length != (long) width * height) throw new IllegalArgumentException("pixel count");
        if (lines < 0 || missingGlyphs < 0) throw new IllegalArgumentException("negative count");
    }

    /** The pixel at (x, y), premultiplied ARGB. */
    public int pixel(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) throw new IndexOutOfBoundsException(x + "," + y);
        return argbPre[y * width + x];
    }

    @Override
    public String toString() {
        return "RenderedText[" + width + "x" + height + ", lines=" + lines + ", missingGlyphs=" + missingGlyphs + "]";
    }
}
