package org.zizhu.kiosk.printing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.zizhu.central.CentralSimulator;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.printer.sim.SimulatedReceipt;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.ui.KioskApplication;
import org.zizhu.print.SampleDocuments;

/**
 * Printing from the kiosk to the simulators: the guide print-out on A4 through CUPS to the
 * ippeveprinter (the spooled PDF's text is checked with pdftotext), and a receipt to the ESC/POS
 * simulator (its decoded text is checked). Needs scripts/stacks/cups.sh running and poppler-utils.
 */
public class PrintingTest {
    static final Path SPOOL = Path.of(System.getProperty("zizhu.cups.spool", "/tmp/zizhu-cups/spool"));

    @TempDir
    Path data;
    private CentralSimulator central;
    private KioskRuntime runtime;
    private DeviceHub hub;
    private KioskApplication app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
        hub.close();
        runtime.close();
        central.close();
    }

    private void start() throws Exception {
        if (!Files.isDirectory(SPOOL)) {
            fail("no ippeveprinter spool " + SPOOL + ": start the stack with sudo bash scripts/stacks/cups.sh start");
        }
        central = CentralSimulator.builder().start();
        runtime = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data));
        runtime.syncNow();
        hub = DeviceHub.start(runtime.config());
    }

    @Test
    void guidePrintsOnA4WithItsTextIntact() throws Exception {
        start();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertEquals(DeviceStatus.ONLINE, hub.a4Printer().orElseThrow().tracker().status(), "CUPS queue zizhu-a4 ready"));
        PrintService printing = new PrintService(hub.receiptPrinter().orElse(null), hub.a4Printer().orElse(null));
        FxToolkit.registerPrimaryStage();
        app = (KioskApplication) FxToolkit.setupApplication(() -> new KioskApplication(runtime, hub, null, printing));
        FxRobot robot = new FxRobot();
        ItemDetail item = runtime.catalog().detail(runtime.catalog().items().get(0).code()).orElseThrow();
        Instant before = Instant.now();
        robot.interact(() -> {
            app.flow().touch();
            app.flow().openItem(item.code());
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#guide-print");
        await().atMost(Duration.ofSeconds(60)).until(() -> "print.done".equals(app.notice()) || "print.failed".equals(app.notice()));
        assertEquals("print.done", app.notice());
        Path pdf = spooled(before, "the guide");
        try (var d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            var box = d.getPage(0).getMediaBox();
            assertEquals("595x842", Math.round(box.getWidth()) + "x" + Math.round(box.getHeight()),
                    "the job asks for A4, so CUPS does not scale the page onto its default paper");
        }
        String text = pdftotext(pdf).replaceAll("\\s+", "");
        assertTrue(text.contains(item.name().zh().replaceAll("\\s+", "")), text);
        assertTrue(text.contains(item.implementingBody().zh().replaceAll("\\s+", "")), "implementing body printed");
    }

    @Test
    void receiptGoesToTheEscPosSimulatorWithTheIdNumberMasked() throws Exception {
        start();
        PrintService printing = new PrintService(hub.receiptPrinter().orElse(null), hub.a4Printer().orElse(null));
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.receiptPrinter().orElseThrow().tracker().status() == DeviceStatus.ONLINE);
        printing.printReceipt(SampleDocuments.acceptanceReceipt(), "receipt-test");
        SimulatedReceipt r = hub.simulators().receipt().orElseThrow().lastReceipt();
        assertTrue(r.cut());
        assertTrue(r.text().contains("1101**********002X"), r.text());
        assertFalse(r.text().contains(SampleDocuments.SAMPLE_ID), "full ID number never printed");
        assertFalse(r.qrCodes().isEmpty(), "status QR code printed");
    }

    /**
     * The newest job the printer spooled since {@code after}, once the whole PDF is on disk. The
     * flow reports "printed" when CUPS accepts the job; ippeveprinter may still be writing the file
     * then, and a PDF read half-written renders its last image (the page bottom, where the
     * verification QR code sits) as noise. So: the file must end with {@code %%EOF} and keep its
     * size across two looks.
     */
    public static Path spooled(Instant after, String what) {
        long[] lastSize = {-1};
        Path[] found = {null};
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Optional<Path> p = newestSpooled(after);
                if (p.isEmpty()) {
                    return false;
                }
                long size = Files.size(p.get());
                boolean stable = p.get().equals(found[0]) && size == lastSize[0] && endsWithEof(p.get());
                found[0] = p.get();
                lastSize[0] = size;
                return stable;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(what + " not spooled completely in " + SPOOL + " (newest: " + found[0] + ")", e);
        }
        return found[0];
    }

    private static boolean endsWithEof(Path pdf) throws IOException {
        byte[] all = Files.readAllBytes(pdf);
        int from = Math.max(0, all.length - 64);
        return new String(all, from, all.length - from, StandardCharsets.ISO_8859_1).contains("%%EOF");
    }

    private static Optional<Path> newestSpooled(Instant after) throws IOException {
        try (Stream<Path> s = Files.list(SPOOL)) {
            List<Path> files = s.filter(p -> {
                try {
                    return Files.getLastModifiedTime(p).toInstant().isAfter(after.minusSeconds(1));
                } catch (IOException e) {
                    return false;
                }
            }).sorted(Comparator.comparing((Path p) -> p.toFile().lastModified()).reversed()).toList();
            return files.stream().findFirst();
        }
    }

    public static String pdftotext(Path pdf) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("pdftotext missing: apt-get install poppler-utils", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
