package org.zizhu.kiosk.outbox;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox benchmark from JUnit (excluded from normal runs by the bench group); see bench/central.md. */
@Tag("bench")
class OutboxBench {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void benchmark() throws Exception {
        OutboxBenchmark.main(new String[] {"2000", dir.toString()});
    }
}
