package org.zizhu.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.device.smartcard.sim.DemoCards;

/**
 * The production guard at the two places operators meet it: {@code kiosk run} refuses to start
 * a real-hardware kiosk left with demo secrets or simulated security devices, and {@code diag
 * config} reports the same and exits non-zero.
 */
class ProductionStartTest {
    /** Every demo leftover at once: the keys each message must name. */
    static final List<String> DEMO_KEYS = List.of("central.caFingerprint", "central.enrolmentCode",
            "device.smartcard.issuerKey", "device.smartcard.mode", "device.gpio.mode");

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        out.reset();
        err.reset();
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path demoLeftInRealMode() throws Exception {
        // data.dir under a regular file: were the kiosk to get past the guard, it would fail at once
        // opening its database instead of starting devices and a window inside the test.
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "");
        return Files.writeString(dir.resolve("kiosk.properties"), String.join("\n",
                "device.mode=real",
                "data.dir=" + blocker.resolve("data"),
                "device.smartcard.mode=simulated",
                "device.gpio.mode=simulated",
                "device.smartcard.issuerKey=" + Base64.getEncoder().encodeToString(DemoCards.demoIssuerKeys().getPublic().getEncoded()),
                ""));
    }

    @Test
    void kioskRunRefusesToStartARealKioskWithDemoLeftovers() throws Exception {
        Path cfg = demoLeftInRealMode();
        assertEquals(2, run("run", "--config", cfg.toString()), err.toString(StandardCharsets.UTF_8));
        String msg = err.toString(StandardCharsets.UTF_8);
        for (String key : DEMO_KEYS) {
            assertTrue(msg.contains(key), key + " named in: " + msg);
        }
    }

    @Test
    void diagConfigReportsTheSameAndExitsNonZero() throws Exception {
        Path cfg = demoLeftInRealMode();
        assertEquals(1, run("diag", "config", "--config", cfg.toString()));
        String msg = err.toString(StandardCharsets.UTF_8);
        for (String key : DEMO_KEYS) {
            assertTrue(msg.contains(key), key + " named in: " + msg);
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("device.mode=real"), "the effective values are still printed");

        // The demo configuration (simulated devices) is not a production kiosk: not checked.
        assertEquals(0, run("diag", "config", "--config", Path.of(System.getProperty("user.dir")).getParent()
                .resolve("config/demo.properties").toString()), err.toString(StandardCharsets.UTF_8));
    }
}
