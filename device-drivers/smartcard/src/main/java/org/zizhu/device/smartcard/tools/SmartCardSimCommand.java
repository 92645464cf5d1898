package org.zizhu.device.smartcard.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.zizhu.device.smartcard.sim.DemoCards;
import org.zizhu.device.smartcard.sim.VirtualCardConnection;
import org.zizhu.tools.ToolCommand;

/**
 * {@code scripts/kiosk sim smartcard [--slot N] [KIND]}: puts a virtual card into vpcd reader
 * "Virtual PCD 00 0N" (pcscd must be running: scripts/stacks/pcscd.sh start). KIND is one of
 * technician, operator, blocked, forged, sscard, garbage. Then reads commands from stdin:
 * {@code insert KIND}, {@code remove}, {@code status}, {@code quit}. At end of stdin the card
 * stays in until the process is stopped (so it can run in the background).
 * Prints one JSON line per change on stdout. Exit 1 if vpcd is not listening, 2 bad usage.
 */
public final class SmartCardSimCommand implements ToolCommand {
    private static final String USAGE = "usage: sim smartcard [--slot N] [technician|operator|blocked|forged|sscard|garbage]"
            + "  (stdin: insert KIND | remove | status | quit)";

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
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        int slot = 0;
        DemoCards.Kind first = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--slot")) {
                if (++i >= args.size()) {
                    return usage(err, "--slot needs 0 or 1");
                }
                try {
                    slot = Integer.parseInt(args.get(i));
                } catch (NumberFormatException e) {
                    slot = -1;
                }
                if (slot < 0 || slot > 1) {
                    return usage(err, "--slot must be 0 or 1");
                }
            } else if (a.equals("-h") || a.equals("--help")) {
                err.println(USAGE);
                return 0;
            } else if (first == null) {
                first = kind(a);
                if (first == null) {
                    return usage(err, "unknown card kind: " + a);
                }
            } else {
                return usage(err, "unexpected argument: " + a);
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
                                err.println("insert what? " + USAGE);
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
                        default -> err.println("unknown command: " + w[0] + "  " + USAGE);
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

    private static int usage(PrintStream err, String message) {
        err.println(message);
        err.println(USAGE);
        return 2;
    }
}
