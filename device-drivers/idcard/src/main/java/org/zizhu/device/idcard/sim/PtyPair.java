package org.zizhu.device.idcard.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.zizhu.process.ParentWatch;

/**
 * A pseudo-terminal pair made by socat, standing in for a USB serial cable:
 * {@code socat -d -d pty,raw,echo=0,mode=666,link=DIR/ttyA pty,raw,echo=0,mode=666,link=DIR/ttyB}.
 * The driver opens {@link #hostPath()} (ttyA), the simulator {@link #devicePath()} (ttyB).
 * {@link #unplug()} kills socat, which the driver sees exactly like a USB adapter pulled out;
 * {@link #replug()} starts socat again on the same link paths.
 */
public final class PtyPair implements AutoCloseable {
    private static final long LINK_WAIT_MS = 5000;

    private final Path dir;
    private final boolean ownsDir;
    private final String socatBinary;
    private final Path hostLink;
    private final Path deviceLink;
    private Process socat;

    private PtyPair(Path dir, boolean ownsDir, String socatBinary) {
        this.dir = dir;
        this.ownsDir = ownsDir;
        this.socatBinary = socatBinary;
        this.hostLink = dir.resolve("ttyA");
        this.deviceLink = dir.resolve("ttyB");
    }

    /** A pair in a fresh temporary directory (deleted on close). */
    public static PtyPair create() throws IOException {
        PtyPair p = new PtyPair(Files.createTempDirectory("zizhu-idcard-pty"), true, "socat");
        try {
            p.replug();
        } catch (IOException e) {
            p.close();
            throw e;
        }
        return p;
    }

    /** A pair with links {@code dir/ttyA} and {@code dir/ttyB}. */
    public static PtyPair create(Path dir) throws IOException {
        return create(dir, "socat");
    }

    /** As {@link #create(Path)} with another socat executable (tests of the missing-socat message). */
    static PtyPair create(Path dir, String socatBinary) throws IOException {
        Files.createDirectories(dir);
        PtyPair p = new PtyPair(dir, false, socatBinary);
        p.replug();
        return p;
    }

    /** The end the driver opens (the "USB serial port"). */
    public String hostPath() {
        return hostLink.toString();
    }

    /** The end the simulator opens (the "reader"). */
    public String devicePath() {
        return deviceLink.toString();
    }

    public synchronized boolean isPluggedIn() {
        return socat != null && socat.isAlive();
    }

    /** Starts socat (again) and waits until both links exist. */
    public synchronized void replug() throws IOException {
        if (isPluggedIn()) {
            return;
        }
        Files.deleteIfExists(hostLink);
        Files.deleteIfExists(deviceLink);
        List<String> cmd = List.of(socatBinary, "-d", "-d",
                "pty,raw,echo=0,mode=666,link=" + hostLink, "pty,raw,echo=0,mode=666,link=" + deviceLink);
        // Under ParentWatch: socat holds no pipe to the JVM, so without it a kiosk killed
        // outright would leave socat (and its ptys) behind for good.
        socat = new ProcessBuilder(ParentWatch.wrap(cmd)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.currentTimeMillis() + LINK_WAIT_MS;
        while (!(Files.exists(hostLink) && Files.exists(deviceLink))) {
            if (!socat.isAlive()) {
                int code = socat.exitValue();
                socat = null;
                if (code == 127) { // the shell's "command not found"
                    throw new IOException("socat is not installed or not on PATH (" + socatBinary
                            + "); install it with: sudo apt-get install socat");
                }
                throw new IOException("socat exited with code " + code + " before creating " + dir + "/ttyA|ttyB");
            }
            if (System.currentTimeMillis() > deadline) {
                stop(socat);
                socat = null;
                throw new IOException("socat did not create its pty links in " + dir + " within " + LINK_WAIT_MS + " ms");
            }
            sleep(5);
        }
    }

    /** Kills socat (SIGTERM, like pulling the USB plug) and waits until its links are gone. */
    public synchronized void unplug() {
        if (socat == null) {
            return;
        }
        stop(socat);
        socat = null;
        try {
            // socat removes its links on exit; make sure, so a dangling link never points at
            // a /dev/pts number the kernel hands to somebody else.
            Files.deleteIfExists(hostLink);
            Files.deleteIfExists(deviceLink);
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** SIGTERM (the watch passes it on to socat), then SIGKILL; closing the pipe ends the watch. */
    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            p.getOutputStream().close(); // after a SIGKILL of the shell, this stops socat
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public synchronized void close() {
        unplug();
        if (ownsDir) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "PtyPair[" + hostLink + " <-> " + deviceLink + (isPluggedIn() ? "" : ", unplugged") + "]";
    }
}
