package org.zizhu.device.printer.sim;

import java.util.Objects;
import java.io.IOException;
import org.zizhu.device.printer.escpos.ReceiptPrinter;
import org.zizhu.device.printer.escpos.ReceiptPrinterConfig;

/**
 * A simulated receipt printer: the {@link ReceiptPrinter} the kiosk holds (a real ESC/POS driver
 * talking to the simulator over loopback TCP) and, separately, the simulator's controls (paper
 * end, cover open, what was printed) for the demo console and tests only. Production code takes
 * {@link #printer()} and never sees the controls.
 */
public record SimulatedReceiptPrinter(ReceiptPrinter printer, EscPosSimulator controls) implements AutoCloseable {
    public SimulatedReceiptPrinter {
        Objects.requireNonNull(printer, "printer");
        Objects.requireNonNull(controls, "controls");
    }

    /**
     * Starts the ESC/POS simulator on a free loopback TCP port (paper as configured) and a real
     * driver talking to it, like a networked printer; the configured endpoint is replaced by
     * the simulator's.
     */
    public static SimulatedReceiptPrinter open(ReceiptPrinterConfig config) throws IOException {
        EscPosSimulator sim = EscPosSimulator.startTcp(0, config.paper().dots());
        try {
            return new SimulatedReceiptPrinter(ReceiptPrinter.open(config.toBuilder().endpoint("tcp://127.0.0.1:" + sim.port()).build()), sim);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    /** Closes the driver first (it stops polling), then the simulator. */
    @Override
    public void close() {
        printer.close();
        controls.close();
    }
}
