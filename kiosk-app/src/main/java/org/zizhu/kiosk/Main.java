package org.zizhu.kiosk;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.zizhu.kiosk.config.ConfigException;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.config.ProductionGuard;
import org.zizhu.tools.ToolCommand;

/**
 * The one entry point behind {@code scripts/kiosk}: {@code run} starts the kiosk, {@code diag
 * NAME} and {@code sim NAME} run technician commands found through {@link ServiceLoader}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(List.of(args), System.out, System.err);
        } catch (Exception e) {
            System.err.println("zizhu: " + e);
            code = 1;
        }
        // Exit explicitly: after the window closes, library threads must not keep the JVM alive
        // (the service manager restarts the kiosk when it exits).
        System.exit(code);
    }

    /** The launcher without the JVM exit (tests run commands through it). */
    public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty() || args.get(0).equals("-h") || args.get(0).equals("--help") || args.get(0).equals("help")) {
            usage(out);
            return args.isEmpty() ? 2 : 0;
        }
        String verb = args.get(0);
        List<String> rest = args.subList(1, args.size());
        switch (verb) {
            case "run":
                return runKiosk(rest, err);
            case "diag":
            case "sim":
            case "update":
                if (rest.isEmpty()) {
                    usage(err);
                    return 2;
                }
                ToolCommand.Kind kind = switch (verb) {
                    case "diag" -> ToolCommand.Kind.DIAG;
                    case "sim" -> ToolCommand.Kind.SIM;
                    default -> ToolCommand.Kind.UPDATE;
                };
                for (ToolCommand c : ServiceLoader.load(ToolCommand.class)) {
                    if (c.kind() == kind && c.name().equals(rest.get(0))) {
                        return runTool(verb, c, rest.subList(1, rest.size()), out, err);
                    }
                }
                err.println("zizhu: no " + verb + " command named '" + rest.get(0) + "'");
                usage(err);
                return 2;
            default:
                err.println("zizhu: unknown command '" + verb + "'");
                usage(err);
                return 2;
        }
    }

    /**
     * Runs one technician command. {@code --help} or {@code -h} anywhere prints its usage on
     * stdout (exit 0) without running it; a usage error (exit 2) is followed by the usage.
     */
    static int runTool(String verb, ToolCommand c, List<String> args, PrintStream out, PrintStream err) throws Exception {
        String usage = "usage: kiosk " + verb + " " + c.name() + " " + c.usage().replaceFirst("^usage:\\s*(diag|sim|update)\\s+" + c.name() + "\\s*", "");
        if (args.contains("--help") || args.contains("-h")) {
            out.println(usage);
            out.println("  " + c.summary());
            return 0;
        }
        int code = c.run(args, out, err);
        if (code == 2) {
            err.println(usage);
        }
        return code;
    }

    /**
     * Parses {@code --config FILE} for {@code kiosk run}; no file means the embedded defaults.
     * By hand on purpose, unlike every diag and sim command (ToolArgs, picocli): this is the
     * kiosk's start path, timed to the first frame in BENCHMARKS.md, and picocli's start-up
     * (some 150 classes and its converter registry: 0.35-0.55 s measured on a busy 2-core
     * machine) would all come before the window, for two options.
     */
    private static KioskConfig loadConfig(List<String> args, List<String> remaining) throws ConfigException {
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--config")) {
                if (i + 1 >= args.size()) {
                    throw new ConfigException("--config needs a file name");
                }
                file = Path.of(args.get(++i));
            } else {
                remaining.add(args.get(i));
            }
        }
        if (file == null) {
            return KioskConfig.defaults();
        }
        KioskConfig.ForRun loaded = KioskConfig.loadForRun(file);
        loaded.bindingsSetAside().ifPresent(why -> {
            System.err.println("zizhu: the commissioned device bindings did not load and were set aside as "
                    + KioskConfig.REJECTED_COMMISSIONED_FILE + "; starting without them (bind the devices again with the commissioning wizard): " + why);
            org.zizhu.events.EventLog.event(org.zizhu.events.EventId.COMMISSIONING_BINDINGS_SET_ASIDE,
                    org.zizhu.events.Outcome.FAILURE, "reason", why);
        });
        return loaded.config();
    }

    private static int runKiosk(List<String> args, PrintStream err) throws Exception {
        KioskConfig config;
        List<String> rest = new ArrayList<>();
        try {
            config = loadConfig(args, rest);
            // Before anything starts: a real-hardware kiosk with demo secrets or simulated security devices must not run at all.
            ProductionGuard.enforce(config);
        } catch (ConfigException e) {
            err.println("zizhu: configuration error: " + e.getMessage());
            return 2;
        }
        boolean demoConsole = rest.remove("--demo-console");
        if (!rest.isEmpty()) {
            err.println("zizhu: unknown arguments " + rest);
            usage(err);
            return 2;
        }
        return KioskLauncher.launch(config, demoConsole);
    }

    private static void usage(PrintStream out) {
        out.println("usage: kiosk run [--config FILE] [--demo-console]");
        out.println("       kiosk diag NAME [args]    technician diagnostics");
        out.println("       kiosk sim NAME [args]     simulators");
        out.println("       kiosk update NAME [args]  signed updates (install, guard, status; keygen, sign for the vendor)");
        for (ToolCommand.Kind k : ToolCommand.Kind.values()) {
            for (ToolCommand c : ServiceLoader.load(ToolCommand.class)) {
                if (c.kind() == k) {
                    out.printf("  %-5s %-10s %s%n", k.name().toLowerCase(java.util.Locale.ROOT), c.name(), c.summary());
                }
            }
        }
    }
}
