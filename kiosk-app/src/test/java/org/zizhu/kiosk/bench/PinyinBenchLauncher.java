package org.zizhu.kiosk.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link PinyinBench} from Maven (excluded from normal runs by the bench group); see BENCHMARKS.md. */
@Tag("bench")
class PinyinBenchLauncher {
    @Test
    void benchmark() {
        PinyinBench.main(new String[] {"3", "200"});
    }
}
