package org.zizhu.kiosk.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.zizhu.kiosk.Main;
import org.zizhu.kiosk.config.ConfigException;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.tools.ToolCommand;

/** {@code diag config [--config FILE]}: validates a configuration file and prints every effective value. */
public final class DiagConfigCommand implements ToolCommand {
    @Override
    public Kind kind() {
        return Kind.DIAG;
    }

    @Override
    public String name() {
        return "config";
    }

    @Override
    public String summary() {
        return "validate a configuration file and print the effective values";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        KioskConfig c;
        try {
            c = Main.loadConfig(args, new ArrayList<>());
        } catch (ConfigException e) {
            err.println("diag config: " + e.getMessage());
            return 1;
        }
        out.println("# effective configuration from " + c.source());
        for (ConfigKey k : ConfigKey.values()) {
            out.println(k.key() + "=" + c.get(k));
        }
        return 0;
    }
}
