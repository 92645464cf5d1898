package org.zizhu.device.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A CUPS queue of its own for one test, on the shared cupsd of scripts/stacks/cups.sh, in front
 * of an ippeveprinter of its own: the test can pause (SIGSTOP) or kill its printer without
 * touching the shared queue {@code zizhu-a4} other tests print on. {@link #close()} removes the
 * queue (and with it any job left on it) and ends the printer.
 */
final class OwnA4Queue implements AutoCloseable {
    final String name;
    final int port;
    final Path printerSpool;
    private final Path dir;
    private final Process printer;
    private boolean paused;

    private OwnA4Queue(String name, int port, Path dir, Process printer) {
        this.name = name;
        this.port = port;
        this.dir = dir;
        this.printerSpool = dir.resolve("spool");
        this.printer = printer;
    }

    static OwnA4Queue create() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("zizhu-own-a4-");
        Files.createDirectories(dir.resolve("spool"));
        Process p;
        try {
            p = new ProcessBuilder("ippeveprinter", "-k", "-n", "localhost", "-p", String.valueOf(port),
                    "-d", dir.resolve("spool").toString(), "-f", "application/pdf", "Zizhu test printer " + port)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("ippeveprinter.log").toFile()).start();
        } catch (IOException e) {
            fail("ippeveprinter missing: apt-get install -y cups-ipp-utils (and run sudo bash scripts/stacks/cups.sh start)", e);
            throw e;
        }
        OwnA4Queue q = new OwnA4Queue("zizhu-a4-test-" + port, port, dir, p);
        try {
            long end = System.nanoTime() + 10_000_000_000L;
            while (!listening(port)) {
                if (!p.isAlive() || System.nanoTime() > end) {
                    fail("ippeveprinter did not start on port " + port + ": " + Files.readString(dir.resolve("ippeveprinter.log")));
                }
                Thread.sleep(50);
            }
            // "-m everywhere" builds the queue's PPD from the printer's answer. A printer asked too
            // soon after it started listening can give CUPS a PPD without the PDF filter line, and
            // every job then aborts with "Unable to convert file 0 to printable format" (seen under
            // load). So the queue counts only once its PPD takes PDF; otherwise it is made again.
            Path ppd = Path.of("/etc/cups/ppd", q.name + ".ppd");
            for (int attempt = 1; ; attempt++) {
                run("lpadmin", "-p", q.name, "-E", "-v", "ipp://localhost:" + port + "/ipp/print", "-m", "everywhere");
                if (!Files.isReadable(ppd) || Files.readString(ppd).contains("application/pdf")) {
                    return q; // (an unreadable PPD: cupsd elsewhere; nothing to check)
                }
                if (attempt == 5) {
                    fail("CUPS made queue " + q.name + " without PDF support five times: " + ppd);
                }
                Thread.sleep(300);
            }
        } catch (Exception | Error e) {
            q.close();
            throw e;
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return s.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    /** The printer stops answering (a printer that hangs, or a network that went away). */
    void pausePrinter() throws Exception {
        run("kill", "-STOP", String.valueOf(printer.pid()));
        paused = true;
    }

    void resumePrinter() throws Exception {
        run("kill", "-CONT", String.valueOf(printer.pid()));
        paused = false;
    }

    /** The document of job {@code jobName} as the printer received it, if it did. */
    Optional<Path> printed(String jobName) throws IOException {
        try (Stream<Path> s = Files.walk(printerSpool)) {
            return s.filter(f -> f.getFileName().toString().contains(jobName)).findFirst();
        }
    }

    /** Job ids on this queue that CUPS still means to print (lpstat, independent of the driver). */
    List<Integer> notCompletedJobs() throws Exception {
        String out = run("lpstat", "-W", "not-completed", "-o", name);
        return out.lines().filter(l -> l.startsWith(name + "-"))
                .map(l -> Integer.parseInt(l.substring(name.length() + 1).split("\\s+")[0])).toList();
    }

    static String run(String... cmd) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail(cmd[0] + " missing: apt-get install -y cups-client cups-bsd", e);
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    @Override
    public void close() throws Exception {
        try {
            if (paused) {
                resumePrinter();
            }
            // Removing the queue cancels whatever is still on it, so nothing prints after the test.
            new ProcessBuilder("lpadmin", "-x", name).redirectErrorStream(true).start().waitFor();
        } finally {
            printer.destroyForcibly().waitFor();
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
