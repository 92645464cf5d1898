package org.zizhu.kiosk.commission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.seed.SeedData;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.LinkState;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.flow.CommissioningPorts;
import org.zizhu.kiosk.flow.CommissioningSteps;

/**
 * The enrolment QR code central-sim makes, shown to the simulated camera (ffmpeg), read by the
 * wizard's scan: handed over once while held up, and the scan ends by its limit. Needs ffmpeg.
 */
class EnrolmentQrScanTest {
    @TempDir
    Path data;

    @Test
    void theCameraReadsTheEnrolmentCodeCentralSimMakes() throws Exception {
        KioskConfig config = TestKiosk.config("http://127.0.0.1:9/api/v1", data);
        for (ConfigKey k : List.of(ConfigKey.IDCARD_MODE, ConfigKey.RECEIPT_MODE, ConfigKey.A4_MODE, ConfigKey.SMARTCARD_MODE,
                ConfigKey.GPIO_MODE)) {
            config = config.with(k, "off");
        }
        String payload = new SeedData.EnrolmentCode("WXYZ-2345-6789", null, false).qrPayload();
        try (DeviceHub hub = DeviceHub.start(config)) {
            hub.simulators().camera().orElseThrow().showQr(payload);
            CentralClient client = new CentralClient(URI.create("http://127.0.0.1:9/api/v1"), "T-TEST-1", Duration.ofMillis(300),
                    Duration.ofSeconds(1), new LinkState());
            HubCommissioning ports = new HubCommissioning(config, hub, null, client, code -> {
                throw new IllegalStateException("not used");
            }, "0.1.0", DevicePaths.system(), Clock.systemUTC());
            List<String> seen = new CopyOnWriteArrayList<>();
            CountDownLatch read = new CountDownLatch(1);
            CountDownLatch ended = new CountDownLatch(1);
            CommissioningPorts.Scan scan = ports.scanEnrolmentCode(p -> {
                seen.add(p);
                read.countDown();
            }, ended::countDown, Duration.ofSeconds(6));
            assertTrue(read.await(20, TimeUnit.SECONDS), "the code is read");
            assertTrue(ended.await(20, TimeUnit.SECONDS), "the scan ends at its limit");
            scan.stop();
            assertEquals(List.of(payload), seen, "handed over once while it is held up");
            assertEquals("WXYZ-2345-6789", CommissioningSteps.codeOf(seen.get(0)));
        }
    }
}
