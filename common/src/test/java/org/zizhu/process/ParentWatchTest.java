package org.zizhu.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The watch around child processes, with real processes: the command ends when its parent's
 * pipe closes (what the kernel does when the JVM dies, even by SIGKILL), SIGTERM reaches it, and
 * its exit status comes through. The kiosk-level kill -9 test is KioskProcessTest.
 */
class ParentWatchTest {
    private static ProcessHandle commandOf(Process wrapper) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            var c = wrapper.descendants().filter(h -> h.info().command().orElse("").endsWith("sleep")).findFirst();
            if (c.isPresent()) {
                return c.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the command did not start");
    }

    @Test
    void theCommandEndsWhenTheParentsPipeCloses() throws Exception {
        Process p = new ProcessBuilder(ParentWatch.wrap(List.of("sleep", "300"))).start();
        ProcessHandle sleep = commandOf(p);
        p.getOutputStream().close(); // as when the JVM dies: the kernel closes its end
        assertTrue(sleep.onExit().get(5, TimeUnit.SECONDS) != null);
        assertFalse(sleep.isAlive());
        assertTrue(p.waitFor(5, TimeUnit.SECONDS));
    }

    @Test
    void theCommandOutlivesAForciblyKilledWatchOnlyUntilThePipeCloses() throws Exception {
        Process p = new ProcessBuilder(ParentWatch.wrap(List.of("sleep", "300"))).start();
        ProcessHandle sleep = commandOf(p);
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        p.getOutputStream().close();
        sleep.onExit().get(5, TimeUnit.SECONDS);
        assertFalse(sleep.isAlive());
    }

    @Test
    void sigtermIsPassedOnAndTheStatusComesThrough() throws Exception {
        Process p = new ProcessBuilder(ParentWatch.wrap(List.of("sleep", "300"))).start();
        ProcessHandle sleep = commandOf(p);
        p.toHandle().destroy();
        assertTrue(p.waitFor(5, TimeUnit.SECONDS));
        assertFalse(sleep.isAlive());
        assertEquals(143, p.exitValue());

        Process ok = new ProcessBuilder(ParentWatch.wrap(List.of("sh", "-c", "exit 7"))).start();
        assertTrue(ok.waitFor(5, TimeUnit.SECONDS));
        assertEquals(7, ok.exitValue());

        Process missing = new ProcessBuilder(ParentWatch.wrap(List.of("/nonexistent/zizhu-tool"))).start();
        assertTrue(missing.waitFor(5, TimeUnit.SECONDS));
        assertEquals(127, missing.exitValue(), "the shell's 'command not found'");
    }
}
