package org.zizhu.shaping;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Font;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The real font, the real HarfBuzz and hb-shape; a missing one fails the test naming its Debian package. */
final class Fixtures {

    static final Path MONGOLIAN_FONT = Path.of("/usr/share/fonts/truetype/noto/NotoSansMongolian-Regular.ttf");
    static final Path HB_SHAPE = Path.of("/usr/bin/hb-shape");

    /** ᠮᠣᠩᠭᠣᠯ, "Mongol". */
    static final String MONGOL = "\u182E\u1823\u1829\u182D\u1823\u182F";
    /** ᠪᠢᠴᠢᠭ, "bichig" (script). */
    static final String BICHIG = "\u182A\u1822\u1834\u1822\u182D";

    private Fixtures() {}

    static ShapingFont openMongolianFont() {
        assertTrue(Files.isRegularFile(MONGOLIAN_FONT),
                MONGOLIAN_FONT + " is missing: install the Debian package fonts-noto-core");
        try {
            return ShapingFont.open(MONGOLIAN_FONT);
        } catch (ShapingUnavailable e) {
            return fail("HarfBuzz is unavailable (Debian package libharfbuzz0b): " + e.getMessage(), e);
        }
    }

    /** Noto Sans CJK SC when fontconfig knows it (Debian fonts-noto-cjk), else the logical SansSerif. */
    static Font fallbackFont() throws Exception {
        String files = run(List.of("fc-list", "-f", "%{file}\\n", "Noto Sans CJK SC"));
        for (String line : files.split("\n")) {
            Path file = Path.of(line.trim());
            if (line.isBlank() || !Files.isRegularFile(file)) continue;
            for (Font f : Font.createFonts(file.toFile())) {
                if (f.getFamily().contains("CJK SC")) return f;
            }
        }
        return new Font(Font.SANS_SERIF, Font.PLAIN, 1);
    }

    /** hb-shape's own result for text: glyph ids, x advances, x offsets, y offsets. */
    static int[][] hbShape(String text, boolean mongolian) throws Exception {
        assertTrue(Files.isExecutable(HB_SHAPE), HB_SHAPE + " is missing: install the Debian package libharfbuzz-bin");
        // Code points, not text, on the command line: the argument encoding depends on the locale.
        String unicodes = text.codePoints().mapToObj(cp -> String.format("U+%04X", cp)).collect(Collectors.joining(","));
        List<String> command = new ArrayList<>(List.of(HB_SHAPE.toString(), "--no-glyph-names", "--no-clusters",
                "--unicodes=" + unicodes));
        if (mongolian) command.addAll(List.of("--script=Mong", "--language=mn", "--direction=ltr"));
        command.add(MONGOLIAN_FONT.toString());
        String out = run(command).trim();
        assertTrue(out.startsWith("[") && out.endsWith("]"), "hb-shape printed: " + out);
        String[] glyphs = out.substring(1, out.length() - 1).split("\\|");
        int[][] result = new int[4][glyphs.length];
        Pattern glyph = Pattern.compile("(\\d+)(?:@(-?\\d+),(-?\\d+))?\\+(-?\\d+)");
        for (int i = 0; i < glyphs.length; i++) {
            Matcher m = glyph.matcher(glyphs[i]);
            assertTrue(m.matches(), "hb-shape glyph " + glyphs[i]);
            result[0][i] = Integer.parseInt(m.group(1));
            result[1][i] = Integer.parseInt(m.group(4));
            result[2][i] = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            result[3][i] = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        }
        return result;
    }

    /** Runs a command with a 10 s deadline and returns its standard output. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("shaping-test", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(command.get(0) + " did not finish within 10 s");
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) fail(command + " exited " + p.exitValue() + ": " + text);
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Non-transparent pixels in the rectangle [x0, x1) x [y0, y1). */
    static int ink(RenderedText r, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) if ((r.pixel(x, y) >>> 24) != 0) n++;
        }
        return n;
    }

    static int ink(RenderedText r) {
        return ink(r, 0, 0, r.width(), r.height());
    }
}
