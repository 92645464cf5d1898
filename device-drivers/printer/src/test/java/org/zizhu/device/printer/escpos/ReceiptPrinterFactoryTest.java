package org.zizhu.device.printer.escpos;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.printer.PrintResult;
import org.zizhu.device.printer.sim.PaperState;
import org.zizhu.device.printer.sim.SimulatedReceiptPrinter;

/** The simulated mode: the kiosk's interface and, apart from it, the simulator's controls. */
class ReceiptPrinterFactoryTest {
    private static EscPosJob job(String text) {
        return new EscPosBuilder().init().chineseMode(true).line(text).feedAndCut(24).build();
    }

    @Test
    void simulationPrintsThroughTheInterfaceAndItsControlsSetTypedFaults() throws Exception {
        ReceiptPrinterConfig cfg = ReceiptPrinterConfig.builder().endpoint(ReceiptPrinterConfig.DEFAULT_ENDPOINT)
                .deviceId("receipt").paper(ReceiptPaper.MM58).pollInterval(Duration.ZERO).build();
        int port;
        try (SimulatedReceiptPrinter sim = SimulatedReceiptPrinter.open(cfg)) {
            ReceiptPrinter printer = sim.printer();
            assertInstanceOf(EscPosPrinter.class, printer);
            assertEquals("receipt", printer.id());
            assertEquals(ReceiptPaper.MM58, printer.paper());
            port = sim.controls().port();
            assertTrue(port > 0 && port != 9100, "the simulator's own port replaces the configured endpoint");

            assertEquals(DeviceStatus.ONLINE, printer.refreshStatus());
            PrintResult ok = printer.print(job("取号 A001"));
            assertTrue(ok.ok(), ok.toString());
            assertEquals("取号 A001", sim.controls().awaitReceipts(1, Duration.ofSeconds(5)).get(0).lines().get(0));

            sim.controls().setPaper(PaperState.END);
            assertEquals(DeviceStatus.USER_ERROR, printer.refreshStatus());
            assertEquals(ReceiptFault.PAPER_END, printer.tracker().fault());
            assertEquals("paper-end", printer.tracker().detail());
            PrintResult refused = printer.print(job("A002"));
            assertFalse(refused.ok());
            assertEquals("paper-end", refused.detail());

            sim.controls().setPaper(PaperState.FINE);
            sim.controls().setCoverOpen(true);
            assertEquals(DeviceStatus.USER_ERROR, printer.refreshStatus());
            assertEquals(ReceiptFault.COVER_OPEN, printer.tracker().fault());
        }
        int closedPort = port;
        // The simulator's port is free again. Asked by binding it, not by connecting to it: a
        // connect to a loopback port nobody listens on can, rarely, connect to itself (the
        // kernel picks the same port as the client's own), which made this check flaky.
        assertDoesNotThrow(() -> new ServerSocket(closedPort, 1, InetAddress.getLoopbackAddress()).close(),
                "closing the simulation stops the simulator");
    }

    @Test
    void realPrinterWithNobodyThereIsOfflineUnreachable() {
        int free;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            free = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try (ReceiptPrinter p = ReceiptPrinter.open(ReceiptPrinterConfig.builder().endpoint("tcp://127.0.0.1:" + free)
                .pollInterval(Duration.ZERO).connectTimeout(Duration.ofSeconds(1)).build())) {
            assertEquals(DeviceStatus.OFFLINE, p.refreshStatus());
            assertEquals(ReceiptFault.UNREACHABLE, p.tracker().fault());
        }
    }
}
