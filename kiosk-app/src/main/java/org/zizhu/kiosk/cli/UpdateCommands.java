package org.zizhu.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.zizhu.kiosk.config.ConfigException;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.ops.SystemdNotify;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.update.CommitGate;
import org.zizhu.kiosk.update.PendingTrial;
import org.zizhu.kiosk.update.UpdateGuard;
import org.zizhu.kiosk.update.UpdateInstaller;
import org.zizhu.kiosk.update.UpdateLayout;
import org.zizhu.kiosk.update.UpdateReports;
import org.zizhu.tools.OptionsCommand;
import org.zizhu.tools.UsageException;
import org.zizhu.update.ReleaseSigning;
import picocli.CommandLine.Option;

/**
 * {@code zizhu update install|guard|status|probe}: the terminal's side of signed updates
 * (docs/updates.md). {@code install} and {@code guard} run as root from systemd units; the
 * launcher runs them from the last good release. Without {@code --config} they read
 * {@code /etc/zizhu/kiosk.properties} when it exists; {@code ZIZHU_HOME} and
 * {@code ZIZHU_STATE} override where releases and state are.
 */
public final class UpdateCommands {
    private UpdateCommands() {
    }

    /** {@code [--config FILE]}, defaulting to the installed configuration. */
    public static class UpdateOptions {
        static final Path INSTALLED = Path.of("/etc/zizhu/kiosk.properties");

        @Option(names = "--config", paramLabel = "FILE")
        Path file;

        /**
         * The main file without the wizard's device bindings (KioskConfig.loadMain): install, guard
         * and status need none, and a bindings file that does not load must not stop a rollback.
         */
        KioskConfig load() throws ConfigException {
            Path f = file != null ? file : Files.isRegularFile(INSTALLED) ? INSTALLED : null;
            return f == null ? KioskConfig.defaults() : KioskConfig.loadMain(f);
        }
    }

    abstract static class Base<O extends UpdateOptions> extends OptionsCommand<O> {
        @Override
        public Kind kind() {
            return Kind.UPDATE;
        }

        KioskConfig config(UpdateOptions o) throws UsageException {
            try {
                return o.load();
            } catch (ConfigException e) {
                throw new UsageException("configuration: " + e.getMessage());
            }
        }
    }

    /** {@code zizhu update install}: root, from zizhu-update.service. */
    public static final class Install extends Base<UpdateOptions> {
        @Override
        public String name() {
            return "install";
        }

        @Override
        public String summary() {
            return "install the staged release (root): re-verify, unpack, pending.json, switch current, restart the kiosk";
        }

        @Override
        protected UpdateOptions options() {
            return new UpdateOptions();
        }

        @Override
        protected int run(UpdateOptions o, PrintStream out, PrintStream err) throws Exception {
            KioskConfig c = config(o);
            PublicKey key;
            try {
                key = ReleaseSigning.readPublicKey(Path.of(c.get(ConfigKey.UPDATE_PUBLIC_KEY)));
            } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                err.println("update install: the pinned release key cannot be read: " + e.getMessage());
                return 1;
            }
            UpdateInstaller.Result r = new UpdateInstaller(UpdateLayout.of(c, System.getenv()), key,
                    c.seconds(ConfigKey.UPDATE_TRIAL_DEADLINE_S), UpdateInstaller.words(c.get(ConfigKey.UPDATE_RESTART_COMMAND)),
                    c.getInt(ConfigKey.UPDATE_MAX_RELEASE_MB) * (1L << 20), Clock.systemUTC()).install();
            (r.exitCode() == 0 ? out : err).println("update install: " + r.message());
            return r.exitCode();
        }
    }

    /** {@code zizhu update guard}: root, ExecStartPre of the kiosk. Always exits 0 unless it cannot run at all. */
    public static final class Guard extends Base<UpdateOptions> {
        @Override
        public String name() {
            return "guard";
        }

        @Override
        public String summary() {
            return "before each kiosk start (root): roll back a version on trial after 3 starts or past its deadline";
        }

        @Override
        protected UpdateOptions options() {
            return new UpdateOptions();
        }

        @Override
        protected int run(UpdateOptions o, PrintStream out, PrintStream err) throws Exception {
            KioskConfig c = config(o);
            UpdateGuard.Decision d;
            try {
                d = new UpdateGuard(UpdateLayout.of(c, System.getenv()), Clock.systemUTC()).run();
            } catch (java.io.IOException | RuntimeException e) {
                // A guard that fails fails the start (ExecStartPre): the kiosk would not run at all,
                // not even the good version. Said loudly; the start goes on.
                org.zizhu.events.EventLog.event(org.zizhu.events.EventId.UNEXPECTED_ERROR, org.zizhu.events.Outcome.FAILURE,
                        "where", "update-guard", "error", e.getClass().getSimpleName());
                err.println("update guard: failed (" + e + "); the kiosk starts as it is");
                return 0;
            }
            out.println("update guard: " + d.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            return 0;
        }
    }

    /** {@code zizhu update status}: JSON for technicians. */
    public static final class Status extends Base<UpdateOptions> {
        @Override
        public String name() {
            return "status";
        }

        @Override
        public String summary() {
            return "print the update state: current, last good, a version on trial, staged, outcomes not yet reported";
        }

        @Override
        protected UpdateOptions options() {
            return new UpdateOptions();
        }

        @Override
        protected int run(UpdateOptions o, PrintStream out, PrintStream err) throws Exception {
            UpdateLayout l = UpdateLayout.of(config(o), System.getenv());
            ObjectMapper json = new ObjectMapper();
            ObjectNode s = json.createObjectNode();
            s.put("home", l.home().toString());
            s.put("state", l.state().toString());
            s.put("current", l.currentVersion().orElse(null));
            s.put("lastGood", l.lastGoodVersion().orElse(null));
            Optional<PendingTrial> t;
            try {
                t = PendingTrial.read(l.pending());
            } catch (java.io.IOException e) {
                t = Optional.empty();
                s.put("pendingError", e.getMessage());
            }
            t.ifPresent(p -> {
                ObjectNode n = s.putObject("pending");
                n.put("version", p.version());
                n.put("previous", p.previous());
                n.put("deadline", p.deadline().toString());
                n.put("attempts", p.attempts());
            });
            s.put("installRequested", Files.exists(l.installRequest()));
            var staged = s.putArray("staged");
            if (Files.isDirectory(l.staged())) {
                try (var ls = Files.list(l.staged())) {
                    ls.map(p -> p.getFileName().toString()).sorted().forEach(staged::add);
                }
            }
            var reports = s.putArray("reportsWaiting");
            for (UpdateReports.Report r : UpdateReports.waiting(l)) {
                reports.add(r.version() + " " + r.outcome() + (r.reason() == null ? "" : " " + r.reason()));
            }
            var failed = s.putArray("failedVersions");
            if (Files.isDirectory(l.failed())) {
                try (var ls = Files.list(l.failed())) {
                    ls.map(p -> p.getFileName().toString()).sorted().forEach(failed::add);
                }
            }
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(s));
            return 0;
        }
    }

    /**
     * {@code zizhu update probe}: the kiosk without window or devices: database, centre link,
     * outbox, heartbeats, the update agent (the kiosk counts as free: no screen, no resident) and,
     * when the version running is on trial, the commit gate with the outbox drainer as its
     * probe and READY sent once the services are open. For labs and the update tests, where it
     * stands in for {@code zizhu run} (which needs a display). Runs until stopped, or
     * {@code --max-seconds}; exits {@value CommitGate#EXIT_TRIAL_FAILED} when a trial's deadline passes.
     */
    public static final class Probe extends Base<Probe.Options> {
        public static final class Options extends UpdateOptions {
            @Option(names = "--max-seconds", paramLabel = "N") int maxSeconds = 0;

            @Override
            KioskConfig load() throws ConfigException {
                // The kiosk's services: the bindings count here, as in 'zizhu run'.
                KioskConfig main = super.load();
                return file != null || Files.isRegularFile(INSTALLED) ? main.withCommissioned() : main;
            }
        }

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public String summary() {
            return "run the kiosk's services headless (no window, no devices) with the update agent and commit gate (labs, tests)";
        }

        @Override
        protected Options options() {
            return new Options();
        }

        @Override
        protected int run(Options o, PrintStream out, PrintStream err) throws Exception {
            KioskConfig c = config(o);
            UpdateLayout layout = UpdateLayout.of(c, System.getenv());
            Optional<CommitGate> gate = CommitGate.forThisStart(layout, c.getInt(ConfigKey.UPDATE_HEALTHY_ROUNDS), Clock.systemUTC());
            CountDownLatch end = new CountDownLatch(1);
            AtomicInteger code = new AtomicInteger(0);
            try (KioskRuntime rt = KioskRuntime.open(c)) {
                rt.updates().ifPresent(a -> a.inUseBy(() -> false));
                rt.startBackground();
                SystemdNotify.fromEnvironment(System.getenv()).ifPresent(SystemdNotify::ready);
                out.println("update probe: running " + layout.currentVersion().orElse("(no release)")
                        + (gate.isPresent() ? " on trial" : ""));
                out.flush();
                gate.ifPresent(g -> {
                    g.ready();
                    List<BooleanSupplier> probes = List.of(() -> rt.drainer().running());
                    g.start(Duration.ofSeconds(1), probes, () -> rt.heartbeat().send(), exit -> {
                        code.set(exit);
                        end.countDown();
                    });
                });
                Thread hook = new Thread(end::countDown, "probe-stop");
                Runtime.getRuntime().addShutdownHook(hook);
                if (o.maxSeconds > 0) {
                    end.await(o.maxSeconds, TimeUnit.SECONDS);
                } else {
                    end.await();
                }
                gate.ifPresent(CommitGate::close);
            }
            return code.get();
        }
    }
}
