package org.zizhu.shaping;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renders text with traditional Mongolian in it to pixels. Mongolian runs are shaped by HarfBuzz
 * with a {@link ShapingFont} and drawn by glyph id; everything else (Chinese, Latin, digits) is drawn
 * with a fallback {@link java.awt.Font} given by the caller (e.g. Noto Sans CJK), one grapheme at a
 * time with {@code drawString}. In the vertical layout the fallback text turns with the line, as
 * Latin and digits do in vertical Mongolian.
 *
 * <p>Runs: a Mongolian run is a stretch of {@link Scripts#isMongolian} characters together with the
 * spaces, ZWJ/ZWNJ and the punctuation the Mongolian font has a glyph for that stand between or after
 * them (at the start of a paragraph such characters go with what follows). A Mongolian run is shaped
 * with the whole paragraph as context. Lines break at spaces, between CJK ideographs, and, for a word
 * longer than the line, between clusters (Mongolian) or graphemes (other text).
 *
 * <p>Input is cleaned, never refused for its content: CR LF and CR become '\n', a tab a space, a lone
 * surrogate U+FFFD, other control characters are dropped, as are format characters outside Mongolian
 * runs. Bounds are refused with {@link IllegalArgumentException}: more than {@link #MAX_CHARS}
 * chars, a size outside {@value #MIN_SIZE_PX}..{@value #MAX_SIZE_PX} px, a maximum length below the
 * size, or an image above {@link #MAX_PIXELS} pixels. The empty text (or one that is empty after
 * cleaning) renders as one transparent pixel with 0 lines.
 *
 * <p>Immutable and thread-safe. Java2D needs no display, but a process without one must run with
 * {@code java.awt.headless=true}.
 */
public final class ScriptRenderer {

    public static final int MAX_CHARS = ShapingFont.MAX_CHARS;
    public static final float MIN_SIZE_PX = 4f;
    public static final float MAX_SIZE_PX = 400f;
    /** 16 Mpx (64 MB of pixels): a larger image is refused rather than risking the heap. */
    public static final long MAX_PIXELS = 16L * 1024 * 1024;

    private final ShapingFont mongolian;
    private final Font fallback;

    public ScriptRenderer(ShapingFont mongolian, Font fallback) {
        this.mongolian = Objects.requireNonNull(mongolian, "mongolian");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /**
     * VERTICAL: traditional Mongolian layout, each column top to bottom (the horizontally shaped line
     * turned 90° clockwise: its start at the top, the glyphs' tops facing right), columns placed left
     * to right; a column longer than {@code maxLengthPx} wraps at a space (a word longer than that is
     * broken between clusters). HORIZONTAL: the shaped line unturned, lines top to bottom, wrapped at
     * {@code maxLengthPx}. An explicit '\n' starts a new column or line (so "a\n" has two).
     *
     * @param argbColour the text colour, ARGB not premultiplied (0xFF000000 is opaque black)
     * @throws IllegalArgumentException for a text, size, length or image out of bounds (see the class comment)
     */
    public RenderedText render(String text, float sizePx, int argbColour, Orientation orientation, int maxLengthPx) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(orientation, "orientation");
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("text has " + text.length() + " chars, at most " + MAX_CHARS + " are rendered");
        }
        if (!(sizePx >= MIN_SIZE_PX && sizePx <= MAX_SIZE_PX)) {
            throw new IllegalArgumentException("size " + sizePx + " px is outside " + MIN_SIZE_PX + ".." + MAX_SIZE_PX);
        }
        if (maxLengthPx < sizePx) {
            throw new IllegalArgumentException("maximum line length " + maxLengthPx + " px is below the size " + sizePx + " px");
        }
        String clean = clean(text);
        if (clean.isEmpty()) return new RenderedText(1, 1, new int[1], 0, 0);

        FontRenderContext frc = new FontRenderContext(null, true, true);
        Fonts fonts = new Fonts(mongolian.awtFont().deriveFont(sizePx), fallback.deriveFont(sizePx), frc,
                sizePx / mongolian.unitsPerEm());
        List<Line> lines = new ArrayList<>();
        boolean usesFallback = false;
        for (String paragraph : clean.split("\n", -1)) {
            List<Unit> units = units(paragraph, fonts);
            for (Unit u : units) usesFallback |= u.gids == null && !u.space;
            lines.addAll(wrap(units, maxLengthPx));
        }

        // Every line the same thickness, from the fonts the text uses, so columns are evenly spaced.
        LineMetrics mongolianMetrics = fonts.mongolian.getLineMetrics("\u182E", frc);
        float ascent = mongolianMetrics.getAscent(), descent = mongolianMetrics.getDescent();
        if (usesFallback) {
            LineMetrics fallbackMetrics = fonts.fallback.getLineMetrics("A\u4E2D", frc);
            ascent = Math.max(ascent, fallbackMetrics.getAscent());
            descent = Math.max(descent, fallbackMetrics.getDescent());
        }
        int baseline = (int) Math.ceil(ascent);
        int thickness = Math.max(1, baseline + (int) Math.ceil(descent));
        double longest = 0;
        int missing = 0;
        for (Line line : lines) {
            longest = Math.max(longest, line.width);
            for (Unit u : line.units) missing += u.missing;
        }
        long length = Math.max(1, (long) Math.ceil(longest));
        long across = (long) thickness * lines.size();
        long width = orientation == Orientation.VERTICAL ? across : length;
        long height = orientation == Orientation.VERTICAL ? length : across;
        if (width * height > MAX_PIXELS || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("rendered text would be " + width + "x" + height
                    + " pixels, more than " + MAX_PIXELS);
        }

        BufferedImage image = new BufferedImage((int) width, (int) height, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(new Color(argbColour, true));
            for (int k = 0; k < lines.size(); k++) {
                AffineTransform at = new AffineTransform();
                if (orientation == Orientation.VERTICAL) {
                    // Line space (x along the line, y down) turned clockwise: x runs down the column,
                    // the line's top lies on the column's right edge. Column k is the k-th from the left.
                    at.translate((double) (k + 1) * thickness, 0);
                    at.rotate(Math.PI / 2);
                } else {
                    at.translate(0, (double) k * thickness);
                }
                g.setTransform(at);
                draw(g, lines.get(k), fonts, baseline);
            }
        } finally {
            g.dispose();
        }
        // A fresh TYPE_INT_ARGB_PRE image: one bank, offset 0, scanline stride = width.
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        return new RenderedText((int) width, (int) height, pixels, lines.size(), missing);
    }

    private static void draw(Graphics2D g, Line line, Fonts fonts, int baseline) {
        double x = 0;
        List<Unit> units = line.units;
        int i = 0;
        while (i < units.size()) {
            Unit u = units.get(i);
            if (u.gids != null) {
                // Consecutive Mongolian clusters in one glyph vector, each glyph where HarfBuzz put it.
                int j = i, count = 0;
                while (j < units.size() && units.get(j).gids != null) count += units.get(j++).gids.length;
                int[] gids = new int[count];
                double[] gx = new double[count], gy = new double[count];
                int n = 0;
                for (int m = i; m < j; m++) {
                    Unit v = units.get(m);
                    for (int q = 0; q < v.gids.length; q++, n++) {
                        gids[n] = v.gids[q];
                        gx[n] = x + v.gx[q];
                        gy[n] = baseline + v.gy[q];
                    }
                    x += v.advance;
                }
                if (count > 0) {
                    GlyphVector gv = fonts.mongolian.createGlyphVector(fonts.frc, gids);
                    for (int q = 0; q < count; q++) gv.setGlyphPosition(q, new Point2D.Double(gx[q], gy[q]));
                    g.drawGlyphVector(gv, 0, 0);
                }
                i = j;
            } else {
                if (!u.space) {
                    g.setFont(fonts.fallback);
                    g.drawString(u.text, (float) x, baseline);
                }
                x += u.advance;
                i++;
            }
        }
    }

    /** Greedy wrapping of one paragraph's units into lines no longer than max (unless one unit is). */
    private static List<Line> wrap(List<Unit> units, int max) {
        List<Line> lines = new ArrayList<>();
        int n = units.size();
        if (n == 0) {
            lines.add(new Line(List.of()));
            return lines;
        }
        int start = 0;
        while (start < n) {
            double w = 0;
            int i = start, lastBreak = -1;
            while (i < n) {
                Unit u = units.get(i);
                if (i > start && breakBefore(units, i)) lastBreak = i;
                // Spaces may hang past the end: they are not drawn and not counted at a line's end.
                if (!u.space && i > start && w + u.advance > max) break;
                w += u.advance;
                i++;
            }
            int end = i == n ? n : lastBreak > start ? lastBreak : i;
            lines.add(new Line(units.subList(start, end)));
            start = end;
            if (start < n) {
                while (start < n && units.get(start).space) start++;
            }
        }
        return lines;
    }

    private static boolean breakBefore(List<Unit> units, int i) {
        Unit before = units.get(i - 1), u = units.get(i);
        if (u.space) return false;
        return before.space || before.ideographic || u.ideographic;
    }

    /** Splits a paragraph into Mongolian and other runs and those into clusters/graphemes. */
    private List<Unit> units(String paragraph, Fonts fonts) {
        List<Unit> units = new ArrayList<>();
        if (paragraph.isEmpty()) return units;
        boolean[] mongolianAt = runKinds(paragraph, fonts);
        int start = 0;
        while (start < paragraph.length()) {
            boolean kind = mongolianAt[start];
            int end = start;
            while (end < paragraph.length() && mongolianAt[end] == kind) end++;
            if (kind) mongolianUnits(paragraph, start, end, fonts, units);
            else otherUnits(paragraph, start, end, fonts, units);
            start = end;
        }
        return units;
    }

    /** Per UTF-16 index: does it belong to a Mongolian run? */
    private static boolean[] runKinds(String s, Fonts fonts) {
        int n = s.length();
        // 1 Mongolian, 2 other, 0 neutral (takes its neighbour's kind).
        byte[] kind = new byte[n];
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            byte k;
            if (Scripts.isMongolian(cp)) k = 1;
            else if (cp == Scripts.ZWJ || cp == Scripts.ZWNJ) k = 0;
            else if ((Character.isWhitespace(cp) || isPunctuation(cp)) && fonts.mongolian.canDisplay(cp)) k = 0;
            else k = 2;
            for (int j = 0; j < len; j++) kind[i + j] = k;
            i += len;
        }
        byte previous = 0;
        for (int i = 0; i < n; i++) {
            if (kind[i] == 0) kind[i] = previous; else previous = kind[i];
        }
        byte next = 2;
        for (int i = n - 1; i >= 0; i--) {
            if (kind[i] == 0) kind[i] = next; else next = kind[i];
        }
        boolean[] mongolianAt = new boolean[n];
        for (int i = 0; i < n; i++) mongolianAt[i] = kind[i] == 1;
        return mongolianAt;
    }

    private static boolean isPunctuation(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private void mongolianUnits(String paragraph, int start, int end, Fonts fonts, List<Unit> out) {
        ShapedRun run = mongolian.shape(paragraph, start, end, true);
        int n = run.length();
        int i = 0;
        while (i < n) {
            int cluster = run.clusters()[i];
            int j = i;
            while (j < n && run.clusters()[j] == cluster) j++;
            int clusterEnd = j < n ? run.clusters()[j] : end;
            // HarfBuzz clusters of an LTR run are ascending; guard anyway so a surprise cannot throw.
            if (clusterEnd < cluster) clusterEnd = cluster;
            int[] gids = new int[j - i];
            double[] gx = new double[j - i], gy = new double[j - i];
            double pen = 0;
            int missing = 0;
            for (int q = i; q < j; q++) {
                gids[q - i] = run.glyphIds()[q];
                if (gids[q - i] == 0) missing++;
                gx[q - i] = pen + run.xOffsets()[q] * fonts.scale;
                gy[q - i] = -run.yOffsets()[q] * fonts.scale;
                pen += run.xAdvances()[q] * fonts.scale;
            }
            String text = paragraph.substring(Math.max(start, cluster), Math.min(end, Math.max(clusterEnd, cluster)));
            boolean space = !text.isEmpty() && text.chars().allMatch(Character::isWhitespace);
            out.add(new Unit(text, space, false, pen, gids, gx, gy, missing));
            i = j;
        }
    }

    private static void otherUnits(String paragraph, int start, int end, Fonts fonts, List<Unit> out) {
        String run = paragraph.substring(start, end);
        BreakIterator graphemes = BreakIterator.getCharacterInstance();
        graphemes.setText(run);
        int from = graphemes.first();
        for (int to = graphemes.next(); to != BreakIterator.DONE; from = to, to = graphemes.next()) {
            StringBuilder visible = new StringBuilder();
            int missing = 0;
            boolean space = true, ideographic = false;
            for (int i = from; i < to; ) {
                int cp = run.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.getType(cp) == Character.FORMAT) continue;
                visible.appendCodePoint(cp);
                if (Character.isWhitespace(cp)) continue;
                space = false;
                ideographic |= isIdeographic(cp);
                if (!Character.isSpaceChar(cp) && !fonts.fallback.canDisplay(cp)) missing++;
            }
            if (visible.isEmpty()) continue;
            String text = visible.toString();
            GlyphVector gv = fonts.fallback.createGlyphVector(fonts.frc, text);
            double advance = gv.getGlyphPosition(gv.getNumGlyphs()).getX();
            out.add(new Unit(text, space, ideographic, advance, null, null, null, missing));
        }
    }

    private static boolean isIdeographic(int cp) {
        if (Character.isIdeographic(cp)) return true;
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }

    /** Line ends to '\n', tab to space, lone surrogates to U+FFFD, other controls dropped. */
    static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                sb.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append('\uFFFD');
            } else if (c == '\r') {
                sb.append('\n');
                if (i + 1 < n && text.charAt(i + 1) == '\n') i++;
            } else if (c == '\n') {
                sb.append('\n');
            } else if (c == '\t') {
                sb.append(' ');
            } else if (!Character.isISOControl(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private record Fonts(Font mongolian, Font fallback, FontRenderContext frc, double scale) {}

    /**
     * A piece lines cannot break inside: a Mongolian cluster (glyphs placed relative to its pen start)
     * or a grapheme of other text (gids null). advance in px.
     */
    private record Unit(String text, boolean space, boolean ideographic, double advance, int[] gids, double[] gx,
                        double[] gy, int missing) {}

    private static final class Line {
        final List<Unit> units;
        final double width;

        Line(List<Unit> units) {
            this.units = units;
            double w = 0, withoutTrailingSpaces = 0;
            for (Unit u : units) {
                w += u.advance;
                if (!u.space) withoutTrailingSpaces = w;
            }
            this.width = withoutTrailingSpaces;
        }
    }
}
