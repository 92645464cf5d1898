package org.zizhu.kiosk.outbox;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.central.LinkState;
import org.zizhu.threads.DaemonThreads;

/**
 * Delivers the outbox: one background thread that sends each kind's oldest due message with
 * its stored idempotency key, marks it delivered only after the centre's 2xx, backs off
 * exponentially (with jitter) while the link is down or the centre is busy, and turns a
 * message the centre refuses (4xx other than 401/408/429) into a dead letter. It is woken by
 * new messages and by the link coming back, and stops cleanly: {@link #close()} lets an
 * in-flight call finish (bounded by the request timeout) and the message's state stays
 * consistent whatever happens, because state changes only after the answer.
 */
public final class OutboxDrainer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxDrainer.class);
    private static final long IDLE_POLL_MS = 5_000;

    private final Outbox outbox;
    private final CentralClient client;
    private final Backoff backoff;
    private final Clock clock;
    private final Object lock = new Object();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean running;
    private boolean woken;
    private Thread thread;

    public OutboxDrainer(Outbox outbox, CentralClient client, Backoff backoff, Clock clock) {
        this.outbox = outbox;
        this.client = client;
        this.backoff = backoff;
        this.clock = clock;
        outbox.onEnqueue(this::wake);
        client.link().addListener(s -> {
            if (s == LinkState.Status.ONLINE) {
                try {
                    outbox.expedite();
                } catch (SQLException e) {
                    log.warn("outbox expedite failed", e);
                }
                wake();
            }
        });
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        // Set before the thread runs: drainOnce() reads it to know whether a drainer was started.
        thread = DaemonThreads.unstarted("outbox-drainer", this::loop);
        thread.start();
        EventLog.event(EventId.OUTBOX_DRAINER, Outcome.SUCCESS, "action", "started");
    }

    public void wake() {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            long waitMs;
            try {
                waitMs = drainOnce();
            } catch (SQLException | RuntimeException e) {
                EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "outbox-drainer", "error", e.getClass().getSimpleName());
                log.error("outbox drain failed", e);
                waitMs = 1_000;
            }
            synchronized (lock) {
                if (!woken && running && waitMs > 0) {
                    try {
                        lock.wait(waitMs);
                    } catch (InterruptedException e) {
                        if (!running) {
                            break;
                        }
                    }
                }
                woken = false;
            }
        }
    }

    /**
     * Sends every due head message, repeatedly, until none is due. Returns how long until the
     * next one is due (ms), for the caller's wait. Usable without the thread (tests, tools).
     */
    public long drainOnce() throws SQLException {
        while (running || thread == null) {
            List<Outbox.Delivery> heads = outbox.heads();
            Instant now = clock.instant();
            long nextDue = IDLE_POLL_MS;
            boolean sent = false;
            for (Outbox.Delivery d : heads) {
                if (!running && thread != null) {
                    return 0;
                }
                if (d.nextAttemptAt().isAfter(now)) {
                    nextDue = Math.min(nextDue, Duration.between(now, d.nextAttemptAt()).toMillis());
                    continue;
                }
                deliver(d);
                sent = true;
            }
            if (!sent) {
                return Math.max(1, nextDue);
            }
        }
        return 0;
    }

    private void deliver(Outbox.Delivery d) throws SQLException {
        try {
            CentralClient.Answer a = client.call(CentralClient.Call.post(d.path(), "outbox:" + d.kind().name(), d.body(), d.idempotencyKey()).once());
            outbox.delivered(d, a.body());
            delivered.incrementAndGet();
        } catch (CentralException e) {
            failures.incrementAndGet();
            if (e.kind() == CentralException.Kind.REJECTED && !e.retryable() && e.status() >= 400) {
                outbox.dead(d.seq(), e.status(), e.kind().name() + " " + e.status() + " " + truncate(e.getMessage()));
            } else {
                Instant next = clock.instant().plus(backoff.delay(d.attempts() + 1));
                outbox.retryLater(d, e.status(), e.kind().name(), next);
            }
        }
    }

    private static String truncate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
    }

    public long deliveredCount() {
        return delivered.get();
    }

    public long failureCount() {
        return failures.get();
    }

    public boolean running() {
        return running;
    }

    /** Stops the thread, waiting up to the client's request timeout plus a margin for an in-flight call. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            t = thread;
        }
        wake();
        try {
            t.join(client.requestTimeout().toMillis() + 2_000);
            if (t.isAlive()) {
                t.interrupt();
                t.join(2_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        EventLog.event(EventId.OUTBOX_DRAINER, Outcome.SUCCESS, "action", "stopped", "delivered", delivered.get());
    }
}
