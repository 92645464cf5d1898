package org.zizhu.device.printer.escpos;

import org.zizhu.device.Device;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.printer.PrintResult;

/**
 * A receipt printer as the kiosk sees it: it prints complete, already rendered ESC/POS jobs and
 * reports its status (the driver polls it in the background). Made by {@link ReceiptPrinters};
 * the simulator's controls are not reachable from here (see {@link ReceiptPrinterSimulation}).
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
}
