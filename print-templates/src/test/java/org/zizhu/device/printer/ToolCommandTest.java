package org.zizhu.device.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.device.printer.sim.EscPosSimulator;
import org.zizhu.tools.ToolCommand;

/** diag printer / sim printer found through ServiceLoader, run against the simulator and CUPS. */
class ToolCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static ToolCommand find(ToolCommand.Kind kind) {
        Map<ToolCommand.Kind, ToolCommand> found = ServiceLoader.load(ToolCommand.class).stream()
                .map(ServiceLoader.Provider::get).filter(c -> c.name().equals("printer"))
                .collect(Collectors.toMap(ToolCommand::kind, c -> c));
        assertTrue(found.containsKey(kind), "registered in META-INF/services: " + kind);
        return found.get(kind);
    }

    record Run(int code, String out, String err) {
    }

    static Run run(ToolCommand c, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = c.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void diagPrintsTestPageOnReceiptAndA4() throws Exception {
        try (EscPosSimulator sim = EscPosSimulator.startTcp(0)) {
            Run r = run(find(ToolCommand.Kind.DIAG), "--receipt", "tcp://127.0.0.1:" + sim.port(), "--a4", CupsA4PrinterTest.QUEUE,
                    "--terminal", "ZZ-0042");
            assertEquals(0, r.code(), r.out() + r.err());
            JsonNode j = JSON.readTree(r.out());
            assertEquals("ONLINE", j.at("/receipt/status").asText());
            assertEquals("COMPLETED", j.at("/receipt/print/state").asText());
            assertEquals("COMPLETED", j.at("/a4/print/state").asText(), r.out());
            // Whether CUPS kept the test page's document in its spool; a warning says what to fix.
            assertTrue(j.at("/a4/cupsKeepsDocuments").isBoolean(), r.out());
            assertEquals(j.at("/a4/cupsKeepsDocuments").asBoolean(), j.at("/a4/warnings/0").asText().contains("PreserveJobFiles"),
                    r.out());
            assertEquals(List.of("ZIZHU-TEST:ZZ-0042"), sim.awaitReceipts(1, Duration.ofSeconds(5)).get(0).qrCodes());
        }
    }

    @Test
    void diagReportsAnUnreachablePrinterAndBadUsage() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        Run r = run(find(ToolCommand.Kind.DIAG), "--receipt", "tcp://127.0.0.1:" + free);
        assertEquals(1, r.code());
        assertEquals("OFFLINE", JSON.readTree(r.out()).at("/receipt/status").asText());
        assertEquals(2, run(find(ToolCommand.Kind.DIAG)).code());
        assertEquals(2, run(find(ToolCommand.Kind.DIAG), "--receipt").code());
        assertEquals(1, run(find(ToolCommand.Kind.DIAG), "--receipt", "lpt1:").code());
    }

    @Test
    void simSavesEachReceiptAsPng(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ToolCommand sim = find(ToolCommand.Kind.SIM);
        int p = port;
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> {
            try {
                return run(sim, "--port", String.valueOf(p), "--out", dir.toString(), "--exit-after", "1", "--paper", "58");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", p)) {
                return true;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        Run diag = run(find(ToolCommand.Kind.DIAG), "--receipt", "tcp://127.0.0.1:" + p, "--paper", "58");
        assertEquals(0, diag.code(), diag.out());
        Run r = running.get(10, TimeUnit.SECONDS);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"receipt\":1"), r.out());
        assertTrue(Files.size(dir.resolve("receipt-0001.png")) > 1000);
    }
}
