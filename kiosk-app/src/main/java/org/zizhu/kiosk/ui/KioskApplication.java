package org.zizhu.kiosk.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
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
import org.slf4j.LoggerFactory;
import org.zizhu.device.gpio.GpioListener;
import org.zizhu.device.gpio.LightPattern;
import org.zizhu.device.idcard.IdCardEvent;
import org.zizhu.device.idcard.Identity;
import org.zizhu.device.smartcard.CardEvent;
import org.zizhu.device.smartcard.technician.TechnicianAuthResult;
import org.zizhu.device.smartcard.technician.TechnicianCardAuthenticator;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.KioskRuntime;
import org.zizhu.kiosk.KioskServices;
import org.zizhu.kiosk.KioskStartup;
import org.zizhu.kiosk.catalog.Catalog;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.central.LinkState;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.devices.DemoConsole;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.flow.BrowseFlow;
import org.zizhu.kiosk.flow.BrowseState;
import org.zizhu.kiosk.flow.MaintenanceFlow;
import org.zizhu.kiosk.flow.ServiceFlow;
import org.zizhu.kiosk.flow.ServicePorts;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.transaction.QueueTicketAction;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.threads.DaemonThreads;

/**
 * The touchscreen window. It owns no logic: it renders the flows' states (browse, service
 * transaction, maintenance), forwards touches and device events to them, ticks the idle timer,
 * shows the offline banner, and keeps the status light in step. Device events arrive on device
 * threads and are handed to the JavaFX thread here.
 */
public final class KioskApplication extends Application {
    private static volatile KioskStartup prepared;
    /** The window on screen, for the orderly stop on SIGTERM. */
    private static volatile KioskApplication running;
    private static volatile int exitCode;
    /** Stopping: no new visit begins. */
    private volatile boolean closing;
    /** The screen rendered last (the demo console and tests read it). */
    private volatile String lastShown = "";
    private static volatile BiConsumer<KioskApplication, Stage> afterStart;

    private final KioskStartup startup;
    private final KioskConfig config;
    // Set once on the JavaFX thread when start-up has finished; null until then.
    private volatile KioskRuntime runtime;
    private volatile DeviceHub hub;
    private volatile ServicePorts ports;
    private volatile PrintService printing;
    /** Start-up finished and the services are wired: the kiosk serves residents. */
    private volatile boolean ready;
    /** Start-up failed: the kiosk stays out of service (the reason is in the log). */
    private volatile boolean startFailed;
    private volatile long firstFrameMillis = -1;
    private volatile String transientNotice;
    /** Text for the "queue.result" notice (it carries the ticket number). */
    private volatile org.zizhu.kiosk.catalog.Text transientText;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("kiosk-service"));
    /** Technician work (PIN check, sync) never waits behind a resident's transaction. */
    private final ExecutorService maintenanceWorker = Executors.newSingleThreadExecutor(DaemonThreads.named("kiosk-maintenance"));
    private BrowseFlow flow;
    private Screens screens;
    private ServiceScreens serviceScreens;
    private Messages messages;
    private BorderPane root;
    private Label offlineBanner;
    private Label noticeBar;
    private Button langButton;
    private Label titleLabel;
    private volatile ServiceFlow service;
    private volatile ItemDetail serviceItem;
    private MaintenanceFlow maintenance;
    private volatile boolean outOfService;
    private volatile boolean helpCalled;

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

    public BrowseFlow flow() {
        return flow;
    }

    /** The running service transaction, or null. */
    public ServiceFlow service() {
        return service;
    }

    public MaintenanceFlow maintenance() {
        return maintenance;
    }

    public boolean outOfService() {
        return outOfService;
    }

    /** Start-up has finished and the kiosk serves (tests wait for it). */
    public boolean ready() {
        return ready;
    }

    /** Milliseconds from JVM start to the first frame, or -1 before it. */
    public long firstFrameMillis() {
        return firstFrameMillis;
    }

    /** Screens for what is open now: browse-only until start-up has finished. */
    private void buildScreens() {
        UiMetrics metrics = new UiMetrics(config.getInt(ConfigKey.UI_WIDTH), config.getInt(ConfigKey.UI_HEIGHT),
                config.getDouble(ConfigKey.UI_SCREEN_DIAGONAL_INCH));
        boolean canServe = ports != null && hub != null && hub.idcard().isPresent();
        screens = new Screens(flow, messages, metrics, canServe ? this::startService : null,
                printing != null ? this::printGuide : null);
        if (canServe && printing != null) {
            screens.onCheckIn(this::startCheckIn);
        }
        serviceScreens = new ServiceScreens(messages, screens);
        if (ports != null && printing != null) {
            QueueTicketAction tickets = new QueueTicketAction(runtime.services().appointments(), printing);
            screens.onTakeTicket(item -> {
                showNotice("queue.taking");
                worker.execute(() -> {
                    QueueTicketAction.Result r = tickets.take(item);
                    onFx(() -> {
                        transientText = r.message();
                        showNotice("queue.result");
                    });
                });
            });
        }
    }

    @Override
    public void start(Stage stage) {
        var cfg = config;
        messages = new Messages();
        flow = new BrowseFlow(() -> {
            KioskRuntime rt = runtime;
            return rt == null ? Catalog.empty() : rt.catalog();
        }, Language.of(cfg.get(ConfigKey.UI_LANGUAGE)), cfg.seconds(ConfigKey.UI_IDLE_TIMEOUT_S), Clock.systemUTC());
        buildScreens();
        titleLabel = new Label();
        titleLabel.getStyleClass().add("app-title");
        langButton = screens.touchButton("", "lang-switch", () -> flow.setLanguage(
                flow.state().language() == Language.ZH ? Language.EN : Language.ZH));
        Button homeButton = screens.touchButton("", "nav-home", this::goHome);
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

        flow.addListener(s -> onFx(() -> {
            if (s.screen() == BrowseState.Screen.ATTRACT) {
                service = null; // the session ended (idle or finish): its transaction goes with it
            }
            render();
        }));

        Timeline idle = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            ServiceFlow s = service;
            if (s != null && s.busy()) {
                flow.keepAlive(); // the centre or the printer is still working for this resident
            } else {
                flow.tick();
            }
        }));
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
                EventLog.event(EventId.FIRST_FRAME, Outcome.SUCCESS, "ms", firstFrameMillis, "ready", ready, "screen", lastShown);
            });
        };
        scene.addPostLayoutPulseListener(self[0]);
    }

    /** On the JavaFX thread: start-up finished; wire the services or stay out of service. */
    private void onStartupDone(KioskServices services, Throwable failure) {
        if (failure != null || services == null) {
            startFailed = true;
            outOfService = true;
            render();
            if (!closing) {
                // A passing fault (database locked, disk briefly full) must not leave the terminal
                // dead until someone comes: exit so the service manager starts it afresh.
                restartAfterFailedStart = new PauseTransition(RESTART_AFTER_FAILED_START);
                restartAfterFailedStart.setOnFinished(e -> quitWith(EXIT_START_FAILED));
                restartAfterFailedStart.play();
            }
            return;
        }
        runtime = services.runtime();
        hub = services.hub();
        ports = services.ports();
        printing = services.printing();
        buildScreens();
        runtime.onCatalogChange(c -> onFx(this::render));
        runtime.link().addListener(s -> onFx(this::render));
        wireDevices();
        if (hub != null && hub.tamperLatched()) {
            // Latched before a restart, or the door is open now: out of service until a reset.
            outOfService = true;
            flow.endSession();
        }
        ready = true;
        render();
    }

    /**
     * The window closes (Platform.exit: the window closed, the demo console's quit, a failed
     * start-up giving up): the same orderly end as SIGTERM, see {@link #endVisitAndWorkers}.
     */
    @Override
    public void stop() {
        if (restartAfterFailedStart != null) {
            restartAfterFailedStart.stop();
        }
        closing = true;
        if (flow != null) {
            flow.endSession();
        }
        endWorkers(WORKER_STOP_BUDGET);
    }

    /** How long a step already at the centre or the printer may take to finish when the kiosk stops. */
    static final java.time.Duration WORKER_STOP_BUDGET = java.time.Duration.ofSeconds(10);
    /** After a failed start-up the screen says "out of service" this long, then the process exits for systemd to restart it. */
    static final Duration RESTART_AFTER_FAILED_START = Duration.seconds(60);
    private PauseTransition restartAfterFailedStart;

    /**
     * Lets a step already at the centre or the printer finish within {@code budget}, then stops
     * the workers. A step cut short is safe: every write to the centre carries its idempotency
     * key, and the outbox delivers queued ones after the restart. Idempotent.
     */
    private void endWorkers(java.time.Duration budget) {
        worker.shutdown();
        maintenanceWorker.shutdown();
        try {
            if (!worker.awaitTermination(budget.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "stop", "error",
                        "service step still running; left to its idempotency key");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
        maintenanceWorker.shutdownNow();
    }

    /** The screenshot tour: what the window shows while starting, or when out of service, without being so. */
    void previewForTour(boolean starting) {
        Language l = flow.state().language();
        root.setCenter(starting ? screens.starting(l) : serviceScreens.outOfService(l));
    }

    /** The screenshot tour: back to what the state says. */
    void rerender() {
        render();
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
                if (ready && !closing && !outOfService) {
                    flow.touch();
                }
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
            return onFxAndWait(() -> {
                var item = startableItem();
                if (item.isEmpty() || !ready || closing || outOfService) {
                    return false;
                }
                flow.touch();
                flow.openItem(item.get().code());
                return true;
            });
        }

        @Override
        public void quit(int code) {
            quitWith(code);
        }
    }

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
     * wiped, then lets a step already at the centre or the printer finish within {@code budget}.
     * A step cut short is safe: every write to the centre carries its idempotency key, and the
     * outbox delivers queued ones after the restart. Callable from any thread.
     */
    public static void stopRunning(java.time.Duration budget) {
        KioskApplication app = running;
        if (app == null) {
            return;
        }
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        try {
            Platform.runLater(() -> {
                try {
                    app.closing = true;
                    app.flow.endSession();
                } finally {
                    ended.countDown();
                }
            });
            if (!ended.await(2, java.util.concurrent.TimeUnit.SECONDS)) {
                // The JavaFX thread is stuck: wipe from here rather than not at all.
                app.closing = true;
                app.flow.endSession();
            }
            app.endWorkers(budget);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            // The JavaFX toolkit is already gone: nothing is on screen to end.
            app.flow.endSession();
        }
    }

    private void wireDevices() {
        if (hub == null) {
            return;
        }
        hub.addIdCardListener(this::onIdCardEvent);
        hub.addGpioListener(new GpioListener() {
            @Override
            public void helpRequested() {
                onFx(() -> {
                    helpCalled = true;
                    render();
                    PauseTransition p = new PauseTransition(Duration.seconds(30));
                    p.setOnFinished(e -> {
                        helpCalled = false;
                        render();
                    });
                    p.play();
                });
            }

            @Override
            public void tamperChanged(boolean open) {
                // The alarm latches: only a technician's reset brings the kiosk back.
                if (open) {
                    onFx(() -> {
                        outOfService = true;
                        flow.endSession();
                        render();
                    });
                }
            }
        });
        hub.smartcard().ifPresent(reader -> hub.issuerTrust().ifPresent(trust -> {
            TechnicianCardAuthenticator auth = new TechnicianCardAuthenticator(trust);
            maintenance = new MaintenanceFlow(pin -> toResult(auth.authenticate(reader, pin)), maintenanceWorker);
            // Always re-render later, never inside the flow's own lock.
            maintenance.addListener(v -> Platform.runLater(this::render));
            reader.addCardListener(e -> {
                if (e.kind() == CardEvent.Kind.INSERTED) {
                    maintenance.cardInserted();
                } else {
                    maintenance.cardRemoved();
                }
            });
        }));
    }

    private static MaintenanceFlow.Result toResult(TechnicianAuthResult r) {
        if (r instanceof TechnicianAuthResult.Ok ok) {
            return new MaintenanceFlow.Result(true, ok.technicianId(), ok.role().name(), "", "");
        }
        return new MaintenanceFlow.Result(false, "", "", r.messageZh(), r.messageEn());
    }

    /** Card events come on the reader's thread; identities are turned into residents and wiped at once. */
    private void onIdCardEvent(IdCardEvent event) {
        ServiceFlow s = service;
        if (event instanceof IdCardEvent.IdentityRead read) {
            Identity id = read.identity();
            try {
                if (s != null) {
                    Resident r = new Resident(id.name(), id.idNumber(), Resident.Source.ID_CARD,
                            id.validity().untilDate().orElse(null));
                    LocalDate from = id.validity().from();
                    s.identityRead(r, from);
                }
            } catch (RuntimeException e) {
                EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "idcard-event", "error", e.getClass().getSimpleName());
                if (s != null) {
                    s.cardReadFailed();
                }
            } finally {
                id.wipe();
            }
        } else if (event instanceof IdCardEvent.ReadFailed && s != null) {
            s.cardReadFailed();
        }
    }

    private void startService(ItemDetail item) {
        begin(item, ServiceFlow.transaction(item, ports, flow.session(), worker, Clock.systemDefaultZone()));
    }

    private void startCheckIn(ItemDetail item) {
        begin(item, ServiceFlow.appointmentCheckIn(item, ports, flow.session(), worker, Clock.systemDefaultZone()));
    }

    /** The check-in flow for an item (tests and the screenshot tour). */
    void startCheckInFor(ItemDetail item) {
        startCheckIn(item);
    }

    private void begin(ItemDetail item, ServiceFlow s) {
        s.addListener(v -> Platform.runLater(this::render));
        serviceItem = item;
        service = s;
        hub.camera().ifPresent(cam -> {
            // Scan for a mobile-app login code while the flow waits for an identity.
            DaemonThreads.start("qr-login-scan", () -> scanForLogin(s, cam));
        });
        EventLog.event(EventId.SERVICE_STEP, Outcome.SUCCESS, "item", item.code(), "step", "started");
        render();
    }

    /** Prints the guide on A4 in the background; the notice bar says how it went. */
    private void printGuide(ItemDetail item) {
        Language l = flow.state().language();
        showNotice("print.started");
        worker.execute(() -> {
            try {
                printing.printA4(PrintService.guideData(item, l), "guide-" + item.code());
                showNotice("print.done");
            } catch (PrintService.PrintFailure e) {
                showNotice("print.failed");
            } catch (RuntimeException e) {
                EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "print-guide", "error", e.getClass().getSimpleName());
                showNotice("print.failed");
            }
        });
    }

    private void showNotice(String key) {
        onFx(() -> {
            transientNotice = key;
            render();
            PauseTransition p = new PauseTransition(Duration.seconds(8));
            p.setOnFinished(e -> {
                if (key.equals(transientNotice)) {
                    transientNotice = null;
                    render();
                }
            });
            p.play();
        });
    }

    /** The notice currently shown (tests read it). */
    public String notice() {
        return transientNotice;
    }

    /** The text of the queue-ticket notice (tests read it). */
    public org.zizhu.kiosk.catalog.Text noticeText() {
        return transientText;
    }

    /**
     * Home during a transaction ends the visit (its personal data is wiped) and starts a fresh
     * one; while the centre or the printer is working it is ignored, so nothing is left half done.
     */
    /** An item the kiosk can perform here (for the screenshot tour), if any. */
    java.util.Optional<ItemDetail> startableItem() {
        if (ports == null) {
            return java.util.Optional.empty();
        }
        return runtime.catalog().items().stream().map(i -> runtime.catalog().detail(i.code()).orElseThrow())
                .filter(d -> d.handling().contains(org.zizhu.kiosk.catalog.CatalogModel.Handling.IMMEDIATE)
                        && !ports.licenseTypesFor(d).isEmpty())
                .findFirst();
    }

    /** An item whose fee the kiosk collects by QR payment (for the screenshot tour), if any. */
    java.util.Optional<ItemDetail> payableItem() {
        if (ports == null) {
            return java.util.Optional.empty();
        }
        return runtime.catalog().items().stream().map(i -> runtime.catalog().detail(i.code()).orElseThrow())
                .filter(d -> d.handling().contains(org.zizhu.kiosk.catalog.CatalogModel.Handling.IMMEDIATE) && ports.amountDue(d) > 0)
                .findFirst();
    }

    void startServiceFor(ItemDetail item) {
        startService(item);
    }

    private void scanForLogin(ServiceFlow s, org.zizhu.device.camera.CameraFrameSource cam) {
        org.zizhu.device.camera.qr.QrScanner scanner = new org.zizhu.device.camera.qr.QrScanner();
        try {
            while (service == s && (s.awaitingIdentity() || s.view().step() == ServiceFlow.Step.ENTER_CODE)) {
                var frame = cam.poll(java.time.Duration.ofMillis(500));
                if (!s.awaitingIdentity()) {
                    continue; // still typing the appointment code
                }
                if (frame.isEmpty()) {
                    continue;
                }
                if (scanner.scan(frame.get().image()) instanceof org.zizhu.device.camera.qr.QrReading.Accepted a
                        && a.payload() instanceof org.zizhu.device.camera.qr.QrPayload.LoginCode login) {
                    s.qrLogin(login.token());
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "qr-login-scan", "error", e.getClass().getSimpleName());
        }
    }

    private void goHome() {
        if (!ready || closing) {
            return; // nothing to go home to while starting or stopping
        }
        ServiceFlow s = service;
        if (s != null) {
            if (s.busy()) {
                return;
            }
            service = null;
            flow.endSession();
            flow.touch();
        }
        flow.home();
        render();
    }

    private void finishService() {
        service = null;
        flow.endSession();
    }

    private void touched(Event e) {
        // Touches on the maintenance or out-of-service screens are not a resident's visit.
        MaintenanceFlow m = maintenance;
        if (!ready || closing || outOfService || (m != null && m.view().step() != MaintenanceFlow.Step.CLOSED)) {
            return; // nothing to serve yet: a touch while starting is not a visit either
        }
        flow.touch();
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    private void updateLight() {
        if (hub == null || hub.gpio().isEmpty()) {
            return;
        }
        LightPattern p;
        if (outOfService) {
            p = LightPattern.OUT_OF_SERVICE;
        } else if (helpCalled) {
            p = LightPattern.HELP_REQUESTED;
        } else if (runtime != null && runtime.devices().stream().anyMatch(t -> t.status() == org.zizhu.device.DeviceStatus.HARDWARE_ERROR)) {
            p = LightPattern.FAULT;
        } else if (service != null) {
            p = LightPattern.BUSY;
        } else {
            p = LightPattern.READY;
        }
        hub.gpio().get().light().show(p);
    }

    private void render() {
        try {
            BrowseState s = flow.state();
            Language l = s.language();
            titleLabel.setText(messages.get(l, "app.title"));
            langButton.setText(messages.get(l, "lang.switch"));
            ((Button) root.lookup("#nav-home")).setText(messages.get(l, "nav.home"));
            KioskRuntime rt = runtime;
            boolean offline = rt != null && rt.link().status() == LinkState.Status.OFFLINE;
            offlineBanner.setText(messages.get(l, "offline.banner"));
            offlineBanner.setVisible(offline);
            offlineBanner.setManaged(offline);
            String noticeKey = helpCalled ? "help.called" : transientNotice != null ? transientNotice : s.notice();
            boolean notice = noticeKey != null;
            noticeBar.setText(!notice ? "" : "queue.result".equals(noticeKey) && transientText != null
                    ? transientText.in(l) : messages.get(l, noticeKey));
            noticeBar.setVisible(notice);
            noticeBar.setManaged(notice);
            Node content;
            String shown;
            MaintenanceFlow m = maintenance;
            if (m != null && m.view().step() != MaintenanceFlow.Step.CLOSED) {
                content = serviceScreens.maintenance(l, m, MaintenancePanel.build(l, messages, screens, runtime, hub,
                        this::syncFromMaintenance, this::resetTamper, m::close));
                shown = "MAINTENANCE";
            } else if (outOfService) {
                content = serviceScreens.outOfService(l);
                shown = "OUT_OF_SERVICE";
            } else if (!ready) {
                content = screens.starting(l);
                shown = "STARTING";
            } else if (service != null && s.screen() != BrowseState.Screen.ATTRACT) {
                content = serviceScreens.service(l, service, serviceItem.name().in(l), this::cancelService, this::finishService);
                shown = "SERVICE_" + service.view().step().name();
            } else {
                content = screens.render(s, rt.catalog());
                shown = s.screen().name();
            }
            root.setCenter(content);
            lastShown = shown;
            updateLight();
            if (firstFrameMillis >= 0 || !shown.equals("STARTING")) {
                // The first "starting" screen is logged with the first-frame event: logging
                // starts only after that frame (see KioskLauncher).
                EventLog.event(EventId.SCREEN_SHOWN, Outcome.SUCCESS, "screen", shown);
            }
        } catch (RuntimeException e) {
            // A rendering bug must not leave a frozen screen: log it and fall back to attract.
            EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "render", "error", e.getClass().getSimpleName());
            LoggerFactory.getLogger(KioskApplication.class).error("render failed", e);
            service = null;
            if (flow.state().screen() != BrowseState.Screen.ATTRACT) {
                flow.endSession();
            }
        }
    }

    private void cancelService() {
        goHome();
    }

    private void syncFromMaintenance() {
        maintenanceWorker.execute(() -> {
            try {
                runtime.syncNow();
            } catch (Exception e) {
                LoggerFactory.getLogger(KioskApplication.class).info("maintenance sync failed: {}", e.toString());
            }
            onFx(this::render);
        });
    }

    /** A technician's reset from the maintenance screen; refused while the door is open. */
    private void resetTamper() {
        DeviceHub.TamperReset r = hub.resetTamper();
        if (r == DeviceHub.TamperReset.CLEARED) {
            outOfService = false;
            render();
        } else {
            showNotice(r == DeviceHub.TamperReset.DOOR_OPEN ? "tamper.doorOpen" : "tamper.switchUnreadable");
        }
    }
}
