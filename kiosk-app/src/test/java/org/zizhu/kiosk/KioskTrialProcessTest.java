package org.zizhu.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.CentralSimulator;
import org.zizhu.kiosk.update.CommitGate;
import org.zizhu.kiosk.update.PendingTrial;
import org.zizhu.kiosk.update.UpdateLayout;
import org.zizhu.update.ReleaseSigning;

/**
 * The commit gate in the real kiosk ({@code Main run}: headless JavaFX through Monocle, the
 * runtime, central-sim on loopback): a version on trial commits after its first frame, the
 * watchdog's probes (the UI thread answers, the outbox drainer lives) and an accepted heartbeat;
 * one whose heartbeat the centre never accepts exits {@value CommitGate#EXIT_TRIAL_FAILED} at its
 * deadline. The process runs from the test class path; the release tree under a temporary
 * {@code update.home} only says which version is current, which is all the gate reads
 * ({@code UpdateRollbackTest} starts kiosks from real release trees). Devices are off.
 */
class KioskTrialProcessTest {
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private CentralSimulator central;
    private Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        if (central != null) {
            central.close();
        }
    }

    private UpdateLayout onTrial(Duration deadline) throws Exception {
        UpdateLayout layout = new UpdateLayout(dir.resolve("opt"), dir.resolve("data"));
        for (String v : List.of("1.0.0", "2.0.0")) {
            Files.createDirectories(layout.release(v).resolve("lib"));
            Files.writeString(layout.release(v).resolve("VERSION"), v + "\n");
        }
        Files.createSymbolicLink(layout.current(), Path.of("releases/2.0.0"));
        Files.createDirectories(layout.updateDir());
        Files.writeString(layout.lastGood(), "1.0.0\n");
        new PendingTrial("2.0.0", "1.0.0", Instant.now(), Instant.now().plus(deadline), 1).write(layout.pending());
        return layout;
    }

    private Path config(UpdateLayout layout) throws Exception {
        central = CentralSimulator.builder().https(false).start();
        Path key = dir.resolve("release-key.pub");
        Files.writeString(key, ReleaseSigning.publicKeyPem(ReleaseSigning.generate().getPublic()));
        Path file = dir.resolve("kiosk.properties");
        Files.writeString(file, String.join("\n",
                "terminal.id=T-TRIAL-1",
                "central.url=" + central.baseUrl(),
                "data.dir=" + layout.state(),
                "device.idcard.mode=off", "device.receipt.mode=off", "device.a4.mode=off", "device.camera.mode=off",
                "device.smartcard.mode=off", "device.gpio.mode=off",
                "ops.metricsPort=0",
                "update.home=" + layout.home(),
                "update.publicKey=" + key,
                "update.pollIntervalSeconds=1",
                "update.healthyRounds=2",
                "ui.fullscreen=false", "ui.width=1280", "ui.height=800", ""), StandardCharsets.UTF_8);
        return file;
    }

    private void start(Path config) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Dfile.encoding=UTF-8", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Dlogback.configurationFile=" + KioskTrialProcessTest.class.getResource("/logback.xml")));
        if (Runtime.version().feature() >= 23) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.zizhu.kiosk.Main", "run", "--config", config.toString()));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "kiosk-output");
        reader.setDaemon(true);
        reader.start();
    }

    private boolean logged(String event, String outcome) {
        return lines.stream().anyMatch(l -> l.contains("event=\"" + event + "\" outcome=\"" + outcome + "\""));
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + START + "; output:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aHealthyKioskOnTrialCommitsAndReportsIt() throws Exception {
        UpdateLayout layout = onTrial(Duration.ofSeconds(120));
        start(config(layout));
        await("commit", () -> logged("update-committed", "success"));
        assertEquals("2.0.0", layout.lastGoodVersion().orElseThrow());
        assertFalse(Files.exists(layout.pending()));
        assertTrue(logged("first-frame", "success"), "READY goes with the first frame");
        await("the COMMITTED report at the centre", () -> central.releases().reports().stream()
                .anyMatch(r -> r.version().equals("2.0.0") && r.outcome().equals("COMMITTED")));
        assertTrue(central.terminals().heartbeatCount("T-TRIAL-1") >= 1);
        process.toHandle().destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(List.of(), central.contractViolations());
    }

    @Test
    void aKioskOnTrialWhoseHeartbeatIsNeverAcceptedExitsNonZeroAtItsDeadline() throws Exception {
        UpdateLayout layout = onTrial(Duration.ofSeconds(8));
        Path config = config(layout);
        central.faults().partitioned(true);
        start(config);
        assertTrue(process.waitFor(START.toSeconds(), TimeUnit.SECONDS), "the kiosk ends itself");
        assertEquals(CommitGate.EXIT_TRIAL_FAILED, process.exitValue(), String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
        assertTrue(logged("update-trial-failed", "failure"));
        assertTrue(logged("app-stopped", "success"), "an orderly stop before the exit");
        assertTrue(Files.exists(layout.pending()), "left for the guard, which rolls back before the next start");
        assertEquals("1.0.0", layout.lastGoodVersion().orElseThrow());
    }
}
