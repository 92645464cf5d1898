package org.zizhu.kiosk.cli;

import java.nio.file.Path;
import org.zizhu.kiosk.config.ConfigException;
import org.zizhu.kiosk.config.KioskConfig;
import picocli.CommandLine.Option;

/**
 * {@code [--config FILE]} of the diag commands that read the kiosk's configuration: their
 * options classes extend this one, and {@link #load()} gives the configuration (the embedded
 * defaults without the option).
 */
public class ConfigFileOption {
    @Option(names = "--config", paramLabel = "FILE")
    private Path file;

    public KioskConfig load() throws ConfigException {
        return file == null ? KioskConfig.defaults() : KioskConfig.load(file);
    }
}
