package org.zizhu.kiosk.update;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.update.ReleaseSigning;

/**
 * {@code zizhu update install}, run as root by {@code zizhu-update.service} when the kiosk has
 * written {@code staged/install-request}: re-verifies the staged release with the pinned key
 * (the kiosk's user wrote those files, so they are checked again by the side that installs),
 * unpacks it into {@code releases/<v>} (through a temporary directory, renamed when complete),
 * writes {@code pending.json}, switches {@code current} atomically, removes the staged files,
 * prunes releases other than the new one, the previous one and the last good one, and runs the
 * restart command. Refusals leave {@code releases/} and {@code current} untouched.
 */
public final class UpdateInstaller {
    /** Exit codes: 0 installed (or nothing to do), 1 refused or failed. */
    public record Result(int exitCode, String message) {
    }

    private final UpdateLayout layout;
    private final PublicKey key;
    private final Duration trialDeadline;
    private final List<String> restartCommand;
    private final long maxBytes;
    private final Clock clock;

    public UpdateInstaller(UpdateLayout layout, PublicKey key, Duration trialDeadline, List<String> restartCommand, long maxBytes, Clock clock) {
        this.layout = layout;
        this.key = key;
        this.trialDeadline = trialDeadline;
        this.restartCommand = List.copyOf(restartCommand);
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public Result install() throws IOException {
        Optional<String> requested = UpdateLayout.readVersion(layout.installRequest());
        if (requested.isEmpty()) {
            if (Files.exists(layout.installRequest())) {
                Files.delete(layout.installRequest());
                return refused("?", "bad-request");
            }
            return new Result(0, "nothing to install");
        }
        String version = requested.get();
        if (Files.exists(layout.pending())) {
            // One trial at a time. The request goes (a path unit would fire again while it exists);
            // the staged release stays, and the agent asks again once the trial is over.
            Files.deleteIfExists(layout.installRequest());
            EventLog.event(EventId.UPDATE_INSTALLED, Outcome.FAILURE, "version", version, "reason", "trial-in-progress");
            return new Result(1, "a version is on trial (pending.json); install later");
        }
        Optional<String> previous = layout.currentVersion();
        if (previous.isPresent() && previous.get().equals(version)) {
            clearStaged(version);
            return new Result(0, version + " is already current");
        }
        try {
            ReleaseCheck.files(key, layout.staged(), version, maxBytes);
        } catch (ReleaseCheck.Refused e) {
            clearStaged(version);
            return refused(version, e.reason());
        }
        Files.createDirectories(layout.releases());
        Path tmp = layout.releases().resolve("." + version + ".unpacking");
        deleteTree(tmp);
        try {
            SafeUnpack.untarGz(ReleaseSigning.filesOf(layout.staged(), version).tarball(), tmp, maxBytes);
            Optional<String> inside = UpdateLayout.readVersion(tmp.resolve("VERSION"));
            if (inside.isEmpty() || !inside.get().equals(version) || !Files.isDirectory(tmp.resolve("lib"))) {
                throw new ReleaseCheck.Refused("layout");
            }
        } catch (ReleaseCheck.Refused e) {
            deleteTree(tmp);
            clearStaged(version);
            return refused(version, e.reason());
        } catch (IOException | RuntimeException e) {
            // Not the release's fault as far as we know (disk full, I/O error): FAILED, not REFUSED,
            // and not retried by itself, so a fault that stays cannot loop install after install.
            deleteTree(tmp);
            clearStaged(version);
            EventLog.event(EventId.UPDATE_INSTALLED, Outcome.FAILURE, "version", version, "reason", "unpack", "error", e.getClass().getSimpleName());
            layout.markFailed(version, "install-error");
            UpdateReports.record(layout, version, UpdateReports.Kind.FAILED, "install-error", previous.orElse(null), clock.instant());
            return new Result(1, "install of " + version + " failed: " + e);
        }
        Path dest = layout.release(version);
        deleteTree(dest); // a half-kept earlier attempt of the same version (never the current one: checked above)
        Files.move(tmp, dest, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        // pending.json first: a crash between it and the switch leaves a trial the guard rolls back to the same version.
        new PendingTrial(version, previous.orElse(null), clock.instant(), clock.instant().plus(trialDeadline), 0).write(layout);
        AtomicFiles.switchCurrent(layout, version);
        EventLog.event(EventId.UPDATE_INSTALLED, Outcome.SUCCESS, "version", version, "previous", previous.orElse("none"));
        clearStaged(version);
        prune(version, previous.orElse(null));
        int rc = restart();
        return new Result(rc == 0 ? 0 : 1, "installed " + version + " (previous " + previous.orElse("none") + "), restart exit " + rc);
    }

    private Result refused(String version, String reason) throws IOException {
        EventLog.event(EventId.UPDATE_REFUSED, Outcome.FAILURE, "version", version, "reason", reason, "by", "installer");
        if (ReleaseSigning.VERSION.matcher(version).matches()) {
            layout.markFailed(version, reason);
            UpdateReports.record(layout, version, UpdateReports.Kind.REFUSED, reason, layout.currentVersion().orElse(null), clock.instant());
        }
        return new Result(1, "refused " + version + ": " + reason);
    }

    private void clearStaged(String version) throws IOException {
        ReleaseSigning.Published f = ReleaseSigning.filesOf(layout.staged(), version);
        Files.deleteIfExists(f.tarball());
        Files.deleteIfExists(f.manifest());
        Files.deleteIfExists(f.signature());
        Files.deleteIfExists(layout.installRequest());
    }

    /** Keeps the new release, the previous one (the rollback target) and the last good one. */
    private void prune(String version, String previous) throws IOException {
        Set<String> keep = new java.util.HashSet<>();
        keep.add(version);
        if (previous != null) {
            keep.add(previous);
        }
        layout.lastGoodVersion().ifPresent(keep::add);
        List<Path> old = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(layout.releases())) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (!keep.contains(name) && !name.startsWith(".") && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    old.add(p);
                }
            }
        }
        for (Path p : old) {
            deleteTree(p);
            EventLog.event(EventId.UPDATE_PRUNED, Outcome.SUCCESS, "version", p.getFileName().toString());
        }
    }

    private int restart() {
        if (restartCommand.isEmpty()) {
            return 0;
        }
        try {
            Process p = new ProcessBuilder(restartCommand).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                EventLog.event(EventId.UPDATE_RESTART, Outcome.FAILURE, "reason", "timeout");
                return 124;
            }
            int rc = p.exitValue();
            EventLog.event(EventId.UPDATE_RESTART, rc == 0 ? Outcome.SUCCESS : Outcome.FAILURE, "exit", rc);
            return rc;
        } catch (IOException e) {
            EventLog.event(EventId.UPDATE_RESTART, Outcome.FAILURE, "reason", "not-started");
            return 127;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The restart command's words (split at spaces). */
    public static List<String> words(String command) {
        return List.of(command.strip().split("\\s+"));
    }
}
