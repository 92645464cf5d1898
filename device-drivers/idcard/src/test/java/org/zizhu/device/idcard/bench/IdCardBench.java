package org.zizhu.device.idcard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.idcard.IdCardEvent;
import org.zizhu.device.idcard.IdCardReader;
import org.zizhu.device.idcard.IdCardReaderConfig;
import org.zizhu.device.idcard.SamBaud;
import org.zizhu.device.idcard.sim.SamSimulator;
import org.zizhu.device.idcard.sim.TestCards;

/**
 * Benchmark harness, not a unit test (tag "bench" is excluded from normal runs). Measures, over
 * a socat pty pair with the simulator pacing bytes at 115200 baud 8N1:
 * <ol>
 * <li>card read latency: from the find-card request that sees the card to the identity
 * decoded, against the wire-time lower bound of the bytes exchanged (target <= 1.3x), and
 * from {@code placeCard()} to the identity event (adds up to one poll interval);</li>
 * <li>idle polling CPU: process CPU time and the driver threads' CPU time over 10 s of
 * polling at the default 200 ms interval (target < 1% of one core).</li>
 * </ol>
 * Run: {@code mvn -B -q -pl device-drivers/idcard -am test -Dgroups=bench -DexcludedGroups=none -Dtest=IdCardBench}
 * Figures are printed and recorded by hand in bench/idcard.md.
 */
@Tag("bench")
class IdCardBench {
    private static final int READS = Integer.getInteger("idcard.bench.reads", 40);
    private static final int IDLE_SECONDS = Integer.getInteger("idcard.bench.idleSeconds", 10);

    /** Standalone run outside surefire (cleaner process CPU figure); see bench/idcard.md. */
    public static void main(String[] args) throws Exception {
        IdCardBench b = new IdCardBench();
        if (args.length == 0 || args[0].equals("latency")) {
            b.readLatencyAgainstWireTime();
        }
        if (args.length == 0 || args[0].equals("idle")) {
            b.idlePollingCpu();
        }
    }

    @Test
    void readLatencyAgainstWireTime() throws Exception {
        try (SamSimulator sim = SamSimulator.startOnPtyPair(SamBaud.B115200)) {
            BlockingQueue<Object[]> reads = new LinkedBlockingQueue<>();
            BlockingQueue<IdCardEvent> others = new LinkedBlockingQueue<>();
            IdCardReaderConfig cfg = IdCardReaderConfig.builder().portPath(sim.hostPortPath()).baud(SamBaud.B115200).build();
            try (IdCardReader reader = IdCardReader.open(cfg, e -> {
                if (e instanceof IdCardEvent.IdentityRead r) {
                    reads.add(new Object[] {r, System.nanoTime()});
                } else {
                    others.add(e);
                }
            })) {
                awaitOnline(reader);
                List<Double> exchangeMs = new ArrayList<>();
                List<Double> ratios = new ArrayList<>();
                List<Double> placedMs = new ArrayList<>();
                long bytes = 0;
                double wireMs = 0;
                TestCards[] cards = TestCards.values();
                for (int i = 0; i < READS + 5; i++) {
                    sim.placeCard(cards[i % cards.length]);
                    Object[] got = reads.poll(5, TimeUnit.SECONDS);
                    assertNotNull(got, "no identity read");
                    IdCardEvent.IdentityRead r = (IdCardEvent.IdentityRead) got[0];
                    long decodedAt = (Long) got[1];
                    if (i >= 5) { // warm-up
                        exchangeMs.add(r.timings().exchange().toNanos() / 1e6);
                        ratios.add(r.timings().ratioToWireTime());
                        placedMs.add((decodedAt - sim.cardPlacedNanos()) / 1e6);
                        bytes = r.timings().bytesExchanged();
                        wireMs = r.timings().wireTime().toNanos() / 1e6;
                    }
                    r.identity().wipe();
                    sim.removeCard();
                    while (!(others.poll(5, TimeUnit.SECONDS) instanceof IdCardEvent.CardRemoved)) {
                        // skip placed events
                    }
                }
                System.out.printf(Locale.ROOT, "%nidcard bench: read latency, %d reads at 115200 baud, poll %d ms%n",
                        READS, cfg.pollInterval().toMillis());
                System.out.printf(Locale.ROOT, "  bytes exchanged find..read: %d, wire-time lower bound %.1f ms%n", bytes, wireMs);
                System.out.printf(Locale.ROOT, "  find->decoded ms  median %.1f  p95 %.1f  max %.1f%n",
                        pct(exchangeMs, 50), pct(exchangeMs, 95), pct(exchangeMs, 100));
                System.out.printf(Locale.ROOT, "  ratio to wire     median %.3f  p95 %.3f  max %.3f (target <= 1.3)%n",
                        pct(ratios, 50), pct(ratios, 95), pct(ratios, 100));
                System.out.printf(Locale.ROOT, "  placeCard->event  median %.1f  p95 %.1f  max %.1f ms (includes up to one poll interval)%n",
                        pct(placedMs, 50), pct(placedMs, 95), pct(placedMs, 100));
            }
        }
    }

    @Test
    void idlePollingCpu() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (SamSimulator sim = SamSimulator.startOnPtyPair(SamBaud.B115200)) {
            IdCardReaderConfig cfg = IdCardReaderConfig.builder().portPath(sim.hostPortPath()).build();
            try (IdCardReader reader = IdCardReader.open(cfg)) {
                awaitOnline(reader);
                Thread.sleep(2000); // warm-up: JIT, first polls
                long finds0 = sim.received(org.zizhu.device.idcard.SamCommand.FIND_CARD);
                java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
                long jit0 = jit.getTotalCompilationTime();
                long gc0 = gcMillis();
                java.util.Map<Long, Long> perThread0 = perThread(threads);
                long proc0 = os.getProcessCpuTime();
                long reader0 = cpuOf(threads, "idcard-reader");
                long sim0 = cpuOf(threads, "idcard-sim");
                long wall0 = System.nanoTime();
                Thread.sleep(IDLE_SECONDS * 1000L);
                long wall = System.nanoTime() - wall0;
                long proc = os.getProcessCpuTime() - proc0;
                long readerCpu = cpuOf(threads, "idcard-reader") - reader0;
                long simCpu = cpuOf(threads, "idcard-sim") - sim0;
                long finds = sim.received(org.zizhu.device.idcard.SamCommand.FIND_CARD) - finds0;
                System.out.printf(Locale.ROOT, "%nidcard bench: idle polling CPU over %.1f s, poll %d ms (%d find-card polls)%n",
                        wall / 1e9, cfg.pollInterval().toMillis(), finds);
                System.out.printf(Locale.ROOT, "  driver poll thread:        %.3f %% of one core%n", 100.0 * readerCpu / wall);
                System.out.printf(Locale.ROOT, "  whole JVM minus simulator: %.3f %% of one core (includes JIT, GC, surefire)%n",
                        100.0 * (proc - simCpu) / wall);
                System.out.printf(Locale.ROOT, "  whole JVM incl. simulator: %.3f %% of one core%n", 100.0 * proc / wall);
                System.out.printf(Locale.ROOT, "  in the window: JIT compiling %d ms (wall), GC %d ms%n",
                        jit.getTotalCompilationTime() - jit0, gcMillis() - gc0);
                for (ThreadInfo ti : threads.dumpAllThreads(false, false)) {
                    long c = threads.getThreadCpuTime(ti.getThreadId()) - perThread0.getOrDefault(ti.getThreadId(), 0L);
                    if (c > 1_000_000L) {
                        System.out.printf(Locale.ROOT, "    thread %-40s %.1f ms CPU in the window%n", ti.getThreadName(), c / 1e6);
                    }
                }
            }
        }
    }

    private static java.util.Map<Long, Long> perThread(ThreadMXBean threads) {
        java.util.Map<Long, Long> m = new java.util.HashMap<>();
        for (ThreadInfo ti : threads.dumpAllThreads(false, false)) {
            m.put(ti.getThreadId(), Math.max(0, threads.getThreadCpuTime(ti.getThreadId())));
        }
        return m;
    }

    private static long gcMillis() {
        long t = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            t += Math.max(0, gc.getCollectionTime());
        }
        return t;
    }

    private static long cpuOf(ThreadMXBean threads, String name) {
        long sum = 0;
        for (ThreadInfo ti : threads.dumpAllThreads(false, false)) {
            if (ti.getThreadName().equals(name)) {
                sum += Math.max(0, threads.getThreadCpuTime(ti.getThreadId()));
            }
        }
        return sum;
    }

    private static void awaitOnline(IdCardReader reader) throws InterruptedException {
        long end = System.currentTimeMillis() + 5000;
        while (reader.status() != DeviceStatus.ONLINE && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        assertEquals(DeviceStatus.ONLINE, reader.status());
    }

    private static double pct(List<Double> v, int p) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }
}
