package org.zizhu.kiosk.ui;

import java.time.Clock;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
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
import org.slf4j.LoggerFactory;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.runtime.KioskServices;
import org.zizhu.kiosk.runtime.KioskStartup;
import org.zizhu.kiosk.runtime.KioskWiring;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.devices.DemoConsole;
import org.zizhu.kiosk.devices.DeviceHub;
import java.util.concurrent.CompletableFuture;
import org.zizhu.kiosk.flow.ApplicationFlow;
import org.zizhu.kiosk.flow.keyboard.CandidateSource;
import org.zizhu.kiosk.flow.keyboard.PinyinIndex;
import org.zizhu.threads.DaemonThreads;
import org.zizhu.kiosk.flow.BrowseFlow;
import org.zizhu.kiosk.flow.KioskFlow;
import org.zizhu.kiosk.flow.KioskMode;
import org.zizhu.kiosk.flow.CommissioningFlow;
import org.zizhu.kiosk.flow.MaintenanceFlow;
import org.zizhu.kiosk.flow.ServiceFlow;
import org.zizhu.kiosk.flow.ServicePorts;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.flow.Cue;
import org.zizhu.kiosk.flow.SpokenPrompt;
import org.zizhu.kiosk.speech.Voice;
import org.zizhu.kiosk.speech.VoiceConfig;

/**
 * The touchscreen window. It owns no logic: it renders the {@link KioskFlow}'s mode (starting,
 * attract, browse, transaction, maintenance, out of service) and forwards touches to it. The
 * flow decides, keeps the status light and the idle timer, and receives the device events; its
 * changes arrive on any thread and are rendered on the JavaFX thread here.
 */
public final class KioskApplication extends Application {
    private static volatile KioskStartup prepared;
    /** The window on screen, for the orderly stop on SIGTERM. */
    private static volatile KioskApplication running;
    private static volatile int exitCode;
    /** The screen rendered last (the demo console and tests read it). */
    private volatile String lastShown = "";
    private static volatile BiConsumer<KioskApplication, Stage> afterStart;

    private final KioskStartup startup;
    private final KioskConfig config;
    private final KioskFlow kiosk;
    private volatile long firstFrameMillis = -1;
    private Screens screens;
    private ServiceScreens serviceScreens;
    private MaintenanceScreens maintenanceScreens;
    private CommissioningScreens commissioningScreens;
    private CaseProgressScreens caseScreens;
    private ApplicationScreens applicationScreens;
    /**
     * The pinyin candidates' index, built once off the UI thread after start-up (3 to 7 s, about
     * 30 MiB): the first frame and the attract screen never wait for it, and a form opened before
     * it is ready says so while the letter and digit pads already work.
     */
    private final CompletableFuture<PinyinIndex> pinyinIndex = new CompletableFuture<>();
    private Messages messages;
    private BorderPane root;
    private Label offlineBanner;
    private Label noticeBar;
    /** The take-your-card / take-your-printout reminders: large, under the top bar, on every screen. */
    private VBox reminderBanner;
    private Button helpButton;
    private Button langButton;
    /** The traditional Mongolian key, in its own script (shown when Mongolian can be drawn and is not on). */
    private Button langMnButton;
    /** Draws Mongolian text shaped (JavaFX alone cannot); opened once, before the first frame. */
    private final MongolianScript mongolian;
    private Button homeButton;
    private Label titleLabel;
    /** Voice guidance: speaks each screen's main prompt after it is rendered (see {@link #speak}). */
    private Voice voice = Voice.SILENT;
    private Button replayButton;
    private Button volumeButton;
    private Text lastPrompt;
    private Language lastPromptLanguage;
    private SpokenPrompt.Moment lastMoment = SpokenPrompt.Moment.NONE;
    private Button elderButton;
    private IdleCountdownBar countdown;
    private javafx.animation.Timeline countdownTimer;

    /** Used by {@link Application#launch}: takes what {@link #prepare} handed over. */
    public KioskApplication() {
        this(prepared);
    }

    /** Browse-only kiosk (no devices): tests of the catalogue screens use this. */
    public KioskApplication(KioskRuntime runtime) {
        this(runtime, null, null, null);
    }

    /** A kiosk over services that are already open (tests, the screenshot tour). */
    public KioskApplication(KioskRuntime runtime, DeviceHub hub, ServicePorts ports, PrintService printing) {
        this(KioskStartup.of(new KioskServices(runtime, hub, ports, printing)));
    }

    /**
     * A kiosk whose services are still opening: the window shows the attract screen with
     * "starting" at once and serves when {@code startup} reports them.
     */
    public KioskApplication(KioskStartup startup) {
        if (startup == null) {
            throw new IllegalStateException("KioskApplication.prepare(...) must be called before launch");
        }
        this.startup = startup;
        this.config = startup.config();
        // The zone matters to the service flow (is the ID card valid today?).
        this.mongolian = MongolianScript.open(java.nio.file.Path.of(config.get(ConfigKey.UI_MONGOLIAN_FONT)));
        Language first = Language.of(config.get(ConfigKey.UI_LANGUAGE));
        if (first == Language.MN && !mongolian.available()) {
            first = Language.ZH; // configured, but it cannot be drawn: Chinese rather than unjoined letters
        }
        this.kiosk = KioskFlow.withWorkers(first, config.seconds(ConfigKey.UI_IDLE_TIMEOUT_S), Clock.systemDefaultZone());
        kiosk.browse().setElderModeDefault(config.getBoolean(ConfigKey.UI_ELDER_MODE_DEFAULT));
    }

    public static void prepare(KioskRuntime runtime, DeviceHub hub, ServicePorts ports, PrintService printing) {
        prepare(KioskStartup.of(new KioskServices(runtime, hub, ports, printing)));
    }

    public static void prepare(KioskStartup startup) {
        prepared = startup;
    }

    private static volatile Runnable afterFirstFrame;

    /** A hook run once the first frame is drawn (the launcher begins opening the services then). */
    public static void afterFirstFrame(Runnable hook) {
        afterFirstFrame = hook;
    }

    /** A hook run once the window is shown (the screenshot tour uses it). */
    public static void afterStart(BiConsumer<KioskApplication, Stage> hook) {
        afterStart = hook;
    }

    /** The terminal's flow this window renders. */
    public KioskFlow kiosk() {
        return kiosk;
    }

    public BrowseFlow flow() {
        return kiosk.browse();
    }

    /** The running service transaction, or null. */
    public ServiceFlow service() {
        return kiosk.service();
    }

    /** The running application (申报), or null. */
    public ApplicationFlow application() {
        return kiosk.application();
    }

    public MaintenanceFlow maintenance() {
        return kiosk.maintenance();
    }

    public boolean outOfService() {
        return kiosk.outOfService();
    }

    /** Start-up has finished and the kiosk serves (tests wait for it). */
    public boolean ready() {
        return kiosk.ready();
    }

    /** Milliseconds from JVM start to the first frame, or -1 before it. */
    public long firstFrameMillis() {
        return firstFrameMillis;
    }

    /** The passing notice currently shown (tests read it). */
    public String notice() {
        return kiosk.transientNotice();
    }

    /** The text of the queue-ticket notice (tests read it). */
    public Text noticeText() {
        return kiosk.noticeText();
    }

    @Override
    public void start(Stage stage) {
        var cfg = config;
        messages = new Messages();
        UiMetrics metrics = new UiMetrics(cfg.getInt(ConfigKey.UI_WIDTH), cfg.getInt(ConfigKey.UI_HEIGHT),
                cfg.getDouble(ConfigKey.UI_SCREEN_DIAGONAL_INCH));
        screens = new Screens(kiosk, messages, metrics);
        serviceScreens = new ServiceScreens(messages, screens);
        maintenanceScreens = new MaintenanceScreens(messages, screens);
        commissioningScreens = new CommissioningScreens(messages, screens);
        caseScreens = new CaseProgressScreens(messages, screens);
        applicationScreens = new ApplicationScreens(messages, screens, CandidateSource.whenReady(pinyinIndex), pinyinIndex);
        screens.usePinyin(CandidateSource.whenReady(pinyinIndex), pinyinIndex);
        titleLabel = new Label();
        titleLabel.getStyleClass().add("app-title");
        // The title gives way to the keys; a long one (Mongolian) wraps within this width.
        titleLabel.setMaxWidth(0.3 * cfg.getInt(ConfigKey.UI_WIDTH));
        langButton = screens.touchButton("", "lang-switch", kiosk::toggleLanguage);
        langMnButton = screens.touchButton("", "lang-mn", () -> kiosk.chooseLanguage(Language.MN));
        screens.showBilingualMongolian(mongolian.available() && cfg.getBoolean(ConfigKey.UI_BILINGUAL_MONGOLIAN));
        homeButton = screens.touchButton("", "nav-home", kiosk::home);
        homeButton.getStyleClass().add("nav-home");
        voice = Voice.open(VoiceConfig.from(cfg), this::elderMode);
        replayButton = screens.touchButton("", "voice-replay", voice::replay);
        volumeButton = screens.touchButton("", "voice-volume", this::nextVolume);
        // The on-screen help key calls staff as the cabinet's help button does.
        helpButton = screens.touchButton("", "nav-help", kiosk::callHelp);
        helpButton.getStyleClass().add("nav-help");
        // Elder mode (长辈模式): always in the top bar, large, so the resident who needs it finds it.
        elderButton = screens.touchButton("", "elder-toggle", kiosk::toggleElderMode);
        elderButton.getStyleClass().add("elder-toggle");
        for (Button b : new Button[] {replayButton, volumeButton, elderButton, helpButton, homeButton, langButton, langMnButton}) {
            b.setMinWidth(Region.USE_PREF_SIZE); // the title gives way, never a button's text
        }
        Layout layout = Layout.of(metrics);
        javafx.scene.layout.Pane top;
        if (layout.portrait()) {
            // Upright screen: the title on a line of its own above the keys, which wrap into a
            // second row rather than squeeze (elder mode's larger type, English's longer words).
            javafx.scene.layout.FlowPane keys = new javafx.scene.layout.FlowPane(16, 12,
                    replayButton, volumeButton, elderButton, helpButton, homeButton, langButton, langMnButton);
            keys.setAlignment(Pos.CENTER_RIGHT);
            keys.setId("top-bar-keys");
            keys.setPrefWrapLength(cfg.getInt(ConfigKey.UI_WIDTH) - 48); // rows within the window, never one long row
            titleLabel.setWrapText(true);
            titleLabel.setMaxWidth(Double.MAX_VALUE);
            VBox column = new VBox(8, titleLabel, keys);
            column.setFillWidth(true);
            top = column;
        } else {
            // Wraps rather than cut when the keys leave it little room (English, elder mode).
            titleLabel.setWrapText(true);
            titleLabel.setMinHeight(Region.USE_PREF_SIZE);
            titleLabel.setMinWidth(metrics.mm(40));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = new HBox(16, titleLabel, spacer, replayButton, volumeButton, elderButton, helpButton, homeButton, langButton, langMnButton);
            row.setAlignment(Pos.CENTER_LEFT);
            top = row;
        }
        top.setId("top-bar");
        top.setPadding(new Insets(12, 24, 12, 24));
        top.getStyleClass().addAll("top-bar", MongolianScript.HORIZONTAL_CLASS);

        offlineBanner = new Label();
        offlineBanner.setId("offline-banner");
        offlineBanner.getStyleClass().add("offline-banner");
        offlineBanner.setMaxWidth(Double.MAX_VALUE);
        offlineBanner.setWrapText(true);
        noticeBar = new Label();
        noticeBar.setId("notice-bar");
        noticeBar.getStyleClass().add("notice");
        noticeBar.setMaxWidth(Double.MAX_VALUE);
        reminderBanner = new VBox();
        reminderBanner.setId("reminder-banner");
        reminderBanner.getStyleClass().add("reminder-banner");
        reminderBanner.setAlignment(Pos.CENTER);
        VBox header = new VBox(top, reminderBanner, offlineBanner, noticeBar);
        header.getStyleClass().add(MongolianScript.HORIZONTAL_CLASS); // bars and banners read as lines

        root = new BorderPane();
        root.setTop(header);
        root.getStyleClass().addAll("kiosk-root", layout.styleClass());
        countdown = new IdleCountdownBar(messages, screens, kiosk::moreTime);
        root.setBottom(countdown.node());
        Scene scene = new Scene(root, cfg.getInt(ConfigKey.UI_WIDTH), cfg.getInt(ConfigKey.UI_HEIGHT));
        scene.getStylesheets().add(KioskApplication.class.getResource("kiosk.css").toExternalForm());
        scene.getStylesheets().add(touchSizes(metrics));
        // Any touch restarts the idle timer; touching the attract screen starts a session (the
        // flow decides whether a touch counts: not while starting, out of service or in maintenance).
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> kiosk.touch());
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, e -> kiosk.touch());

        kiosk.addListener(mode -> onFx(this::render));
        // Labels whose text changes between renders (the countdown, a notice) get their Mongolian
        // drawn too; an unchanged label costs a property lookup.
        scene.addPostLayoutPulseListener(() -> mongolian.apply(root));

        stage.setTitle(messages.get(Language.ZH, "app.title"));
        stage.setScene(scene);
        if (cfg.getBoolean(ConfigKey.UI_FULLSCREEN)) {
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
        }
        render();
        // The countdown is a value of the clock (see BrowseFlow#idleCountdown): polled each second.
        countdownTimer = new javafx.animation.Timeline(new javafx.animation.KeyFrame(Duration.seconds(1),
                e -> countdown.show(kiosk.language(), kiosk.idleCountdown())));
        countdownTimer.setCycleCount(javafx.animation.Animation.INDEFINITE);
        countdownTimer.play();
        watchFirstFrame(scene);
        running = this;
        stage.show();
        // Wired after the window is up: a start-up that already finished (tests) is applied now.
        startup.whenDone((services, failure) -> onFx(() -> onStartupDone(services, failure)));
        var hook = afterStart;
        if (hook != null) {
            startup.whenDone((services, failure) -> onFx(() -> hook.accept(this, stage)));
        }
    }

    /**
     * The sizes in the stylesheet that depend on the configured screen's pixels per millimetre:
     * scroll bars a finger can hold, 15 mm thick (20 mm in elder mode), as a stylesheet of its own
     * (kiosk.css cannot know the screen).
     */
    static String touchSizes(UiMetrics metrics) {
        String css = String.format(java.util.Locale.ROOT, """
                .scroll-bar:vertical { -fx-pref-width: %1$.0fpx; }
                .scroll-bar:horizontal { -fx-pref-height: %1$.0fpx; }
                .elder .scroll-bar:vertical { -fx-pref-width: %2$.0fpx; }
                .elder .scroll-bar:horizontal { -fx-pref-height: %2$.0fpx; }
                """, metrics.minTouchPx(), metrics.elderMinTouchPx());
        return "data:text/css;base64," + java.util.Base64.getEncoder().encodeToString(css.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Logs the time from JVM start to the first pulse after the window is shown: the moment
     * the first kiosk frame is handed to the renderer. The JVM start time is read afterwards,
     * so measuring costs the first frame nothing.
     */
    private void watchFirstFrame(Scene scene) {
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            if (scene.getWindow() == null || !scene.getWindow().isShowing()) {
                return;
            }
            long now = System.currentTimeMillis();
            scene.removePostLayoutPulseListener(self[0]);
            Runnable hook = afterFirstFrame;
            afterFirstFrame = null;
            if (hook != null) {
                hook.run();
            }
            Platform.runLater(() -> {
                long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                firstFrameMillis = now - jvmStart;
                EventLog.event(EventId.FIRST_FRAME, Outcome.SUCCESS, "ms", firstFrameMillis, "ready", kiosk.ready(), "screen", lastShown);
            });
        };
        scene.addPostLayoutPulseListener(self[0]);
    }

    /** On the JavaFX thread: start-up finished; hand the services to the flow, or stay out of service. */
    private void onStartupDone(KioskServices services, Throwable failure) {
        if (failure != null || services == null) {
            kiosk.startFailed();
            if (!kiosk.closing()) {
                // A passing fault (database locked, disk briefly full) must not leave the terminal
                // dead until someone comes: exit so the service manager starts it afresh.
                restartAfterFailedStart = new PauseTransition(RESTART_AFTER_FAILED_START);
                restartAfterFailedStart.setOnFinished(e -> quitWith(EXIT_START_FAILED));
                restartAfterFailedStart.play();
            }
            return;
        }
        kiosk.started(KioskWiring.parts(services));
        // An update waits while a resident (or a technician) uses the terminal: no visit is cut.
        // Busy unless the terminal could be held for the install: the check and the hold are one
        // step, so no visit can start between the update agent's check and the restart.
        services.runtime().updatesWaitWhile(() -> !kiosk.holdForUpdate(org.zizhu.kiosk.update.UpdateAgent.HOLD));
        if (services.applicationPorts() != null) {
            buildPinyinIndex();
        }
    }

    /** Builds the pinyin index on a daemon thread (once): a failed build leaves the letter and digit pads. */
    private void buildPinyinIndex() {
        DaemonThreads.start("pinyin-index", () -> {
            try {
                long t0 = System.nanoTime();
                PinyinIndex index = PinyinIndex.load();
                pinyinIndex.complete(index);
                EventLog.event(EventId.PINYIN_INDEX, Outcome.SUCCESS, "ms", (System.nanoTime() - t0) / 1_000_000, "entries", index.size());
            } catch (RuntimeException | Error e) {
                pinyinIndex.completeExceptionally(e);
                EventLog.event(EventId.PINYIN_INDEX, Outcome.FAILURE, "error", e.getClass().getSimpleName());
            }
        });
    }

    /**
     * The window closes (Platform.exit: the window closed, the demo console's quit, a failed
     * start-up giving up): the same orderly end as SIGTERM, see {@link KioskFlow#close}.
     */
    @Override
    public void stop() {
        if (restartAfterFailedStart != null) {
            restartAfterFailedStart.stop();
        }
        if (countdownTimer != null) {
            countdownTimer.stop();
        }
        kiosk.close(WORKER_STOP_BUDGET);
        voice.close();
    }

    /**
     * The one place voice guidance learns of elder mode: the voice speaks while voice.enabled is
     * true or the visit is in elder mode (适老化: voice on).
     */
    private boolean elderMode() {
        return kiosk.elderMode();
    }

    /** The voice (tests read its state). */
    Voice voice() {
        return voice;
    }

    /** The top bar's volume key: steps of a quarter, from loudest back to a quarter; the prompt again to hear it. */
    private void nextVolume() {
        int v = voice.volume();
        voice.setVolume(v >= 100 ? 25 : Math.min(100, (v / 25 + 1) * 25));
        volumeButton.setText(messages.format(kiosk.language(), "voice.volume", voice.volume()));
        voice.replay();
    }

    /**
     * After a render: says the screen's main prompt when it changed (another text, or another
     * language), with the cue of the step that led here in front of it, or the cue alone. The
     * voice works on its own thread; this returns at once. Back on the attract screen the volume
     * returns to the configured one: the next resident starts from the same.
     */
    private void speak(KioskMode mode, Language l) {
        try {
            speakChanged(mode, l);
        } catch (RuntimeException e) {
            // Voice guidance is help, not service: a bug in it never costs the resident the screen.
            EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "voice", "error", e.getClass().getSimpleName());
        }
    }

    private void speakChanged(KioskMode mode, Language l) {
        SpokenPrompt.Moment now = SpokenPrompt.moment(mode);
        Cue cue = SpokenPrompt.cue(lastMoment, now).orElse(null);
        if (mode instanceof KioskMode.Attract && !(lastMode instanceof KioskMode.Attract)) {
            voice.setVolume(config.getInt(ConfigKey.VOICE_VOLUME));
        }
        lastMoment = now;
        lastMode = mode;
        Text prompt = SpokenPrompt.of(mode, mode instanceof KioskMode.Browse ? kiosk.browseView() : null, messages).orElse(null);
        java.util.List<String> reminders = kiosk.reminderKeys();
        if (!reminders.isEmpty()) {
            // A card or a printout left behind matters more than the screen's own prompt: said first.
            prompt = Text.of(messages, reminders.get(0));
        }
        boolean changed = prompt != null && (!prompt.equals(lastPrompt) || l != lastPromptLanguage);
        lastPrompt = prompt;
        lastPromptLanguage = l;
        if (changed) {
            voice.say(prompt, l, cue);
        } else if (cue != null) {
            voice.cue(cue);
        }
    }

    private KioskMode lastMode;

    /** How long a step already at the centre or the printer may take to finish when the kiosk stops. */
    static final java.time.Duration WORKER_STOP_BUDGET = java.time.Duration.ofSeconds(10);
    /** After a failed start-up the screen says "out of service" this long, then the process exits for systemd to restart it. */
    static final Duration RESTART_AFTER_FAILED_START = Duration.seconds(60);
    private PauseTransition restartAfterFailedStart;

    /** The screenshot tour: what the window shows while starting, or when out of service, without being so. */
    void previewForTour(boolean starting) {
        Language l = kiosk.language();
        root.setCenter(starting ? screens.starting(l) : maintenanceScreens.outOfService(l, org.zizhu.kiosk.flow.KioskMode.OutOfService.Reason.START_FAILED));
    }

    /** The screenshot tour: back to what the state says. */
    void rerender() {
        render();
    }

    /** An item the kiosk can perform here (for the screenshot tour), if any. */
    Optional<ItemDetail> startableItem() {
        return kiosk.startableItem();
    }

    /** An enterprise's item (for the screenshot tour), if any. */
    Optional<ItemDetail> enterpriseItem() {
        return kiosk.enterpriseItem();
    }

    /** An item whose fee the kiosk collects by QR payment (for the screenshot tour), if any. */
    Optional<ItemDetail> payableItem() {
        return kiosk.payableItem();
    }

    /** The service transaction for an item (tests and the screenshot tour). */
    void startServiceFor(ItemDetail item) {
        kiosk.startService(item);
    }

    /** The check-in flow for an item (tests and the screenshot tour). */
    void startCheckInFor(ItemDetail item) {
        kiosk.startCheckIn(item);
    }

    /** The exit code asked for by {@link DemoConsole.Screen#quit} (0 when the window just closed). */
    public static int exitCode() {
        return exitCode;
    }

    /** The window for the demo console's screen commands, or null before it is up. */
    public static DemoConsole.Screen demoScreen() {
        KioskApplication app = running;
        return app == null ? null : app.new DemoScreen();
    }

    /** The demo console's view of this window; every call runs on the JavaFX thread. */
    private final class DemoScreen implements DemoConsole.Screen {
        @Override
        public String shown() {
            return onFxAndWait(() -> lastShown);
        }

        @Override
        public void touch() {
            onFxAndWait(() -> {
                kiosk.touch();
                return null;
            });
        }

        @Override
        public boolean tap(String id) {
            return onFxAndWait(() -> {
                Node n = root.getScene().lookup("#" + id);
                if (n instanceof javafx.scene.control.ButtonBase b && b.isVisible() && !b.isDisabled()) {
                    b.fire();
                    return true;
                }
                return false;
            });
        }

        @Override
        public boolean openImmediateItem() {
            return onFxAndWait(kiosk::openImmediateItem);
        }

        @Override
        public void quit(int code) {
            quitWith(code);
        }
    }

    /**
     * Exit code when the technician restarts the kiosk after the commissioning wizard bound a
     * device to a new name: the service manager starts it again and the drivers open the bound devices.
     */
    public static final int EXIT_RESTART_FOR_BINDINGS = 5;

    /** Exit code when start-up failed and the kiosk gives up after showing "out of service". */
    public static final int EXIT_START_FAILED = 4;

    /** Ends the window with this exit code; the first non-zero code asked for wins. */
    private static void quitWith(int code) {
        synchronized (KioskApplication.class) {
            if (exitCode == 0) {
                exitCode = code;
            }
        }
        Platform.exit();
    }

    private static <T> T onFxAndWait(java.util.concurrent.Callable<T> c) {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(c);
        Platform.runLater(task);
        try {
            return task.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the JavaFX thread did not answer within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /**
     * The orderly stop of a running window (SIGTERM): ends the visit so its personal data is
     * wiped, then lets a step already at the centre or the printer finish within {@code budget}
     * (see {@link KioskFlow#close}). Callable from any thread: the flow is thread-safe, so a
     * stuck JavaFX thread cannot keep the visit from being wiped.
     */
    public static void stopRunning(java.time.Duration budget) {
        KioskApplication app = running;
        if (app == null) {
            return;
        }
        app.kiosk.close(budget);
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
            return;
        }
        try {
            Platform.runLater(r);
        } catch (IllegalStateException e) {
            // The JavaFX toolkit is already gone (stopping): nothing is on screen to update.
        }
    }

    /** The reminders, one large line each (most important first); the banner is gone when there are none. */
    private void renderReminders(Language l) {
        var keys = kiosk.reminderKeys();
        reminderBanner.getChildren().setAll(keys.stream().map(k -> {
            Label line = new Label(messages.get(l, k));
            line.setId("reminder-" + k.substring(k.indexOf('.') + 1));
            line.getStyleClass().add("reminder-line");
            line.setWrapText(true);
            return (Node) line;
        }).toList());
        reminderBanner.setVisible(!keys.isEmpty());
        reminderBanner.setManaged(!keys.isEmpty());
    }

    /** The reminder lines shown now (tests read them). */
    public java.util.List<String> reminders() {
        return kiosk.reminderKeys();
    }

    private void render() {
        try {
            Language l = kiosk.language();
            titleLabel.setText(messages.get(l, "app.title"));
            langButton.setText(messages.get(l, "lang.switch"));
            langMnButton.setText(messages.get(l, "lang.mn"));
            boolean offerMn = mongolian.available() && l != Language.MN;
            langMnButton.setVisible(offerMn);
            langMnButton.setManaged(offerMn);
            homeButton.setText(messages.get(l, "nav.home"));
            boolean voiceOn = voice.enabled();
            replayButton.setText(messages.get(l, "voice.replay"));
            volumeButton.setText(messages.format(l, "voice.volume", voice.volume()));
            for (Button b : new Button[] {replayButton, volumeButton}) {
                b.setVisible(voiceOn);
                b.setManaged(voiceOn);
            }
            boolean elder = kiosk.elderMode();
            elderButton.setText(messages.get(l, elder ? "elder.off" : "elder.on"));
            // The stylesheet's .elder block scales type, contrast and spacing for the whole window.
            if (elder != root.getStyleClass().contains("elder")) {
                if (elder) {
                    root.getStyleClass().add("elder");
                } else {
                    root.getStyleClass().remove("elder");
                }
            }
            countdown.show(l, kiosk.idleCountdown());
            boolean offline = kiosk.offline();
            offlineBanner.setText(messages.get(l, "offline.banner"));
            offlineBanner.setVisible(offline);
            offlineBanner.setManaged(offline);
            String noticeKey = kiosk.noticeKey();
            Text noticeText = kiosk.noticeText();
            boolean notice = noticeKey != null;
            noticeBar.setText(!notice ? "" : "queue.result".equals(noticeKey) && noticeText != null
                    ? noticeText.in(l) : messages.get(l, noticeKey));
            noticeBar.setVisible(notice);
            noticeBar.setManaged(notice);
            helpButton.setText(messages.get(l, "nav.help"));
            renderReminders(l);
            KioskMode mode = kiosk.mode();
            Node content = switch (mode) {
                case KioskMode.Maintenance m -> {
                    CommissioningFlow c = kiosk.commissioning();
                    if (c != null && c.open() && m.flow().view().step() == MaintenanceFlow.Step.OPEN) {
                        yield commissioningScreens.render(l, c, () -> {
                            c.keepForRestart(); // the next technician login goes on at the device tests
                            quitWith(EXIT_RESTART_FOR_BINDINGS);
                        });
                    }
                    yield maintenanceScreens.maintenance(l, m.flow(), maintenanceScreens.panel(l, kiosk.maintenanceView(),
                            kiosk::syncNow, kiosk::resetTamper, c == null ? null : kiosk::openCommissioning, m.flow()::close));
                }
                case KioskMode.OutOfService o -> maintenanceScreens.outOfService(l, o.reason());
                case KioskMode.Starting s -> screens.starting(l);
                case KioskMode.Transaction t -> serviceScreens.service(l, t.service(), t.item().name().in(l),
                        kiosk::home, kiosk::finishTransaction);
                case KioskMode.Application a -> applicationScreens.render(l, a.flow(), a.item().name().in(l),
                        kiosk::home, kiosk::finishTransaction);
                case KioskMode.CaseProgress c -> caseScreens.render(l, c.flow(), kiosk::home);
                case KioskMode.Attract a -> {
                    mongolian.forgetVisit(); // no picture of the last visit's text outlives it
                    yield screens.render(kiosk.browseView());
                }
                case KioskMode.Browse b -> screens.render(kiosk.browseView());
            };
            String shown = mode.shown();
            if (!(mode instanceof KioskMode.Attract || mode instanceof KioskMode.Starting || mode instanceof KioskMode.Transaction
                    || (mode instanceof KioskMode.Browse && kiosk.browseView().state().screen() == org.zizhu.kiosk.flow.BrowseState.Screen.GUIDE))) {
                // Traditional Mongolian is written in columns on the attract screen, the guide's
                // actions and the transaction pages; the item lists, forms, case lists and
                // maintenance are laid out in rows and their Mongolian is drawn as lines (as on
                // bilingual signs in horizontal layouts), so nothing runs off a row.
                content.getStyleClass().add(MongolianScript.HORIZONTAL_CLASS);
            }
            root.setCenter(content);
            if (mongolian.available()) {
                // Fonts and colours come from the stylesheet: known after the CSS pass, then drawn.
                root.applyCss();
                mongolian.apply(root);
            }
            lastShown = shown;
            speak(mode, l);
            if (firstFrameMillis >= 0 || !shown.equals("STARTING")) {
                // The first "starting" screen is logged with the first-frame event: logging
                // starts only after that frame (see KioskLauncher).
                EventLog.event(EventId.SCREEN_SHOWN, Outcome.SUCCESS, "screen", shown);
            }
        } catch (RuntimeException e) {
            // A rendering bug must not leave a frozen screen: log it and fall back to attract.
            EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "render", "error", e.getClass().getSimpleName());
            LoggerFactory.getLogger(KioskApplication.class).error("render failed", e);
            kiosk.abandonVisit();
        }
    }
}
