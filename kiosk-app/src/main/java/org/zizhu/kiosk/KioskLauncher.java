package org.zizhu.kiosk;

import javafx.application.Application;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.devices.DemoConsole;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.ops.MetricsServer;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.transaction.CentralServicePorts;
import org.zizhu.kiosk.ui.KioskApplication;

/** Starts logging, the runtime and the JavaFX application for {@code kiosk run}. */
public final class KioskLauncher {
    private KioskLauncher() {
    }

    /** Metrics are for operators; a port clash must not keep residents from the kiosk. */
    private static MetricsServer startMetrics(KioskRuntime runtime) {
        int port = runtime.config().getInt(ConfigKey.METRICS_PORT);
        if (port == 0) {
            return null;
        }
        try {
            return new MetricsServer(runtime, runtime.config().get(ConfigKey.METRICS_HOST), port);
        } catch (java.io.IOException | RuntimeException e) {
            EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "metrics", "error", e.toString());
            return null;
        }
    }

    public static void launch(KioskConfig config, boolean demoConsole) throws Exception {
        // Logback reads these when the first logger is created, so they are set first.
        System.setProperty("zizhu.log.dir", config.dataDir().resolve("logs").toAbsolutePath().toString());
        System.setProperty("zizhu.log.level", config.get(ConfigKey.LOG_LEVEL));
        EventLog.event(EventId.CONFIG_LOADED, Outcome.SUCCESS, "source", config.source());
        KioskRuntime runtime = KioskRuntime.open(config);
        EventLog.event(EventId.APP_STARTED, Outcome.SUCCESS, "version", KioskRuntime.VERSION,
                "catalogVersion", String.valueOf(runtime.catalog().version()), "items", runtime.catalog().size());
        DeviceHub hub = DeviceHub.start(config);
        hub.trackers().forEach(runtime::addDevice);
        if (demoConsole) {
            DemoConsole.startInBackground(hub, config.dataDir().resolve("devices"));
        }
        runtime.startBackground();
        MetricsServer metrics = startMetrics(runtime);
        PrintService printing = new PrintService(hub.receiptPrinter().orElse(null), hub.a4Printer().orElse(null));
        CentralServicePorts ports = new CentralServicePorts(runtime.services(), hub, printing);
        KioskApplication.prepare(runtime, hub, ports, printing);
        Application.launch(KioskApplication.class);
        if (metrics != null) {
            metrics.close();
        }
        hub.close();
        runtime.close();
        EventLog.event(EventId.APP_STOPPED, Outcome.SUCCESS);
    }
}
