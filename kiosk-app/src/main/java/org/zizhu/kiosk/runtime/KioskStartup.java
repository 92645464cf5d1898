package org.zizhu.kiosk.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.slf4j.LoggerFactory;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.devices.DemoConsole;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.ops.MetricsServer;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.transaction.CentralServicePorts;
import org.zizhu.threads.DaemonThreads;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.runtime.KioskServices;

/**
 * Opens everything behind the screens on a background thread, so the window comes first: the
 * attract screen says "starting" while the database is migrated, the credentials and the
 * catalogue are loaded and every device is opened (seconds on a Raspberry Pi), and the kiosk
 * serves once {@link #whenDone} reports the services. A failure leaves the kiosk out of
 * service with the reason logged, never a window that never appears.
 *
 * <p>{@link #close()} is the orderly stop for everything opened here (metrics, devices with their
 * child processes, the runtime with its database); it waits for a start-up still under way, so
 * a stop during start-up never leaves a half-opened device behind.
 */
public final class KioskStartup implements AutoCloseable {
    /** How long a stop waits for a start-up still under way (a device open has its own deadline). */
    private static final Duration STARTUP_WAIT_ON_STOP = Duration.ofSeconds(10);

    private final KioskConfig config;
    private final boolean demoConsole;
    private final java.util.function.Supplier<DemoConsole.Screen> demoScreen;
    private final CompletableFuture<KioskServices> done = new CompletableFuture<>();
    private final Object lock = new Object();
    private Thread thread;
    private boolean closed;
    /** False for {@link #of}: the caller opened the services and closes them itself. */
    private boolean owner = true;
    private KioskRuntime runtime;
    private DeviceHub hub;
    private MetricsServer metrics;

    public KioskStartup(KioskConfig config, boolean demoConsole) {
        this(config, demoConsole, () -> null);
    }

    /** {@code demoScreen}: the window, for the demo console's screen commands (null until it is up). */
    public KioskStartup(KioskConfig config, boolean demoConsole, java.util.function.Supplier<DemoConsole.Screen> demoScreen) {
        this.config = config;
        this.demoConsole = demoConsole;
        this.demoScreen = demoScreen;
    }

    /** An already finished start-up (tests and tools that open the services themselves). */
    public static KioskStartup of(KioskServices services) {
        KioskStartup s = new KioskStartup(services.runtime().config(), false);
        s.owner = false;
        s.done.complete(services);
        return s;
    }

    public KioskConfig config() {
        return config;
    }

    /** Starts opening in the background; returns at once. */
    public void begin() {
        synchronized (lock) {
            // After close() nothing may be opened: it would never be closed.
            if (closed || thread != null || done.isDone()) {
                return;
            }
            thread = DaemonThreads.start("kiosk-startup", this::open);
        }
    }

    /** Calls back with the services or the failure, on the start-up thread (or at once if done). */
    public void whenDone(BiConsumer<KioskServices, Throwable> callback) {
        done.whenComplete(callback);
    }


    private void open() {
        long t0 = System.nanoTime();
        try {
            EventLog.event(EventId.CONFIG_LOADED, Outcome.SUCCESS, "source", config.source());
            KioskRuntime rt = KioskRuntime.open(config);
            synchronized (lock) {
                runtime = rt;
                if (closed) {
                    throw new IllegalStateException("stopped during start-up");
                }
            }
            EventLog.event(EventId.APP_STARTED, Outcome.SUCCESS, "version", KioskRuntime.RUNNING_VERSION,
                    "catalogVersion", String.valueOf(rt.catalog().version()), "items", rt.catalog().size());
            DeviceHub h = DeviceHub.start(config);
            synchronized (lock) {
                hub = h;
                if (closed) {
                    throw new IllegalStateException("stopped during start-up");
                }
            }
            h.trackers().forEach(rt::addDevice);
            if (demoConsole) {
                DemoConsole.startInBackground(h, config.dataDir().resolve("devices"), demoScreen);
            }
            rt.startBackground();
            MetricsServer m = startMetrics(rt);
            synchronized (lock) {
                metrics = m;
            }
            PrintService printing = new PrintService(h.receiptPrinter().orElse(null), h.a4Printer().orElse(null));
            if (config.getBoolean(ConfigKey.UI_BILINGUAL_MONGOLIAN)) {
                org.zizhu.kiosk.printing.MongolianTitleDrawer.open(java.nio.file.Path.of(config.get(ConfigKey.UI_MONGOLIAN_FONT)))
                        .ifPresent(printing::printMongolianTitles);
            }
            CentralServicePorts ports = new CentralServicePorts(rt.services(), h, printing);
            EventLog.event(EventId.STARTUP_READY, Outcome.SUCCESS, "ms", (System.nanoTime() - t0) / 1_000_000);
            done.complete(new KioskServices(rt, h, ports, printing));
        } catch (Exception | Error e) {
            EventLog.event(EventId.STARTUP_READY, Outcome.FAILURE, "ms", (System.nanoTime() - t0) / 1_000_000,
                    "error", e.getClass().getSimpleName());
            // Looked up here, not in a static field: creating a logger starts logback, which the
            // launcher keeps off the path to the first frame.
            LoggerFactory.getLogger(KioskStartup.class).error("kiosk start-up failed; the kiosk stays out of service", e);
            done.completeExceptionally(e);
        }
    }

    /** Metrics are for operators; a port clash must not keep residents from the kiosk. */
    private static MetricsServer startMetrics(KioskRuntime runtime) {
        int port = runtime.config().getInt(ConfigKey.METRICS_PORT);
        if (port == 0) {
            return null;
        }
        try {
            return new MetricsServer(runtime, runtime.config().get(ConfigKey.METRICS_HOST), port);
        } catch (java.io.IOException | RuntimeException e) {
            EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "metrics", "error", e.toString());
            return null;
        }
    }

    /**
     * Closes what was opened, newest first: metrics, devices (their simulators and child
     * processes), then the runtime (drainer, scheduler, database). Idempotent and safe from a
     * shutdown hook.
     */
    @Override
    public void close() {
        Thread t;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            t = thread;
            if (!owner) {
                return;
            }
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(STARTUP_WAIT_ON_STOP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        MetricsServer m;
        DeviceHub h;
        KioskRuntime rt;
        synchronized (lock) {
            m = metrics;
            h = hub;
            rt = runtime;
        }
        if (!done.isDone()) {
            done.completeExceptionally(new IllegalStateException("stopped during start-up"));
        } else if (!done.isCompletedExceptionally()) {
            KioskServices s = done.join();
            h = h != null ? h : s.hub();
            rt = rt != null ? rt : s.runtime();
        }
        if (m != null) {
            m.close();
        }
        if (h != null) {
            h.close();
        }
        if (rt != null) {
            rt.close();
        }
    }

}
