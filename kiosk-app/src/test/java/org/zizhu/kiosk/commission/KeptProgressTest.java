package org.zizhu.kiosk.commission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.kiosk.flow.CommissioningPorts.BindResult;
import org.zizhu.kiosk.flow.CommissioningPorts.DeviceRole;
import org.zizhu.kiosk.flow.CommissioningPorts.Found;
import org.zizhu.kiosk.flow.CommissioningPorts.NetworkReport;
import org.zizhu.kiosk.flow.CommissioningPorts.TestResult;
import org.zizhu.kiosk.flow.CommissioningState.Outcome;
import org.zizhu.kiosk.flow.CommissioningState.Progress;
import org.zizhu.kiosk.flow.CommissioningState.Step;

/** The wizard's findings kept across the restart for new bindings: on disk once, taken once, dropped when old or damaged. */
class KeptProgressTest {
    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final Progress PROGRESS = new Progress(true,
            Map.of(Step.NETWORK, Outcome.PASSED, Step.ENROLMENT, Outcome.PASSED, Step.DETECTION, Outcome.PASSED),
            "ZZ-1", new NetworkReport(true, 200, true, -1500, ""),
            List.of(new Found(DeviceRole.IDCARD, "/dev/ttyUSB0", "/dev/zizhu/idcard", "SAM OK", false, List.of("device.idcard.port=/dev/zizhu/idcard"))),
            new BindResult(true, List.of("device.idcard.port=/dev/zizhu/idcard"), "/var/lib/zizhu/commissioned.properties", true, ""),
            Map.of(DeviceRole.IDCARD, new TestResult(true, "card-read")), List.of(DeviceRole.IDCARD));

    @Test
    void whatWasFoundOutComesBackOnceWithoutTheTests() throws Exception {
        new KeptProgress(dir, Clock.fixed(T0, ZoneOffset.UTC)).keep(PROGRESS);
        assertTrue(Files.exists(dir.resolve("state").resolve(KeptProgress.FILE)));
        KeptProgress later = new KeptProgress(dir, Clock.fixed(T0.plusSeconds(90), ZoneOffset.UTC));
        Progress p = later.take().orElseThrow();
        assertEquals(PROGRESS.outcomes(), p.outcomes());
        assertEquals(PROGRESS.network(), p.network());
        assertEquals(PROGRESS.found(), p.found());
        assertEquals(PROGRESS.binding().written(), p.binding().written());
        assertFalse(p.binding().restartNeeded(), "the restart has happened");
        assertEquals(Map.of(), p.tests(), "tests run again on the devices as bound");
        assertTrue(later.take().isEmpty(), "taken once");
        assertFalse(Files.exists(dir.resolve("state").resolve(KeptProgress.FILE)));
    }

    @Test
    void oldOrDamagedIsDropped() throws Exception {
        new KeptProgress(dir, Clock.fixed(T0, ZoneOffset.UTC)).keep(PROGRESS);
        assertTrue(new KeptProgress(dir, Clock.fixed(T0.plus(KeptProgress.MAX_AGE).plusSeconds(1), ZoneOffset.UTC)).take().isEmpty());
        assertFalse(Files.exists(dir.resolve("state").resolve(KeptProgress.FILE)));
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("state").resolve(KeptProgress.FILE), "{\"keptAt\":\"2026-12-02T10:00:00Z\",\"outcomes\":{\"NOPE\":\"PASSED\"}}");
        assertTrue(new KeptProgress(dir, Clock.fixed(T0, ZoneOffset.UTC)).take().isEmpty());
        assertFalse(Files.exists(dir.resolve("state").resolve(KeptProgress.FILE)));
        Files.write(dir.resolve("state").resolve(KeptProgress.FILE), new byte[(int) KeptProgress.MAX_BYTES + 1]);
        assertTrue(new KeptProgress(dir, Clock.fixed(T0, ZoneOffset.UTC)).take().isEmpty(), "oversized");
        assertFalse(Files.exists(dir.resolve("state").resolve(KeptProgress.FILE)));
    }
}
