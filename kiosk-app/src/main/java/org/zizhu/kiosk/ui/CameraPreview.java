package org.zizhu.kiosk.ui;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.util.Duration;

/**
 * The document camera's live picture while a page is being taken: polled a few times a second
 * off the FX thread ({@link LivePoll}) and shown in the view of the page drawn last. Everything is
 * touched on the FX thread except the fetch.
 */
final class CameraPreview {
    /** Five pictures a second is enough to place a page. */
    static final Duration PERIOD = LivePoll.PERIOD;

    private final LivePoll<byte[]> poll = new LivePoll<>("application-preview");
    private ImageView view;
    private Image last;

    /** Starts asking {@code source} (nothing when already running). */
    void start(Supplier<Optional<byte[]>> source) {
        poll.start(source, got -> got.ifPresent(b -> {
            try {
                if (view != null) {
                    Image img = new Image(new ByteArrayInputStream(b));
                    if (!img.isError()) {
                        last = img;
                        view.setImage(img);
                    }
                }
            } finally {
                Arrays.fill(b, (byte) 0);
            }
        }), b -> Arrays.fill(b, (byte) 0));
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
        poll.stop();
        view = null;
        last = null;
    }

    boolean running() {
        return poll.running();
    }
}
