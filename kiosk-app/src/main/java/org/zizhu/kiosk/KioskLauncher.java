package org.zizhu.kiosk;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.ui.KioskApplication;
import org.zizhu.threads.DaemonThreads;
import org.zizhu.kiosk.runtime.KioskStartup;

/**
 * Starts logging, then the window, then everything behind it ({@link KioskStartup}) for
 * {@code kiosk run}; and stops all of it in order, whether the window closes or the service
 * manager sends SIGTERM.
 *
 * <p>The window comes first because a kiosk that shows nothing for seconds after power-on
 * looks broken to the resident in front of it and to the technician commissioning it.
 */
public final class KioskLauncher {
    /** The whole orderly stop (visit, centre step, devices, database) must fit in systemd's 90 s default. */
    static final Duration STOP_BUDGET = Duration.ofSeconds(30);
    /** Start-up begins at the first frame, or after this if no frame comes. */
    static final Duration FIRST_FRAME_FALLBACK = Duration.ofSeconds(15);

    private KioskLauncher() {
    }

    /** Runs the kiosk until its window closes or the process is stopped; returns the exit code. */
    public static int launch(KioskConfig config, boolean demoConsole) throws Exception {
        // Logback reads these when the first logger is created, so they are set first.
        System.setProperty("zizhu.log.dir", config.dataDir().resolve("logs").toAbsolutePath().toString());
        System.setProperty("zizhu.log.level", config.get(ConfigKey.LOG_LEVEL));
        // Nothing is logged before the first frame: starting logback and its JSON encoder costs
        // a few hundred milliseconds the first frame need not wait for. CONFIG_LOADED is the
        // first event of KioskStartup, which begins at the first frame.
        KioskStartup startup = new KioskStartup(config, demoConsole, KioskApplication::demoScreen);
        AtomicBoolean stopped = new AtomicBoolean();
        CountDownLatch stopDone = new CountDownLatch(1);
        AtomicReference<Runnable> beforeStop = new AtomicReference<>(() -> { });
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                try {
                    beforeStop.get().run();
                    KioskApplication.stopRunning(STOP_BUDGET.dividedBy(3));
                    startup.close();
                    EventLog.event(EventId.APP_STOPPED, Outcome.SUCCESS);
                } finally {
                    stopDone.countDown();
                }
            }
        };
        // SIGTERM (systemd stop/restart, scripts/demo ending) runs the hook: the same orderly
        // stop as closing the window. SIGKILL cannot be caught; child processes watch for it
        // themselves (org.zizhu.process.ParentWatch).
        Thread hook = new Thread(() -> {
            if (!stopped.get()) {
                EventLog.event(EventId.STOP_REQUESTED, Outcome.SUCCESS, "via", "signal");
            }
            stop.run();
            try {
                stopDone.await(STOP_BUDGET.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kiosk-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        // Opening begins once the first frame is on screen (KioskApplication): on two cores,
        // migrations, credentials and six devices opened during the toolkit's start doubled the
        // time to the first frame (BENCHMARKS.md, "Start-up").
        KioskApplication.prepare(startup);
        // Under systemd (Type=notify) READY goes with the first frame, and the watchdog is fed
        // only while the window answers and the outbox drainer lives: a kiosk whose UI froze
        // while the process lives gets restarted.
        java.util.Optional<org.zizhu.kiosk.ops.SystemdNotify> notify = org.zizhu.kiosk.ops.SystemdNotify.fromEnvironment(System.getenv());
        AtomicReference<org.zizhu.kiosk.ops.Watchdog> watchdog = new AtomicReference<>();
        beforeStop.set(() -> {
            org.zizhu.kiosk.ops.Watchdog w = watchdog.getAndSet(null);
            if (w != null) {
                w.close();
            }
            notify.ifPresent(org.zizhu.kiosk.ops.SystemdNotify::stopping);
        });
        KioskApplication.afterFirstFrame(() -> {
            startup.begin();
            // A version on trial after an update commits only when healthy within its deadline
            // (docs/updates.md). Looked at behind the window, off the UI thread: reading
            // pending.json loads Jackson, which the first frame need not wait for.
            DaemonThreads.start("update-trial", () -> org.zizhu.kiosk.update.CommitGate.forThisStart(
                            org.zizhu.kiosk.update.UpdateLayout.of(config, System.getenv()), config.getInt(ConfigKey.UPDATE_HEALTHY_ROUNDS),
                            java.time.Clock.systemUTC())
                    .ifPresent(g -> startTrial(g, startup, stop)));
            notify.ifPresent(n -> {
                n.ready();
                org.zizhu.kiosk.ops.Watchdog.interval(System.getenv(), ProcessHandle.current().pid()).ifPresent(every -> {
                    org.zizhu.kiosk.ops.Watchdog w = new org.zizhu.kiosk.ops.Watchdog(n, every, healthProbes(startup));
                    watchdog.set(w);
                    w.start();
                });
            });
        });
        // A first frame that never comes (a display that hangs) must not keep the kiosk from
        // its devices, heartbeats and queued submissions: begin anyway after a while.
        DaemonThreads.start("startup-fallback", () -> {
            try {
                Thread.sleep(FIRST_FRAME_FALLBACK.toMillis());
                startup.begin();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            Application.launch(KioskApplication.class);
        } catch (RuntimeException e) {
            // Typically "Unable to load glass GTK library": say what is missing, loudly.
            System.err.println("zizhu: the kiosk window cannot open: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause() + ")" : ""));
            System.err.println("zizhu: it needs a display ($DISPLAY) and the packages listed in"
                    + " scripts/packages.d/display.txt (GTK 3, OpenGL, XTest); scripts/demo run as root installs them");
            EventLog.event(EventId.FIRST_FRAME, Outcome.FAILURE, "error", String.valueOf(e.getMessage()));
            stop.run();
            return 3;
        }
        // The window closed (Platform.exit): stop in order before Main exits the JVM.
        stop.run();
        return KioskApplication.exitCode();
    }

    /**
     * The commit gate of a version on trial: READY is the first frame (just shown), the probes are the
     * watchdog's, asked every second (at the watchdog's ping interval when systemd sets a
     * shorter one), and the heartbeat is sent directly so "accepted" means the centre answered.
     * A trial past its deadline stops the kiosk in order and exits non-zero.
     */
    private static void startTrial(org.zizhu.kiosk.update.CommitGate gate, KioskStartup startup, Runnable stop) {
        AtomicReference<org.zizhu.kiosk.runtime.KioskServices> services = new AtomicReference<>();
        startup.whenDone((s, e) -> services.set(s));
        gate.ready();
        Duration every = org.zizhu.kiosk.ops.Watchdog.interval(System.getenv(), ProcessHandle.current().pid())
                .map(d -> d.dividedBy(2)).filter(d -> d.compareTo(Duration.ofSeconds(1)) < 0).orElse(Duration.ofSeconds(1));
        java.util.List<java.util.function.BooleanSupplier> probes = healthProbes(startup).stream()
                .map(p -> (java.util.function.BooleanSupplier) p::healthy).toList();
        gate.start(every, probes, () -> {
            org.zizhu.kiosk.runtime.KioskServices s = services.get();
            return s != null && s.runtime() != null && s.runtime().heartbeat().send();
        }, code -> {
            stop.run();
            System.exit(code);
        });
    }

    /**
     * What "healthy" means for the watchdog: the JavaFX thread runs a task within 5 s (a frozen
     * window does not), and once start-up is done the outbox drainer still runs (queued
     * submissions would otherwise wait for ever).
     */
    static java.util.List<org.zizhu.kiosk.ops.Watchdog.Probe> healthProbes(KioskStartup startup) {
        AtomicReference<org.zizhu.kiosk.runtime.KioskServices> services = new AtomicReference<>();
        startup.whenDone((s, e) -> services.set(s));
        return java.util.List.of(
                probe("ui-thread", () -> {
                    CountDownLatch answered = new CountDownLatch(1);
                    try {
                        javafx.application.Platform.runLater(answered::countDown);
                        return answered.await(5, TimeUnit.SECONDS);
                    } catch (IllegalStateException e) {
                        return false; // the toolkit is gone
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }),
                probe("outbox-drainer", () -> {
                    org.zizhu.kiosk.runtime.KioskServices s = services.get();
                    return s == null || s.runtime() == null || s.runtime().drainer().running();
                }));
    }

    private static org.zizhu.kiosk.ops.Watchdog.Probe probe(String name, java.util.function.BooleanSupplier check) {
        return new org.zizhu.kiosk.ops.Watchdog.Probe() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean healthy() {
                return check.getAsBoolean();
            }
        };
    }
}
