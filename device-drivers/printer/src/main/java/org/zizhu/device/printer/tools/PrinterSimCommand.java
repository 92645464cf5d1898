package org.zizhu.device.printer.tools;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.zizhu.device.printer.escpos.ReceiptPaper;
import org.zizhu.device.printer.sim.EscPosSimulator;
import org.zizhu.device.printer.sim.PaperState;
import org.zizhu.tools.OptionsCommand;
import org.zizhu.tools.UsageException;
import picocli.CommandLine.Option;

/**
 * {@code sim printer [--port 9100 | --serial PATH] [--paper 80|58] [--out DIR]
 * [--paper-state fine|near-end|end] [--exit-after N]}: runs the ESC/POS simulator and saves
 * each receipt as {@code DIR/receipt-NNNN.png}; one JSON line per event on stdout.
 */
public final class PrinterSimCommand extends OptionsCommand<PrinterSimCommand.Options> {
    @Override
    public Kind kind() {
        return Kind.SIM;
    }

    @Override
    public String name() {
        return "printer";
    }

    @Override
    public String summary() {
        return "ESC/POS receipt printer simulator on a TCP port (or serial pty), saving each receipt as PNG";
    }

    @Override
    protected Options options() {
        return new Options();
    }

    static final class Options {
        @Option(names = "--port", paramLabel = "9100") int port = 9100;
        @Option(names = "--serial", paramLabel = "PATH") String serial;
        @Option(names = "--paper", paramLabel = "80|58") String paper = "80";
        @Option(names = "--out", paramLabel = "DIR") Path out = Path.of("var/printer-sim");
        @Option(names = "--paper-state", paramLabel = "fine|near-end|end") String paperState = "fine";
        @Option(names = "--exit-after", paramLabel = "N") int exitAfter;
    }

    @Override
    protected int run(Options o, PrintStream out, PrintStream err) throws Exception {
        ReceiptPaper paper;
        PaperState state;
        try {
            paper = ReceiptPaper.parse(o.paper);
            state = PaperState.valueOf(o.paperState.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e);
        }
        int exitAfter = o.exitAfter;
        Path dir = o.out;
        Files.createDirectories(dir);
        AtomicInteger count = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(Math.max(1, exitAfter));
        try (EscPosSimulator sim = o.serial != null ? EscPosSimulator.startSerial(o.serial, paper.dots())
                : EscPosSimulator.startTcp(o.port, paper.dots())) {
            sim.setPaper(state);
            sim.onReceipt(r -> {
                int n = count.incrementAndGet();
                Path png = dir.resolve(String.format("receipt-%04d.png", n));
                try {
                    Files.write(png, r.png());
                    synchronized (out) {
                        out.printf("{\"receipt\":%d,\"png\":\"%s\",\"lines\":%d,\"qr\":%d,\"cut\":%b,\"paperOut\":%b}%n",
                                n, png.toString().replace("\\", "/").replace("\"", "'"), r.lines().size(),
                                r.qrCodes().size(), r.cut(), r.paperOut());
                        out.flush();
                    }
                } catch (java.io.IOException e) {
                    err.println("sim printer: cannot save " + png + ": " + e.getMessage());
                }
                done.countDown();
            });
            out.printf("{\"listening\":\"%s\",\"paper\":\"%s\",\"out\":\"%s\"}%n",
                    o.serial != null ? "serial:" + o.serial : "tcp://127.0.0.1:" + sim.port(), paper.name(), dir);
            out.flush();
            if (exitAfter > 0) {
                done.await();
                if (o.serial == null) {
                    sim.awaitDisconnected(java.time.Duration.ofSeconds(3));
                }
            } else {
                new CountDownLatch(1).await(); // until the process is stopped
            }
        }
        return 0;
    }
}
