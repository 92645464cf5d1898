package org.zizhu.kiosk.ui;

import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The screen's shape, fixed by configuration ({@code ui.width} &lt; {@code ui.height} is an
 * upright hall terminal): the window root carries the style class {@link #styleClass} so the
 * stylesheet can adapt, and the screens lay out in code what CSS cannot (a side panel above
 * rather than beside the content).
 */
enum Layout {
    LANDSCAPE, PORTRAIT;

    static Layout of(UiMetrics metrics) {
        return metrics.portrait() ? PORTRAIT : LANDSCAPE;
    }

    boolean portrait() {
        return this == PORTRAIT;
    }

    /** {@code portrait} or {@code landscape}, on the window root. */
    String styleClass() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Two parts of a screen: {@code side} beside {@code main} on a wide screen, above it on an
     * upright one; {@code main} takes the space left either way.
     */
    Pane pair(double gap, Node side, Node main) {
        if (portrait()) {
            VBox.setVgrow(main, Priority.ALWAYS);
            return new VBox(gap, side, main);
        }
        HBox.setHgrow(main, Priority.ALWAYS);
        return new HBox(gap, side, main);
    }
}
