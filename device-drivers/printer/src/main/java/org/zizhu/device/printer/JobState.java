package org.zizhu.device.printer;

/** Where a print job is, for both printers. */
public enum JobState {
    QUEUED, PRINTING, COMPLETED, FAILED;

    public boolean done() {
        return this == COMPLETED || this == FAILED;
    }
}
