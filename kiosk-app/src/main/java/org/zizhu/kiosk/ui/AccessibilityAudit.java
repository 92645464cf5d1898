package org.zizhu.kiosk.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Text;

/**
 * Measures a laid-out scene as a resident's eyes and fingers meet it (issue 12), and lists what
 * falls short: text contrast (WCAG relative luminance of a label's text fill against the
 * background painted behind it), touch-target size in millimetres on the configured screen,
 * text size in points on that screen, text cut off (ellipsis or overflowing its control), nodes
 * outside the window, and touch targets overlapping one another. Run on the JavaFX thread after
 * CSS and layout; the screenshot tour hands it every screen ({@code AccessibilityAuditUiTest}).
 *
 * <p>Thresholds (docs/accessibility.md): contrast 4.5:1, 7:1 in elder mode; targets 15 mm, 20 mm
 * in elder mode; text at least 12 pt, in elder mode 18 pt and headings 30 pt (MIIT's elderly
 * specification); points are physical (1 pt = 0.3528 mm) on the configured screen.
 */
public final class AccessibilityAudit {
    /** What is checked. */
    public enum Rule { CONTRAST, TARGET_SIZE, TEXT_SIZE, CUT_OFF, OUTSIDE_WINDOW, OVERLAP }

    /** One shortfall: on which screen, which node (its id, or its class and text), what was measured, what is required. */
    public record Finding(String screen, Rule rule, String node, String measured, String required) {
        @Override
        public String toString() {
            return screen + " " + rule + " " + node + ": " + measured + " (needs " + required + ")";
        }
    }

    /** Normal mode's smallest text, in points. */
    public static final double MIN_TEXT_PT = 12;
    /** Elder mode's smallest body text (MIIT: 18 pt). */
    public static final double ELDER_MIN_TEXT_PT = 18;
    /** Elder mode's smallest heading (MIIT: the main functions' text 30 pt). */
    public static final double ELDER_MIN_HEADING_PT = 30;
    public static final double MIN_CONTRAST = 4.5;
    public static final double ELDER_MIN_CONTRAST = 7.0;
    /** Style classes of headings (the elder 30 pt rule). */
    static final Set<String> HEADINGS = Set.of("heading", "section", "app-title", "attract-title");
    /** Half a pixel: layout rounds to whole pixels. */
    private static final double SLACK = 0.5;

    private final UiMetrics metrics;
    private final boolean elder;

    public AccessibilityAudit(UiMetrics metrics, boolean elder) {
        this.metrics = metrics;
        this.elder = elder;
    }

    /** Every finding on the scene as it is laid out now. */
    public List<Finding> check(String screen, Scene scene) {
        List<Finding> out = new ArrayList<>();
        Bounds window = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        List<Node> targets = new ArrayList<>();
        walk(scene.getRoot(), n -> {
            if (n instanceof Labeled l) {
                label(screen, scene, l, out);
            } else if (n instanceof TextInputControl t) {
                textSize(screen, t, t.getFont().getSize(), false, out);
            }
            if (isTarget(n)) {
                targets.add(n);
                size(screen, n, out);
            }
            if ((n instanceof Labeled || isTarget(n)) && !insideScroll(n)) {
                Bounds b = n.localToScene(n.getLayoutBounds());
                if (b.getMinX() < window.getMinX() - SLACK || b.getMinY() < window.getMinY() - SLACK
                        || b.getMaxX() > window.getMaxX() + SLACK || b.getMaxY() > window.getMaxY() + SLACK) {
                    out.add(new Finding(screen, Rule.OUTSIDE_WINDOW, describe(n), fmt(b), "inside " + fmt(window)));
                }
            }
        });
        overlaps(screen, targets, out);
        return out;
    }

    // ---- the walk -------------------------------------------------------------------------

    private static void walk(Node n, java.util.function.Consumer<Node> visit) {
        if (!n.isVisible()) {
            return; // nor anything inside it
        }
        visit.accept(n);
        if (n instanceof ScrollBar) {
            return; // one target: its arrows, track and thumb are parts of it (see size)
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, visit);
            }
        }
    }

    /** Something a resident touches: a button of any kind, or a node with its own click or press handler. */
    static boolean isTarget(Node n) {
        if (n.isDisabled()) {
            return false;
        }
        if (n instanceof ButtonBase || n instanceof ScrollBar) {
            return true;
        }
        return n.getOnMouseClicked() != null || n.getOnMousePressed() != null || n.getOnTouchPressed() != null;
    }

    private static boolean insideScroll(Node n) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane) {
                return true;
            }
        }
        return false;
    }

    /** The part of {@code n} a resident can see: its bounds clipped by every scroll pane around it (null: scrolled away). */
    private static Bounds visibleBounds(Node n) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp) {
                b = intersect(b, sp.localToScene(sp.getLayoutBounds()));
                if (b == null) {
                    return null;
                }
            }
        }
        return b;
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double x0 = Math.max(a.getMinX(), b.getMinX());
        double y0 = Math.max(a.getMinY(), b.getMinY());
        double x1 = Math.min(a.getMaxX(), b.getMaxX());
        double y1 = Math.min(a.getMaxY(), b.getMaxY());
        return x1 - x0 <= 0 || y1 - y0 <= 0 ? null : new BoundingBox(x0, y0, x1 - x0, y1 - y0);
    }

    // ---- labels: contrast, size, cut off ---------------------------------------------------

    private void label(String screen, Scene scene, Labeled l, List<Finding> out) {
        String text = l.getText() == null ? "" : l.getText();
        Node graphic = l.getGraphic();
        boolean imageText = text.isEmpty() && graphic instanceof ImageView && graphic.isVisible();
        if (imageText) {
            // A script drawn as an image (traditional Mongolian): the image must fit the control.
            Bounds g = graphic.getBoundsInParent();
            Bounds own = l.getLayoutBounds();
            if (g.getMinX() < own.getMinX() - SLACK || g.getMinY() < own.getMinY() - SLACK
                    || g.getMaxX() > own.getMaxX() + SLACK || g.getMaxY() > own.getMaxY() + SLACK) {
                out.add(new Finding(screen, Rule.CUT_OFF, describe(l), "image " + fmt(g), "within " + fmt(own)));
            }
            return;
        }
        if (text.isBlank()) {
            return;
        }
        boolean heading = l.getStyleClass().stream().anyMatch(HEADINGS::contains);
        textSize(screen, l, l.getFont().getSize(), heading, out);
        if (!l.isDisabled()) {
            contrast(screen, scene, l, out);
        }
        cutOff(screen, l, text, out);
    }

    private void textSize(String screen, Node n, double px, boolean heading, List<Finding> out) {
        double pt = px / metrics.pxPerMm() / UiMetrics.MM_PER_PT;
        double min = !elder ? MIN_TEXT_PT : heading ? ELDER_MIN_HEADING_PT : ELDER_MIN_TEXT_PT;
        if (pt < min - 0.05) {
            out.add(new Finding(screen, Rule.TEXT_SIZE, describe(n), String.format(Locale.ROOT, "%.1f pt (%.0f px)", pt, px),
                    String.format(Locale.ROOT, "%.0f pt (%.1f px)", min, metrics.ptToPx(min))));
        }
    }

    private static void cutOff(String screen, Labeled l, String text, List<Finding> out) {
        Text shown = null;
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && t.isVisible()) {
                shown = t;
                break;
            }
        }
        if (shown == null) {
            return; // no skin yet: not on screen
        }
        String expected = l.isMnemonicParsing() ? text.replace("_", "") : text;
        String drawn = shown.getText() == null ? "" : shown.getText();
        if (!drawn.replace("_", "").equals(expected.replace("_", ""))) {
            out.add(new Finding(screen, Rule.CUT_OFF, describe(l), "shows \"" + clip(drawn) + "\"", "all of \"" + clip(text) + "\""));
            return;
        }
        Bounds t = shown.getBoundsInParent();
        Bounds own = l.getLayoutBounds();
        // Sideways a glyph's overhang or a wrapped line's last few pixels are not lost text:
        // half a character is. Downwards any line past the bottom is.
        double side = Math.max(1, l.getFont().getSize() / 2);
        if (t.getMinX() < own.getMinX() - side || t.getMaxX() > own.getMaxX() + side
                || t.getMinY() < own.getMinY() - 1 || t.getMaxY() > own.getMaxY() + 1) {
            out.add(new Finding(screen, Rule.CUT_OFF, describe(l), "text " + fmt(t), "within " + fmt(own)));
        }
    }

    private void contrast(String screen, Scene scene, Labeled l, List<Finding> out) {
        List<Color> fg = colours(l.getTextFill());
        if (fg.isEmpty()) {
            return;
        }
        List<Color> bg = background(scene, l);
        double worst = Double.MAX_VALUE;
        for (Color b : bg) {
            for (Color f : fg) {
                worst = Math.min(worst, ratio(over(f, b), b));
            }
        }
        double min = elder ? ELDER_MIN_CONTRAST : MIN_CONTRAST;
        if (worst < min - 0.005) {
            out.add(new Finding(screen, Rule.CONTRAST, describe(l),
                    String.format(Locale.ROOT, "%.2f:1 (%s on %s)", worst, hex(fg.get(0)), hex(bg.get(0))),
                    String.format(Locale.ROOT, "%.1f:1", min)));
        }
    }

    /**
     * The colours painted behind {@code n}: the scene's fill, then every background fill of
     * every region from the root down to {@code n} itself, each laid over what is below it (a
     * gradient counts as each of its stops, so the worst stop decides).
     */
    static List<Color> background(Scene scene, Node n) {
        List<Region> chain = new ArrayList<>();
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof Region r) {
                chain.add(0, r);
            }
        }
        List<Color> base = colours(scene.getFill());
        if (base.isEmpty()) {
            base = List.of(Color.WHITE);
        }
        for (Region r : chain) {
            if (r.getBackground() == null) {
                continue;
            }
            for (BackgroundFill f : r.getBackground().getFills()) {
                List<Color> fill = colours(f.getFill());
                if (fill.isEmpty() || fill.stream().allMatch(c -> c.getOpacity() == 0)) {
                    continue;
                }
                Set<Color> next = new LinkedHashSet<>();
                for (Color c : fill) {
                    for (Color b : base) {
                        next.add(over(c, b));
                    }
                }
                base = new ArrayList<>(next);
            }
        }
        return base;
    }

    private static List<Color> colours(Paint p) {
        if (p instanceof Color c) {
            return List.of(c);
        }
        if (p instanceof LinearGradient g) {
            return g.getStops().stream().map(Stop::getColor).toList();
        }
        if (p instanceof RadialGradient g) {
            return g.getStops().stream().map(Stop::getColor).toList();
        }
        return List.of();
    }

    /** {@code top} laid over the opaque {@code below}. */
    private static Color over(Color top, Color below) {
        double a = top.getOpacity();
        return Color.color(top.getRed() * a + below.getRed() * (1 - a), top.getGreen() * a + below.getGreen() * (1 - a),
                top.getBlue() * a + below.getBlue() * (1 - a));
    }

    /** WCAG 2 relative luminance. */
    static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** WCAG 2 contrast ratio, 1 to 21. */
    public static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    // ---- touch targets ---------------------------------------------------------------------

    private void size(String screen, Node n, List<Finding> out) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        double minMm = elder ? UiMetrics.ELDER_MIN_TOUCH_MM : UiMetrics.MIN_TOUCH_MM;
        double w = b.getWidth() / metrics.pxPerMm();
        double h = b.getHeight() / metrics.pxPerMm();
        if (n instanceof ScrollBar bar) {
            // A scroll bar is as long as its list; a finger needs its thickness.
            if (bar.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                h = Double.MAX_VALUE;
            } else {
                w = Double.MAX_VALUE;
            }
        }
        // Half a pixel of slack: the layout's whole pixels against a millimetre figure.
        double slackMm = SLACK / metrics.pxPerMm();
        if (w < minMm - slackMm || h < minMm - slackMm) {
            out.add(new Finding(screen, Rule.TARGET_SIZE, describe(n),
                    String.format(Locale.ROOT, "%.1f x %.1f mm (%.0f x %.0f px)", b.getWidth() / metrics.pxPerMm(),
                            b.getHeight() / metrics.pxPerMm(), b.getWidth(), b.getHeight()),
                    String.format(Locale.ROOT, "%.0f mm (%.0f px) each side", minMm, metrics.minTouchPx(elder))));
        }
    }

    private static void overlaps(String screen, List<Node> targets, List<Finding> out) {
        List<Bounds> shown = targets.stream().map(AccessibilityAudit::visibleBounds).toList();
        for (int i = 0; i < targets.size(); i++) {
            for (int j = i + 1; j < targets.size(); j++) {
                Bounds a = shown.get(i);
                Bounds b = shown.get(j);
                if (a == null || b == null || related(targets.get(i), targets.get(j))) {
                    continue;
                }
                Bounds both = intersect(a, b);
                if (both != null && both.getWidth() > 1 && both.getHeight() > 1) {
                    out.add(new Finding(screen, Rule.OVERLAP, describe(targets.get(i)) + " / " + describe(targets.get(j)),
                            fmt(both), "no overlap"));
                }
            }
        }
    }

    private static boolean related(Node a, Node b) {
        for (Node p = a; p != null; p = p.getParent()) {
            if (p == b) {
                return true;
            }
        }
        for (Node p = b; p != null; p = p.getParent()) {
            if (p == a) {
                return true;
            }
        }
        return false;
    }

    // ---- naming ----------------------------------------------------------------------------

    /** The node's id; without one, its nearest ancestor's id, its class and its text. */
    static String describe(Node n) {
        if (n.getId() != null && !n.getId().isEmpty()) {
            return "#" + n.getId();
        }
        String near = "";
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null && !p.getId().isEmpty()) {
                near = "#" + p.getId() + " ";
                break;
            }
        }
        String cls = n.getStyleClass().isEmpty() ? n.getClass().getSimpleName() : String.join(".", n.getStyleClass());
        String text = n instanceof Labeled l && l.getText() != null ? " \"" + clip(l.getText()) + "\"" : "";
        return near + "." + cls + text;
    }

    private static String clip(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 24 ? one : one.substring(0, 24) + "…";
    }

    private static String fmt(Bounds b) {
        return String.format(Locale.ROOT, "[%.0f,%.0f %.0fx%.0f]", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
