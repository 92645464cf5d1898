package org.zizhu.kiosk.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Ellipse;
import org.zizhu.kiosk.flow.FaceGuideView;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;

/**
 * The face check as the resident sees it: the camera's live picture (mirrored, as in a mirror),
 * an oval to put the face in (green once the picture is good) and under it, in large type, what
 * to do now (come closer, more light, face the camera, hold still). A screen that renders a
 * face-check state adds one of these, given the flow's {@code faceGuide}; it polls the guide
 * ({@link LivePoll}) while it is on a scene and shows itself only while the camera is looking,
 * so the screen's own message stands alone before and after the capture.
 *
 * <p>The picture is the resident's face: the bytes are zeroed once decoded and the image dropped
 * when the capture ends or the view leaves the screen. Node ids: {@code face-check},
 * {@code face-preview}, {@code face-oval}, {@code face-prompt}.
 */
final class FaceCheckView extends VBox {
    /** The preview's size on the screen: a 4:3 camera picture. */
    static final double WIDTH = 480;
    static final double HEIGHT = 360;
    /** The oval's half axes as fractions of the preview: a face at arm's length fills it. */
    static final double OVAL_X = 0.21;
    static final double OVAL_Y = 0.38;
    static final Color GUIDING = Color.web("#f2b01e");
    static final Color GOOD = Color.web("#2e9d4f");

    private final Messages msg;
    private final Language language;
    private final LivePoll<FaceGuideView> poll = new LivePoll<>("face-check-preview");
    private final ImageView preview = new ImageView();
    private final Ellipse oval = new Ellipse(WIDTH * OVAL_X, HEIGHT * OVAL_Y);
    private final Label prompt = new Label();

    FaceCheckView(Messages msg, Language language, Supplier<Optional<FaceGuideView>> source) {
        super(12);
        this.msg = msg;
        this.language = language;
        setId("face-check");
        getStyleClass().add("face-check");
        setAlignment(Pos.TOP_CENTER);
        preview.setId("face-preview");
        preview.setFitWidth(WIDTH);
        preview.setFitHeight(HEIGHT);
        preview.setPreserveRatio(true);
        preview.setScaleX(-1); // a mirror: the resident moves left, the picture moves left
        oval.setId("face-oval");
        oval.setFill(Color.TRANSPARENT);
        oval.setStroke(GUIDING);
        oval.setStrokeWidth(6);
        oval.getStrokeDashArray().setAll(18.0, 10.0);
        oval.setMouseTransparent(true);
        StackPane frame = new StackPane(preview, oval);
        frame.setId("face-frame");
        frame.getStyleClass().add("face-frame");
        frame.setMinSize(WIDTH, HEIGHT);
        frame.setPrefSize(WIDTH, HEIGHT);
        frame.setMaxSize(WIDTH, HEIGHT);
        prompt.setId("face-prompt");
        prompt.getStyleClass().add("face-prompt");
        prompt.setWrapText(true);
        prompt.setMaxWidth(WIDTH * 1.6);
        getChildren().setAll(frame, prompt);
        showing(false);
        // Polls only while on the screen: taken off (another state, another mode), the picture goes.
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                poll.start(source, this::show, FaceGuideView::wipe);
            } else {
                poll.stop();
                drop();
            }
        });
    }

    private void show(Optional<FaceGuideView> guide) {
        if (guide.isEmpty()) {
            drop(); // no capture running (not yet, or over): the face is not kept on the screen
            return;
        }
        FaceGuideView g = guide.get();
        try {
            Image img = new Image(new ByteArrayInputStream(g.jpeg()));
            if (!img.isError()) {
                preview.setImage(img);
            }
        } finally {
            g.wipe();
        }
        prompt.setText(msg.get(language, g.prompt().key()));
        prompt.setUserData(g.prompt().key());
        oval.setStroke(g.ok() ? GOOD : GUIDING);
        oval.getStrokeDashArray().setAll(g.ok() ? List.of() : List.of(18.0, 10.0));
        showing(true);
    }

    private void drop() {
        preview.setImage(null);
        showing(false);
    }

    private void showing(boolean on) {
        setVisible(on);
        setManaged(on);
    }

    /** True while the guide is polled (tests: it stops when the view leaves the screen). */
    boolean polling() {
        return poll.running();
    }
}
