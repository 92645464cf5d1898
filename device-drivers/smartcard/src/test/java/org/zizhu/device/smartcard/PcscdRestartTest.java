package org.zizhu.device.smartcard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.smartcard.sim.DemoCards;
import org.zizhu.device.smartcard.technician.TechnicianCardAuthenticator;

/**
 * pcscd goes away and comes back: the reader reports OFFLINE while it is gone and ONLINE again
 * by itself; the virtual card (left "in the reader") reconnects; a login works afterwards.
 * Stops and starts pcscd through scripts/stacks/pcscd.sh, so it needs the pcscd that script
 * started (as scripts/test does).
 */
class PcscdRestartTest {
    private static final Path SCRIPT = Path.of("../../scripts/stacks/pcscd.sh").toAbsolutePath().normalize();

    @Test
    void readerGoesOfflineAndComesBackByItself() throws Exception {
        PcscdStack.require();
        String status = script("status");
        assertTrue(status.contains("(ours)"), "this test restarts pcscd through " + SCRIPT
                + " and needs the pcscd that script started, but: " + status.trim()
                + ". Stop the other pcscd and run: sudo scripts/stacks/pcscd.sh start");

        try (VpcdRig rig = new VpcdRig()) {
            List<DeviceStatus> seen = new CopyOnWriteArrayList<>();
            rig.reader.tracker().addListener(e -> seen.add(e.current()));
            rig.insert(DemoCards.create(DemoCards.Kind.TECHNICIAN));
            try {
                script("stop");
                await("OFFLINE while pcscd is gone").atMost(Duration.ofSeconds(15))
                        .until(() -> rig.reader.status() == DeviceStatus.OFFLINE);
                assertEquals("pcscd-unavailable", rig.reader.tracker().detail());
                assertFalse(rig.reader.cardPresent());
                SmartCardException e = assertThrows(SmartCardException.class, rig.reader::openSession);
                assertEquals(SmartCardException.Reason.SERVICE_UNAVAILABLE, e.reason());
            } finally {
                script("start");
            }
            // Deadlines for a loaded 2-core CI machine, where pcscd's start and the virtual
            // reader's reconnection have taken several seconds.
            await("ONLINE again").atMost(Duration.ofSeconds(30)).until(() -> rig.reader.status() == DeviceStatus.ONLINE);
            await("card back").atMost(Duration.ofSeconds(30)).until(rig.reader::cardPresent);
            // A restarted pcscd may enumerate the reader twice (gone, back, gone, back): what
            // matters is that it went OFFLINE, came back ONLINE by itself, and meant nothing else.
            assertEquals(DeviceStatus.OFFLINE, seen.get(0), seen::toString);
            assertEquals(DeviceStatus.ONLINE, seen.get(seen.size() - 1), seen::toString);
            assertTrue(seen.stream().allMatch(st -> st == DeviceStatus.OFFLINE || st == DeviceStatus.ONLINE), seen::toString);
            assertTrue(new TechnicianCardAuthenticator(DemoCards.demoIssuerTrust())
                    .authenticate(rig.reader, DemoCards.DEMO_PIN.toCharArray()).success());
            rig.remove();
        }
    }

    private static String script(String action) throws IOException, InterruptedException {
        if (!Files.isRegularFile(SCRIPT)) {
            fail("missing " + SCRIPT);
        }
        Process p = new ProcessBuilder("bash", SCRIPT.toString(), action).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0 && !action.equals("status")) {
            fail("scripts/stacks/pcscd.sh " + action + " failed (" + rc + "): " + out);
        }
        return out;
    }
}
