package org.zizhu.kiosk.ui;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.slf4j.LoggerFactory;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.shaping.Orientation;
import org.zizhu.shaping.RenderedText;
import org.zizhu.shaping.ScriptRenderer;
import org.zizhu.shaping.Scripts;
import org.zizhu.shaping.ShapingFont;

/**
 * Draws traditional Mongolian on the screens. JavaFX's own text draws every Mongolian letter in
 * its isolated form (measured: no joining, no contextual forms), so every {@link Labeled} whose
 * text has Mongolian in it is shown instead as a picture of the text shaped by HarfBuzz (see the
 * {@code shaping} module): the text stays the control's text (tests, accessibility, the audit
 * read it) and only the picture is drawn ({@link ContentDisplay#GRAPHIC_ONLY}).
 *
 * <p>Layout follows the script: columns top to bottom, placed left to right. Two exceptions
 * read better and are what Inner Mongolia's bilingual signs do in horizontal layouts: text under
 * a node with the style class {@value #HORIZONTAL_CLASS} (the top bar, whose keys must stay one
 * row high), and text mixed with Chinese (a catalogue name inside a Mongolian sentence), whose
 * Chinese would otherwise lie on its side; both are drawn as a horizontal line.
 *
 * <p>Pictures are cached (a screen is redrawn on every change of the flow; shaping a label takes
 * about a millisecond, a cached picture nothing). Everything here runs on the JavaFX thread.
 */
final class MongolianScript {
    /** Style class: Mongolian under this node is drawn horizontally (rotated-line style). */
    static final String HORIZONTAL_CLASS = "mongolian-horizontal";
    /** Node property holding the key of the picture a label shows, so an unchanged label is left alone. */
    private static final String DRAWN = "zizhu.mongolian.drawn";
    private static final int CACHE_SIZE = 600;

    private final ScriptRenderer renderer;
    private final String unavailable;
    private final Map<String, Image> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private MongolianScript(ScriptRenderer renderer, String unavailable) {
        this.renderer = renderer;
        this.unavailable = unavailable;
    }

    /**
     * Opens the Mongolian font with HarfBuzz. Without the library or the font the kiosk still
     * runs, without Mongolian: the language key is not offered, and the reason is logged once.
     */
    static MongolianScript open(Path font) {
        try {
            ShapingFont f = ShapingFont.open(font);
            // The fallback draws Chinese and digits inside Mongolian text: the UI's own CJK font.
            java.awt.Font cjk = new java.awt.Font("Noto Sans CJK SC", java.awt.Font.PLAIN, 24);
            if ("Dialog".equals(cjk.getFamily())) {
                cjk = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 24);
            }
            EventLog.event(EventId.MONGOLIAN_SCRIPT, Outcome.SUCCESS, "font", font.getFileName().toString());
            return new MongolianScript(new ScriptRenderer(f, cjk), null);
        } catch (RuntimeException | LinkageError e) { // ShapingUnavailable among them
            EventLog.event(EventId.MONGOLIAN_SCRIPT, Outcome.FAILURE, "font", String.valueOf(font), "error", e.getClass().getSimpleName());
            LoggerFactory.getLogger(MongolianScript.class).warn("traditional Mongolian is not offered: {}", e.getMessage());
            return new MongolianScript(null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** The font and the shaping engine opened: Mongolian can be offered. */
    boolean available() {
        return renderer != null;
    }

    /** Why Mongolian is not offered (null when it is). */
    String unavailableReason() {
        return unavailable;
    }

    /**
     * Forgets every drawn picture. Called when a visit ends: a picture is of a label's text, and a
     * label may show the resident's own data (a name or address in Mongolian script), which must
     * not outlive the visit in memory. Bundle texts are drawn again in about a millisecond.
     */
    void forgetVisit() {
        cache.clear();
    }

    /**
     * Draws every label under {@code root} that has Mongolian in it (any language on screen: a
     * bilingual attract screen or the Mongolian language key are Mongolian in a Chinese visit).
     * Call after the CSS pass, so a label's font and colour are those on screen.
     */
    void apply(Node root) {
        if (renderer == null || root == null) {
            return;
        }
        double w = root.getScene() != null ? root.getScene().getWidth() : 0;
        sceneWidth = w > 0 ? w : 1280;
        walk(root, false);
    }

    /** Width of the window when the pass began: a horizontal line never runs wider than most of it. */
    private double sceneWidth = 1280;

    private void walk(Node n, boolean horizontal) {
        boolean h = horizontal || n.getStyleClass().contains(HORIZONTAL_CLASS);
        if (n instanceof Labeled l) {
            draw(l, h);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, h);
            }
        }
        if (n instanceof Labeled l && l.getGraphic() != null && !(l.getGraphic() instanceof ImageView)) {
            walk(l.getGraphic(), h); // a tile's graphic holds its own labels
        }
    }

    private void draw(Labeled l, boolean horizontalHere) {
        String text = l.getText();
        if (text == null || text.isEmpty() || !Scripts.containsMongolian(text)) {
            if (l.hasProperties() && l.getProperties().remove(DRAWN) != null) {
                // It showed Mongolian before and now shows other text (a language change reuses no
                // node today, but a label whose text is set later may): back to plain text.
                l.setGraphic(null);
                l.setContentDisplay(ContentDisplay.LEFT);
            }
            return;
        }
        double size = l.getFont() == null ? 24 : l.getFont().getSize();
        int argb = argb(l.getTextFill());
        boolean horizontal = horizontalHere || hasCjk(text);
        int maxLength = maxLength(l, size, horizontal, sceneWidth);
        String key = text + '\u0000' + size + '\u0000' + argb + '\u0000' + horizontal + '\u0000' + maxLength;
        if (l.hasProperties() && key.equals(l.getProperties().get(DRAWN))) {
            return;
        }
        Image img;
        try {
            img = cache.computeIfAbsent(key, k -> image(text, (float) size, argb, horizontal, maxLength));
        } catch (RuntimeException e) {
            // A text the renderer refuses (too long, say) stays drawn by JavaFX: unjoined but there.
            EventLog.event(EventId.MONGOLIAN_SCRIPT, Outcome.FAILURE, "where", "render", "error", e.getClass().getSimpleName());
            return;
        }
        ImageView view = new ImageView(img);
        view.getStyleClass().add("mongolian-text");
        l.setGraphic(view);
        l.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        l.setAccessibleText(text);
        l.getProperties().put(DRAWN, key);
    }

    /**
     * How long a column (or line) may grow before it wraps. A label with a set maximum keeps to it;
     * otherwise a short key gets about seven characters' height and running text about twelve, so
     * a sentence becomes a few columns side by side instead of one running off the screen.
     */
    private static int maxLength(Labeled l, double size, boolean horizontal, double sceneWidth) {
        double set = horizontal ? l.getMaxWidth() : l.getMaxHeight();
        double byText = (l.isWrapText() ? (horizontal ? 24 : 12) : (horizontal ? 40 : 7)) * size;
        if (horizontal) {
            byText = Math.min(byText, 0.8 * sceneWidth);
        }
        // A maximum the screen set wins (the attract screen's long columns); otherwise by the text.
        double len = set > 0 && set < Double.MAX_VALUE / 2 ? set : byText;
        return (int) Math.max(Math.ceil(size), Math.round(len));
    }

    private Image image(String text, float size, int argb, boolean horizontal, int maxLength) {
        RenderedText r = renderer.render(text, size, argb, horizontal ? Orientation.HORIZONTAL : Orientation.VERTICAL, maxLength);
        if (r.missingGlyphs() > 0) {
            EventLog.event(EventId.MONGOLIAN_SCRIPT, Outcome.FAILURE, "where", "glyphs", "missing", r.missingGlyphs());
        }
        WritableImage img = new WritableImage(Math.max(1, r.width()), Math.max(1, r.height()));
        img.getPixelWriter().setPixels(0, 0, r.width(), r.height(), PixelFormat.getIntArgbPreInstance(), r.argbPre(), 0, r.width());
        return img;
    }

    private static boolean hasCjk(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static int argb(Paint p) {
        Color c = p instanceof Color col ? col : Color.BLACK;
        return ((int) Math.round(c.getOpacity() * 255) << 24) | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }
}
