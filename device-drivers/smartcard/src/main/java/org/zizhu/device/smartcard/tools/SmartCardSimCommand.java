package org.zizhu.device.smartcard.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.zizhu.device.smartcard.sim.DemoCards;
import org.zizhu.device.smartcard.sim.VirtualCardConnection;
import org.zizhu.tools.OptionsCommand;
import org.zizhu.tools.ToolArgs;
import org.zizhu.tools.UsageException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scripts/kiosk sim smartcard [--slot N] [KIND]}: puts a virtual card into vpcd reader
 * "Virtual PCD 00 0N" (pcscd must be running: scripts/stacks/pcscd.sh start). KIND is one of
 * technician, operator, blocked, forged, sscard, garbage. Then reads commands from stdin:
 * {@code insert KIND}, {@code remove}, {@code status}, {@code quit}. At end of stdin the card
 * stays in until the process is stopped (so it can run in the background).
 * Prints one JSON line per change on stdout. Exit 1 if vpcd is not listening, 2 bad usage.
 */
public final class SmartCardSimCommand extends OptionsCommand<SmartCardSimCommand.Options> {
    private static final String STDIN = "(stdin: insert KIND | remove | status | quit)";

    private final InputStream stdin;
    private final boolean waitAtEof;

    public SmartCardSimCommand() {
        this(System.in, true);
    }

    /** For tests: {@code waitAtEof=false} ends the command at end of input. */
    public SmartCardSimCommand(InputStream stdin, boolean waitAtEof) {
        this.stdin = stdin;
        this.waitAtEof = waitAtEof;
    }

    @Override
    public Kind kind() {
        return Kind.SIM;
    }

    @Override
    public String name() {
        return "smartcard";
    }

    @Override
    public String summary() {
        return "insert a virtual technician/operator/blocked/forged/sscard/garbage card into pcscd's vpcd reader";
    }

    @Override
    protected String usageNote() {
        return STDIN;
    }

    @Override
    protected Options options() {
        return new Options();
    }

    static final class Options {
        @Option(names = "--slot", paramLabel = "0|1") int slot;
        @Parameters(arity = "0..1", paramLabel = "technician|operator|blocked|forged|sscard|garbage") String kind;
    }

    @Override
    protected int run(Options o, PrintStream out, PrintStream err) throws Exception {
        int slot = ToolArgs.inRange("--slot", o.slot, 0, 1);
        DemoCards.Kind first = null;
        if (o.kind != null) {
            first = kind(o.kind);
            if (first == null) {
                throw new UsageException("unknown card kind: " + o.kind);
            }
        }
        String reader = "Virtual PCD 00 0" + slot;
        try (VirtualCardConnection conn = VirtualCardConnection.vpcd(slot)) {
            Thread hook = new Thread(conn::close, "sim-smartcard-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                if (first != null && !insert(conn, first, reader, out, err)) {
                    return 1;
                }
                BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
                String line;
                while ((line = in.readLine()) != null) {
                    String[] w = line.trim().split("\\s+");
                    switch (w[0].toLowerCase(Locale.ROOT)) {
                        case "" -> { }
                        case "insert" -> {
                            DemoCards.Kind k = w.length > 1 ? kind(w[1]) : null;
                            if (k == null) {
                                err.println("insert what? " + usage());
                            } else if (!insert(conn, k, reader, out, err)) {
                                return 1;
                            }
                        }
                        case "remove" -> {
                            conn.remove();
                            out.println("{\"event\":\"removed\",\"reader\":\"" + reader + "\"}");
                        }
                        case "status" -> out.println("{\"event\":\"status\",\"reader\":\"" + reader + "\",\"card\":"
                                + (conn.applet() == null ? "null" : "\"" + conn.applet().kind() + "\"") + "}");
                        case "quit", "exit" -> {
                            return 0;
                        }
                        default -> err.println("unknown command: " + w[0] + "  " + usage());
                    }
                    out.flush();
                }
                if (waitAtEof) {
                    err.println("end of input: the card stays in " + reader + " until this process is stopped");
                    new CountDownLatch(1).await();
                }
                return 0;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException ignored) {
                    // already shutting down
                }
            }
        }
    }

    private static boolean insert(VirtualCardConnection conn, DemoCards.Kind kind, String reader, PrintStream out, PrintStream err) {
        try {
            conn.insert(DemoCards.create(kind));
        } catch (IOException e) {
            err.println(e.getMessage());
            return false;
        }
        boolean pin = kind == DemoCards.Kind.TECHNICIAN || kind == DemoCards.Kind.OPERATOR
                || kind == DemoCards.Kind.BLOCKED || kind == DemoCards.Kind.FORGED;
        out.println("{\"event\":\"inserted\",\"reader\":\"" + reader + "\",\"card\":\"" + kind.name().toLowerCase(Locale.ROOT) + "\""
                + (pin ? ",\"demoPin\":\"" + DemoCards.DEMO_PIN + "\"" : "") + "}");
        out.flush();
        return true;
    }

    private static DemoCards.Kind kind(String s) {
        try {
            return DemoCards.Kind.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
