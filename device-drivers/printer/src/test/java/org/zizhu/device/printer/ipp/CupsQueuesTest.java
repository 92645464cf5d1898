package org.zizhu.device.printer.ipp;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CUPS-Get-Printers against the local CUPS (scripts/stacks/cups.sh start): the commissioning
 * wizard lists the queues with it. Fails loudly without CUPS.
 */
class CupsQueuesTest {
    @Test
    void listsTheQueuesOfTheLocalCups() throws IOException {
        List<String> queues = IppClient.queues(URI.create("http://localhost:631"), Duration.ofSeconds(5));
        assertTrue(queues.contains("zizhu-a4"), "the simulated A4 queue: " + queues);
        assertTrue(queues.stream().distinct().count() == queues.size(), "each queue once: " + queues);
    }

    @Test
    void noServerIsAnIoError() throws IOException {
        try (var s = new java.net.ServerSocket(0)) {
            int free = s.getLocalPort();
            s.close();
            assertThrows(IOException.class, () -> IppClient.queues(URI.create("http://127.0.0.1:" + free), Duration.ofSeconds(2)));
        }
    }
}
