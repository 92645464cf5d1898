package org.zizhu.shaping;

/** Which characters are traditional Mongolian, for splitting text into shaped and fallback runs. */
public final class Scripts {

    /** Mongolian Vowel Separator: shapes the following vowel's separated final form. */
    public static final int MVS = 0x180E;
    /** Narrow no-break space: separates a suffix from its word in Mongolian orthography. */
    public static final int NNBSP = 0x202F;
    public static final int ZWNJ = 0x200C;
    public static final int ZWJ = 0x200D;

    private Scripts() {}

    /**
     * True for the Mongolian block U+1800–U+18AF (letters, Mongolian punctuation U+1800–U+180A,
     * free variation selectors FVS1–FVS4 U+180B–U+180D and U+180F, MVS U+180E, digits), the
     * Mongolian Supplement U+11660–U+1167F, and NNBSP U+202F (in practice only Mongolian text uses
     * it between a word and its suffix). ZWJ and ZWNJ are false here: they occur in many scripts, so
     * only the run segmentation ({@link ScriptRenderer}) keeps them in a Mongolian run, when they
     * stand between Mongolian characters.
     */
    public static boolean isMongolian(int codePoint) {
        return (codePoint >= 0x1800 && codePoint <= 0x18AF)
                || (codePoint >= 0x11660 && codePoint <= 0x1167F)
                || codePoint == NNBSP;
    }

    /** Does s contain at least one Mongolian letter, punctuation or control (see {@link #isMongolian})? */
    public static boolean containsMongolian(String s) {
        return s.codePoints().anyMatch(Scripts::isMongolian);
    }
}
