package org.zizhu.kiosk.devices;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.flow.TerminalDevices;

/**
 * 亮证 through the camera (ffmpeg as the simulated camera, the real QR decoder and parser): while
 * an application asks for a shown e-license, the government app's code is handed over whole; a
 * login code or a business license shown before it is not taken.
 */
class ShownLicenseScanTest {
    static final String SHOWN = "ZZELIC:1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    @TempDir
    Path data;

    /** The watch {@code KioskFlow} gives a scan for 亮证: no logins, one license code. */
    static final class LicenseWatch implements TerminalDevices.LoginCodeWatch {
        volatile boolean wanted = true;
        final List<String> codes = new CopyOnWriteArrayList<>();
        final List<String> tokens = new CopyOnWriteArrayList<>();

        @Override
        public boolean wanted() {
            return wanted;
        }

        @Override
        public boolean accepting() {
            return false;
        }

        @Override
        public void token(String loginToken) {
            tokens.add(loginToken);
        }

        @Override
        public boolean acceptingLicenseCode() {
            return wanted;
        }

        @Override
        public void licenseCode(String payload) {
            codes.add(payload);
        }
    }

    @Test
    void theGovernmentAppsLicenseCodeIsHandedOverAndNothingElse() throws Exception {
        try (DeviceHub hub = DeviceHub.start(TestKiosk.config("http://127.0.0.1:9/api/v1", data)
                .with(ConfigKey.DEVICE_MODE, "simulated").with(ConfigKey.CAMERA_MODE, "simulated")
                .with(ConfigKey.IDCARD_MODE, "off").with(ConfigKey.RECEIPT_MODE, "off").with(ConfigKey.A4_MODE, "off")
                .with(ConfigKey.SMARTCARD_MODE, "off").with(ConfigKey.GPIO_MODE, "off"))) {
            var camera = hub.simulators().camera().orElseThrow();
            LicenseWatch watch = new LicenseWatch();
            TerminalDevices.LoginScan scan = new DeviceEvents(hub).watchForLoginCode(watch, Duration.ofMinutes(2));
            try {
                camera.showQr(DeviceEventsTest.LOGIN_CODE);
                camera.showQr(DeviceEventsTest.E_BUSINESS_LICENSE);
                camera.showQr(SHOWN);
                await().atMost(Duration.ofSeconds(30)).until(() -> !watch.codes.isEmpty());
                assertEquals(List.of(SHOWN), watch.codes, "handed over whole");
                assertEquals(List.of(), watch.tokens, "no login while a license is shown");
            } finally {
                scan.stop();
            }
        }
    }
}
