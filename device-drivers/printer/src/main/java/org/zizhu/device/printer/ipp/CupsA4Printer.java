package org.zizhu.device.printer.ipp;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.zizhu.device.DeviceFault;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.StatusTracker;
import org.zizhu.device.printer.JobState;
import org.zizhu.device.printer.PrintResult;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/**
 * The A4 printer behind a CUPS queue, spoken to over IPP. Prints complete PDF documents and
 * follows each job (queued, printing, completed, failed), surfacing the queue's state as the
 * common device status: a stopped queue ({@code cupsdisable}) is OFFLINE "queue-stopped",
 * a queue refusing jobs OFFLINE "not-accepting", CUPS down OFFLINE "cups-unreachable",
 * an unknown queue NO_DEVICE. A job it gives up on is cancelled and confirmed cancelled, and
 * every job that has ended is purged from the CUPS spool (docs/printing.md).
 */
public final class CupsA4Printer implements A4Printer {
    private final A4PrinterConfig config;
    private final IppClient ipp;
    private final StatusTracker tracker;
    /** Failed jobs whose cancellation CUPS has not confirmed: they might still print. */
    private final Set<Integer> uncancelled = ConcurrentHashMap.newKeySet();
    /** Ended jobs whose purge failed: their document may still be in the CUPS spool. */
    private final Set<Integer> unpurged = ConcurrentHashMap.newKeySet();
    /** What CUPS did with the document of the last ended job; null until a job has ended. */
    private volatile Boolean spoolKeepsDocuments;

    private static final int IPP_NOT_POSSIBLE = 0x0404;
    private static final int IPP_NOT_FOUND = 0x0406;

    /** Prefer {@link A4Printer#open}; public for the tests that need the concrete driver. */
    public CupsA4Printer(A4PrinterConfig config) {
        this.config = config;
        this.ipp = new IppClient(config.cups(), config.queue(), localUser(), Duration.ofSeconds(10));
        this.tracker = new StatusTracker(config.deviceId(), DeviceStatus.OFFLINE);
    }

    /**
     * The requesting-user-name: the local account the kiosk runs as. CUPS takes this name on
     * trust from a local client and checks it against the job's owner for Cancel-Job; it
     * expects a real account. A made-up name ("zizhu") crashed cupsd on Debian 12
     * (cups 2.4.2-3+deb12u10 segfaults in the @OWNER check when the name has no passwd entry),
     * so a kiosk cancelling its own job took the whole print system down. Falls back to
     * "zizhu" only if the JVM reports no usable name.
     */
    static String localUser() {
        String u = System.getProperty("user.name", "");
        return u.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}") ? u : "zizhu";
    }

    @Override
    public StatusTracker tracker() {
        return tracker;
    }

    public A4PrinterConfig config() {
        return config;
    }

    /**
     * Asks CUPS for the queue's state and updates the tracker. First cancels any failed job
     * CUPS could not be told about before (see {@link #print(byte[], String, Consumer)}).
     */
    @Override
    public DeviceStatus refreshStatus() {
        QueueState q = queueState();
        // Only when CUPS answers: each attempt against a hung cupsd would cost the IPP timeout.
        if (q.status != DeviceStatus.NO_DEVICE && q.fault != A4Fault.CUPS_UNREACHABLE && q.fault != A4Fault.CUPS_ERROR) {
            settleUncancelled();
            for (Integer jobId : List.copyOf(unpurged)) {
                purge(jobId);
            }
            if (!uncancelled.isEmpty() && q.status.usable()) {
                q = new QueueState(DeviceStatus.OFFLINE, A4Fault.JOB_NOT_CANCELLED);
            }
        }
        tracker.update(q.status, q.fault);
        return q.status;
    }

    private record QueueState(DeviceStatus status, DeviceFault fault) {
    }

    private QueueState queueState() {
        try {
            IppResponse r = ipp.printerAttributes();
            if (r.status() == 0x0406) {
                return new QueueState(DeviceStatus.NO_DEVICE, A4Fault.NO_QUEUE);
            }
            if (!r.ok()) {
                return new QueueState(DeviceStatus.HARDWARE_ERROR,
                        new A4Fault.IppRefusal(A4Fault.IppRefusal.Kind.PRINTER_ATTRIBUTES, r.status()));
            }
            Integer state = r.integer("printer-state");
            if (state != null && state == 5) {
                return new QueueState(DeviceStatus.OFFLINE, A4Fault.QUEUE_STOPPED);
            }
            if (Boolean.FALSE.equals(r.bool("printer-is-accepting-jobs"))) {
                return new QueueState(DeviceStatus.OFFLINE, A4Fault.NOT_ACCEPTING);
            }
            List<Object> reasons = r.all("printer-state-reasons");
            for (Object o : reasons) {
                String s = String.valueOf(o);
                Optional<A4Fault> atThePrinter = A4Fault.ofPrinterReason(s);
                if (atThePrinter.isPresent()) {
                    return new QueueState(DeviceStatus.USER_ERROR, atThePrinter.get());
                }
                if (s.startsWith("offline") || s.startsWith("connecting-to-device")) {
                    return new QueueState(DeviceStatus.OFFLINE, A4Fault.PRINTER_UNREACHABLE);
                }
            }
            return new QueueState(state != null && state == 4 ? DeviceStatus.BUSY : DeviceStatus.ONLINE,
                    state != null && state == 4 ? A4Fault.PRINTING : DeviceFault.Common.NONE);
        } catch (ConnectException e) {
            return new QueueState(DeviceStatus.OFFLINE, A4Fault.CUPS_UNREACHABLE);
        } catch (IOException e) {
            return new QueueState(DeviceStatus.OFFLINE, A4Fault.CUPS_ERROR);
        }
    }

    /** IPP job-state to the kiosk's job state. */
    static JobState jobState(int ippState) {
        return switch (ippState) {
            case 3, 4 -> JobState.QUEUED;
            case 5, 6 -> JobState.PRINTING;
            case 9 -> JobState.COMPLETED;
            default -> JobState.FAILED; // 7 canceled, 8 aborted
        };
    }

    /**
     * Sends a complete PDF and waits until the job is completed or failed, telling
     * {@code progress} each state change. A job that cannot finish (queue stopped, timeout,
     * CUPS unreachable while following it, interrupt) is cancelled, and the cancellation is
     * confirmed with CUPS, so it never prints later for the next resident. If CUPS cannot be
     * reached to cancel it within {@link A4PrinterConfig#cancelTimeout()}, the job is kept on
     * a list that {@link #refreshStatus()} and the next {@code print} settle first; until then
     * the printer reports OFFLINE "job-not-cancelled" and accepts no new job. {@code jobName}
     * must not contain personal data (CUPS logs it).
     */
    @Override
    public PrintResult print(byte[] pdf, String jobName, Consumer<JobState> progress) {
        long start = System.nanoTime();
        QueueState q = queueState();
        if (!q.status.usable()) {
            tracker.update(q.status, q.fault);
            return failed("-", q.fault, 0, start);
        }
        settleUncancelled();
        if (!uncancelled.isEmpty()) {
            // An earlier resident's job may still print: never put a new document behind it.
            tracker.update(DeviceStatus.OFFLINE, A4Fault.JOB_NOT_CANCELLED);
            return failed("-", A4Fault.JOB_NOT_CANCELLED, 0, start);
        }
        int jobId;
        try {
            IppResponse r = ipp.printJob(pdf, jobName);
            Integer id = r.integer("job-id");
            if (!r.ok() || id == null) {
                DeviceFault d = r.status() == 0x0506 ? A4Fault.NOT_ACCEPTING
                        : new A4Fault.IppRefusal(A4Fault.IppRefusal.Kind.PRINT_JOB, r.status());
                tracker.update(DeviceStatus.OFFLINE, d);
                return failed("-", d, 0, start);
            }
            jobId = id;
        } catch (IOException e) {
            tracker.update(DeviceStatus.OFFLINE, A4Fault.CUPS_UNREACHABLE);
            return failed("-", A4Fault.CUPS_UNREACHABLE, 0, start);
        }
        String jid = config.queue() + "-" + jobId;
        JobState last = null;
        long deadline = start + config.jobTimeout().toNanos();
        long stoppedSince = 0;
        try {
            while (true) {
                IppResponse r = ipp.jobAttributes(jobId);
                Integer st = r.integer("job-state");
                JobState s = st == null ? JobState.QUEUED : jobState(st);
                if (s != last) {
                    last = s;
                    progress.accept(s);
                    if (!s.done()) {
                        tracker.update(DeviceStatus.BUSY, s == JobState.QUEUED ? A4Fault.QUEUED : A4Fault.PRINTING);
                    }
                }
                if (s == JobState.COMPLETED) {
                    ended(jobId, r.bool("job-preserved"));
                    refreshStatus();
                    return completed(jid, pdf.length, start);
                }
                if (s == JobState.FAILED) {
                    ended(jobId, r.bool("job-preserved"));
                    QueueState after = queueState();
                    A4Fault why = st != null && st == 7 ? A4Fault.JOB_CANCELED : A4Fault.JOB_ABORTED;
                    tracker.update(after.status.usable() ? DeviceStatus.HARDWARE_ERROR : after.status,
                            after.status.usable() ? why : after.fault);
                    return failed(jid, why, pdf.length, start);
                }
                QueueState now = queueState();
                if (now.fault == A4Fault.QUEUE_STOPPED || now.status == DeviceStatus.NO_DEVICE) {
                    stoppedSince = stoppedSince == 0 ? System.nanoTime() : stoppedSince;
                    if (System.nanoTime() - stoppedSince > config.stoppedGrace().toNanos()) {
                        return abandon(jobId, jid, now.status, now.fault, pdf.length, start, progress);
                    }
                } else {
                    stoppedSince = 0;
                }
                if (System.nanoTime() > deadline) {
                    return abandon(jobId, jid, DeviceStatus.OFFLINE, A4Fault.JOB_TIMEOUT, pdf.length, start, progress);
                }
                Thread.sleep(config.pollInterval().toMillis());
            }
        } catch (IOException e) {
            // CUPS restarting or not answering: the job is still in its spool and would print
            // once CUPS is back, after the resident was told it failed.
            return abandon(jobId, jid, DeviceStatus.OFFLINE, A4Fault.CUPS_UNREACHABLE, pdf.length, start, progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return abandon(jobId, jid, DeviceStatus.OFFLINE, A4Fault.INTERRUPTED, pdf.length, start, progress);
        }
    }

    /** What CUPS says about a job the kiosk gave up on; {@code detail} goes to the log. */
    private record Settlement(boolean wontPrint, boolean completed, String detail, Boolean preserved) {
        static final Settlement UNREACHABLE = new Settlement(false, false, "cups-unreachable", null);

        Settlement(boolean wontPrint, boolean completed, String detail) {
            this(wontPrint, completed, detail, null);
        }

        /** Ended but still known to CUPS: its files may be in the spool. */
        boolean toPurge() {
            return wontPrint && !detail.equals("gone");
        }
    }

    /**
     * Gives up on a job: cancels it and confirms with CUPS, retrying for
     * {@link A4PrinterConfig#cancelTimeout()} while CUPS does not answer. If it completed in
     * the meantime the resident has the document, and that is what is reported.
     */
    private PrintResult abandon(int jobId, String jid, DeviceStatus status, DeviceFault reason, long bytes, long start,
                                Consumer<JobState> progress) {
        // An interrupted thread must still cancel (the HTTP client refuses to send while the
        // flag is set), but only once, without waiting.
        boolean interrupted = Thread.interrupted();
        try {
            long until = System.nanoTime() + (interrupted ? 0 : config.cancelTimeout().toNanos());
            Settlement s = settle(jobId);
            while (!s.wontPrint() && System.nanoTime() < until) {
                try {
                    Thread.sleep(config.pollInterval().toMillis());
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
                s = settle(jobId);
            }
            logCancel(jid, s);
            if (s.toPurge()) {
                ended(jobId, s.preserved());
            }
            if (s.completed()) {
                progress.accept(JobState.COMPLETED);
                refreshStatus();
                return completed(jid, bytes, start);
            }
            if (!s.wontPrint()) {
                uncancelled.add(jobId);
                tracker.update(DeviceStatus.OFFLINE, A4Fault.JOB_NOT_CANCELLED);
            } else {
                tracker.update(status, reason);
            }
            progress.accept(JobState.FAILED);
            return failed(jid, reason, bytes, start);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Retries the cancellations CUPS could not confirm earlier; one attempt each. */
    private void settleUncancelled() {
        for (Integer jobId : List.copyOf(uncancelled)) {
            Settlement s = settle(jobId);
            if (s.wontPrint()) {
                uncancelled.remove(jobId);
                logCancel(config.queue() + "-" + jobId, s);
                if (s.toPurge()) {
                    ended(jobId, s.preserved());
                }
            }
        }
    }

    /** One Cancel-Job, then Get-Job-Attributes to see where the job really is. */
    private Settlement settle(int jobId) {
        try {
            IppResponse c = ipp.cancelJob(jobId);
            if (c.status() == IPP_NOT_FOUND) {
                return new Settlement(true, false, "gone");
            }
            if (!c.ok() && c.status() != IPP_NOT_POSSIBLE) {
                // e.g. forbidden: a CUPS policy that does not let the kiosk cancel its own jobs
                return new Settlement(false, false, "refused-" + Integer.toHexString(c.status()));
            }
            IppResponse j = ipp.jobAttributes(jobId);
            Integer st = j.integer("job-state");
            if (j.status() == IPP_NOT_FOUND) {
                return new Settlement(true, false, "gone");
            }
            if (st != null && st == 9) {
                return new Settlement(true, true, "completed", j.bool("job-preserved"));
            }
            if (st != null && (st == 7 || st == 8)) {
                return new Settlement(true, false, st == 7 ? "canceled" : "aborted", j.bool("job-preserved"));
            }
            return new Settlement(false, false, "job-state-" + st);
        } catch (IOException e) {
            return Settlement.UNREACHABLE;
        }
    }

    /**
     * A job has ended (completed, canceled or aborted): notes whether CUPS kept its document
     * ({@code job-preserved}), then purges the job so no clear-text document stays in the CUPS
     * spool, whatever PreserveJobFiles says. CUPS's default keeps documents for a day.
     */
    private void ended(int jobId, Boolean preserved) {
        if (preserved != null) {
            Boolean before = spoolKeepsDocuments;
            spoolKeepsDocuments = preserved;
            if (preserved && !Boolean.TRUE.equals(before)) {
                // Once per change, not per job: a setting to fix on the terminal, not an incident.
                EventLog.event(EventId.PRINT_SPOOL_DOCUMENT_KEPT, Outcome.FAILURE, "device", config.deviceId(),
                        "job", config.queue() + "-" + jobId, "reason", "cups-preserves-job-files");
            }
        }
        purge(jobId);
    }

    /**
     * Cancels and purges the jobs this kiosk's account left unfinished on the queue: a kiosk that
     * was killed, or lost power, while following a job never cancelled it, and CUPS would print
     * it for whoever stands at the kiosk when the printer comes back. Called once at start, before
     * the first job. Returns how many were found; a CUPS that does not answer is left to the
     * status refresh (the queue shows OFFLINE then anyway).
     */
    @Override
    public int cancelLeftoverJobs() {
        List<Integer> left;
        try {
            left = ipp.unfinishedJobsOfThisUser();
        } catch (IOException e) {
            return 0;
        }
        for (int jobId : left) {
            String jid = config.queue() + "-" + jobId;
            boolean cancelled;
            try {
                IppResponse r = ipp.cancelJob(jobId);
                cancelled = r.ok() || r.status() == IPP_NOT_FOUND;
            } catch (IOException e) {
                cancelled = false;
            }
            if (!cancelled) {
                uncancelled.add(jobId); // settled before the next job, like any failed cancel
            }
            EventLog.event(EventId.PRINT_JOB_CANCELLED, cancelled ? Outcome.SUCCESS : Outcome.FAILURE,
                    "device", config.deviceId(), "job", jid, "state", "left-by-previous-run");
            if (cancelled) {
                purge(jobId);
            }
        }
        return left.size();
    }

    private void purge(int jobId) {
        try {
            IppResponse r = ipp.purgeJob(jobId);
            if (r.ok() || r.status() == IPP_NOT_FOUND) {
                unpurged.remove(jobId);
                return;
            }
        } catch (IOException e) {
            // CUPS went away between the job's end and the purge; retried by refreshStatus()
        }
        if (unpurged.add(jobId)) {
            EventLog.event(EventId.PRINT_SPOOL_DOCUMENT_KEPT, Outcome.FAILURE, "device", config.deviceId(),
                    "job", config.queue() + "-" + jobId, "reason", "purge-failed");
        }
    }

    /**
     * Whether CUPS kept the document of the last job that ended in its spool (its
     * {@code job-preserved}), empty until a job has ended. True means cupsd.conf keeps job files
     * (PreserveJobFiles is not No): the driver still purges every job, but a job it cannot
     * purge (kiosk crash, CUPS down at the wrong moment) would leave its document there.
     */
    @Override
    public Optional<Boolean> spoolKeepsDocuments() {
        return Optional.ofNullable(spoolKeepsDocuments);
    }

    private void logCancel(String jid, Settlement s) {
        EventLog.event(EventId.PRINT_JOB_CANCELLED, s.wontPrint() ? Outcome.SUCCESS : Outcome.FAILURE,
                "device", config.deviceId(), "job", jid, "state", s.detail());
    }

    private PrintResult completed(String jid, long bytes, long start) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        EventLog.event(EventId.PRINT_JOB, Outcome.SUCCESS, "device", config.deviceId(), "job", jid,
                "bytes", bytes, "ms", took.toMillis());
        return new PrintResult(jid, JobState.COMPLETED, "", bytes, took);
    }

    private PrintResult failed(String id, DeviceFault reason, long bytes, long start) {
        EventLog.event(EventId.PRINT_JOB_FAILED, Outcome.FAILURE, "device", config.deviceId(), "job", id,
                "reason", reason.tag());
        return new PrintResult(id, JobState.FAILED, reason.tag(), bytes, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Nothing to release: every exchange with CUPS is its own request. */
    @Override
    public void close() {
    }
}
