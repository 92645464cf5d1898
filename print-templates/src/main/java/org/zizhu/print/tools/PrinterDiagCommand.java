package org.zizhu.print.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.printer.PrintResult;
import org.zizhu.device.printer.escpos.ReceiptPaper;
import org.zizhu.device.printer.escpos.ReceiptPrinter;
import org.zizhu.device.printer.escpos.ReceiptPrinterConfig;
import org.zizhu.device.printer.ipp.A4Printer;
import org.zizhu.device.printer.ipp.A4PrinterConfig;
import org.zizhu.print.PrintDocument;
import org.zizhu.print.PrintTemplates;
import org.zizhu.print.TestPageData;
import org.zizhu.print.a4.A4PdfRenderer;
import org.zizhu.print.escpos.ReceiptEncoder;
import org.zizhu.print.receipt.ReceiptLayout;
import org.zizhu.tools.OptionsCommand;
import org.zizhu.tools.UsageException;
import picocli.CommandLine.Option;

/**
 * {@code diag printer --receipt tcp://HOST:PORT|serial:PATH|usb:/dev/usb/lp0 [--paper 80|58]
 * [--a4 QUEUE] [--cups http://localhost:631] [--print yes|no] [--terminal ID]}: prints the
 * technician test page on each printer given and reports status as JSON.
 */
public final class PrinterDiagCommand extends OptionsCommand<PrinterDiagCommand.Options> {
    @Override
    public Kind kind() {
        return Kind.DIAG;
    }

    @Override
    public String name() {
        return "printer";
    }

    @Override
    public String summary() {
        return "print the test page on the receipt printer (--receipt ENDPOINT) and/or A4 queue (--a4 QUEUE); status as JSON";
    }

    @Override
    protected Options options() {
        return new Options();
    }

    static final class Options {
        @Option(names = "--receipt", paramLabel = "tcp://HOST:PORT|serial:PATH|usb:/dev/usb/lp0") String receipt;
        @Option(names = "--paper", paramLabel = "80|58") String paper = "80";
        @Option(names = "--a4", paramLabel = "QUEUE") String a4;
        @Option(names = "--cups", paramLabel = "URL") String cups;
        @Option(names = "--print", paramLabel = "yes|no") String print = "yes";
        /** The terminal id the test page shows; the kiosk's own when the launcher was given it. */
        @Option(names = "--terminal", paramLabel = "ID") String terminal = System.getProperty("zizhu.terminal.id", "unknown");
    }

    @Override
    protected int run(Options o, PrintStream out, PrintStream err) throws Exception {
        ReceiptPaper paper;
        try {
            paper = ReceiptPaper.parse(o.paper);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e);
        }
        if (o.receipt == null && o.a4 == null) {
            throw new UsageException("give --receipt ENDPOINT and/or --a4 QUEUE");
        }
        boolean print = !"no".equals(o.print);
        ObjectMapper json = new ObjectMapper();
        ObjectNode report = json.createObjectNode();
        boolean ok = true;
        PrintTemplates templates = PrintTemplates.builtIn();

        if (o.receipt != null) {
            ObjectNode r = report.putObject("receipt");
            r.put("endpoint", o.receipt);
            r.put("paper", paper.name());
            try (ReceiptPrinter p = ReceiptPrinter.open(ReceiptPrinterConfig.builder().endpoint(o.receipt)
                    .paper(paper).pollInterval(Duration.ZERO).build())) {
                DeviceStatus s = p.refreshStatus();
                r.put("status", s.name());
                r.put("detail", p.tracker().detail());
                if (print && s.usable()) {
                    PrintDocument doc = templates.fill(new TestPageData(o.terminal, version(), "receipt", LocalDateTime.now()));
                    PrintResult res = p.print(ReceiptEncoder.encode(ReceiptLayout.layout(doc, paper)));
                    result(r.putObject("print"), res);
                    r.put("status", p.tracker().status().name());
                    r.put("detail", p.tracker().detail());
                    ok &= res.ok();
                } else {
                    ok &= s.usable();
                }
            } catch (IllegalArgumentException e) {
                r.put("status", "BAD_CONFIG");
                r.put("detail", e.getMessage());
                ok = false;
            }
        }
        if (o.a4 != null) {
            ObjectNode r = report.putObject("a4");
            String queue = o.a4;
            r.put("queue", queue);
            try {
                A4PrinterConfig.Builder cfg = A4PrinterConfig.builder().queue(queue).jobTimeout(Duration.ofSeconds(60));
                if (o.cups != null) {
                    cfg.cups(URI.create(o.cups));
                }
                A4Printer p = A4Printer.open(cfg.build());
                DeviceStatus s = p.refreshStatus();
                r.put("status", s.name());
                r.put("detail", p.tracker().detail());
                if (print && s.usable()) {
                    byte[] pdf = new A4PdfRenderer().render(templates.fill(
                            new TestPageData(o.terminal, version(), queue, LocalDateTime.now())));
                    PrintResult res = p.print(pdf, "zizhu-test-page");
                    result(r.putObject("print"), res);
                    r.put("status", p.tracker().status().name());
                    r.put("detail", p.tracker().detail());
                    ok &= res.ok();
                    // Known only once a job has ended. A warning, not a failure: the driver purges
                    // every job, but the terminal's cupsd.conf should not keep documents at all.
                    p.spoolKeepsDocuments().ifPresent(keeps -> {
                        r.put("cupsKeepsDocuments", keeps);
                        if (keeps) {
                            r.putArray("warnings").add("CUPS keeps the documents of finished jobs in its spool"
                                    + " (cupsd.conf PreserveJobFiles): set PreserveJobFiles No, see docs/printing.md");
                        }
                    });
                } else {
                    ok &= s.usable();
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                r.put("status", "BAD_CONFIG");
                r.put("detail", e.getMessage());
                ok = false;
            }
        }
        report.put("ok", ok);
        out.println(json.writeValueAsString(report));
        return ok ? 0 : 1;
    }

    private static void result(ObjectNode n, PrintResult r) {
        n.put("job", r.jobId());
        n.put("state", r.state().name());
        n.put("detail", r.detail());
        n.put("bytes", r.bytesSent());
        n.put("ms", r.took().toMillis());
    }

    private static String version() {
        String v = PrinterDiagCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
