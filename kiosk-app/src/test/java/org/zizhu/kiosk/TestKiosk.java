package org.zizhu.kiosk;

import java.nio.file.Path;
import java.util.Properties;
import org.zizhu.kiosk.config.ConfigException;
import org.zizhu.kiosk.config.KioskConfig;

/** Test configurations: a kiosk pointed at a loopback centre with its data in a temp dir. */
public final class TestKiosk {
    private TestKiosk() {
    }

    public static KioskConfig config(String centralUrl, Path dataDir) throws ConfigException {
        Properties p = new Properties();
        p.setProperty("central.url", centralUrl);
        p.setProperty("data.dir", dataDir.toString());
        p.setProperty("terminal.id", "T-TEST-1");
        p.setProperty("central.connectTimeoutMs", "500");
        p.setProperty("central.requestTimeoutMs", "2000");
        p.setProperty("ui.fullscreen", "false");
        p.setProperty("ui.width", "1280");
        p.setProperty("ui.height", "800");
        return KioskConfig.from(p, "test");
    }
}
