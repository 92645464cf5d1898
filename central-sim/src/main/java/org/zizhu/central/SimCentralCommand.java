package org.zizhu.central;

import java.io.PrintStream;
import java.util.List;
import org.zizhu.tools.ToolCommand;

/** {@code scripts/kiosk sim central [--port N] ...}: runs the reference central platform. */
public final class SimCentralCommand implements ToolCommand {
    @Override
    public Kind kind() {
        return Kind.SIM;
    }

    @Override
    public String name() {
        return "central";
    }

    @Override
    public String summary() {
        return "run the reference central platform (central-sim) on loopback";
    }

    @Override
    public String usage() {
        return "[--host 127.0.0.1] [--port 8480] [--https-port 8443] [--state-dir var/central-sim] [--catalog-dir DIR] [--seed-dir DIR] [--public-url URL] [--lenient] [--no-plain-http]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        try {
            return Main.run(args);
        } catch (IllegalArgumentException e) {
            err.println("central-sim: " + e.getMessage());
            return 2;
        }
    }
}
