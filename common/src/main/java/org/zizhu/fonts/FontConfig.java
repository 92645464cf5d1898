package org.zizhu.fonts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fonts for A4 output. The primary font must have TrueType outlines (PDFBox cannot subset
 * OpenType/CFF fonts such as Noto CJK): by default WenQuanYi Zen Hei from its .ttc. Fallbacks
 * cover characters the primary lacks (CJK extension B in names): by default Hanazono Mincho
 * if installed. Override with system properties {@code zizhu.print.font},
 * {@code zizhu.print.font.face} and {@code zizhu.print.font.fallbacks} (path list).
 *
 * @param face PostScript name of the face inside a .ttc collection; ignored for a .ttf
 */
public record FontConfig(Path primary, String face, List<Path> fallbacks) {
    public static final Path WQY_ZENHEI = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    public static final List<Path> HANAZONO = List.of(
            Path.of("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"),
            Path.of("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"));

    public FontConfig {
        Objects.requireNonNull(primary, "primary");
        fallbacks = List.copyOf(fallbacks);
    }

    /** The configured fonts (system properties) or the Debian defaults; fallbacks that are absent are left out. */
    public static FontConfig defaults() {
        Path primary = Path.of(System.getProperty("zizhu.print.font", WQY_ZENHEI.toString()));
        String face = System.getProperty("zizhu.print.font.face", "WenQuanYiZenHei");
        List<Path> fb = new ArrayList<>();
        String prop = System.getProperty("zizhu.print.font.fallbacks");
        if (prop != null) {
            for (String p : prop.split(java.io.File.pathSeparator)) {
                if (!p.isBlank()) {
                    fb.add(Path.of(p));
                }
            }
        } else {
            HANAZONO.stream().filter(Files::isRegularFile).forEach(fb::add);
        }
        return new FontConfig(primary, face, fb);
    }
}
