package org.zizhu.kiosk.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.zizhu.kiosk.Main;
import org.zizhu.kiosk.config.ConfigException;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.tools.ToolCommand;

/**
 * A technician command that works on the kiosk's configuration: reads {@code --config FILE}
 * (the embedded defaults without it), answers a configuration error with a message and exit
 * code 2, and hands the remaining arguments on.
 */
public abstract class ConfiguredCommand implements ToolCommand {
    @Override
    public final int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        List<String> rest = new ArrayList<>();
        KioskConfig config;
        try {
            config = Main.loadConfig(args, rest);
        } catch (ConfigException e) {
            err.println(kind().name().toLowerCase(Locale.ROOT) + " " + name() + ": configuration error: " + e.getMessage());
            return 2;
        }
        return run(config, rest, out, err);
    }

    /** Runs with the loaded configuration; {@code rest} (mutable) holds the other arguments. */
    protected abstract int run(KioskConfig config, List<String> rest, PrintStream out, PrintStream err) throws Exception;
}
