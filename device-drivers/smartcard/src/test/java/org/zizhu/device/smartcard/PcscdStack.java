package org.zizhu.device.smartcard;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real PC/SC stack the tests need: pcscd with the vpcd driver. Missing stack = loud
 * failure naming the fix, never a skip.
 */
public final class PcscdStack {
    public static final String READER = "Virtual PCD 00 00";
    public static final int SLOT = 0;
    private static final String HOW =
            " Start it with: sudo scripts/stacks/pcscd.sh start  (packages: sudo apt-get install -y pcscd libpcsclite1 vsmartcard-vpcd pcsc-tools)";

    private PcscdStack() {
    }

    public static void require() {
        if (!Files.exists(Path.of("/usr/sbin/pcscd")) && !Files.exists(Path.of("/usr/bin/pcscd"))) {
            fail("pcscd is not installed." + HOW);
        }
        if (!vpcdListening(0x8C7B)) {
            fail("pcscd with the vpcd driver is not running (nothing listens on 127.0.0.1:35963)." + HOW);
        }
    }

    /** Checks /proc instead of connecting: a connection to vpcd is a card insertion. */
    static boolean vpcdListening(int port) {
        try {
            String needle = String.format(":%04X 00000000:0000 0A", port);
            return Files.readAllLines(Path.of("/proc/net/tcp")).stream().anyMatch(l -> l.toUpperCase().contains(needle));
        } catch (IOException e) {
            return false;
        }
    }
}
