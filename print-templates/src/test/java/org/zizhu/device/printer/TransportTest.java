package org.zizhu.device.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.printer.escpos.EscPosPrinter;
import org.zizhu.device.printer.escpos.ReceiptPaper;
import org.zizhu.device.printer.escpos.ReceiptPrinterConfig;
import org.zizhu.device.printer.sim.EscPosSimulator;
import org.zizhu.device.printer.sim.PaperState;
import org.zizhu.device.printer.sim.SimulatedReceipt;
import org.zizhu.device.printer.transport.Endpoint;
import org.zizhu.print.PrintTemplates;
import org.zizhu.print.SampleDocuments;
import org.zizhu.print.escpos.ReceiptEncoder;
import org.zizhu.print.receipt.ReceiptLayout;

/**
 * Serial (jSerialComm) and USB-device-file transports over a socat pty pair, with the
 * simulator on the other end speaking the real byte protocol.
 */
class TransportTest {
    @Test
    void endpointsParse() {
        assertEquals(new Endpoint.Tcp("10.0.0.5", 9100), Endpoint.parse("tcp://10.0.0.5:9100"));
        assertEquals(new Endpoint.Serial("/dev/ttyUSB0", 9600), Endpoint.parse("serial:/dev/ttyUSB0?baud=9600"));
        assertEquals(new Endpoint.Serial("/dev/ttyS0", 115200), Endpoint.parse("serial:/dev/ttyS0"));
        assertEquals(new Endpoint.UsbDevice(Path.of("/dev/usb/lp0")), Endpoint.parse("usb:/dev/usb/lp0"));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("lpt1"));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("tcp://host"));
    }

    private static void printAndCheck(String endpoint, EscPosSimulator sim) throws Exception {
        try (EscPosPrinter p = new EscPosPrinter(ReceiptPrinterConfig.builder().endpoint(endpoint).paper(ReceiptPaper.MM58)
                .pollInterval(Duration.ZERO).build())) {
            assertEquals(DeviceStatus.ONLINE, p.refreshStatus());
            PrintResult r = p.print(ReceiptEncoder.encode(ReceiptLayout.layout(PrintTemplates.builtIn().fill(SampleDocuments.queueTicket()),
                    ReceiptPaper.MM58)));
            assertTrue(r.ok(), r.toString());
            List<SimulatedReceipt> got = sim.awaitReceipts(1, Duration.ofSeconds(5));
            assertEquals(1, got.size());
            assertTrue(got.get(0).cut() && got.get(0).lines().contains("A015"), got.get(0).text());
            assertEquals(List.of("https://zwfw.example.gov.cn/queue/A015"), got.get(0).qrCodes());
            sim.setPaper(PaperState.END);
            assertEquals(DeviceStatus.USER_ERROR, p.refreshStatus());
        }
    }

    @Test
    void serialPortThroughJSerialComm(@TempDir Path dir) throws Exception {
        try (Socat socat = new Socat(dir); EscPosSimulator sim = EscPosSimulator.startSerial(socat.b.toString(), 384)) {
            printAndCheck("serial:" + socat.a, sim);
        }
    }

    @Test
    void usbPrinterDeviceFile(@TempDir Path dir) throws Exception {
        // A pty is a character device like /dev/usb/lp0: opened with plain file streams.
        try (Socat socat = new Socat(dir); EscPosSimulator sim = EscPosSimulator.startSerial(socat.b.toString(), 384)) {
            printAndCheck("usb:" + socat.a, sim);
        }
    }
}
