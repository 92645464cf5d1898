package org.zizhu.kiosk.ui;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.util.Duration;
import org.zizhu.threads.DaemonThreads;

/**
 * The document camera's live picture while a page is being taken: a JavaFX timeline asks a few
 * times a second, the picture is fetched (a JPEG the port encodes) off the FX thread, one at a
 * time so a slow camera skips ticks instead of queueing them, and shown in the view of the page
 * drawn last. Everything is touched on the FX thread except the fetch.
 */
final class CameraPreview {
    /** Five pictures a second is enough to place a page. */
    static final Duration PERIOD = Duration.millis(200);

    private final AtomicBoolean inFlight = new AtomicBoolean();
    private Timeline timeline;
    private ThreadPoolExecutor worker;
    private ImageView view;
    private Image last;

    /** Starts asking {@code source} (nothing when already running). */
    void start(Supplier<Optional<byte[]>> source) {
        if (timeline != null) {
            return;
        }
        if (worker == null) {
            // One thread that ends when idle: encoding a frame must not hold up the screen.
            worker = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    DaemonThreads.named("application-preview"));
        }
        Timeline tl = new Timeline(new KeyFrame(PERIOD, e -> poll(source)));
        tl.setCycleCount(Animation.INDEFINITE);
        timeline = tl;
        tl.play();
        poll(source);
    }

    private void poll(Supplier<Optional<byte[]>> source) {
        if (timeline == null || !inFlight.compareAndSet(false, true)) {
            return;
        }
        Timeline asked = timeline;
        worker.execute(() -> {
            Optional<byte[]> jpeg;
            try {
                jpeg = source.get();
            } catch (RuntimeException e) {
                jpeg = Optional.empty(); // a help only: a failing preview costs the picture, never the capture
            }
            Optional<byte[]> got = jpeg;
            Platform.runLater(() -> {
                inFlight.set(false);
                got.ifPresent(b -> {
                    try {
                        if (timeline == asked && view != null) {
                            Image img = new Image(new ByteArrayInputStream(b));
                            if (!img.isError()) {
                                last = img;
                                view.setImage(img);
                            }
                        }
                    } finally {
                        Arrays.fill(b, (byte) 0);
                    }
                });
            });
        });
    }

    /** A view for the page being drawn, showing the last picture; later pictures go to it. */
    ImageView view(String id, double width, double height) {
        ImageView v = new ImageView(last);
        v.setId(id);
        v.setFitWidth(width);
        v.setFitHeight(height);
        v.setPreserveRatio(true);
        view = v;
        return v;
    }

    /** Stops asking and drops the picture (it showed the resident's material). */
    void stop() {
        if (timeline != null) {
            timeline.stop();
            timeline = null;
        }
        view = null;
        last = null;
    }

    boolean running() {
        return timeline != null;
    }
}
