package org.zizhu.device.smartcard.tools;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.zizhu.device.smartcard.PcscSmartCardReader;
import org.zizhu.device.smartcard.PcscdStack;
import org.zizhu.device.smartcard.SmartCardConfig;
import org.zizhu.device.smartcard.sim.DemoCards;
import org.zizhu.device.smartcard.sim.VirtualCardConnection;
import org.zizhu.tools.ToolCommand;

class SmartCardToolsTest {
    private record Run(int rc, String out, String err) {
    }

    private static Run run(ToolCommand c, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = c.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static ByteArrayInputStream stdin(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bothCommandsAreRegistered() {
        List<String> found = ServiceLoader.load(ToolCommand.class).stream().map(ServiceLoader.Provider::get)
                .map(t -> t.kind() + " " + t.name()).toList();
        assertTrue(found.contains("DIAG smartcard"), found.toString());
        assertTrue(found.contains("SIM smartcard"), found.toString());
    }

    @Test
    void diagListsReadersAndLogsInATechnician() throws Exception {
        PcscdStack.require();
        ObjectMapper json = new ObjectMapper();
        try (VirtualCardConnection slot = VirtualCardConnection.vpcd(PcscdStack.SLOT);
             PcscSmartCardReader watch = PcscSmartCardReader.open(SmartCardConfig.builder().readerNamePattern(PcscdStack.READER).build())) {
            slot.insert(DemoCards.create(DemoCards.Kind.TECHNICIAN));
            await().atMost(Duration.ofSeconds(5)).until(watch::cardPresent);

            Run plain = run(new SmartCardDiagCommand(stdin("")), "--reader", PcscdStack.READER);
            assertEquals(0, plain.rc(), plain.err());
            JsonNode j = json.readTree(plain.out());
            assertTrue(j.get("ok").asBoolean());
            assertEquals(PcscdStack.READER, j.get("reader").asText());
            JsonNode r0 = j.get("readers").get(0);
            assertTrue(r0.get("cardPresent").asBoolean());
            assertEquals("3B8A80015A495A48552D5445434868", r0.get("atr").asText());

            Run login = run(new SmartCardDiagCommand(stdin(DemoCards.DEMO_PIN + "\n")), "--reader", PcscdStack.READER, "--pin", "--demo-issuer");
            assertEquals(0, login.rc(), login.err());
            JsonNode l = json.readTree(login.out()).get("login");
            assertEquals("ok", l.get("result").asText());
            assertEquals("technician", l.get("role").asText());
            assertFalse(login.out().contains(DemoCards.DEMO_PIN));

            Run wrong = run(new SmartCardDiagCommand(stdin("0000\n")), "--reader", PcscdStack.READER, "--pin", "--demo-issuer");
            assertEquals(1, wrong.rc());
            assertEquals(2, json.readTree(wrong.out()).get("login").get("retriesLeft").asInt());
            assertTrue(wrong.err().contains("Wrong PIN"), wrong.err());

            slot.remove();
            await().atMost(Duration.ofSeconds(5)).until(() -> !watch.cardPresent());
            Run noCard = run(new SmartCardDiagCommand(stdin("123456\n")), "--reader", PcscdStack.READER, "--pin", "--demo-issuer");
            assertEquals(1, noCard.rc());
            assertEquals("NO_CARD", json.readTree(noCard.out()).get("login").get("reason").asText());
        }
    }

    @Test
    void diagFailsClearlyOnBadUsageAndMissingReader() throws Exception {
        assertEquals(2, run(new SmartCardDiagCommand(stdin("")), "--bogus").rc());
        assertEquals(2, run(new SmartCardDiagCommand(stdin("")), "--reader", "([").rc());
        Run noTrust = run(new SmartCardDiagCommand(stdin("")), "--pin");
        assertEquals(2, noTrust.rc());
        assertTrue(noTrust.err().contains("--issuer-key"), noTrust.err());
        PcscdStack.require();
        Run none = run(new SmartCardDiagCommand(stdin("")), "--reader", "^No Such Reader$");
        assertEquals(1, none.rc());
        assertTrue(none.err().contains("no PC/SC reader matches"), none.err());
        Run badPin = run(new SmartCardDiagCommand(stdin("12ab\n")), "--pin", "--demo-issuer", "--reader", PcscdStack.READER);
        assertEquals(2, badPin.rc());
    }

    @Test
    void simInsertsAndRemovesFromStdin() throws Exception {
        PcscdStack.require();
        try (PcscSmartCardReader watch = PcscSmartCardReader.open(SmartCardConfig.builder().readerNamePattern(PcscdStack.READER).build())) {
            Run r = run(new SmartCardSimCommand(stdin("status\ninsert sscard\nstatus\nremove\nstatus\nquit\n"), false), "operator");
            assertEquals(0, r.rc(), r.err());
            String[] lines = r.out().strip().split("\n");
            assertTrue(lines[0].contains("\"card\":\"operator\""), r.out());
            assertTrue(lines[1].contains("\"card\":\"operator\""), r.out());
            assertTrue(lines[2].contains("\"card\":\"sscard\""), r.out());
            assertTrue(lines[3].contains("\"card\":\"sscard\""), r.out());
            assertTrue(lines[4].contains("removed"), r.out());
            assertTrue(lines[5].contains("\"card\":null"), r.out());
            await().atMost(Duration.ofSeconds(5)).until(() -> !watch.cardPresent()); // the reader saw it go too
        }
        assertEquals(2, run(new SmartCardSimCommand(stdin(""), false), "unicorn").rc());
        assertEquals(2, run(new SmartCardSimCommand(stdin(""), false), "--slot", "7", "technician").rc());
    }
}
