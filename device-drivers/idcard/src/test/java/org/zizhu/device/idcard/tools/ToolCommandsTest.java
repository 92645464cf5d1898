package org.zizhu.device.idcard.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.zizhu.tools.ToolCommand;

/** The technician commands, end to end over a socat pty pair started by the sim command. */
class ToolCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bothCommandsAreRegisteredForServiceLoader() {
        boolean diag = false;
        boolean sim = false;
        for (ToolCommand c : ServiceLoader.load(ToolCommand.class)) {
            diag |= c.kind() == ToolCommand.Kind.DIAG && c.name().equals("idcard");
            sim |= c.kind() == ToolCommand.Kind.SIM && c.name().equals("idcard");
        }
        assertTrue(diag, "diag idcard registered");
        assertTrue(sim, "sim idcard registered");
    }

    @Test
    void simCommandDrivenFromStdinAndReadByDiag() throws Exception {
        PipedOutputStream stdinWriter = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(stdinWriter);
        Lines simOut = new Lines();
        ByteArrayOutputStream simErr = new ByteArrayOutputStream();
        CompletableFuture<Integer> simExit = CompletableFuture.supplyAsync(() -> {
            try {
                return new IdCardSimCommand(stdin).run(List.of("--no-pacing"), new PrintStream(simOut, true, StandardCharsets.UTF_8),
                        new PrintStream(simErr, true, StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        PrintStream toSim = new PrintStream(stdinWriter, true, StandardCharsets.UTF_8);
        try {
            JsonNode ready = JSON.readTree(simOut.next());
            assertEquals("ready", ready.get("event").asText());
            String port = ready.get("hostPort").asText();
            assertTrue(simErr.toString(StandardCharsets.UTF_8).contains(port), "tells the human the driver port");

            Result noCard = diag("--port", port, "--timeout-ms", "200");
            assertEquals(1, noCard.code, noCard.err);
            assertEquals("no-card", JSON.readTree(noCard.out).get("failedAt").asText());
            assertTrue(noCard.err.contains("no card"), noCard.err);

            toSim.println("place resident");
            assertTrue(JSON.readTree(simOut.next()).get("ok").asBoolean());
            Result masked = diag("--port", port);
            assertEquals(0, masked.code, masked.err);
            JsonNode card = JSON.readTree(masked.out).get("card");
            assertEquals("王**", card.get("name").asText());
            assertEquals("1101**********1233", card.get("idNumber").asText());
            assertEquals("1990-**-**", card.get("birthDate").asText());
            assertFalse(masked.out.contains("王小明"));
            assertFalse(masked.out.contains("幸福里"));
            JsonNode root = JSON.readTree(masked.out);
            assertEquals(32, root.get("samIdHex").asText().length());
            assertTrue(root.get("timings").get("readMs").asDouble() >= 0);
            assertTrue(root.get("timings").get("wireBytes").asLong() > 1295);

            toSim.println("place foreign2023");
            simOut.next();
            Result revealed = diag("--port", port, "--reveal", "--fingerprint");
            assertEquals(0, revealed.code, revealed.err);
            JsonNode y = JSON.readTree(revealed.out).get("card");
            assertEquals("FOREIGN_PERMANENT_2023", y.get("type").asText());
            assertEquals("HERNANDEZ GONZALEZ, MARIA FERNANDA ALEJANDRA", y.get("englishName").asText());
            assertEquals("931724198506150028", y.get("idNumber").asText());
            assertEquals(1024, y.get("fingerprintBytes").asInt());

            toSim.println("fail read");
            simOut.next();
            Result failed = diag("--port", port);
            assertEquals(1, failed.code);
            assertEquals("sam-0x41", JSON.readTree(failed.out).get("reason").asText());

            toSim.println("bogus");
            assertFalse(JSON.readTree(simOut.next()).get("ok").asBoolean());

            toSim.println("clear");
            simOut.next();
            toSim.println("silence");
            simOut.next();
            Result silent = diag("--port", port, "--timeout-ms", "100");
            assertEquals(1, silent.code);
            assertEquals("timeout", JSON.readTree(silent.out).get("reason").asText());

            toSim.println("quit");
            assertEquals(0, simExit.get(10, TimeUnit.SECONDS));
        } finally {
            stdinWriter.close();
        }
    }

    @Test
    void diagExitCodes() throws Exception {
        Result missing = diag("--port", "/dev/serial/by-id/usb-nothing-here");
        assertEquals(1, missing.code);
        assertTrue(missing.err.contains("no reader"), missing.err);
        assertEquals(2, diag().code);
        assertEquals(2, diag("--port").code);
        assertEquals(2, diag("--port", "/tmp/x", "--baud", "12345").code);
        assertEquals(2, diag("--port", "/tmp/x", "--timeout-ms", "abc").code);
        assertEquals(2, diag("--bogus").code);
    }

    @Test
    void simBadUsage() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new IdCardSimCommand(new java.io.ByteArrayInputStream(new byte[0]))
                .run(List.of("--baud", "1"), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(2, code);
    }

    @Test
    void addressMask() {
        assertEquals("北京市***", IdCardDiagCommand.maskAddress("北京市东城区"));
    }

    private record Result(int code, String out, String err) {
    }

    private static Result diag(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new IdCardDiagCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** An output stream that hands over complete lines. */
    private static final class Lines extends OutputStream {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream cur = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(cur.toString(StandardCharsets.UTF_8));
                cur.reset();
            } else {
                cur.write(b);
            }
        }

        String next() throws InterruptedException {
            String s = lines.poll(10, TimeUnit.SECONDS);
            assertNotNull(s, "no output line from the sim command");
            return s;
        }
    }
}
