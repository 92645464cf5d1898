package org.zizhu.device.printer.ipp;

import java.util.Optional;
import java.util.function.Consumer;
import org.zizhu.device.Device;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.printer.JobState;
import org.zizhu.device.printer.PrintResult;

/**
 * The A4 printer as the kiosk sees it: prints complete PDF documents, follows each job to its
 * end and reports the queue's state. Made by {@link #open}.
 */
public interface A4Printer extends Device {
    /** {@link #print(byte[], String, Consumer)} without progress. */
    default PrintResult print(byte[] pdf, String jobName) {
        return print(pdf, jobName, s -> {
        });
    }

    /**
     * Sends a complete PDF and waits until the job has completed or failed (a job that cannot
     * finish is cancelled, so it never prints for the next resident). {@code jobName} must not
     * contain personal data. A FAILED result's detail is the fault's tag.
     */
    PrintResult print(byte[] pdf, String jobName, Consumer<JobState> progress);

    /** Asks the print system now and updates the tracker. */
    DeviceStatus refreshStatus();

    /** Cancels the jobs an earlier run left unfinished; once at start. Returns how many there were. */
    int cancelLeftoverJobs();

    /** Whether the print system kept the last ended job's document in its spool; empty until a job ended. */
    Optional<Boolean> spoolKeepsDocuments();

    /**
     * The CUPS queue {@code config.queue()}. One factory for both modes: the simulated A4 printer
     * is ippeveprinter behind the local CUPS (scripts/stacks/cups.sh, an IPP Everywhere printer
     * spooling to a directory), so the kiosk speaks to it exactly as to a real one and there are
     * no simulator controls on the Java side (stop the queue, or the printer, with the CUPS tools).
     */
    static A4Printer open(A4PrinterConfig config) {
        return new CupsA4Printer(config);
    }
}
