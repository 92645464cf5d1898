package org.zizhu.device.gpio.tools;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.tools.ToolCommand;

class GpioToolsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(ToolCommand c, String... args) throws Exception {
        return c.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void bothCommandsAreRegistered() {
        Set<String> found = ServiceLoader.load(ToolCommand.class).stream().map(ServiceLoader.Provider::get)
                .map(c -> c.kind() + " " + c.name()).collect(Collectors.toSet());
        assertTrue(found.containsAll(Set.of("DIAG gpio", "SIM gpio")), found.toString());
    }

    @Test
    void diagNeedsAnExplicitProvider() throws Exception {
        assertEquals(2, run(new GpioDiagCommand()));
        assertTrue(err.toString().contains("gpio.provider is required"), err.toString());
    }

    @Test
    void diagSelfTestOnTheMockBoard(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("temp");
        Files.writeString(t, "81000\n");
        assertEquals(0, run(new GpioDiagCommand(), "--provider", "mock", "--thermal", t.toString(), "--self-test"),
                err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(17, j.at("/pins/lightRed/bcm").asInt());
        assertEquals("in", j.at("/pins/helpButton/direction").asText());
        assertEquals(false, j.at("/inputs/tamper").asBoolean());
        assertEquals("OFF", j.get("light").asText());
        assertTrue(j.get("fanOn").asBoolean(), "81 °C");
        assertEquals(81.0, j.get("celsius").asDouble(), 0.001);
        for (String role : List.of("lightRed", "lightGreen", "fan", "relay")) {
            assertEquals("ok", j.at("/selfTest/" + role).asText(), role);
        }
    }

    @Test
    void simDrivenByStdinCommands(@TempDir Path dir) throws Exception {
        String script = "temp 72.5\ntamper open\nbogus\nrelay 99999\n";
        PipedScript stdin = new PipedScript(script);
        GpioSimCommand sim = new GpioSimCommand(stdin.in());
        // help is pressed last and its release is played by the scheduler, so wait for the event before quitting.
        Thread t = new Thread(() -> {
            try {
                run(sim, "--dir", dir.toString());
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        t.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("relay"));
        stdin.feed("help\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("help-requested"));
        stdin.feed("quit\n");
        t.join(10_000);
        String o = out.toString(StandardCharsets.UTF_8);
        assertEquals("72500", Files.readString(dir.resolve("temp")).strip());
        assertTrue(o.contains("\"event\":\"fan-on\""), o);
        assertTrue(o.contains("\"event\":\"tamper-open\""), o);
        assertTrue(o.contains("\"status\":\"FRAUD_ATTEMPT\""), o);
        assertTrue(o.contains("unknown command: bogus"), o);
        assertTrue(o.contains("relay pulse must be"), o);
        assertEquals(1, o.split("help-requested", -1).length - 1, "one event per press: " + o);
    }

    /** Stdin that the test can keep writing to. */
    private static final class PipedScript {
        private final java.io.PipedOutputStream w = new java.io.PipedOutputStream();
        private final java.io.PipedInputStream r;

        PipedScript(String initial) throws Exception {
            r = new java.io.PipedInputStream(w, 4096);
            feed(initial);
        }

        java.io.InputStream in() {
            return r;
        }

        void feed(String s) throws Exception {
            w.write(s.getBytes(StandardCharsets.UTF_8));
            w.flush();
        }
    }
}
