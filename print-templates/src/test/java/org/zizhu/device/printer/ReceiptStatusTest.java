package org.zizhu.device.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.DeviceStatusEvent;
import org.zizhu.device.printer.escpos.EscPosJob;
import org.zizhu.device.printer.escpos.EscPosPrinter;
import org.zizhu.device.printer.escpos.EscPosStatus;
import org.zizhu.device.printer.escpos.ReceiptPaper;
import org.zizhu.device.printer.escpos.ReceiptPrinterConfig;
import org.zizhu.device.printer.sim.EscPosSimulator;
import org.zizhu.device.printer.sim.PaperState;
import org.zizhu.device.printer.sim.SimulatedReceipt;
import org.zizhu.print.PrintTemplates;
import org.zizhu.print.SampleDocuments;
import org.zizhu.print.escpos.ReceiptEncoder;
import org.zizhu.print.receipt.ReceiptLayout;

/** Real-time status (DLE EOT) against the simulator: paper, cover, cutter, offline, polling during a job. */
class ReceiptStatusTest {
    EscPosSimulator sim;
    EscPosPrinter printer;
    final List<DeviceStatusEvent> events = new CopyOnWriteArrayList<>();

    static final EscPosJob GUIDE = ReceiptEncoder.encode(ReceiptLayout.layout(
            PrintTemplates.builtIn().fill(SampleDocuments.itemGuide()), ReceiptPaper.MM80));
    static final EscPosJob LICENSE = ReceiptEncoder.encode(ReceiptLayout.layout(
            PrintTemplates.builtIn().fill(SampleDocuments.licenseCopy()), ReceiptPaper.MM80));

    @BeforeEach
    void start() throws Exception {
        sim = EscPosSimulator.startTcp(0);
    }

    EscPosPrinter printer(Duration poll) {
        printer = new EscPosPrinter(ReceiptPrinterConfig.builder().endpoint("tcp://127.0.0.1:" + sim.port())
                .deviceId("receipt-test").pollInterval(poll).statusTimeout(Duration.ofMillis(800)).build());
        printer.tracker().addListener(events::add);
        return printer;
    }

    @AfterEach
    void stop() {
        if (printer != null) {
            printer.close();
        }
        sim.close();
    }

    @Test
    void statusBytesDecodeAsDocumented() {
        assertEquals(DeviceStatus.ONLINE, EscPosStatus.paperOnly(0x12).deviceStatus());
        assertEquals("paper-near-end", EscPosStatus.paperOnly(0x1E).detail());
        assertTrue(EscPosStatus.paperOnly(0x1E).ready());
        assertEquals("paper-end", EscPosStatus.paperOnly(0x72).detail());
        assertEquals(DeviceStatus.USER_ERROR, EscPosStatus.paperOnly(0x72).deviceStatus());
        assertEquals("cover-open", EscPosStatus.decode(0x1A, 0x16, 0x12, 0x12).detail());
        assertEquals(DeviceStatus.HARDWARE_ERROR, EscPosStatus.decode(0x12, 0x52, 0x1A, 0x12).deviceStatus());
        assertEquals(DeviceStatus.OFFLINE, EscPosStatus.decode(0x1A, 0x12, 0x12, 0x12).deviceStatus());
        assertFalse(EscPosStatus.isStatusByte(0x00));
        assertFalse(EscPosStatus.isStatusByte(0x93));
        assertTrue(EscPosStatus.isStatusByte(0x72));
    }

    @Test
    void paperEndMidJobFailsTheJobWhichPrintsAgainAfterRefill() throws Exception {
        printer(Duration.ZERO);
        sim.paperEndAfter(GUIDE.length() / 2);
        PrintResult r = printer.print(GUIDE);
        assertEquals(JobState.FAILED, r.state());
        assertEquals("paper-end", r.detail());
        assertTrue(r.bytesSent() < GUIDE.length(), "stopped sending at paper end");
        assertEquals(DeviceStatus.USER_ERROR, printer.tracker().status());
        assertEquals("paper-end", printer.tracker().detail());

        sim.setPaper(PaperState.FINE); // technician loads a new roll
        assertEquals(DeviceStatus.ONLINE, printer.refreshStatus());
        PrintResult again = printer.print(GUIDE);
        assertTrue(again.ok(), again.toString());
        List<SimulatedReceipt> receipts = sim.awaitReceipts(2, Duration.ofSeconds(5));
        assertTrue(receipts.get(0).paperOut() && !receipts.get(0).cut(), "first copy interrupted, not cut");
        assertTrue(receipts.get(1).cut() && receipts.get(1).text().contains("监督投诉方式"), "re-print complete");
        assertTrue(events.stream().anyMatch(e -> e.current() == DeviceStatus.USER_ERROR && e.detail().equals("paper-end")));
        assertTrue(events.stream().anyMatch(e -> e.previous() == DeviceStatus.USER_ERROR && e.current() == DeviceStatus.ONLINE));
    }

    @Test
    void statusPollingIsNotStarvedByARunningJob() throws Exception {
        printer(Duration.ofMillis(40));
        Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> printer.tracker().status() == DeviceStatus.ONLINE);
        sim.setBytesPerSecond(20_000); // the license copy (with its seal raster) takes about a second
        CompletableFuture<PrintResult> job = CompletableFuture.supplyAsync(() -> printer.print(LICENSE));
        Awaitility.await().atMost(Duration.ofSeconds(2)).until(printer::printing);
        long answersAtStart = printer.statusAnswers();
        // A screen asking for status mid-job gets an answer in well under a second.
        long t0 = System.nanoTime();
        EscPosStatus s = printer.fullStatus();
        long askMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(s.ready());
        assertTrue(printer.printing(), "job still running when the status answer came (" + askMs + " ms)");
        // The job fails as soon as paper runs out mid-job, seen by the poller and the job alike.
        PrintResult r = job.get(20, TimeUnit.SECONDS);
        assertTrue(r.ok(), r.toString());
        assertTrue(printer.statusAnswers() - answersAtStart >= 5, "status answers kept coming during the job");
        assertTrue(sim.statusQueriesWhilePrinting() >= 5, "printer saw status queries between chunks");
        assertEquals(DeviceStatus.ONLINE, printer.tracker().status());
        assertTrue(events.stream().anyMatch(e -> e.current() == DeviceStatus.BUSY));
    }

    @Test
    void paperRunningOutWhilePollingDuringAJobIsReported() throws Exception {
        printer(Duration.ofMillis(40));
        sim.setBytesPerSecond(20_000);
        CompletableFuture<PrintResult> job = CompletableFuture.supplyAsync(() -> printer.print(LICENSE));
        Awaitility.await().atMost(Duration.ofSeconds(2)).until(printer::printing);
        sim.setPaper(PaperState.END);
        PrintResult r = job.get(20, TimeUnit.SECONDS);
        assertEquals("paper-end", r.detail());
        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> printer.tracker().status() == DeviceStatus.USER_ERROR);
    }

    @Test
    void coverOpenAndCutterErrorAndNearEnd() {
        printer(Duration.ZERO);
        sim.setCoverOpen(true);
        PrintResult r = printer.print(GUIDE);
        assertEquals("cover-open", r.detail());
        assertEquals(0, r.bytesSent(), "nothing sent to a printer with the cover open");
        assertEquals(DeviceStatus.USER_ERROR, printer.tracker().status());
        sim.setCoverOpen(false);
        sim.setCutterError(true);
        assertEquals(DeviceStatus.HARDWARE_ERROR, printer.refreshStatus());
        assertEquals("cutter-error", printer.tracker().detail());
        sim.setCutterError(false);
        sim.setPaper(PaperState.NEAR_END);
        assertEquals(DeviceStatus.ONLINE, printer.refreshStatus());
        assertEquals("paper-near-end", printer.tracker().detail());
        assertTrue(printer.print(GUIDE).ok(), "near end still prints");
    }

    @Test
    void offlineSilentAndUnreachablePrinters() throws Exception {
        printer(Duration.ZERO);
        sim.setOffline(true);
        assertEquals(DeviceStatus.OFFLINE, printer.refreshStatus());
        assertEquals("offline", printer.tracker().detail());
        assertEquals("offline", printer.print(GUIDE).detail());
        sim.setOffline(false);
        sim.setSilent(true); // powered off, cable pulled
        PrintResult r = printer.print(GUIDE);
        assertEquals(JobState.FAILED, r.state());
        assertEquals("no-response", r.detail());
        assertEquals(DeviceStatus.OFFLINE, printer.tracker().status());
        sim.setSilent(false);

        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        try (EscPosPrinter nowhere = new EscPosPrinter(ReceiptPrinterConfig.builder().endpoint("tcp://127.0.0.1:" + freePort)
                .pollInterval(Duration.ZERO).build())) {
            assertEquals(DeviceStatus.OFFLINE, nowhere.refreshStatus());
            assertEquals("unreachable", nowhere.tracker().detail());
            assertEquals(JobState.FAILED, nowhere.print(GUIDE).state());
        }
        try (EscPosPrinter missing = new EscPosPrinter(ReceiptPrinterConfig.builder().endpoint("usb:/dev/usb/lp-none")
                .pollInterval(Duration.ZERO).build())) {
            assertEquals(DeviceStatus.NO_DEVICE, missing.refreshStatus());
        }
    }
}
