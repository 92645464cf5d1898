package org.zizhu.kiosk.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The client's deadline at the socket, below what central-sim can observe: a peer that sends
 * headers and part of the body and then nothing sees the kiosk hang up at the deadline, so a
 * stalled answer leaves no connection (and no thread) behind.
 */
class CentralClientTest {
    static final Duration DEADLINE = Duration.ofMillis(1000);
    static final Duration SLACK = Duration.ofSeconds(5);

    @Test
    void stalledAnswerIsAbandonedAtTheDeadlineAndItsConnectionClosed() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Boolean> hungUp = CompletableFuture.supplyAsync(() -> stallAndWaitForHangUp(server));
            LinkState link = new LinkState();
            CentralClient client = new CentralClient(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api/v1"), "T-1",
                    Duration.ofMillis(500), DEADLINE, link);
            CentralException e = assertTimeoutPreemptively(DEADLINE.plus(SLACK),
                    () -> assertThrows(CentralException.class, () -> client.get("/catalog", null)));
            assertEquals(CentralException.Kind.TIMEOUT, e.kind());
            assertTrue(e.getMessage().contains("not complete"), e.getMessage());
            assertEquals(LinkState.Status.OFFLINE, link.status());
            assertTrue(hungUp.get(SLACK.toMillis(), TimeUnit.MILLISECONDS), "the kiosk closed the stalled connection");
        }
    }

    /** Answers one request with headers and 10 of 1000 body bytes, then waits for the client to hang up. */
    private static boolean stallAndWaitForHangUp(ServerSocket server) {
        try (Socket s = server.accept()) {
            s.setSoTimeout((int) SLACK.multipliedBy(3).toMillis()); // never wait for ever, even if the client does
            InputStream in = s.getInputStream();
            int matched = 0;
            while (matched < 4) { // the request ends with CR LF CR LF (a GET has no body)
                int b = in.read();
                if (b < 0) {
                    return false;
                }
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"version\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try {
                return in.read() < 0; // end of stream: the client closed its side
            } catch (SocketException reset) {
                return true; // or reset it
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
