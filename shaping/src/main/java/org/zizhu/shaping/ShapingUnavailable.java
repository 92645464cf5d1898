package org.zizhu.shaping;

/**
 * Mongolian cannot be shaped: libharfbuzz cannot be loaded, or the font file is missing or not a
 * font. The message says which and names the Debian package that provides it.
 */
public final class ShapingUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ShapingUnavailable(String message) {
        super(message);
    }

    public ShapingUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
