package org.zizhu.kiosk;

import javafx.application.Application;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.ui.KioskApplication;

/** Starts logging, the runtime and the JavaFX application for {@code kiosk run}. */
public final class KioskLauncher {
    private KioskLauncher() {
    }

    public static void launch(KioskConfig config) throws Exception {
        // Logback reads these when the first logger is created, so they are set first.
        System.setProperty("zizhu.log.dir", config.dataDir().resolve("logs").toAbsolutePath().toString());
        System.setProperty("zizhu.log.level", config.get(ConfigKey.LOG_LEVEL));
        EventLog.event(EventId.CONFIG_LOADED, Outcome.SUCCESS, "source", config.source());
        KioskRuntime runtime = KioskRuntime.open(config);
        EventLog.event(EventId.APP_STARTED, Outcome.SUCCESS, "version", KioskRuntime.VERSION,
                "catalogVersion", String.valueOf(runtime.catalog().version()), "items", runtime.catalog().size());
        runtime.startBackground();
        KioskApplication.prepare(runtime);
        Application.launch(KioskApplication.class);
        runtime.close();
        EventLog.event(EventId.APP_STOPPED, Outcome.SUCCESS);
    }
}
