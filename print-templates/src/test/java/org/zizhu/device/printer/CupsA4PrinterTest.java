package org.zizhu.device.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.printer.ipp.A4PrinterConfig;
import org.zizhu.device.printer.ipp.CupsA4Printer;
import org.zizhu.print.Poppler;
import org.zizhu.print.PrintTemplates;
import org.zizhu.print.SampleDocuments;
import org.zizhu.print.a4.A4PdfRenderer;

/**
 * A4 printing through a real CUPS queue to a real IPP Everywhere printer (ippeveprinter),
 * both started by scripts/stacks/cups.sh. The document must arrive in ippeveprinter's spool
 * directory with its text intact.
 */
class CupsA4PrinterTest {
    static final String QUEUE = System.getProperty("zizhu.cups.queue", "zizhu-a4");
    static final Path SPOOL = Path.of(System.getProperty("zizhu.cups.spool", "/tmp/zizhu-cups/spool"));
    static A4PdfRenderer renderer;

    @BeforeAll
    static void needCups() {
        try (Socket s = new Socket("127.0.0.1", 631)) {
            s.getPort();
        } catch (IOException e) {
            fail("CUPS is not listening on localhost:631. Start the stack: sudo bash scripts/stacks/cups.sh start");
        }
        int ippPort = Integer.getInteger("zizhu.ipp.port", 8631);
        try (Socket s = new Socket("127.0.0.1", ippPort)) {
            s.getPort();
        } catch (IOException e) {
            fail("ippeveprinter is not listening on localhost:" + ippPort + " (package cups-ipp-utils)."
                    + " Start the stack: sudo bash scripts/stacks/cups.sh start");
        }
        if (!Files.isDirectory(SPOOL)) {
            fail("no ippeveprinter spool dir " + SPOOL + ". Start the stack: sudo bash scripts/stacks/cups.sh start");
        }
        renderer = new A4PdfRenderer();
    }

    static void cups(String... cmd) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail(cmd[0] + " missing: apt-get install -y cups-bsd cups-client", e);
            return;
        }
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    static Optional<Path> spooled(String jobName) throws IOException {
        try (Stream<Path> s = Files.walk(SPOOL)) {
            return s.filter(f -> f.getFileName().toString().contains(jobName) && f.toString().endsWith(".pdf")).findFirst();
        }
    }

    @Test
    void pdfArrivesAtTheIppPrinterWithItsTextIntact() throws Exception {
        CupsA4Printer printer = new CupsA4Printer(A4PrinterConfig.builder().queue(QUEUE).build());
        assertEquals(DeviceStatus.ONLINE, printer.refreshStatus(), printer.tracker().detail());
        byte[] pdf = renderer.render(PrintTemplates.builtIn().fill(SampleDocuments.acceptanceReceipt()));
        String jobName = "zizhutest" + System.nanoTime();
        List<JobState> states = new CopyOnWriteArrayList<>();
        PrintResult r = printer.print(pdf, jobName, states::add);
        assertTrue(r.ok(), r.toString());
        assertEquals(JobState.COMPLETED, states.get(states.size() - 1), states.toString());
        assertEquals(DeviceStatus.ONLINE, printer.tracker().status());

        long end = System.nanoTime() + 10_000_000_000L;
        Optional<Path> file = spooled(jobName);
        while (file.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(100);
            file = spooled(jobName);
        }
        assertTrue(file.isPresent(), "job " + jobName + " not in " + SPOOL);
        String text = Poppler.text(file.get()).replaceAll("\\s+", "");
        for (String s : List.of("受理回执", "SL2026031800123", "1101**********002X", "城乡居民养老保险参保登记")) {
            assertTrue(text.contains(s), "spooled document lost '" + s + "': " + text);
        }
    }

    @Test
    void stoppedQueueIsOfflineAndRefusesJobs() throws Exception {
        CupsA4Printer printer = new CupsA4Printer(A4PrinterConfig.builder().queue(QUEUE).build());
        cups("cupsdisable", QUEUE);
        try {
            assertEquals(DeviceStatus.OFFLINE, printer.refreshStatus());
            assertEquals("queue-stopped", printer.tracker().detail());
            PrintResult r = printer.print(renderer.render(PrintTemplates.builtIn().fill(SampleDocuments.testPage())), "zizhustopped");
            assertEquals(JobState.FAILED, r.state());
            assertEquals("queue-stopped", r.detail());
        } finally {
            cups("cupsenable", QUEUE);
        }
        assertEquals(DeviceStatus.ONLINE, printer.refreshStatus());
        cups("cupsreject", QUEUE);
        try {
            assertEquals(DeviceStatus.OFFLINE, printer.refreshStatus());
            assertEquals("not-accepting", printer.tracker().detail());
        } finally {
            cups("cupsaccept", QUEUE);
        }
    }

    @Test
    void unknownQueueIsNoDevice() {
        CupsA4Printer printer = new CupsA4Printer(A4PrinterConfig.builder().queue("zizhu-no-such-queue").build());
        assertEquals(DeviceStatus.NO_DEVICE, printer.refreshStatus());
        assertEquals("no-queue", printer.tracker().detail());
    }
}
