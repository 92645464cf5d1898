package org.zizhu.kiosk.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.zizhu.kiosk.config.ConfigException;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.tools.OptionsCommand;

/**
 * A technician command that works on the kiosk's configuration: its options take
 * {@code --config FILE} (the embedded defaults without it), a configuration error is answered
 * with a message and exit code 2, and the command runs with the loaded configuration.
 *
 * @param <O> the command's options, {@code --config} included by extending {@link ConfigFileOption}
 */
public abstract class ConfiguredCommand<O extends ConfigFileOption> extends OptionsCommand<O> {
    @Override
    protected final int run(O options, PrintStream out, PrintStream err) throws Exception {
        KioskConfig config;
        try {
            config = options.load();
        } catch (ConfigException e) {
            err.println(kind().name().toLowerCase(Locale.ROOT) + " " + name() + ": configuration error: " + e.getMessage());
            return 2;
        }
        return run(config, options, out, err);
    }

    /** Runs with the loaded configuration and the parsed options. */
    protected abstract int run(KioskConfig config, O options, PrintStream out, PrintStream err) throws Exception;
}
