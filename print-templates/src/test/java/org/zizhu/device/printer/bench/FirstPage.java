package org.zizhu.device.printer.bench;

import java.lang.management.ManagementFactory;
import org.zizhu.print.PrintTemplates;
import org.zizhu.print.SampleDocuments;
import org.zizhu.print.a4.A4PdfRenderer;

/**
 * First A4 page after start, in a fresh JVM: font parse, template parse, first render (cold
 * code). Prints the time from main() and the JVM uptime when the PDF bytes exist. Run it
 * several times (each a new JVM); see bench/printing.md.
 */
public final class FirstPage {
    private FirstPage() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--warm-up-at-start")) {
            // What the application does at boot (in the background): build the renderer, warm it up.
            long b0 = System.nanoTime();
            A4PdfRenderer renderer = new A4PdfRenderer();
            PrintTemplates templates = PrintTemplates.builtIn();
            templates.preload(PrintTemplates.BUILT_IN);
            renderer.warmUp();
            long b1 = System.nanoTime();
            byte[] pdf = renderer.render(templates.fill(SampleDocuments.acceptanceReceipt()));
            long b2 = System.nanoTime();
            System.out.printf("boot warm-up %d ms; then first resident A4 page: %d ms, %d bytes%n",
                    (b1 - b0) / 1_000_000, (b2 - b1) / 1_000_000, pdf.length);
            return;
        }
        long t0 = System.nanoTime();
        A4PdfRenderer renderer = new A4PdfRenderer();
        long font = System.nanoTime();
        byte[] pdf = renderer.render(PrintTemplates.builtIn().fill(SampleDocuments.acceptanceReceipt()));
        long done = System.nanoTime();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.printf("first A4 page: %d ms from main (renderer constructor %d ms, font parse in background; template+render %d ms), JVM uptime %d ms, %d bytes%n",
                (done - t0) / 1_000_000, (font - t0) / 1_000_000, (done - font) / 1_000_000, uptime, pdf.length);
    }
}
