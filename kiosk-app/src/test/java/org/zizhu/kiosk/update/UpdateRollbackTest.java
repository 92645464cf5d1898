package org.zizhu.kiosk.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.CentralSimulator;
import org.zizhu.central.release.ReleaseApi;
import org.zizhu.update.ReleaseSigning;

/**
 * Whole updates end to end: central-sim on loopback publishes a signed release and sets it as
 * this terminal's target; the kiosk runs as a real child JVM started the way the launcher starts
 * a release ({@code java -cp "<home>/current/lib/*" org.zizhu.kiosk.Main ...}) from real release
 * trees under a temporary {@code ZIZHU_HOME}; the root installer and the guard are the real
 * classes, run in this JVM.
 *
 * <p>What is emulated, and how:
 * <ul>
 * <li><b>systemd</b> ({@code zizhu-kiosk.service} with {@code Restart=always} and
 *     {@code ExecStartPre=+zizhu update guard}) is {@link Supervisor}: before every start it runs
 *     the guard, then starts the kiosk from {@code current}, and starts it again whenever it exits;</li>
 * <li><b>{@code zizhu-update.path}</b> is the supervisor noticing {@code staged/install-request} and
 *     running the installer; the installer's restart command is {@code true}, and the supervisor
 *     then stops the kiosk with SIGTERM and starts it again, as {@code systemctl restart} would;</li>
 * <li><b>the kiosk</b> is {@code zizhu update probe}: the real runtime (SQLite, centre link, outbox,
 *     heartbeats), update agent and commit gate, without the window and devices (no display in
 *     tests); READY is when its services are open, the probe is the outbox drainer;</li>
 * <li>no NOTIFY_SOCKET or watchdog: READY and the probe rounds feed the gate whether or not a
 *     service manager listens ({@code SystemdNotifyTest} covers the datagrams themselves).</li>
 * </ul>
 */
class UpdateRollbackTest {
    static final String TERMINAL = "ZZ-UPD-0002";
    /** A guard against a hang, not a timing claim: a run takes 10-20 s on a busy 2-core machine, mostly JVM starts. */
    static final Duration BUDGET = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    CentralSimulator sim;
    KeyPair vendor;
    Path pub;
    Path keyFile;
    UpdateLayout layout;
    Supervisor supervisor;

    @BeforeEach
    void setUp() throws Exception {
        pub = dir.resolve("published");
        Files.createDirectories(pub);
        sim = CentralSimulator.builder().https(false).releasesDir(pub).start();
        vendor = ReleaseSigning.generate();
        keyFile = dir.resolve("release-key.pub");
        Files.writeString(keyFile, ReleaseSigning.publicKeyPem(vendor.getPublic()));
        layout = new UpdateLayout(dir.resolve("opt"), dir.resolve("var"));
        // Release 1.0.0 is installed and committed, as the package leaves a terminal.
        TestReleases.goodTree(layout.release("1.0.0"), "1.0.0", 0);
        Files.createSymbolicLink(layout.current(), Path.of("releases/1.0.0"));
        Files.createDirectories(layout.updateDir());
        Files.writeString(layout.lastGood(), "1.0.0\n");
    }

    @AfterEach
    void tearDown() {
        if (supervisor != null) {
            supervisor.stop();
        }
        sim.close();
    }

    Path config(int trialDeadlineSeconds) throws IOException {
        Path f = dir.resolve("kiosk.properties");
        Files.writeString(f, String.join("\n",
                "terminal.id=" + TERMINAL,
                "central.url=" + sim.baseUrl(),
                "data.dir=" + layout.state(),
                "ops.metricsPort=0",
                "central.requestTimeoutMs=2000",
                "update.home=" + layout.home(),
                "update.publicKey=" + keyFile,
                "update.pollIntervalSeconds=1",
                "update.trialDeadlineSeconds=" + trialDeadlineSeconds,
                "update.healthyRounds=2",
                "update.restartCommand=true", ""), StandardCharsets.UTF_8);
        return f;
    }

    boolean reported(String version, String outcome) {
        return sim.releases().reports().stream().anyMatch(r -> r.version().equals(version) && r.outcome().equals(outcome));
    }

    /** systemd's part, emulated: guard before every start, Restart=always, restart after an install. */
    final class Supervisor {
        final Path config;
        final List<String> starts = new ArrayList<>();
        final List<Integer> exits = new ArrayList<>();
        Runnable afterInstall = () -> { };
        Runnable beforeStart = () -> { };
        private Process child;

        Supervisor(Path config) {
            this.config = config;
        }

        void runUntil(BooleanSupplier done) throws Exception {
            long end = System.nanoTime() + BUDGET.toNanos();
            UpdateGuard guard = new UpdateGuard(layout, Clock.systemUTC());
            while (true) {
                guard.run(); // ExecStartPre=+/usr/bin/zizhu update guard
                beforeStart.run();
                String version = layout.currentVersion().orElseThrow();
                starts.add(version);
                Path log = dir.resolve("kiosk-" + starts.size() + "-" + version + ".log");
                child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        // C1 only and the serial collector: these short-lived kiosks start faster (the launcher chooses its own flags).
                        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                        "-cp", layout.current().resolve("lib") + "/*", "-Dzizhu.log.dir=" + layout.state().resolve("logs"),
                        "org.zizhu.kiosk.Main", "update", "probe", "--config", config.toString(), "--max-seconds", "40")
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                while (child.isAlive()) {
                    if (done.getAsBoolean()) {
                        stop();
                        return;
                    }
                    if (Files.exists(layout.installRequest())) {
                        // zizhu-update.path -> zizhu-update.service: install as root, then restart the kiosk.
                        UpdateInstaller.Result r = new UpdateInstaller(layout, vendor.getPublic(), Duration.ofSeconds(trialDeadline()),
                                List.of("true"), 64L << 20, Clock.systemUTC()).install();
                        assertEquals(0, r.exitCode(), r.message());
                        afterInstall.run();
                        child.destroy();
                        break;
                    }
                    if (System.nanoTime() > end) {
                        stop();
                        fail("not done within " + BUDGET + "; starts " + starts + ", exits " + exits + "; log " + Files.readString(log));
                    }
                    child.waitFor(100, TimeUnit.MILLISECONDS);
                }
                if (!child.waitFor(15, TimeUnit.SECONDS) && !child.destroyForcibly().waitFor(5, TimeUnit.SECONDS)) {
                    fail("the kiosk did not end, even killed; starts " + starts);
                }
                exits.add(child.exitValue()); // ended by now: exitValue() would throw on a live process
                if (done.getAsBoolean()) {
                    return;
                }
                if (System.nanoTime() > end) {
                    fail("not done within " + BUDGET + "; starts " + starts + ", exits " + exits);
                }
            }
        }

        int trialDeadline() throws IOException {
            for (String line : Files.readAllLines(config)) {
                if (line.startsWith("update.trialDeadlineSeconds=")) {
                    return Integer.parseInt(line.substring(line.indexOf('=') + 1));
                }
            }
            return 300;
        }

        void stop() {
            Process c = child;
            if (c != null && c.isAlive()) {
                c.destroy();
                try {
                    if (!c.waitFor(15, TimeUnit.SECONDS)) {
                        c.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    c.destroyForcibly();
                }
            }
        }
    }

    @Test
    void aGoodUpdateIsInstalledStartedAndCommitted() throws Exception {
        TestReleases.publish(dir.resolve("work"), pub, "2.0.0", true, 0, vendor);
        sim.releases().target(TERMINAL, "2.0.0");
        supervisor = new Supervisor(config(25));

        supervisor.runUntil(() -> reported("2.0.0", "COMMITTED"));

        assertEquals(List.of("1.0.0", "2.0.0"), supervisor.starts);
        assertEquals("2.0.0", layout.currentVersion().orElseThrow());
        assertEquals("2.0.0", layout.lastGoodVersion().orElseThrow());
        assertFalse(Files.exists(layout.pending()), "the trial is over");
        assertTrue(Files.isDirectory(layout.release("1.0.0")), "the previous release is kept");
        assertTrue(sim.terminals().heartbeatCount(TERMINAL) >= 1, "the commit waited for an accepted heartbeat");
        assertEquals(List.of(), sim.contractViolations());
    }

    @Test
    void anUpdateWhoseKioskNeverStartsIsRolledBackAfterThreeAttempts() throws Exception {
        TestReleases.publish(dir.resolve("work"), pub, "2.0.0", false, 0, vendor);
        sim.releases().target(TERMINAL, "2.0.0");
        supervisor = new Supervisor(config(25));

        supervisor.runUntil(() -> reported("2.0.0", "ROLLED_BACK"));

        assertEquals(List.of("1.0.0", "2.0.0", "2.0.0", "2.0.0", "1.0.0"), supervisor.starts);
        for (int i = 1; i <= 3; i++) {
            assertNotEquals(0, supervisor.exits.get(i), "the broken release fails to start");
        }
        assertEquals("1.0.0", layout.currentVersion().orElseThrow(), "current switched back");
        assertEquals("1.0.0", layout.lastGoodVersion().orElseThrow());
        assertFalse(Files.exists(layout.pending()));
        assertTrue(layout.failedBefore("2.0.0"), "not tried again");
        ReleaseApi.Report r = sim.releases().reports().stream().filter(x -> x.outcome().equals("ROLLED_BACK")).findFirst().orElseThrow();
        assertEquals("attempts", r.reason());
        assertEquals(List.of(), sim.contractViolations());
    }

    @Test
    void anUpdateThatNeverBecomesHealthyExitsAtItsDeadlineAndIsRolledBack() throws Exception {
        TestReleases.publish(dir.resolve("work"), pub, "2.0.0", true, 0, vendor);
        sim.releases().target(TERMINAL, "2.0.0");
        supervisor = new Supervisor(config(5));
        // The new version starts, but the centre never accepts its heartbeat: not healthy.
        supervisor.afterInstall = () -> sim.faults().partitioned(true);
        // Back on the old version the link returns, and the failure is reported.
        supervisor.beforeStart = () -> {
            if (layout.currentVersion().orElse("").equals("1.0.0")) {
                sim.faults().partitioned(false);
            }
        };

        supervisor.runUntil(() -> reported("2.0.0", "ROLLED_BACK"));

        assertEquals("2.0.0", supervisor.starts.get(1));
        assertEquals(CommitGate.EXIT_TRIAL_FAILED, supervisor.exits.get(1), "the kiosk on trial exits non-zero at its deadline");
        assertEquals("1.0.0", supervisor.starts.get(supervisor.starts.size() - 1));
        assertEquals("1.0.0", layout.currentVersion().orElseThrow());
        assertEquals("1.0.0", layout.lastGoodVersion().orElseThrow());
        ReleaseApi.Report r = sim.releases().reports().stream().filter(x -> x.outcome().equals("ROLLED_BACK")).findFirst().orElseThrow();
        assertEquals("deadline", r.reason());
        assertEquals(List.of(), sim.contractViolations());
    }
}
