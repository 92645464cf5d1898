package org.zizhu.ofd.render;

import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
 * per distinct font, and the JDK deletes the copy when the font is collected. To keep even that
 * residue off a kiosk, the renderer uses the installed face of the same name when there is one
 * (the centre embeds WenQuanYi Zen Hei, which the kiosk image installs) and loads an embedded
 * font only for a face it does not have.
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

    /** The installed font named by OFD FontName or FamilyName, or null when neither is installed. */
    static Font installedByName(String fontName, String familyName) {
        for (String n : new String[] {fontName, familyName}) {
            if (n != null && !n.isBlank() && !n.trim().equalsIgnoreCase("sansserif") && !n.trim().equalsIgnoreCase("serif")
                    && !n.trim().equalsIgnoreCase("dialog")) {
                Font f = installed(n.trim());
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    /** An installed font by OFD FontName then FamilyName, else the CJK fallback. Size 1. */
    static Font system(String fontName, String familyName) {
        for (String n : new String[] {fontName, familyName}) {
            if (n != null && !n.isBlank()) {
                Font f = installed(n.trim());
                if (f != null) {
                    return f;
                }
            }
        }
        return cjkFallback();
    }

    static Font cjkFallback() {
        Font f = fallback;
        if (f == null) {
            for (String n : CJK_FALLBACKS) {
                f = installed(n);
                if (f != null) {
                    break;
                }
            }
            if (f == null) {
                f = new Font(Font.SANS_SERIF, Font.PLAIN, 1);
            }
            fallback = f;
        }
        return f;
    }

    /**
     * The installed font of that family or face name, or null. Asking AWT for the name and
     * checking what it resolved to (it substitutes "Dialog" for unknown names) avoids listing
     * every installed family, which opens every font file and took seconds on a cold kiosk.
     */
    private static Font installed(String name) {
        Font f = new Font(name, Font.PLAIN, 1);
        String n = name.toLowerCase(Locale.ROOT);
        boolean found = f.getFamily(Locale.ROOT).toLowerCase(Locale.ROOT).equals(n)
                || f.getFontName(Locale.ROOT).toLowerCase(Locale.ROOT).equals(n)
                || f.getFamily().toLowerCase(Locale.ROOT).equals(n)
                || (n.equals("sansserif") || n.equals("serif") || n.equals("dialog"));
        return found ? f : null;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
