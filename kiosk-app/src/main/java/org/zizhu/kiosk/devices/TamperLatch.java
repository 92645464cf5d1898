package org.zizhu.kiosk.devices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.storage.SecureFiles;

/**
 * The tamper alarm, kept on disk: once the cabinet door has been seen open, the kiosk stays out
 * of service across restarts and power cuts until a technician resets it with the door closed.
 * The GPIO controller's own latch lives in memory and is lost by a restart, which is exactly
 * what an intruder would do after opening the door; this file is not.
 *
 * <p>The latch is the presence of {@code DIR/tamper-latched} (its content says when and why,
 * for the technician). It is written with {@link SecureFiles#write} (fsynced, renamed into
 * place, owner-only), and the directory is fsynced too, so a power cut right after the alarm keeps it. A latch file that
 * cannot be read counts as latched: when in doubt, stay out of service.
 */
public final class TamperLatch {
    static final String FILE = "tamper-latched";

    private final Path dir;
    private final Path file;
    private final Clock clock;

    private TamperLatch(Path dir, Clock clock) {
        this.dir = dir;
        this.file = dir.resolve(FILE);
        this.clock = clock;
    }

    /** The latch kept in {@code dir} (created if missing). */
    public static TamperLatch open(Path dir, Clock clock) throws IOException {
        Files.createDirectories(dir);
        return new TamperLatch(dir, clock);
    }

    public synchronized boolean latched() {
        return Files.exists(file) || !Files.isDirectory(dir);
    }

    /** Sets the latch (idempotent: the first reason is kept). */
    public synchronized void trip(String reason) {
        if (Files.exists(file)) {
            return;
        }
        try {
            byte[] body = ("tripped=" + clock.instant() + "\nreason=" + reason + "\n").getBytes(StandardCharsets.UTF_8);
            SecureFiles.write(file, body); // fsynced temporary file, then an atomic rename
            syncDir(); // and the rename itself survives a power cut
            EventLog.event(EventId.TAMPER_LATCH, Outcome.FAILURE, "action", "latched", "reason", reason);
        } catch (IOException e) {
            // The in-memory state still takes the kiosk out of service; say loudly that it will
            // not survive a restart.
            EventLog.event(EventId.TAMPER_LATCH, Outcome.FAILURE, "action", "persist-failed", "error", e.toString());
            throw new UncheckedIOException("tamper latch not saved in " + dir, e);
        }
    }

    /** Clears the latch; the caller has checked that the door is closed. */
    public synchronized void clear() throws IOException {
        if (Files.deleteIfExists(file)) {
            syncDir();
            EventLog.event(EventId.TAMPER_LATCH, Outcome.SUCCESS, "action", "reset");
        }
    }

    private void syncDir() throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Some filesystems refuse to open directories; the rename is still atomic.
        }
    }
}
