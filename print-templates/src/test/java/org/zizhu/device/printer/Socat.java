package org.zizhu.device.printer;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A socat pseudo-terminal pair (a null-modem cable); fails loudly when socat is missing. */
final class Socat implements AutoCloseable {
    final Path a;
    final Path b;
    private final Process process;

    Socat(Path dir) throws Exception {
        a = dir.resolve("ttyA");
        b = dir.resolve("ttyB");
        try {
            process = new ProcessBuilder("socat", "-d", "-d",
                    "pty,raw,echo=0,mode=666,link=" + a, "pty,raw,echo=0,mode=666,link=" + b)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        } catch (IOException e) {
            fail("socat is missing: apt-get install -y socat (listed in scripts/packages.d/printer.txt)", e);
            throw e;
        }
        long end = System.nanoTime() + 5_000_000_000L;
        while (!(Files.exists(a) && Files.exists(b))) {
            if (System.nanoTime() > end || !process.isAlive()) {
                fail("socat did not create the pty pair: " + Files.readString(dir.resolve("socat.log")));
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
