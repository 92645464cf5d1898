package org.zizhu.device.printer.escpos;

import java.util.Objects;
import org.zizhu.device.printer.sim.EscPosSimulator;

/**
 * A simulated receipt printer: the {@link ReceiptPrinter} the kiosk holds (a real ESC/POS driver
 * talking to the simulator over loopback TCP) and, separately, the simulator's controls (paper
 * end, cover open, what was printed) for the demo console and tests only. Production code takes
 * {@link #printer()} and never sees the controls.
 */
public record ReceiptPrinterSimulation(ReceiptPrinter printer, EscPosSimulator controls) implements AutoCloseable {
    public ReceiptPrinterSimulation {
        Objects.requireNonNull(printer, "printer");
        Objects.requireNonNull(controls, "controls");
    }

    /** Closes the driver first (it stops polling), then the simulator. */
    @Override
    public void close() {
        printer.close();
        controls.close();
    }
}
