package org.zizhu.kiosk.update;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/**
 * {@code zizhu update guard}: systemd's {@code ExecStartPre=+} of the kiosk, run as root before
 * every start from the last good release's code (the launcher's choice), so a broken new version
 * cannot stop its own rollback. With a version on trial ({@code pending.json}): if it has
 * already been started {@link #MAX_ATTEMPTS} times or its deadline has passed, {@code current}
 * goes back to {@code previous}, the failure is recorded for the centre and the version is not
 * tried again; otherwise the start is counted. It never fails the start itself: a guard that
 * exits non-zero would keep even the good version from running.
 */
public final class UpdateGuard {
    public static final int MAX_ATTEMPTS = 3;

    /** What the guard did. */
    public enum Decision { NO_TRIAL, ATTEMPT_COUNTED, ROLLED_BACK, CLEARED }

    private final UpdateLayout layout;
    private final Clock clock;

    public UpdateGuard(UpdateLayout layout, Clock clock) {
        this.layout = layout;
        this.clock = clock;
    }

    public Decision run() throws IOException {
        Optional<PendingTrial> read;
        try {
            read = PendingTrial.read(layout.pending());
        } catch (IOException e) {
            // A damaged pending.json: no trust in the new version; back to the last good one. The
            // version current points at, when it is not the last good one, is the one that was on
            // trial: marked failed and reported, or the agent would fetch and install it again.
            Optional<String> good = layout.lastGoodVersion();
            String onTrial = layout.currentVersion().filter(v -> !good.equals(Optional.of(v))).orElse(null);
            return rollBack(onTrial, good.orElse(null), "pending-unreadable");
        }
        if (read.isEmpty()) {
            return Decision.NO_TRIAL;
        }
        PendingTrial t = read.get();
        Instant now = clock.instant();
        if (t.attempts() >= MAX_ATTEMPTS) {
            return rollBack(t.version(), t.previous(), "attempts");
        }
        if (now.isAfter(t.deadline())) {
            return rollBack(t.version(), t.previous(), "deadline");
        }
        if (!layout.currentVersion().map(t.version()::equals).orElse(false)) {
            // pending.json was written but the switch never happened (a crash between the two).
            return rollBack(t.version(), t.previous(), "not-switched");
        }
        t.nextAttempt().write(layout);
        EventLog.event(EventId.UPDATE_TRIAL, Outcome.SUCCESS, "version", t.version(), "attempt", t.attempts() + 1, "of", MAX_ATTEMPTS);
        return Decision.ATTEMPT_COUNTED;
    }

    private Decision rollBack(String version, String previous, String reason) throws IOException {
        String back = previous != null && Files.isDirectory(layout.release(previous)) ? previous
                : layout.lastGoodVersion().filter(v -> Files.isDirectory(layout.release(v))).orElse(null);
        if (back != null) {
            AtomicFiles.switchCurrent(layout, back);
        }
        if (version != null) {
            layout.markFailed(version, reason);
            UpdateReports.record(layout, version, UpdateReports.Kind.ROLLED_BACK, reason, back, clock.instant());
        }
        Files.deleteIfExists(layout.pending());
        EventLog.event(EventId.UPDATE_ROLLED_BACK, back != null ? Outcome.SUCCESS : Outcome.FAILURE,
                "version", String.valueOf(version), "to", String.valueOf(back), "reason", reason);
        return back != null ? Decision.ROLLED_BACK : Decision.CLEARED;
    }
}
