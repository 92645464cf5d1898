package org.zizhu.kiosk.ui;

import java.util.OptionalInt;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;

/**
 * The countdown before the idle timeout: "还剩 N 秒将返回首页，需要更多时间吗？" and a large
 * "need more time" button. A bar at the foot of the window rather than a pop-up (elder mode
 * allows none): it covers nothing the resident was using and goes as soon as they touch.
 * It renders the seconds {@code KioskFlow.idleCountdown()} gives; it keeps no timer of its own.
 */
final class IdleCountdownBar {
    private final Messages msg;
    private final Screens screens;
    private final Label text = new Label();
    private final Button more;
    private final HBox bar;
    private Language shownLanguage;
    private int shownSeconds = -1;

    IdleCountdownBar(Messages msg, Screens screens, Runnable moreTime) {
        this.msg = msg;
        this.screens = screens;
        text.setId("idle-countdown-text");
        text.getStyleClass().add("idle-countdown-text");
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        more = screens.touchButton("", "idle-more-time", moreTime);
        more.getStyleClass().addAll("primary", "idle-more-time");
        bar = new HBox(24, text, more);
        bar.setId("idle-countdown");
        bar.getStyleClass().add("idle-countdown");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(16, 24, 16, 24));
        hide();
    }

    Node node() {
        return bar;
    }

    /** Shows {@code secondsLeft} in {@code l}, or hides the bar when it is empty. */
    void show(Language l, OptionalInt secondsLeft) {
        if (secondsLeft.isEmpty()) {
            hide();
            return;
        }
        int n = secondsLeft.getAsInt();
        if (bar.isVisible() && n == shownSeconds && l == shownLanguage) {
            return;
        }
        shownSeconds = n;
        shownLanguage = l;
        text.setText(msg.format(l, "idle.countdown", n));
        more.setText(msg.get(l, "idle.moreTime"));
        // The button's size follows the mode on screen (20 mm in elder mode).
        more.setMinHeight(Math.ceil(screens.minTouchPx() * 1.25));
        bar.setVisible(true);
        bar.setManaged(true);
    }

    boolean showing() {
        return bar.isVisible();
    }

    private void hide() {
        bar.setVisible(false);
        bar.setManaged(false);
        shownSeconds = -1;
    }
}
