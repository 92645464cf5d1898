package org.zizhu.kiosk.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.CentralSimulator;
import org.zizhu.central.seed.SeedData;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.central.TerminalCredentials;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.cli.DiagEnrolCommand;

/**
 * Enrolment against a man in the middle: a TLS relay on loopback with its own certificate in
 * front of central-sim (real TLS, real HTTP, the centre behind it answering). The one-time code
 * must not leave the terminal unless the server proves it holds a certificate from the pinned
 * centre CA, so the centre sees no attempt and the code can still be used.
 */
class EnrolmentMitmTest {
    @TempDir
    Path data;
    CentralSimulator central;
    TlsRelay relay;

    @BeforeEach
    void start() throws Exception {
        central = CentralSimulator.builder().start();
        relay = TlsRelay.withOwnCa(central.port());
    }

    @AfterEach
    void stop() throws Exception {
        relay.close();
        central.close();
    }

    /** A fresh single-use code, as operations would issue for one terminal. */
    private String newCode(String code) {
        central.seed().addEnrolmentCode(new SeedData.EnrolmentCode(code, null, false));
        return code;
    }

    private KioskConfig config(String url, Path dir) throws Exception {
        return TestKiosk.config(url, dir).with(ConfigKey.TERMINAL_ID, "T-MITM-1");
    }

    private String centreCaSha256() {
        return TerminalCredentials.fingerprint(central.ca().caCertificate());
    }

    @Test
    void pinnedFingerprintStopsARelayBeforeTheCodeIsSent() throws Exception {
        String code = newCode("MITM-TEST-0001");
        KioskConfig viaRelay = config(relay.baseUrl(), data).with(ConfigKey.CENTRAL_CA_FINGERPRINT, centreCaSha256());
        try (KioskRuntime rt = KioskRuntime.open(viaRelay)) {
            CentralException e = assertThrows(CentralException.class, () -> rt.enrol(code));
            assertTrue(e.getMessage().contains("fingerprint") && e.getMessage().contains(centreCaSha256()), e.getMessage());
            assertEquals(CentralException.Kind.REJECTED, e.kind());
            assertFalse(e.retryable(), "a wrong centre is not a link problem to retry");
            assertFalse(rt.client().ready());
        }
        assertTrue(relay.handshakesStarted() >= 1, "the terminal did connect through the relay");
        assertEquals(0, relay.bytesFromTerminal(), "not one byte of the request went to the relay");
        assertEquals(0, central.terminals().enrolmentAttempts(), "the centre saw no enrolment attempt");
        assertTrue(TerminalCredentials.load(data).isEmpty(), "nothing stored");

        // The same single-use code still works against the real centre, with the same pin.
        try (KioskRuntime rt = KioskRuntime.open(config(central.httpsBaseUrl(), data)
                .with(ConfigKey.CENTRAL_CA_FINGERPRINT, centreCaSha256().toUpperCase(java.util.Locale.ROOT)))) {
            Enrolment.Result r = rt.enrol(code);
            assertEquals("T-MITM-1", r.credentials().terminalId());
            assertEquals(centreCaSha256(), r.caFingerprint());
            assertTrue(r.pinned());
        }
        assertEquals(1, central.terminals().enrolmentAttempts());
        assertEquals(List.of(), central.contractViolations());
    }

    @Test
    void aChainThatMerelyIncludesThePinnedCaIsRefused() throws Exception {
        // The centre CA certificate is public: an attacker can append it to a chain of their own.
        String code = newCode("MITM-TEST-0002");
        try (TlsRelay forger = TlsRelay.withCentreCaAppended(central.port(), central.ca().caCertificate());
             KioskRuntime rt = KioskRuntime.open(config(forger.baseUrl(), data).with(ConfigKey.CENTRAL_CA_FINGERPRINT, centreCaSha256()))) {
            CentralException e = assertThrows(CentralException.class, () -> rt.enrol(code));
            assertTrue(e.getMessage().contains("does not verify up to the centre CA " + centreCaSha256()), e.getMessage());
            assertTrue(forger.handshakesStarted() >= 1);
            assertEquals(0, forger.bytesFromTerminal());
        }
        assertEquals(0, central.terminals().enrolmentAttempts());
        try (KioskRuntime rt = KioskRuntime.open(config(central.httpsBaseUrl(), data).with(ConfigKey.CENTRAL_CA_FINGERPRINT, centreCaSha256()))) {
            assertEquals("T-MITM-1", rt.enrol(code).credentials().terminalId());
        }
    }

    @Test
    void firstUseRecordsTheCentreCaAndPinsItFromThenOn() throws Exception {
        // Demo set-up (simulated devices, no fingerprint): the first CA seen is trusted...
        try (KioskRuntime rt = KioskRuntime.open(config(central.httpsBaseUrl(), data))) {
            Enrolment.Result r = rt.enrol(newCode("TOFU-TEST-0001"));
            assertEquals(centreCaSha256(), r.caFingerprint());
            assertFalse(r.pinned(), "trusted on first use, not from the configuration");
        }
        // ...and pinned: a later re-enrolment through the relay is refused in the handshake.
        String second = newCode("TOFU-TEST-0002");
        try (KioskRuntime rt = KioskRuntime.open(config(relay.baseUrl(), data))) {
            CentralException e = assertThrows(CentralException.class, () -> rt.enrol(second));
            assertTrue(e.getMessage().contains("fingerprint") && e.getMessage().contains(centreCaSha256()), e.getMessage());
        }
        assertTrue(relay.handshakesStarted() >= 1);
        assertEquals(0, relay.bytesFromTerminal());
        assertEquals(1, central.terminals().enrolmentAttempts(), "only the first, direct enrolment reached the centre");
        // The stored credentials are still those of the first enrolment.
        assertEquals(centreCaSha256(), TerminalCredentials.fingerprint(TerminalCredentials.load(data).orElseThrow().centreCa()));
        // Re-enrolment with the real centre is still possible under the recorded pin.
        try (KioskRuntime rt = KioskRuntime.open(config(central.httpsBaseUrl(), data))) {
            assertTrue(rt.enrol(second).pinned(), "the recorded pin is used");
        }
        assertEquals(2, central.terminals().enrolmentAttempts());
    }

    @Test
    void productionWithoutFingerprintRefusesToEnrolUnlessTrustOnFirstUseIsSet() throws Exception {
        String code = newCode("PROD-TEST-0001");
        Path cfg = data.resolve("kiosk.properties");
        Files.writeString(cfg, "device.mode=real\ncentral.enrolmentCode=\nterminal.id=T-MITM-1\n"
                + "central.url=" + central.httpsBaseUrl() + "\ndata.dir=" + data.resolve("d") + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new DiagEnrolCommand().run(List.of("--code", code, "--config", cfg.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String msg = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit, msg);
        assertTrue(msg.contains("central.caFingerprint") && msg.contains("central.trustOnFirstUse"), msg);
        assertEquals(0, central.terminals().enrolmentAttempts(), "refused before connecting");
        assertTrue(TerminalCredentials.load(data.resolve("d")).isEmpty());

        // An explicit trust-on-first-use (lab set-ups) enrols and pins what it saw.
        Files.writeString(cfg, "central.trustOnFirstUse=true\n", java.nio.file.StandardOpenOption.APPEND);
        out.reset();
        err.reset();
        exit = new DiagEnrolCommand().run(List.of("--code", code, "--config", cfg.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(centreCaSha256()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("pinned"), err.toString(StandardCharsets.UTF_8));
        assertEquals(1, central.terminals().enrolmentAttempts());
    }
}
