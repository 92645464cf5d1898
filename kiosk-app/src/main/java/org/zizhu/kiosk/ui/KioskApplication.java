package org.zizhu.kiosk.ui;

import java.time.Clock;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.KioskRuntime;
import org.zizhu.kiosk.central.LinkState;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.flow.BrowseFlow;
import org.zizhu.kiosk.flow.BrowseState;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;

/**
 * The touchscreen window. It owns no logic: it renders the {@link BrowseFlow}'s state, forwards
 * touches to it, ticks its idle timer and shows the offline banner from the link state.
 */
public final class KioskApplication extends Application {
    private static volatile KioskRuntime prepared;
    private static volatile java.util.function.BiConsumer<KioskApplication, Stage> afterStart;

    private final KioskRuntime runtime;
    private BrowseFlow flow;
    private Screens screens;
    private Messages messages;
    private BorderPane root;
    private Label offlineBanner;
    private Label noticeBar;
    private Button langButton;
    private Label titleLabel;

    /** Used by {@link Application#launch}: takes the runtime handed over by {@link #prepare}. */
    public KioskApplication() {
        this(prepared);
    }

    public KioskApplication(KioskRuntime runtime) {
        if (runtime == null) {
            throw new IllegalStateException("KioskApplication.prepare(runtime) must be called before launch");
        }
        this.runtime = runtime;
    }

    public static void prepare(KioskRuntime runtime) {
        prepared = runtime;
    }

    /** A hook run once the window is shown (the screenshot tour uses it). */
    public static void afterStart(java.util.function.BiConsumer<KioskApplication, Stage> hook) {
        afterStart = hook;
    }

    public BrowseFlow flow() {
        return flow;
    }

    @Override
    public void start(Stage stage) {
        var cfg = runtime.config();
        messages = new Messages();
        UiMetrics metrics = new UiMetrics(cfg.getInt(ConfigKey.UI_WIDTH), cfg.getInt(ConfigKey.UI_HEIGHT),
                cfg.getDouble(ConfigKey.UI_SCREEN_DIAGONAL_INCH));
        flow = new BrowseFlow(runtime::catalog, Language.of(cfg.get(ConfigKey.UI_LANGUAGE)),
                cfg.seconds(ConfigKey.UI_IDLE_TIMEOUT_S), Clock.systemUTC());
        screens = new Screens(flow, messages, metrics);

        titleLabel = new Label();
        titleLabel.getStyleClass().add("app-title");
        langButton = screens.touchButton("", "lang-switch", () -> flow.setLanguage(
                flow.state().language() == Language.ZH ? Language.EN : Language.ZH));
        Button homeButton = screens.touchButton("", "nav-home", flow::home);
        homeButton.getStyleClass().add("nav-home");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(16, titleLabel, spacer, homeButton, langButton);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(12, 24, 12, 24));
        top.getStyleClass().add("top-bar");

        offlineBanner = new Label();
        offlineBanner.setId("offline-banner");
        offlineBanner.getStyleClass().add("offline-banner");
        offlineBanner.setMaxWidth(Double.MAX_VALUE);
        offlineBanner.setWrapText(true);
        noticeBar = new Label();
        noticeBar.setId("notice-bar");
        noticeBar.getStyleClass().add("notice");
        noticeBar.setMaxWidth(Double.MAX_VALUE);
        VBox header = new VBox(top, offlineBanner, noticeBar);

        root = new BorderPane();
        root.setTop(header);
        root.getStyleClass().add("kiosk-root");
        Scene scene = new Scene(root, cfg.getInt(ConfigKey.UI_WIDTH), cfg.getInt(ConfigKey.UI_HEIGHT));
        scene.getStylesheets().add(KioskApplication.class.getResource("kiosk.css").toExternalForm());
        // Any touch restarts the idle timer; touching the attract screen starts a session.
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, this::touched);
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, this::touched);

        flow.addListener(s -> onFx(this::render));
        runtime.onCatalogChange(c -> onFx(this::render));
        runtime.link().addListener(s -> onFx(this::render));

        Timeline idle = new Timeline(new KeyFrame(Duration.seconds(1), e -> flow.tick()));
        idle.setCycleCount(Timeline.INDEFINITE);
        idle.play();

        stage.setTitle(messages.get(Language.ZH, "app.title"));
        stage.setScene(scene);
        if (cfg.getBoolean(ConfigKey.UI_FULLSCREEN)) {
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
        }
        render();
        stage.show();
        var hook = afterStart;
        if (hook != null) {
            hook.accept(this, stage);
        }
    }

    private void touched(Event e) {
        flow.touch();
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    private void render() {
        try {
            BrowseState s = flow.state();
            Language l = s.language();
            titleLabel.setText(messages.get(l, "app.title"));
            langButton.setText(messages.get(l, "lang.switch"));
            ((Button) root.lookup("#nav-home")).setText(messages.get(l, "nav.home"));
            boolean offline = runtime.link().status() == LinkState.Status.OFFLINE;
            offlineBanner.setText(messages.get(l, "offline.banner"));
            offlineBanner.setVisible(offline);
            offlineBanner.setManaged(offline);
            boolean notice = s.notice() != null;
            noticeBar.setText(notice ? messages.get(l, s.notice()) : "");
            noticeBar.setVisible(notice);
            noticeBar.setManaged(notice);
            Node content = screens.render(s, runtime.catalog());
            root.setCenter(content);
            EventLog.event(EventId.SCREEN_SHOWN, Outcome.SUCCESS, "screen", s.screen().name());
        } catch (RuntimeException e) {
            // A rendering bug must not leave a frozen screen: log it and fall back to attract.
            EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "render", "error", e.getClass().getSimpleName());
            org.slf4j.LoggerFactory.getLogger(KioskApplication.class).error("render failed", e);
            if (flow.state().screen() != BrowseState.Screen.ATTRACT) {
                flow.endSession();
            }
        }
    }
}
