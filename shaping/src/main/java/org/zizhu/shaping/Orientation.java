package org.zizhu.shaping;

/** How {@link ScriptRenderer} lays a text out. */
public enum Orientation {
    /**
     * Traditional Mongolian: each column written top to bottom (the horizontally shaped line turned
     * 90° clockwise, so the glyphs' tops face right), columns placed left to right.
     */
    VERTICAL,
    /** The shaped line as it is, lines top to bottom: Mongolian lying on its side, as on bilingual signs. */
    HORIZONTAL
}
