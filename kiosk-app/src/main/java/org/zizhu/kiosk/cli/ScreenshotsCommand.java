package org.zizhu.kiosk.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import org.zizhu.kiosk.KioskRuntime;
import org.zizhu.kiosk.Main;
import org.zizhu.kiosk.config.ConfigException;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.ui.KioskApplication;
import org.zizhu.kiosk.ui.ScreenshotTourLauncher;
import org.zizhu.tools.ToolCommand;

/**
 * {@code diag screenshots --out DIR [--faults URL] [--config FILE]}: opens the kiosk window on
 * the current display, walks its screens and writes PNGs (scripts/screenshots runs it under Xvfb).
 */
public final class ScreenshotsCommand extends ConfiguredCommand {
    @Override
    public Kind kind() {
        return Kind.DIAG;
    }

    @Override
    public String name() {
        return "screenshots";
    }

    @Override
    public String summary() {
        return "open the kiosk window and save PNGs of its main screens (--out DIR)";
    }

    @Override
    public String usage() {
        return "--out DIR [--faults URL] [--config FILE]";
    }

    @Override
    protected int run(KioskConfig config, List<String> rest, PrintStream out, PrintStream err) throws Exception {
        Path outDir = null;
        String faults = null;
        for (int i = 0; i < rest.size(); i++) {
            switch (rest.get(i)) {
                case "--out" -> outDir = Path.of(rest.get(++i));
                case "--faults" -> faults = rest.get(++i);
                default -> {
                    err.println("usage: diag screenshots --out DIR [--faults URL] [--config FILE]");
                    return 2;
                }
            }
        }
        if (outDir == null) {
            err.println("usage: diag screenshots --out DIR [--faults URL] [--config FILE]");
            return 2;
        }
        try (KioskRuntime rt = KioskRuntime.open(config);
             org.zizhu.kiosk.devices.DeviceHub hub = org.zizhu.kiosk.devices.DeviceHub.start(config)) {
            hub.trackers().forEach(rt::addDevice);
            var printing = new org.zizhu.kiosk.printing.PrintService(hub.receiptPrinter().orElse(null), hub.a4Printer().orElse(null));
            var ports = new org.zizhu.kiosk.transaction.CentralServicePorts(rt.services(), hub, printing);
            KioskApplication.prepare(rt, hub, ports, printing);
            ScreenshotTourLauncher launcher = new ScreenshotTourLauncher(rt, hub, outDir, faults);
            KioskApplication.afterStart(launcher);
            Application.launch(KioskApplication.class);
            out.println(launcher.written().size() + " screenshots in " + outDir);
            return launcher.written().size() >= 5 ? 0 : 1;
        }
    }
}
