package org.zizhu.device.printer.ipp;

import java.util.Locale;
import java.util.Optional;
import org.zizhu.device.DeviceFault;

/**
 * Why the A4 printer (a CUPS queue) is not plainly ONLINE, or why a job failed. The tags are
 * the strings heartbeats, the maintenance screen, {@code diag printer} and tests have always
 * seen. IPP status codes CUPS answers with are {@link IppRefusal}.
 */
public enum A4Fault implements DeviceFault {
    /** No such queue in CUPS (NO_DEVICE). */
    NO_QUEUE("no-queue"),
    /** The queue is stopped ({@code cupsdisable}). */
    QUEUE_STOPPED("queue-stopped"),
    /** The queue refuses new jobs ({@code cupsreject}). */
    NOT_ACCEPTING("not-accepting"),
    /** The printer's own reasons (IPP printer-state-reasons), without the -error/-warning/-report suffix. */
    MEDIA_EMPTY("media-empty"),
    MEDIA_NEEDED("media-needed"),
    DOOR_OPEN("door-open"),
    MEDIA_JAM("media-jam"),
    /** CUPS cannot reach the printer behind the queue. */
    PRINTER_UNREACHABLE("printer-unreachable"),
    /** CUPS itself does not answer (connection refused). */
    CUPS_UNREACHABLE("cups-unreachable"),
    /** CUPS answered with something that is not IPP, or the exchange broke. */
    CUPS_ERROR("cups-error"),
    QUEUED("queued"),
    PRINTING("printing"),
    /** A job the driver gave up on could not be confirmed cancelled: no new job until it is. */
    JOB_NOT_CANCELLED("job-not-cancelled"),
    /** A job took longer than the configured timeout and was cancelled. */
    JOB_TIMEOUT("job-timeout"),
    /** Someone (or CUPS) cancelled the job. */
    JOB_CANCELED("job-canceled"),
    /** CUPS aborted the job (filter failure, error policy abort-job). */
    JOB_ABORTED("job-aborted"),
    /** The printing thread was interrupted (the kiosk is stopping); the job was cancelled. */
    INTERRUPTED("interrupted");

    private final String tag;

    A4Fault(String tag) {
        this.tag = tag;
    }

    @Override
    public String tag() {
        return tag;
    }

    /**
     * The fault for an IPP printer-state-reason that needs someone at the printer (paper, door,
     * jam), or empty for any other reason keyword.
     */
    static Optional<A4Fault> ofPrinterReason(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        for (A4Fault f : new A4Fault[] {MEDIA_EMPTY, MEDIA_NEEDED, DOOR_OPEN, MEDIA_JAM}) {
            if (r.startsWith(f.tag)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** CUPS answered an IPP request with a status the driver does not expect; the tag keeps the code. */
    public record IppRefusal(Kind kind, int status) implements DeviceFault {
        /** Which request was refused. */
        public enum Kind {
            /** Get-Printer-Attributes: tag {@code ipp-status-<hex>}. */
            PRINTER_ATTRIBUTES("ipp-status-"),
            /** Print-Job: tag {@code rejected-<hex>}. */
            PRINT_JOB("rejected-");

            private final String prefix;

            Kind(String prefix) {
                this.prefix = prefix;
            }
        }

        @Override
        public String tag() {
            return kind.prefix + Integer.toHexString(status);
        }
    }
}
