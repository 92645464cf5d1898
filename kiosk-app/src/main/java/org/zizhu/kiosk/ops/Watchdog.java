package org.zizhu.kiosk.ops;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/**
 * Feeds systemd's watchdog ({@code WatchdogSec=}) only while the kiosk is healthy. A process that
 * lives while its window froze, or whose outbox drainer died, is not serving: the pings stop, and
 * systemd restarts it. Each {@link Probe} answers within its own deadline (a probe that waits
 * forever would itself be the hang); the pings go at half the interval systemd gives in
 * {@code WATCHDOG_USEC}, as sd_watchdog_enabled(3) advises.
 */
public final class Watchdog implements AutoCloseable {
    /** One health check; {@code healthy()} returns within a few seconds whatever happens. */
    public interface Probe {
        String name();

        boolean healthy();
    }

    private final SystemdNotify notify;
    private final Duration interval;
    private final List<Probe> probes;
    private ScheduledExecutorService timer;
    private volatile String failing;

    public Watchdog(SystemdNotify notify, Duration interval, List<Probe> probes) {
        this.notify = notify;
        this.interval = interval;
        this.probes = List.copyOf(probes);
    }

    /**
     * The interval systemd set ({@code WATCHDOG_USEC}), when it is meant for this process
     * ({@code WATCHDOG_PID} absent or ours).
     */
    public static Optional<Duration> interval(Map<String, String> env, long pid) {
        String usec = env.get("WATCHDOG_USEC");
        String forPid = env.get("WATCHDOG_PID");
        if (usec == null || (forPid != null && !forPid.equals(Long.toString(pid)))) {
            return Optional.empty();
        }
        try {
            long us = Long.parseLong(usec.trim());
            return us > 0 ? Optional.of(Duration.ofNanos(us * 1000)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Pings every half interval while healthy, on a daemon timer. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "systemd-watchdog");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, interval.toMillis() / 2);
        timer.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
    }

    /**
     * One round: every probe asked; the ping is sent only if all pass. Returns whether it was.
     * A change of health is logged once, not every round.
     */
    public boolean tick() {
        for (Probe p : probes) {
            boolean ok;
            try {
                ok = p.healthy();
            } catch (RuntimeException e) {
                ok = false;
            }
            if (!ok) {
                if (!p.name().equals(failing)) {
                    failing = p.name();
                    EventLog.event(EventId.WATCHDOG, Outcome.FAILURE, "probe", p.name());
                }
                return false;
            }
        }
        if (failing != null) {
            EventLog.event(EventId.WATCHDOG, Outcome.SUCCESS, "recovered", failing);
            failing = null;
        }
        return notify.watchdog();
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
