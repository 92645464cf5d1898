package org.zizhu.kiosk.flow;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.threads.DaemonThreads;

/**
 * The threads the kiosk flow works on: one for a resident's steps at the centre and the
 * printers, one for technician work (so a PIN check or a sync never waits behind a resident's
 * transaction), and a ticker for the idle timer. Owned here, off the UI; {@link #stop} is the
 * orderly end.
 */
public final class KioskWorkers {
    private final ExecutorService service;
    private final ExecutorService maintenance;
    private final ScheduledExecutorService ticker;

    private KioskWorkers(ExecutorService service, ExecutorService maintenance, ScheduledExecutorService ticker) {
        this.service = service;
        this.maintenance = maintenance;
        this.ticker = ticker;
    }

    /** Daemon threads, as on the kiosk. */
    public static KioskWorkers start() {
        return new KioskWorkers(Executors.newSingleThreadExecutor(DaemonThreads.named("kiosk-service")),
                Executors.newSingleThreadExecutor(DaemonThreads.named("kiosk-maintenance")),
                Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("kiosk-idle")));
    }

    public Executor service() {
        return service;
    }

    public Executor maintenance() {
        return maintenance;
    }

    /** Runs {@code tick} every {@code period} until {@link #stop}. */
    public void every(Duration period, Runnable tick) {
        ticker.scheduleWithFixedDelay(() -> {
            try {
                tick.run();
            } catch (RuntimeException e) {
                // One bad tick must not end the idle timer for good (a scheduled task that throws never runs again).
                EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "kiosk-tick", "error", e.getClass().getSimpleName());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Lets a step already at the centre or the printer finish within {@code budget}, then stops
     * every worker. A step cut short is safe: every write to the centre carries its idempotency
     * key, and the outbox delivers queued ones after the restart. Idempotent.
     */
    public void stop(Duration budget) {
        ticker.shutdownNow();
        service.shutdown();
        maintenance.shutdown();
        try {
            if (!service.awaitTermination(budget.toMillis(), TimeUnit.MILLISECONDS)) {
                EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "stop", "error",
                        "service step still running; left to its idempotency key");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ExecutorService e : List.of(service, maintenance)) {
            e.shutdownNow();
        }
    }
}
