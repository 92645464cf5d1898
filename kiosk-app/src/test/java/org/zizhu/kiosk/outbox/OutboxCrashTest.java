package org.zizhu.kiosk.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.CentralSimulator;

/**
 * Kill -9 the outbox mid-flight, over and over, on the same SQLite file: every enqueue that
 * was acknowledged (ACK printed after its commit returned) must reach the centre exactly once
 * (central-sim's applied-effect count per idempotency key is 1), and nothing is applied twice.
 * The centre also loses some answers after applying them, so redelivery is exercised too.
 */
class OutboxCrashTest {
    static final int CYCLES = 20;

    @TempDir
    Path data;

    @Test
    void acknowledgedWritesSurviveKillNineExactlyOnce() throws Exception {
        Random random = new Random(42);
        Set<String> acked = ConcurrentHashMap.newKeySet();
        try (CentralSimulator central = CentralSimulator.builder().https(false).start()) {
            central.faults().lostAnswerRate(0.1).errorRate(0.05);
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                Process p = child("run", central.baseUrl());
                CountDownLatch started = new CountDownLatch(1);
                Thread reader = reader(p, acked, started);
                assertTrue(started.await(30, TimeUnit.SECONDS), "child started");
                Thread.sleep(50 + random.nextInt(600));
                p.destroyForcibly();
                assertTrue(p.waitFor(10, TimeUnit.SECONDS));
                reader.join(5_000);
            }
            central.faults().clear();
            Process drain = child("drain", central.baseUrl());
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(drain.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(lines::add);
            }
            assertTrue(drain.waitFor(60, TimeUnit.SECONDS));
            assertTrue(lines.contains("DRAINED"), "drain child finished: " + lines);

            assertTrue(acked.size() > CYCLES * 5, "enough acknowledged writes to mean something: " + acked.size());
            for (String key : acked) {
                assertEquals(1, central.appliedWithKey(key), "acknowledged write " + key + " applied exactly once");
            }
            for (Map.Entry<String, Long> e : central.appliedCounts().entrySet()) {
                assertEquals(1L, e.getValue(), "no write applied twice: " + e.getKey());
            }
            assertEquals(List.of(), central.contractViolations());
            System.out.printf("crash test: %d cycles, %d acknowledged, %d applied, %d evaluations stored%n",
                    CYCLES, acked.size(), central.appliedCounts().size(), central.hall().evaluations().size());
        }
    }

    private Process child(String mode, String url) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), OutboxCrashChild.class.getName(), data.toString(), url, mode);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    private static Thread reader(Process p, Set<String> acked, CountDownLatch started) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.equals("STARTED")) {
                        started.countDown();
                    } else if (line.startsWith("ACK ") && line.length() > 12) {
                        acked.add(line.substring(4).strip());
                    }
                }
            } catch (java.io.IOException ignored) {
                // the child was killed
            }
        });
        t.start();
        return t;
    }
}
