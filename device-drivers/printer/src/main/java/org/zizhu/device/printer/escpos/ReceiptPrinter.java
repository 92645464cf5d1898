package org.zizhu.device.printer.escpos;

import org.zizhu.device.Device;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.printer.PrintResult;

/**
 * A receipt printer as the kiosk sees it: it prints complete, already rendered ESC/POS jobs and
 * reports its status (the driver polls it in the background). Made by {@link #open} (or {@code sim.SimulatedReceiptPrinter.open} in simulated mode);
 * the simulator's controls are not reachable from here (see {@code sim.SimulatedReceiptPrinter}).
 */
public interface ReceiptPrinter extends Device {
    /** The paper loaded, so a receipt is laid out for its width before it is encoded. */
    ReceiptPaper paper();

    /**
     * Prints one complete job; blocks until the last chunk is taken and the paper sensor read.
     * A FAILED result's detail is the fault's tag ({@code paper-end}, {@code cover-open} ...).
     */
    PrintResult print(EscPosJob job);

    /** Asks the printer now and updates the tracker. */
    DeviceStatus refreshStatus();

    /** True while a job is being sent. */
    boolean printing();

    /** The ESC/POS printer at {@code config.endpoint()}; its status poller starts now. */
    static ReceiptPrinter open(ReceiptPrinterConfig config) {
        return new EscPosPrinter(config);
    }
}
