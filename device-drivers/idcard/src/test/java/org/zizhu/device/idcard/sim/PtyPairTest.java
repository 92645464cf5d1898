package org.zizhu.device.idcard.sim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PtyPairTest {
    @Test
    void missingSocatFailsLoudlyNamingThePackage(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> PtyPair.create(dir, "socat-not-installed-here"));
        assertTrue(e.getMessage().contains("apt-get install socat"), e.getMessage());
    }

    @Test
    void unplugRemovesTheLinksAndReplugRestoresThem(@TempDir Path dir) throws Exception {
        try (PtyPair p = PtyPair.create(dir)) {
            assertTrue(Files.exists(Path.of(p.hostPath())) && Files.exists(Path.of(p.devicePath())));
            p.unplug();
            assertFalse(p.isPluggedIn());
            assertFalse(Files.exists(Path.of(p.hostPath()), java.nio.file.LinkOption.NOFOLLOW_LINKS));
            p.replug();
            assertTrue(p.isPluggedIn());
            assertTrue(Files.exists(Path.of(p.hostPath())));
        }
        assertFalse(Files.exists(dir.resolve("ttyA"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }
}
