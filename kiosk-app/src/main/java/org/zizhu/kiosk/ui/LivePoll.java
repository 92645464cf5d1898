package org.zizhu.kiosk.ui;

import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;
import org.zizhu.threads.DaemonThreads;

/**
 * A live picture's polling, shared by the camera previews: a JavaFX timeline asks a few times a
 * second, the answer is fetched off the FX thread (the port encodes a frame), one at a time so a
 * slow camera skips ticks instead of queueing them, and handed back on the FX thread. An answer
 * that arrives after {@link #stop()} (or a restart) goes to the discard action instead: it may be
 * a resident's face or page, so it is zeroed, never shown late. Touched on the FX thread only,
 * except the fetch.
 *
 * @param <T> what the source gives (a JPEG, a face guide)
 */
final class LivePoll<T> {
    /** Five pictures a second is enough to place a page or a face. */
    static final Duration PERIOD = Duration.millis(200);

    private final String threadName;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private Timeline timeline;
    private ThreadPoolExecutor worker;

    LivePoll(String threadName) {
        this.threadName = threadName;
    }

    /**
     * Starts asking {@code source} (nothing when already running): each answer goes to {@code show}
     * while this run lasts, otherwise a present one to {@code discard}. A failing source counts as
     * no answer: the picture is a help, never the reason a step fails.
     */
    void start(Supplier<Optional<T>> source, Consumer<Optional<T>> show, Consumer<T> discard) {
        if (timeline != null) {
            return;
        }
        if (worker == null) {
            // One thread that ends when idle: encoding a frame must not hold up the screen.
            worker = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    DaemonThreads.named(threadName));
        }
        Timeline tl = new Timeline(new KeyFrame(PERIOD, e -> poll(source, show, discard)));
        tl.setCycleCount(Animation.INDEFINITE);
        timeline = tl;
        tl.play();
        poll(source, show, discard);
    }

    private void poll(Supplier<Optional<T>> source, Consumer<Optional<T>> show, Consumer<T> discard) {
        if (timeline == null || !inFlight.compareAndSet(false, true)) {
            return;
        }
        Timeline asked = timeline;
        worker.execute(() -> {
            Optional<T> answer;
            try {
                answer = source.get();
            } catch (RuntimeException e) {
                answer = Optional.empty(); // a help only: a failing preview costs the picture, never the step
            }
            Optional<T> got = answer;
            Platform.runLater(() -> {
                inFlight.set(false);
                if (timeline == asked) {
                    show.accept(got);
                } else {
                    got.ifPresent(discard);
                }
            });
        });
    }

    void stop() {
        if (timeline != null) {
            timeline.stop();
            timeline = null;
        }
    }

    boolean running() {
        return timeline != null;
    }
}
