package org.zizhu.device.printer.escpos;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zizhu.device.DeviceFault;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.StatusTracker;
import org.zizhu.device.printer.JobState;
import org.zizhu.device.printer.PrintResult;
import org.zizhu.device.printer.transport.Transport;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.threads.DaemonThreads;

/**
 * An ESC/POS receipt printer: sends complete, pre-rendered jobs and reports the printer's
 * real-time status (DLE EOT) through a {@link StatusTracker}.
 *
 * <p>Status keeps working while a job prints: the job is written in chunks and the I/O lock
 * is held only for one chunk or one status question at a time (fair lock), so the background
 * poller gets its turn between chunks. After every chunk the paper sensor is read; a job
 * interrupted by paper end (or cover open, or a printer that stops answering) stops sending,
 * is reported FAILED and can be printed again after the paper is replaced.
 */
public final class EscPosPrinter implements ReceiptPrinter {
    private static final Logger log = LoggerFactory.getLogger(EscPosPrinter.class);

    private final ReceiptPrinterConfig config;
    private final StatusTracker tracker;
    private final ReentrantLock io = new ReentrantLock(true);
    private final Object jobLock = new Object();
    private final AtomicLong jobs = new AtomicLong();
    private final AtomicLong statusAnswers = new AtomicLong();
    private final ScheduledExecutorService poller;
    private volatile boolean printing;
    private Transport transport;

    /** Prefer {@link ReceiptPrinter#open}; public for the tests that need the concrete driver. */
    public EscPosPrinter(ReceiptPrinterConfig config) {
        this.config = config;
        this.tracker = new StatusTracker(config.deviceId(), DeviceStatus.OFFLINE);
        if (config.pollInterval().isPositive()) {
            poller = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("printer-status " + config.deviceId()));
            long ms = config.pollInterval().toMillis();
            poller.scheduleWithFixedDelay(this::pollQuietly, 0, ms, TimeUnit.MILLISECONDS);
        } else {
            poller = null;
        }
    }

    @Override
    public StatusTracker tracker() {
        return tracker;
    }

    @Override
    public ReceiptPaper paper() {
        return config.paper();
    }

    public ReceiptPrinterConfig config() {
        return config;
    }

    /** Status answers received so far (poller and jobs); lets tests see polling continue during a job. */
    public long statusAnswers() {
        return statusAnswers.get();
    }

    @Override
    public boolean printing() {
        return printing;
    }

    /**
     * Prints one complete ESC/POS job (render fully first: nothing half-built is sent). Blocks
     * until the last chunk is accepted and the paper sensor checked. One job at a time.
     * Chunks end only at command boundaries, about {@code chunkSize} bytes each.
     */
    @Override
    public PrintResult print(EscPosJob escPosJob) {
        byte[] job = escPosJob.bytes();
        int[] bounds = escPosJob.boundaries();
        synchronized (jobLock) {
            String id = config.deviceId() + "-" + jobs.incrementAndGet();
            long start = System.nanoTime();
            EscPosStatus before;
            try {
                before = fullStatus();
            } catch (NoAnswer e) {
                return failed(id, e.fault, 0, start);
            }
            if (!before.ready()) {
                tracker.update(before.deviceStatus(), before.fault());
                return failed(id, before.fault(), 0, start);
            }
            printing = true;
            tracker.update(DeviceStatus.BUSY, ReceiptFault.PRINTING);
            long sent = 0;
            try {
                int bi = 0;
                for (int off = 0; off < job.length; ) {
                    int end = off;
                    while (bi < bounds.length && bounds[bi] <= off) {
                        bi++;
                    }
                    while (bi < bounds.length && bounds[bi] - off <= config.chunkSize()) {
                        end = bounds[bi++];
                    }
                    if (end == off) {
                        end = bi < bounds.length ? bounds[bi++] : job.length; // one command longer than a chunk
                    }
                    end = Math.min(end, job.length);
                    int n = end - off;
                    io.lock();
                    try {
                        transport().write(job, off, n);
                    } catch (IOException e) {
                        dropTransport();
                        tracker.update(DeviceStatus.OFFLINE, DeviceFault.Common.CONNECTION_LOST);
                        return failed(id, DeviceFault.Common.CONNECTION_LOST, sent, start);
                    } finally {
                        io.unlock();
                    }
                    sent += n;
                    off = end;
                    // The paper sensor answer comes after the printer has taken the chunk.
                    EscPosStatus s = EscPosStatus.paperOnly(ask(4));
                    if (s.paperEnd()) {
                        tracker.update(DeviceStatus.USER_ERROR, ReceiptFault.PAPER_END);
                        return failed(id, ReceiptFault.PAPER_END, sent, start);
                    }
                }
                EscPosStatus after = fullStatus();
                if (after.paperEnd() || after.stoppedByPaperEnd() || !after.ready()) {
                    tracker.update(after.deviceStatus(), after.fault());
                    return failed(id, after.fault(), sent, start);
                }
                tracker.update(DeviceStatus.ONLINE, after.fault());
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                EventLog.event(EventId.PRINT_JOB, Outcome.SUCCESS, "device", config.deviceId(), "job", id,
                        "bytes", sent, "ms", took.toMillis());
                return new PrintResult(id, JobState.COMPLETED, after.detail(), sent, took);
            } catch (NoAnswer e) {
                return failed(id, e.fault, sent, start);
            } finally {
                printing = false;
            }
        }
    }

    private PrintResult failed(String id, DeviceFault fault, long sent, long start) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        EventLog.event(EventId.PRINT_JOB_FAILED, Outcome.FAILURE, "device", config.deviceId(), "job", id,
                "reason", fault.tag(), "bytes", sent);
        return new PrintResult(id, JobState.FAILED, fault.tag(), sent, took);
    }

    /** Asks all four real-time statuses and updates the tracker (BUSY is kept while a job runs). */
    @Override
    public DeviceStatus refreshStatus() {
        try {
            EscPosStatus s = fullStatus();
            if (printing && s.ready()) {
                tracker.update(DeviceStatus.BUSY, ReceiptFault.PRINTING);
            } else {
                tracker.update(s.deviceStatus(), s.fault());
            }
        } catch (NoAnswer e) {
            // already reported by ask()
        }
        return tracker.status();
    }

    private void pollQuietly() {
        try {
            refreshStatus();
        } catch (RuntimeException e) {
            log.warn("status poll failed for {}", config.deviceId(), e);
        }
    }

    /** The four real-time statuses; the error byte (n=3) is only asked when n=2 reports an error. */
    public EscPosStatus fullStatus() {
        int s1 = ask(1);
        int s2 = ask(2);
        int s3 = (s2 & 0x40) != 0 ? ask(3) : 0x12;
        int s4 = ask(4);
        return EscPosStatus.decode(s1, s2, s3, s4);
    }

    /** One DLE EOT exchange under the I/O lock. */
    private int ask(int n) {
        io.lock();
        try {
            Transport t = transport();
            t.discardInput();
            t.write(EscPosBuilder.statusRequest(n), 0, 3);
            long deadline = System.nanoTime() + config.statusTimeout().toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                int b = left > 0 ? t.read(Duration.ofNanos(left)) : -1;
                if (b < 0) {
                    throw noAnswer(DeviceStatus.OFFLINE, DeviceFault.Common.NO_RESPONSE);
                }
                if (EscPosStatus.isStatusByte(b)) {
                    statusAnswers.incrementAndGet();
                    return b;
                }
                // not a status answer (noise, automatic status back): keep waiting
            }
        } catch (NoSuchFileException e) {
            throw noAnswer(DeviceStatus.NO_DEVICE, DeviceFault.Common.NOT_FOUND);
        } catch (java.net.ConnectException | java.net.SocketTimeoutException | java.net.UnknownHostException e) {
            throw noAnswer(DeviceStatus.OFFLINE, ReceiptFault.UNREACHABLE);
        } catch (IOException e) {
            dropTransport();
            throw noAnswer(DeviceStatus.OFFLINE, DeviceFault.Common.CONNECTION_LOST);
        } finally {
            io.unlock();
        }
    }

    /** The open link, connecting (again) if needed. Called with the I/O lock held. */
    private Transport transport() throws IOException {
        if (transport == null) {
            transport = config.endpoint().open(config.connectTimeout());
            EventLog.event(EventId.PRINTER_CONNECTED, Outcome.SUCCESS, "device", config.deviceId(),
                    "endpoint", transport.describe());
        }
        return transport;
    }

    private void dropTransport() {
        io.lock();
        try {
            if (transport != null) {
                transport.close();
                transport = null;
            }
        } finally {
            io.unlock();
        }
    }

    /** Stops polling and closes the link; never throws, may be called more than once. */
    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
        dropTransport();
    }

    /** Puts the fault on the tracker and returns the exception that unwinds the exchange. */
    private NoAnswer noAnswer(DeviceStatus status, DeviceFault fault) {
        tracker.update(status, fault);
        return new NoAnswer(fault);
    }

    /** No status answer: the fault is already on the tracker. */
    private static final class NoAnswer extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient DeviceFault fault;

        NoAnswer(DeviceFault fault) {
            super(fault.tag(), null, false, false);
            this.fault = fault;
        }
    }
}
