package org.zizhu.device.printer.sim;

/** The simulated paper roll. */
public enum PaperState {
    FINE, NEAR_END, END
}
