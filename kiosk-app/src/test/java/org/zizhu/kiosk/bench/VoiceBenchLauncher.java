package org.zizhu.kiosk.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link VoiceBench} from Maven (excluded from normal runs by the bench group); see BENCHMARKS.md. */
@Tag("bench")
class VoiceBenchLauncher {
    @Test
    void benchmark() throws Exception {
        VoiceBench.main(new String[] {"40"});
    }
}
