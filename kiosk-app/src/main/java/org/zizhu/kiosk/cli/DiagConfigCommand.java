package org.zizhu.kiosk.cli;

import java.io.PrintStream;
import java.util.List;
import org.zizhu.kiosk.config.ConfigException;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.config.ProductionGuard;
import org.zizhu.tools.OptionsCommand;

/**
 * {@code diag config [--config FILE]}: validates a configuration file, prints every effective
 * value and, for {@code device.mode=real}, what the {@link ProductionGuard} would refuse at start
 * (exit code 1 if anything).
 */
public final class DiagConfigCommand extends OptionsCommand<ConfigFileOption> {
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
        return "validate a configuration file, print the effective values and the production checks";
    }

    @Override
    protected ConfigFileOption options() {
        return new ConfigFileOption();
    }

    @Override
    protected int run(ConfigFileOption options, PrintStream out, PrintStream err) {
        KioskConfig c;
        try {
            c = options.load();
        } catch (ConfigException e) {
            // Unlike the other commands, an invalid file is what this one checks for: it failed the check.
            err.println("diag config: " + e.getMessage());
            return 1;
        }
        out.println("# effective configuration from " + c.source());
        java.nio.file.Path rejected = c.dataDir().resolve(org.zizhu.kiosk.config.KioskConfig.REJECTED_COMMISSIONED_FILE);
        if (java.nio.file.Files.exists(rejected)) {
            out.println("# note: " + rejected + " holds device bindings the kiosk set aside at start because they did not load;"
                    + " bind the devices again with the commissioning wizard, then delete it");
        }
        for (ConfigKey k : ConfigKey.values()) {
            out.println(k.key() + "=" + c.get(k));
        }
        if (!c.get(ConfigKey.DEVICE_MODE).equals("real")) {
            out.println("# production checks: not applied (device.mode=" + c.get(ConfigKey.DEVICE_MODE) + ")");
            return 0;
        }
        List<ProductionGuard.Violation> violations = ProductionGuard.check(c);
        if (violations.isEmpty()) {
            out.println("# production checks: passed");
            return 0;
        }
        out.println("# production checks: " + violations.size() + " problem(s); the kiosk refuses to start with this file");
        for (ProductionGuard.Violation v : violations) {
            err.println("diag config: " + v.message());
        }
        return 1;
    }
}
