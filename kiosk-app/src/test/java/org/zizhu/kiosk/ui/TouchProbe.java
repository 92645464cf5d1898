package org.zizhu.kiosk.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Touches a kiosk window's buttons the way a finger does and times the way to the next screen,
 * for the UI benchmarks ({@link UiLatencyBench}, {@link SpeechStartBench}). The press and release
 * come from the JavaFX robot (under Monocle: the platform's input queue, then the scene's own
 * picking and dispatch, as a touchscreen's events do); every instant is System.nanoTime taken on
 * the JavaFX thread:
 * <ol>
 *   <li>{@code input}: the event that changed the screen reaches the window (a window event
 *       filter: the first handler of its dispatch, before the kiosk's own filter on the scene): the release, on which a button fires its
 *       action; the press where the screen changes on it already (the attract screen: any touch
 *       starts a visit);</li>
 *   <li>{@code center}: the window sets the new screen as the root's centre (render);</li>
 *   <li>{@code pre}: the next pulse starts (pre-layout pulse listener);</li>
 *   <li>{@code post}: that pulse has run CSS and layout over the new screen (post-layout pulse
 *       listener); what follows is the sync to the render graph and the painting on the
 *       renderer thread, which no public hook shows.</li>
 * </ol>
 */
final class TouchProbe {
    /** One touch's instants (System.nanoTime). */
    record Timing(long input, boolean onRelease, long center, long pre, long post) {
        double totalMs() {
            return (post - input) / 1e6;
        }

        double handlerMs() {
            return (center - input) / 1e6;
        }

        double waitMs() {
            return (pre - center) / 1e6;
        }

        double layoutMs() {
            return (post - pre) / 1e6;
        }
    }

    /** The touch being timed; touched on the JavaFX thread only. */
    private static final class Armed {
        final CompletableFuture<Timing> done = new CompletableFuture<>();
        long input;
        boolean released;
        long center;
        long pre;
    }

    private final BorderPane root;
    private final FxRobot finder = new FxRobot();
    private Robot robot;
    private Armed armed;

    TouchProbe(Stage stage) {
        Scene scene = stage.getScene();
        this.root = (BorderPane) scene.getRoot();
        onFx(TouchProbe::stopTestFxEventLog);
        onFx(() -> {
            robot = new Robot();
            // On the window: its filters run before the scene's, where the kiosk's own touch filter is.
            stage.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
                if (armed != null && armed.input == 0) {
                    armed.input = System.nanoTime();
                }
            });
            stage.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
                if (armed != null && armed.center == 0 && !armed.released) {
                    armed.input = System.nanoTime();
                    armed.released = true;
                }
            });
            root.centerProperty().addListener((o, was, now) -> {
                if (armed != null && armed.input != 0 && armed.center == 0) {
                    armed.center = System.nanoTime();
                }
            });
            scene.addPreLayoutPulseListener(() -> {
                if (armed != null && armed.center != 0 && armed.pre == 0) {
                    armed.pre = System.nanoTime();
                }
            });
            scene.addPostLayoutPulseListener(() -> {
                if (armed != null && armed.pre != 0) {
                    long post = System.nanoTime();
                    Armed a = armed;
                    armed = null;
                    a.done.complete(new Timing(a.input, a.released, a.center, a.pre, post));
                }
            });
        });
    }

    /**
     * TestFX keeps every event fired at the registered stage (FxToolkitContext's FiredEvents, for
     * its own assertions), each holding its target node: over thousands of touches that keeps
     * every old screen alive with its render caches (one path JFR showed from the growing heap to
     * a GC root, bench/ui.md). The benchmarks use none of it: stop storing.
     */
    private static void stopTestFxEventLog() {
        try {
            java.lang.reflect.Field f = org.testfx.api.FxToolkitContext.class.getDeclaredField("firedEvents");
            f.setAccessible(true);
            var fired = (org.testfx.service.support.FiredEvents) f.get(org.testfx.api.FxToolkit.toolkitContext());
            if (fired != null) {
                fired.stopStoringFiredEvents();
                fired.clearEvents();
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TestFX's event log cannot be switched off", e);
        }
    }

    /**
     * Touches the button {@code query} finds (press and release at its centre) and waits until
     * the pulse that lays out the screen it leads to has run.
     */
    Timing tap(String query) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Node n = finder.lookup(query).tryQuery().orElseThrow(() -> new IllegalStateException("no " + query + " on screen"));
        Point2D at = onFx(() -> {
            Bounds b = n.localToScreen(n.getBoundsInLocal());
            return new Point2D(b.getCenterX(), b.getCenterY());
        });
        CompletableFuture<Timing> done = onFx(() -> {
            armed = new Armed();
            robot.mouseMove(at);
            robot.mousePress(MouseButton.PRIMARY);
            return armed.done;
        });
        // Monocle applies each robot call in a later turn of its event loop: the release issued
        // in the same turn as the press is lost, so it comes once the press has been handled.
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> robot.mouseRelease(MouseButton.PRIMARY));
        try {
            return done.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            String seen = onFx(() -> {
                Armed a = armed;
                armed = null;
                return a == null ? "" : " (input " + (a.input != 0) + ", released " + a.released + ", new screen set "
                        + (a.center != 0) + ", pulse " + (a.pre != 0) + ")";
            });
            throw new IllegalStateException("touching " + query + " at " + at + " showed no new screen within 10 s" + seen, e);
        }
    }

    static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(10, TimeUnit.SECONDS);
    }

    static void onFx(Runnable r) {
        try {
            onFx(() -> {
                r.run();
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- reporting -----------------------------------------------------------------------

    /** Nearest-rank percentile of sorted values. */
    static double pct(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
    }

    static double[] sorted(List<Double> values) {
        double[] s = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        return s;
    }

    /** The machine's load averages (1, 5, 15 min), as /proc/loadavg says. */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Prints the lines and writes them to {@code target/bench/NAME} (the module's build directory). */
    static void publish(String name, List<String> lines) throws IOException {
        lines.forEach(System.out::println);
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Files.write(dir.resolve(name), new ArrayList<>(lines));
        System.out.println("written to " + dir.resolve(name).toAbsolutePath());
    }
}
