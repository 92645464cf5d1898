package org.zizhu.kiosk.commission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.CentralSimulator;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.config.ConfigException;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.flow.CommissioningPorts.DeviceRole;
import org.zizhu.kiosk.flow.CommissioningPorts.Found;
import org.zizhu.kiosk.flow.CommissioningPorts.NetworkReport;

/** Bindings written and layered (validated both ways), and the network and clock check over real HTTP. */
class BindingsAndNetworkTest {
    @TempDir
    Path dir;

    private static Found found(DeviceRole role, String... lines) {
        return new Found(role, "x", "x", "", false, List.of(lines));
    }

    @Test
    void bindingsAreValidatedWrittenAndLayeredOverTheReadOnlyMainFile() throws Exception {
        Path main = dir.resolve("kiosk.properties");
        Files.writeString(main, "data.dir=" + dir.resolve("data") + "\ndevice.idcard.port=/dev/ttyUSB0\n");
        KioskConfig config = KioskConfig.load(main);
        assertEquals("/dev/ttyUSB0", config.get(ConfigKey.IDCARD_PORT));

        var refused = Bindings.write(config, List.of(found(DeviceRole.IDCARD, "device.idcard.baud=12345")));
        assertFalse(refused.ok());
        assertEquals("value-invalid", refused.problem());
        assertEquals("key-not-bindable", Bindings.write(config, List.of(found(DeviceRole.IDCARD, "central.url=http://evil"))).problem());
        assertEquals("nothing-to-bind", Bindings.write(config, List.of(found(DeviceRole.CAMERA))).problem());
        assertFalse(Files.exists(config.commissionedFile()), "nothing written for a refused binding");

        var ok = Bindings.write(config, List.of(found(DeviceRole.IDCARD, "device.idcard.port=/dev/zizhu/idcard", "device.idcard.baud=9600")));
        assertTrue(ok.ok());
        assertTrue(ok.restartNeeded(), "the reader must re-open on its new name");
        // A later run that finds only the printer keeps the reader's binding.
        assertTrue(Bindings.write(config, List.of(found(DeviceRole.RECEIPT, "device.receipt.target=usb:/dev/usb/lp0"))).ok());
        KioskConfig layered = KioskConfig.load(main);
        assertEquals("/dev/zizhu/idcard", layered.get(ConfigKey.IDCARD_PORT));
        assertEquals("9600", layered.get(ConfigKey.IDCARD_BAUD));
        assertEquals("usb:/dev/usb/lp0", layered.get(ConfigKey.RECEIPT_TARGET));
        assertFalse(Bindings.write(layered, List.of(found(DeviceRole.IDCARD, "device.idcard.port=/dev/zizhu/idcard"))).restartNeeded());

        // A binding file edited by hand beyond the wizard's keys is refused at start, like a bad main file.
        Files.writeString(config.commissionedFile(), "central.url=http://evil.example\n");
        ConfigException e = assertThrows(ConfigException.class, () -> KioskConfig.load(main));
        assertTrue(e.getMessage().contains("central.url"), e.getMessage());
        Files.writeString(config.commissionedFile(), "device.idcard.baud=7\n");
        assertThrows(ConfigException.class, () -> KioskConfig.load(main));
    }

    /**
     * A bindings file that does not load (edited by hand, a key it may not hold) stops every
     * command that reads it, but not the kiosk's own start: that sets it aside and runs on the
     * main file, so systemd's restart loop and reboot are not the answer to a typo. diag config
     * then names the rejected file.
     */
    @Test
    void aBindingsFileThatDoesNotLoadIsSetAsideAtStartNotALoopOfFailedStarts() throws Exception {
        Path main = dir.resolve("kiosk.properties");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(main, "data.dir=" + data + "\ndevice.idcard.port=/dev/ttyUSB0\n");
        Files.writeString(data.resolve(KioskConfig.COMMISSIONED_FILE), "device.idcard.port=/dev/zizhu/idcard\ncentral.url=http://evil.example\n");
        assertThrows(ConfigException.class, () -> KioskConfig.load(main), "other commands still refuse it");

        KioskConfig.ForRun run = KioskConfig.loadForRun(main);
        assertTrue(run.bindingsSetAside().orElseThrow().contains("central.url"), run.bindingsSetAside().toString());
        assertEquals("/dev/ttyUSB0", run.config().get(ConfigKey.IDCARD_PORT), "the main file alone");
        assertFalse(Files.exists(data.resolve(KioskConfig.COMMISSIONED_FILE)));
        assertTrue(Files.exists(data.resolve(KioskConfig.REJECTED_COMMISSIONED_FILE)), "kept for the technician");
        assertTrue(KioskConfig.loadForRun(main).bindingsSetAside().isEmpty(), "the next start is clean");

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = org.zizhu.kiosk.Main.run(List.of("diag", "config", "--config", main.toString()),
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), System.err);
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertTrue(text.contains(KioskConfig.REJECTED_COMMISSIONED_FILE) && text.contains("commissioning wizard"), text);
    }

    @Test
    void networkCheckReachesTheCentreAndMeasuresTheClock() throws Exception {
        try (CentralSimulator central = CentralSimulator.builder().start()) {
            NetworkReport r = new NetworkCheck(HttpClient.newHttpClient(), URI.create(central.baseUrl()), "T-TEST-1", Duration.ofSeconds(3),
                    Clock.systemUTC()).check();
            assertTrue(r.reachable(), r.problem());
            assertTrue(r.dateKnown());
            assertTrue(r.clockOk(), "same machine, same clock: skew " + r.skewMillis());
            assertEquals(200, r.httpStatus(), "plain development HTTP: the catalogue itself");
            assertEquals(List.of(), central.contractViolations());
            // Our clock ten minutes ahead of the centre's.
            NetworkReport ahead = new NetworkCheck(HttpClient.newHttpClient(), URI.create(central.baseUrl()), "T-TEST-1", Duration.ofSeconds(3),
                    Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10))).check();
            assertTrue(ahead.reachable());
            assertFalse(ahead.clockOk());
            assertTrue(ahead.skewMillis() > Duration.ofMinutes(9).toMillis(), "skew " + ahead.skewMillis());
            assertFalse(ahead.passed());
        }
        // A server whose Date header is garbage (raw HTTP: the JDK's server writes its own Date), then nothing listening at all.
        int port;
        try (java.net.ServerSocket raw = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = raw.getLocalPort();
            Thread server = Thread.ofVirtual().start(() -> {
                try (var c = raw.accept()) {
                    var in = new java.io.BufferedReader(new java.io.InputStreamReader(c.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        // the request head, read and dropped
                    }
                    c.getOutputStream().write("HTTP/1.1 401 Unauthorized\r\nDate: yesterday-ish\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (java.io.IOException e) {
                    // the test fails on the report below
                }
            });
            NetworkReport bad = new NetworkCheck(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + port + "/api/v1"), "T-TEST-1",
                    Duration.ofSeconds(3), Clock.systemUTC()).check();
            assertTrue(bad.reachable(), bad.problem());
            assertEquals(401, bad.httpStatus());
            assertEquals("bad-date-header", bad.problem());
            server.join(Duration.ofSeconds(5));
        }
        NetworkReport down = new NetworkCheck(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + port + "/api/v1"), "T-TEST-1",
                Duration.ofSeconds(2), Clock.systemUTC()).check();
        assertFalse(down.reachable());
        assertEquals("connection-refused", down.problem());
    }
}
