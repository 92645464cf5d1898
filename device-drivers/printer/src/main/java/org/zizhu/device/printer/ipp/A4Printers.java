package org.zizhu.device.printer.ipp;

/** Makes A4 printers, one factory method per mode, from one {@link A4PrinterConfig}. */
public final class A4Printers {
    private A4Printers() {
    }

    /** The CUPS queue {@code config.queue()} in front of a real printer. */
    public static A4Printer real(A4PrinterConfig config) {
        return new CupsA4Printer(config);
    }

    /**
     * The simulated A4 printer is ippeveprinter behind the local CUPS (scripts/stacks/cups.sh,
     * an IPP Everywhere printer spooling to a directory), so the kiosk speaks to it exactly as to
     * a real one: there are no simulator controls on the Java side (stop the queue, or the
     * printer, with the CUPS tools).
     */
    public static A4Printer simulated(A4PrinterConfig config) {
        return new CupsA4Printer(config);
    }
}
