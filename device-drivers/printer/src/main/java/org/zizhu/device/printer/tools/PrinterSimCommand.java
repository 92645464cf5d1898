package org.zizhu.device.printer.tools;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.zizhu.device.printer.sim.EscPosSimulator;
import org.zizhu.device.printer.sim.PaperState;
import org.zizhu.print.receipt.ReceiptPaper;
import org.zizhu.tools.ToolCommand;

/**
 * {@code sim printer [--port 9100 | --serial PATH] [--paper 80|58] [--out DIR]
 * [--paper-state fine|near-end|end] [--exit-after N]}: runs the ESC/POS simulator and saves
 * each receipt as {@code DIR/receipt-NNNN.png}; one JSON line per event on stdout.
 */
public final class PrinterSimCommand implements ToolCommand {
    private static final Set<String> KEYS = Set.of("port", "serial", "paper", "out", "paper-state", "exit-after");

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
    public String usage() {
        return "[--port 9100|--serial PATH] [--paper 80|58] [--out DIR] [--paper-state fine|near-end|end] [--exit-after N]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a;
        ReceiptPaper paper;
        PaperState state;
        int port;
        int exitAfter;
        try {
            a = Args.parse(args, KEYS);
            paper = ReceiptPaper.parse(a.get("paper", "80"));
            state = PaperState.valueOf(a.get("paper-state", "fine").toUpperCase(Locale.ROOT).replace('-', '_'));
            port = Integer.parseInt(a.get("port", "9100"));
            exitAfter = Integer.parseInt(a.get("exit-after", "0"));
        } catch (IllegalArgumentException e) {
            err.println("sim printer: " + e.getMessage());
            err.println("usage: sim printer [--port 9100|--serial PATH] [--paper 80|58] [--out DIR] [--paper-state fine|near-end|end] [--exit-after N]");
            return 2;
        }
        Path dir = Path.of(a.get("out", "var/printer-sim"));
        Files.createDirectories(dir);
        AtomicInteger count = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(Math.max(1, exitAfter));
        try (EscPosSimulator sim = a.has("serial") ? EscPosSimulator.startSerial(a.get("serial", ""), paper.dots())
                : EscPosSimulator.startTcp(port, paper.dots())) {
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
                    a.has("serial") ? "serial:" + a.get("serial", "") : "tcp://127.0.0.1:" + sim.port(), paper.name(), dir);
            out.flush();
            if (exitAfter > 0) {
                done.await();
                if (!a.has("serial")) {
                    sim.awaitDisconnected(java.time.Duration.ofSeconds(3));
                }
            } else {
                new CountDownLatch(1).await(); // until the process is stopped
            }
        }
        return 0;
    }
}
