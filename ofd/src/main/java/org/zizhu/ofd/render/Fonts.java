package org.zizhu.ofd.render;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fonts for the renderer: embedded font files made into AWT fonts, cached by the SHA-256 of their
 * bytes, and system fonts looked up by name with a CJK fallback.
 *
 * <p>Why a cache keyed by content: the centre embeds the same subset font in e-licenses of the
 * same template, and {@link Font#createFont(int, java.io.InputStream)} costs tens of ms. The key
 * is the digest, not the location, because every document calls its font {@code /Doc_0/Res/font_x.ttf}.
 *
 * <p>Trade-off, on purpose: the JDK has no in-memory font loading. {@code Font.createFont(int,
 * InputStream)} copies the stream into a JDK temporary file ({@code +~JF*.tmp}, deleted when the
 * font is collected or the JVM exits), and {@code createFont(int, File)} needs a file anyway,
 * because the rasteriser reads fonts from files. The kiosk keeps e-licenses off disk, but a font
 * file is not personal data: it holds glyph outlines, not text, order or positions. The one
 * residue: a font subset per document (docs/research/issue13-ofdrw.md P5) holds the unordered set
 * of characters on that page, the name's among them. A full or per-template font avoids even
 * that. So a JDK temp copy of the font, and only of the font, is accepted; the cache keeps one
 * per distinct font, and the JDK deletes the copy when the font is collected.
 */
final class Fonts {
    /** A subset CJK font is ~200 KB; a few templates at once is all a kiosk sees. */
    private static final int CACHE_ENTRIES = 16;

    /** Tried in this order when a font is not embedded or not installed: what the kiosk image ships. */
    private static final String[] CJK_FALLBACKS = {
        "Noto Sans CJK SC", "Noto Sans CJK", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Serif CJK SC", "SansSerif"
    };

    private static final Map<String, Font> EMBEDDED = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Font> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    private static volatile Set<String> families;
    private static volatile Font fallback;

    private Fonts() {
    }

    /**
     * An AWT font from embedded bytes, or empty when the JDK cannot read it (a CFF-only OpenType
     * font, a broken file): the caller then substitutes by name, as a reader does for a font
     * that is not embedded. A substituted glyph is still the right character.
     */
    static Optional<Font> embedded(byte[] bytes) {
        String key = sha256(bytes);
        synchronized (EMBEDDED) {
            Font f = EMBEDDED.get(key);
            if (f != null) {
                return Optional.of(f);
            }
        }
        Font f;
        try {
            f = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            return Optional.empty();
        }
        synchronized (EMBEDDED) {
            EMBEDDED.put(key, f);
        }
        return Optional.of(f);
    }

    /** An installed font by OFD FontName then FamilyName, else the CJK fallback. Size 1. */
    static Font system(String fontName, String familyName) {
        Set<String> fams = families();
        for (String n : new String[] {fontName, familyName}) {
            if (n != null && !n.isBlank() && fams.contains(n.trim().toLowerCase(Locale.ROOT))) {
                return new Font(n.trim(), Font.PLAIN, 1);
            }
        }
        // Common Chinese names producers write, mapped to what the kiosk has: all sans/serif CJK.
        return cjkFallback();
    }

    static Font cjkFallback() {
        Font f = fallback;
        if (f == null) {
            Set<String> fams = families();
            String pick = "SansSerif";
            for (String n : CJK_FALLBACKS) {
                if (fams.contains(n.toLowerCase(Locale.ROOT))) {
                    pick = n;
                    break;
                }
            }
            f = new Font(pick, Font.PLAIN, 1);
            fallback = f;
        }
        return f;
    }

    /** Installed families, read once: the lookup takes ~100 ms on first call. */
    private static Set<String> families() {
        Set<String> s = families;
        if (s == null) {
            s = new TreeSet<>();
            for (String n : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)) {
                s.add(n.toLowerCase(Locale.ROOT));
            }
            families = s;
        }
        return s;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
