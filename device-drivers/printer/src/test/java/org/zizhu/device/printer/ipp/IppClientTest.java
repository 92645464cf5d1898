package org.zizhu.device.printer.ipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zizhu.device.printer.JobState;

/** IPP encoding round trip and malformed responses (the real exchange is in CupsA4PrinterTest). */
class IppClientTest {
    @Test
    void roundTripAndStates() throws IOException {
        byte[] req = IppClient.encode(IppClient.GET_JOB_ATTRIBUTES, 7, List.of(
                new Object[] {IppClient.CHARSET, "attributes-charset", "utf-8"},
                new Object[] {IppClient.INTEGER, "job-id", 42},
                new Object[] {IppClient.ENUM, "job-state", 9},
                new Object[] {IppClient.BOOLEAN, "printer-is-accepting-jobs", false}), null);
        IppResponse r = IppClient.decode(req); // same layout: version, code, id, attributes
        assertEquals(IppClient.GET_JOB_ATTRIBUTES, r.status());
        assertEquals(42, r.integer("job-id"));
        assertEquals(false, r.bool("printer-is-accepting-jobs"));
        assertEquals("utf-8", r.string("attributes-charset"));
        assertEquals(JobState.COMPLETED, CupsA4Printer.jobState(r.integer("job-state")));
        assertEquals(JobState.QUEUED, CupsA4Printer.jobState(3));
        assertEquals(JobState.PRINTING, CupsA4Printer.jobState(5));
        assertEquals(JobState.FAILED, CupsA4Printer.jobState(8));
        assertThrows(IOException.class, () -> IppClient.decode(Arrays.copyOf(req, req.length - 3)));
        assertThrows(IOException.class, () -> IppClient.decode(new byte[] {2, 0, 0}));
    }

    /**
     * A CUPS that sends its headers and half its answer, then stalls: the call fails in time
     * (the request timeout alone covers only the headers) instead of hanging the print for good.
     */
    @Test
    void anAnswerStalledMidBodyFailsInTime() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread peer = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/ipp\r\nContent-Length: 200\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(new byte[] {2, 0, 0, 0, 0, 0, 0, 1, 1});
                    out.flush();
                    Thread.sleep(30_000); // stalls with the rest of the answer owed
                } catch (IOException | InterruptedException e) {
                    // the client gave up and closed the connection: that is the point
                }
            }, "stalling-cups");
            peer.setDaemon(true);
            peer.start();
            IppClient client = new IppClient(URI.create("http://127.0.0.1:" + server.getLocalPort()), "q", "zizhu", Duration.ofMillis(500));
            long t0 = System.nanoTime();
            assertThrows(IOException.class, () -> org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    Duration.ofSeconds(10), () -> client.printerAttributes()));
            org.junit.jupiter.api.Assertions.assertTrue(System.nanoTime() - t0 < java.util.concurrent.TimeUnit.SECONDS.toNanos(10));
        }
    }
}
