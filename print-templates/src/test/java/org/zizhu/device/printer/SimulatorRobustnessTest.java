package org.zizhu.device.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zizhu.device.printer.escpos.EscPosPrinter;
import org.zizhu.device.printer.escpos.ReceiptPaper;
import org.zizhu.device.printer.escpos.ReceiptPrinterConfig;
import org.zizhu.device.printer.sim.EscPosSimulator;
import org.zizhu.print.PrintTemplates;
import org.zizhu.print.SampleDocuments;
import org.zizhu.print.escpos.ReceiptEncoder;
import org.zizhu.print.receipt.ReceiptLayout;

/** Garbage on the wire neither kills the simulator nor confuses the next job. */
class SimulatorRobustnessTest {
    @Test
    void randomBytesThenARealJob() throws Exception {
        try (EscPosSimulator sim = EscPosSimulator.startTcp(0)) {
            Random rnd = new Random(4);
            for (int i = 0; i < 5; i++) {
                byte[] junk = new byte[4000];
                rnd.nextBytes(junk);
                try (Socket s = new Socket("127.0.0.1", sim.port()); OutputStream out = s.getOutputStream()) {
                    out.write(junk);
                }
            }
            Thread.sleep(200);
            int before = sim.receipts().size();
            try (EscPosPrinter p = new EscPosPrinter(ReceiptPrinterConfig.builder().endpoint("tcp://127.0.0.1:" + sim.port())
                    .pollInterval(Duration.ZERO).build())) {
                PrintResult r = p.print(ReceiptEncoder.encode(ReceiptLayout.layout(PrintTemplates.builtIn().fill(SampleDocuments.queueTicket()),
                        ReceiptPaper.MM80)));
                assertTrue(r.ok(), r.toString());
            }
            var all = sim.awaitReceipts(before + 1, Duration.ofSeconds(5));
            assertTrue(all.get(all.size() - 1).cut());
            assertEquals(java.util.List.of("https://zwfw.example.gov.cn/queue/A015"), all.get(all.size() - 1).qrCodes());
        }
    }
}
