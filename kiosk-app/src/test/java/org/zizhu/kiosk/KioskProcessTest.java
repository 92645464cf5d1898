package org.zizhu.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.CentralSimulator;

/**
 * The kiosk as the service manager runs it: a real {@code Main run} process (headless JavaFX
 * through Monocle, the simulated devices with their socat and ffmpeg children, central-sim on
 * loopback), stopped with SIGTERM (systemd stop, the end of scripts/demo) and killed with
 * SIGKILL. After either, no child may be left, the database must pass SQLite's integrity check,
 * and the next start must be clean.
 */
class KioskProcessTest {
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private CentralSimulator central;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void tearDown() {
        started.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
        if (central != null) {
            central.close();
        }
    }

    /** A running kiosk process, its output and the children it started. */
    private final class Kiosk {
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Thread reader;
        final java.util.Set<ProcessHandle> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Kiosk(Path config) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                    "-Dfile.encoding=UTF-8", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                    "-Dprism.order=sw", "-Dprism.text=t2k",
                    // The kiosk's own logging (INFO events on stderr), not the tests' logback-test.xml.
                    "-Dlogback.configurationFile=" + KioskProcessTest.class.getResource("/logback.xml")));
            if (Runtime.version().feature() >= 23) {
                cmd.add("--sun-misc-unsafe-memory-access=allow");
            }
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.zizhu.kiosk.Main", "run", "--config", config.toString()));
            process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            started.add(process);
            reader = new Thread(() -> {
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
            // Every child ever seen, so a kiosk stopped early is checked too (the children of a
            // dead process can no longer be listed).
            Thread watcher = new Thread(() -> {
                while (process.isAlive()) {
                    seen.addAll(process.descendants().toList());
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "kiosk-children");
            watcher.setDaemon(true);
            watcher.start();
        }

        /** Waits for the process to end and for its last output line to be read. */
        boolean waitFor(long seconds) throws InterruptedException {
            boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
            if (ended) {
                reader.join(5_000);
            }
            return ended;
        }

        String tail() {
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }

        boolean logged(String event, String outcome) {
            return lines.stream().anyMatch(l -> l.contains("event=\"" + event + "\" outcome=\"" + outcome + "\""));
        }

        void awaitLogged(String event, String outcome, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!logged(event, outcome)) {
                if (System.nanoTime() > deadline || !process.isAlive() && !logged(event, outcome)) {
                    if (logged(event, outcome)) {
                        return;
                    }
                    throw new AssertionError("no " + event + "/" + outcome + " within " + timeout + "; output:\n"
                            + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
                }
                Thread.sleep(100);
            }
        }

        /** socat and ffmpeg, found by their command lines (they may have been re-parented). */
        List<ProcessHandle> children() {
            seen.addAll(process.descendants().toList());
            return List.copyOf(seen);
        }
    }

    private Path config() throws IOException {
        central = CentralSimulator.builder().start();
        Path data = dir.resolve("data");
        Path file = dir.resolve("kiosk.properties");
        Files.writeString(file, String.join("\n",
                "terminal.id=T-PROC-1",
                "central.url=" + central.baseUrl(),
                "data.dir=" + data,
                "device.mode=simulated",
                // The PC/SC and CUPS stacks are shared with other tests; the children to check
                // are the kiosk's own: socat (ID card reader) and ffmpeg (camera).
                "device.smartcard.mode=off",
                "device.a4.mode=off",
                "ops.metricsPort=0",
                "ui.fullscreen=false", "ui.width=1280", "ui.height=800", ""), StandardCharsets.UTF_8);
        return file;
    }

    private static void assertNoneAlive(List<ProcessHandle> children, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<String> alive = children.stream().filter(ProcessHandle::isAlive)
                .map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).toList();
        assertEquals(List.of(), alive, "children outlived the kiosk");
    }

    private void assertDatabaseIntact() throws Exception {
        Path db = dir.resolve("data").resolve("kiosk.db");
        assertTrue(Files.exists(db));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            assertTrue(rs.next());
            assertEquals("ok", rs.getString(1));
        }
    }

    @Test
    void sigtermStopsInOrderAndSigkillLeavesNoChildBehind() throws Exception {
        Path config = config();

        Kiosk first = new Kiosk(config);
        first.awaitLogged("startup-ready", "success", START);
        first.awaitLogged("first-frame", "success", START);
        List<ProcessHandle> children = first.children();
        assertTrue(children.stream().anyMatch(h -> h.info().commandLine().orElse("").contains("socat")),
                "the simulated ID card reader runs socat: " + children.stream().map(h -> h.info().commandLine().orElse("?")).toList());
        // SIGTERM through the handle: Process.destroy() would also close our end of its output.
        first.process.toHandle().destroy();
        assertTrue(first.waitFor(60), "stopped within 60 s of SIGTERM");
        assertTrue(first.logged("stop-requested", "success"), () -> "the stop was logged as asked for (exit "
                + first.process.exitValue() + "):\n" + first.tail());
        assertTrue(first.logged("app-stopped", "success"), () -> "the orderly stop completed:\n" + first.tail());
        assertNoneAlive(children, Duration.ofSeconds(5));
        assertDatabaseIntact();

        Kiosk second = new Kiosk(config);
        second.awaitLogged("startup-ready", "success", START);
        children = second.children();
        assertTrue(children.stream().anyMatch(h -> h.info().commandLine().orElse("").contains("socat")));
        second.process.destroyForcibly(); // SIGKILL: no hook runs; the children must notice themselves
        assertTrue(second.waitFor(10));
        assertNoneAlive(children, Duration.ofSeconds(10));
        assertDatabaseIntact();

        // SIGTERM while the services are still opening (they begin at the first frame): the stop
        // waits for the opening to finish, then closes everything it opened.
        Kiosk early = new Kiosk(config);
        early.awaitLogged("first-frame", "success", START);
        early.process.toHandle().destroy();
        assertTrue(early.waitFor(60), "stopped within 60 s of a SIGTERM during start-up");
        assertTrue(early.logged("app-stopped", "success"), () -> "orderly stop during start-up:\n" + early.tail());
        assertNoneAlive(early.children(), Duration.ofSeconds(5));
        assertDatabaseIntact();

        Kiosk third = new Kiosk(config);
        third.awaitLogged("startup-ready", "success", START);
        assertTrue(third.lines.stream().noneMatch(l -> l.contains("outcome=\"failure\"") && l.contains("startup-ready")));
        third.process.toHandle().destroy();
        assertTrue(third.waitFor(60));
    }
}
