package org.zizhu.device.printer.escpos;

import java.io.IOException;
import org.zizhu.device.printer.sim.EscPosSimulator;

/** Makes receipt printers, one factory method per mode, from one {@link ReceiptPrinterConfig}. */
public final class ReceiptPrinters {
    private ReceiptPrinters() {
    }

    /** The ESC/POS printer at {@code config.endpoint()}; its status poller starts now. */
    public static ReceiptPrinter real(ReceiptPrinterConfig config) {
        return new EscPosPrinter(config);
    }

    /**
     * Starts the ESC/POS simulator on a free loopback TCP port (paper as configured) and a real
     * driver talking to it, like a networked printer; the configured endpoint is replaced by
     * the simulator's.
     */
    public static ReceiptPrinterSimulation simulated(ReceiptPrinterConfig config) throws IOException {
        EscPosSimulator sim = EscPosSimulator.startTcp(0, config.paper().dots());
        try {
            return new ReceiptPrinterSimulation(real(config.toBuilder().endpoint("tcp://127.0.0.1:" + sim.port()).build()), sim);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
    }
}
