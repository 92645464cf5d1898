package org.zizhu.device.printer.ipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The A4 printer's typed reasons keep the tags heartbeats, diag printer and tests know. */
class A4FaultTest {
    @Test
    void printerStateReasonsNeedingSomeoneMapWithoutTheirSuffix() {
        assertEquals(Optional.of(A4Fault.MEDIA_EMPTY), A4Fault.ofPrinterReason("media-empty-error"));
        assertEquals(Optional.of(A4Fault.MEDIA_NEEDED), A4Fault.ofPrinterReason("media-needed-warning"));
        assertEquals(Optional.of(A4Fault.DOOR_OPEN), A4Fault.ofPrinterReason("door-open-report"));
        assertEquals(Optional.of(A4Fault.MEDIA_JAM), A4Fault.ofPrinterReason("media-jam"));
        assertEquals(Optional.empty(), A4Fault.ofPrinterReason("none"));
        assertEquals(Optional.empty(), A4Fault.ofPrinterReason("offline-report"));
        assertEquals("media-empty", A4Fault.MEDIA_EMPTY.tag());
    }

    @Test
    void ippRefusalsKeepTheStatusCodeInTheTag() {
        assertEquals("ipp-status-400", new A4Fault.IppRefusal(A4Fault.IppRefusal.Kind.PRINTER_ATTRIBUTES, 0x0400).tag());
        assertEquals("rejected-40a", new A4Fault.IppRefusal(A4Fault.IppRefusal.Kind.PRINT_JOB, 0x040A).tag());
    }

    @Test
    void tagsAreTheStringsTheDriverAlwaysReported() {
        assertEquals("queue-stopped", A4Fault.QUEUE_STOPPED.tag());
        assertEquals("not-accepting", A4Fault.NOT_ACCEPTING.tag());
        assertEquals("cups-unreachable", A4Fault.CUPS_UNREACHABLE.tag());
        assertEquals("job-not-cancelled", A4Fault.JOB_NOT_CANCELLED.tag());
        assertEquals("job-canceled", A4Fault.JOB_CANCELED.tag());
        assertEquals("job-aborted", A4Fault.JOB_ABORTED.tag());
        assertEquals("job-timeout", A4Fault.JOB_TIMEOUT.tag());
        assertEquals("no-queue", A4Fault.NO_QUEUE.tag());
    }

    @Test
    void configBuilderSettersChangeOneSettingAndLeaveTheOriginal() {
        A4PrinterConfig d = A4PrinterConfig.builder().queue("zizhu-a4").build();
        A4PrinterConfig c = d.toBuilder().cups(URI.create("http://cups:631")).queue("other").pollInterval(Duration.ofSeconds(1))
                .stoppedGrace(Duration.ofSeconds(9)).jobTimeout(Duration.ofSeconds(60)).deviceId("a4").build();
        assertNotSame(d, c);
        assertEquals(URI.create("http://localhost:631"), d.cups());
        assertEquals("zizhu-a4", d.queue());
        assertEquals(URI.create("http://cups:631"), c.cups());
        assertEquals("other", c.queue());
        assertEquals(Duration.ofSeconds(1), c.pollInterval());
        assertEquals(Duration.ofSeconds(9), c.stoppedGrace());
        assertEquals(Duration.ofSeconds(60), c.jobTimeout());
        assertEquals("a4", c.deviceId());
        assertEquals(A4PrinterConfig.DEFAULT_CANCEL_TIMEOUT, c.cancelTimeout());
        NullPointerException noQueue = assertThrows(NullPointerException.class, () -> A4PrinterConfig.builder().build());
        assertEquals("queue", noQueue.getMessage(), "the queue is required");
    }

    @Test
    void simulatedAndRealAreTheSameCupsDriverBehindTheInterface() {
        A4PrinterConfig cfg = A4PrinterConfig.builder().queue("zizhu-a4").deviceId("a4").build();
        try (A4Printer real = A4Printer.open(cfg); A4Printer simulated = A4Printer.open(cfg)) {
            assertEquals("a4", real.id());
            assertEquals(CupsA4Printer.class, real.getClass());
            assertEquals(CupsA4Printer.class, simulated.getClass());
        }
    }
}
