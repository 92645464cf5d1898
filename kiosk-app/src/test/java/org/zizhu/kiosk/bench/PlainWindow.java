package org.zizhu.kiosk.bench;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The yardstick of {@link FirstFrameBench}: the plainest JavaFX window, one label, measured
 * the same way as the kiosk (first pulse after the window is shown, from JVM start). The label
 * is Chinese by default, as the kiosk's first screen is, so both pay for the CJK font;
 * {@code --ascii} gives the Latin-only variant.
 */
public final class PlainWindow {
    private static volatile String text = "自助服务终端";

    private PlainWindow() {
    }

    /** A main class that extends Application makes the java launcher demand JavaFX modules; this one does not. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--ascii")) {
            text = "Self-service terminal";
        }
        Application.launch(App.class);
    }

    /** The window. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(new Label(text)), 1280, 800);
            Runnable[] self = new Runnable[1];
            self[0] = () -> {
                if (!stage.isShowing()) {
                    return;
                }
                long now = System.currentTimeMillis();
                scene.removePostLayoutPulseListener(self[0]);
                Platform.runLater(() -> System.out.println("first-frame ms=\"" + (now - ManagementFactory.getRuntimeMXBean().getStartTime()) + "\""));
            };
            scene.addPostLayoutPulseListener(self[0]);
            stage.setScene(scene);
            stage.show();
        }
    }
}
