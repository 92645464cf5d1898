package org.zizhu.kiosk.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.threads.DaemonThreads;

/**
 * The kiosk's half of a trial: a newly switched version commits itself only once it is
 * healthy, within the deadline in {@code pending.json}. Healthy means, in this order: READY was
 * sent (the first frame is on screen; {@link #ready()}), the watchdog's health probes then
 * passed {@code rounds} times in a row, and one heartbeat sent after that was accepted by the
 * centre. Commit: {@code last-good} written, COMMITTED recorded for the centre,
 * {@code pending.json} deleted. If the deadline passes first, the kiosk exits non-zero and the
 * guard rolls back before the next start.
 */
public final class CommitGate implements AutoCloseable {
    /** Where a trial stands. */
    public enum State { WAITING, COMMITTED, EXPIRED }

    private final UpdateLayout layout;
    private final PendingTrial trial;
    private final int rounds;
    private final Clock clock;
    private volatile boolean ready;
    private int held;
    private volatile State state = State.WAITING;
    private ScheduledExecutorService timer;

    CommitGate(UpdateLayout layout, PendingTrial trial, int rounds, Clock clock) {
        this.layout = layout;
        this.trial = trial;
        this.rounds = rounds;
        this.clock = clock;
    }

    /**
     * The gate for this start, when the version running ({@code current}, read at start) is the
     * one on trial; empty otherwise (no trial, or we are the version rolled back to).
     */
    public static Optional<CommitGate> forThisStart(UpdateLayout layout, int rounds, Clock clock) {
        try {
            Optional<PendingTrial> t = PendingTrial.read(layout.pending());
            Optional<String> running = layout.currentVersion();
            if (t.isPresent() && running.isPresent() && t.get().version().equals(running.get())) {
                return Optional.of(new CommitGate(layout, t.get(), rounds, clock));
            }
        } catch (IOException e) {
            EventLog.event(EventId.UPDATE_TRIAL_FAILED, Outcome.FAILURE, "reason", "pending-unreadable");
        }
        return Optional.empty();
    }

    public String version() {
        return trial.version();
    }

    public State state() {
        return state;
    }

    /** READY was sent (or, without a service manager, would have been). */
    public void ready() {
        ready = true;
    }

    /**
     * One round: the probes asked, and if they have held long enough a heartbeat tried. Returns
     * the state after it. Not thread-safe: one timer calls it.
     */
    public State round(List<BooleanSupplier> probes, BooleanSupplier heartbeatAccepted) {
        if (state != State.WAITING) {
            return state;
        }
        if (clock.instant().isAfter(trial.deadline())) {
            state = State.EXPIRED;
            EventLog.event(EventId.UPDATE_TRIAL_FAILED, Outcome.FAILURE, "version", trial.version(), "ready", ready, "held", held);
            return state;
        }
        if (!ready) {
            return state;
        }
        boolean healthy = true;
        for (BooleanSupplier p : probes) {
            try {
                healthy &= p.getAsBoolean();
            } catch (RuntimeException e) {
                healthy = false;
            }
        }
        held = healthy ? held + 1 : 0;
        if (held >= rounds && accepted(heartbeatAccepted)) {
            try {
                commit();
            } catch (IOException e) {
                EventLog.event(EventId.UPDATE_COMMITTED, Outcome.FAILURE, "version", trial.version(), "error", e.getClass().getSimpleName());
            }
        }
        return state;
    }

    /**
     * A heartbeat that throws is one not accepted: an exception out of {@link #round} would end
     * the timer's task for good, and the kiosk would neither commit nor exit at its deadline.
     */
    private static boolean accepted(BooleanSupplier heartbeat) {
        try {
            return heartbeat.getAsBoolean();
        } catch (RuntimeException e) {
            EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "update-commit-heartbeat", "error", e.getClass().getSimpleName());
            return false;
        }
    }

    private void commit() throws IOException {
        AtomicFiles.write(layout.lastGood(), (trial.version() + "\n").getBytes(StandardCharsets.UTF_8));
        UpdateReports.record(layout, trial.version(), UpdateReports.Kind.COMMITTED, null, trial.previous(), clock.instant());
        Files.deleteIfExists(layout.pending());
        state = State.COMMITTED;
        EventLog.event(EventId.UPDATE_COMMITTED, Outcome.SUCCESS, "version", trial.version(), "attempts", trial.attempts(),
                "seconds", Duration.between(trial.switchedAt(), clock.instant()).toSeconds());
    }

    /**
     * Runs rounds every {@code every} on a daemon timer until the trial commits or expires;
     * {@code onExpired} gets the exit code (the launcher exits with it).
     */
    public synchronized void start(Duration every, List<BooleanSupplier> probes, BooleanSupplier heartbeatAccepted, IntConsumer onExpired) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("update-commit"));
        timer.scheduleWithFixedDelay(() -> {
            State s;
            try {
                s = round(probes, heartbeatAccepted);
            } catch (RuntimeException e) {
                // Thrown out of the task, it would cancel every later round (ScheduledExecutorService).
                EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "update-commit", "error", e.getClass().getSimpleName());
                return;
            }
            if (s == State.EXPIRED) {
                timer.shutdown();
                onExpired.accept(EXIT_TRIAL_FAILED);
            } else if (s == State.COMMITTED) {
                timer.shutdown();
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The exit code of a kiosk whose trial failed (systemd restarts it; the guard then rolls back). */
    public static final int EXIT_TRIAL_FAILED = 75;

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
