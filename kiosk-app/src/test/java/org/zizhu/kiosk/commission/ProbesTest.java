package org.zizhu.kiosk.commission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.device.idcard.SamBaud;
import org.zizhu.device.idcard.sim.PtyPair;
import org.zizhu.device.idcard.sim.SamSimulator;
import org.zizhu.device.printer.sim.EscPosSimulator;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.LinkState;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.flow.CommissioningPorts.DeviceRole;
import org.zizhu.kiosk.flow.CommissioningPorts.Found;

/**
 * The probes against simulators speaking the real protocols: a SAM reader and a silent port on
 * socat pseudo-terminals, an ESC/POS printer on a serial pty and on TCP, a TCP port that accepts
 * and says nothing. Needs socat.
 */
class ProbesTest {
    @TempDir
    Path dir;

    @Test
    void samProbeFindsTheReaderAndGivesUpOnASilentPortWithinItsDeadline() throws Exception {
        try (PtyPair reader = PtyPair.create(dir.resolve("a"));
             SamSimulator sam = SamSimulator.startOnPort(reader.devicePath(), SamBaud.B115200);
             PtyPair silent = PtyPair.create(dir.resolve("b"))) {
            SamProbe probe = new SamProbe(Duration.ofMillis(300));
            var answer = probe.probe(reader.hostPath());
            assertEquals(1, sam.received(org.zizhu.device.idcard.SamCommand.SAM_STATUS), "the status query, once, nothing else");
            assertTrue(answer.isPresent());
            assertEquals(SamBaud.B115200, answer.get().baud());
            assertEquals(org.zizhu.device.idcard.SamStatus.SUCCESS, answer.get().status());
            assertFalse(probe.probe(silent.hostPath()).isPresent(), "nothing answers on the silent port");
            assertFalse(probe.probe(dir.resolve("no-such-port").toString()).isPresent());
        }
    }

    @Test
    void escPosProbeAsksDleEotOverTcpAndNothingElseCounts() throws Exception {
        try (EscPosSimulator printer = EscPosSimulator.startTcp(0); ServerSocket mute = new ServerSocket(0)) {
            Thread.ofVirtual().start(() -> {
                try (var s = mute.accept()) {
                    s.getInputStream().readAllBytes(); // takes the question, never answers
                } catch (java.io.IOException e) {
                    // closed by the test
                }
            });
            EscPosProbe probe = new EscPosProbe(Duration.ofSeconds(1), Duration.ofMillis(500));
            assertTrue(probe.probe("tcp://127.0.0.1:" + printer.port()).isPresent());
            assertTrue(printer.receipts().isEmpty(), "a status question prints nothing");
            assertFalse(probe.probe("tcp://127.0.0.1:" + mute.getLocalPort()).isPresent());
            assertFalse(probe.probe("not-an-endpoint").isPresent());
        }
    }

    @Test
    void detectionProbesEveryCandidateAndBindsByTheMostStableName() throws Exception {
        Path dev = dir.resolve("dev");
        DevicePaths paths = new DevicePaths(dev.resolve("zizhu"), dev.resolve("serial/by-id"), dev.resolve("serial/by-path"), dev);
        Files.createDirectories(paths.zizhuDir());
        Files.createDirectories(paths.byIdDir());
        try (PtyPair reader = PtyPair.create(dir.resolve("a"));
             SamSimulator sam = SamSimulator.startOnPort(reader.devicePath(), SamBaud.B115200);
             PtyPair silent = PtyPair.create(dir.resolve("b"));
             PtyPair printerLine = PtyPair.create(dir.resolve("c"));
             EscPosSimulator printer = EscPosSimulator.startSerial(printerLine.devicePath(), 576)) {
            // A CH340 adapter without a serial number (kernel name only), the reader with a by-id
            // link, the printer on the package's udev name.
            Files.createSymbolicLink(dev.resolve("ttyUSB0"), Path.of(silent.hostPath()));
            Files.createSymbolicLink(dev.resolve("ttyUSB1"), Path.of(reader.hostPath()));
            Files.createSymbolicLink(paths.byIdDir().resolve("usb-SAM_Reader_00012345-if00-port0"), Path.of(reader.hostPath()));
            Files.createSymbolicLink(paths.zizhuDir().resolve("receipt"), Path.of(printerLine.hostPath()));
            Properties p = new Properties();
            for (ConfigKey k : List.of(ConfigKey.IDCARD_MODE, ConfigKey.RECEIPT_MODE, ConfigKey.A4_MODE, ConfigKey.CAMERA_MODE,
                    ConfigKey.SMARTCARD_MODE, ConfigKey.GPIO_MODE)) {
                p.setProperty(k.key(), "off");
            }
            p.setProperty("device.mode", "real");
            p.setProperty("data.dir", dir.resolve("data").toString());
            p.setProperty("device.gpio.pinMap", dir.resolve("gpio.properties").toString());
            KioskConfig config = KioskConfig.from(p, "test");
            try (DeviceHub hub = DeviceHub.start(config)) {
                CentralClient client = new CentralClient(URI.create("http://127.0.0.1:9/api/v1"), "T-TEST-1", Duration.ofMillis(300),
                        Duration.ofSeconds(1), new LinkState());
                HubCommissioning ports = new HubCommissioning(config, hub, null, client, code -> {
                    throw new IllegalStateException("not used");
                }, "0.1.0", paths, Clock.systemUTC());
                List<Found> found = ports.detect();
                Found idcard = found.stream().filter(f -> f.role() == DeviceRole.IDCARD).findFirst().orElseThrow();
                assertEquals(paths.byIdDir().resolve("usb-SAM_Reader_00012345-if00-port0").toString(), idcard.boundName());
                assertEquals(List.of("device.idcard.port=" + idcard.boundName(), "device.idcard.baud=115200"), idcard.binding());
                Found receipt = found.stream().filter(f -> f.role() == DeviceRole.RECEIPT).findFirst().orElseThrow();
                assertEquals("serial:" + paths.zizhuDir().resolve("receipt") + "?baud=115200", receipt.boundName());
                assertTrue(sam.received(org.zizhu.device.idcard.SamCommand.SAM_STATUS) >= 1);
                assertTrue(printer.receipts().isEmpty(), "the printer was asked, never printed on");
                assertTrue(found.stream().noneMatch(f -> f.role() == DeviceRole.GPIO), "no pin map, no GPIO");

                var bound = ports.bind(found);
                assertTrue(bound.ok(), bound.problem());
                KioskConfig layered = KioskConfig.load(writeMain(p));
                assertEquals(idcard.boundName(), layered.get(ConfigKey.IDCARD_PORT));
                assertEquals(receipt.boundName(), layered.get(ConfigKey.RECEIPT_TARGET));
            }
        }
    }

    private Path writeMain(Properties p) throws Exception {
        Path main = dir.resolve("kiosk.properties");
        try (var w = Files.newBufferedWriter(main)) {
            p.store(w, null);
        }
        return main;
    }
}
