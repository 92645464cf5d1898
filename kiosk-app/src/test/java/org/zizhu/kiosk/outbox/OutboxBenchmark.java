package org.zizhu.kiosk.outbox;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import org.zizhu.central.CentralSimulator;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.LinkState;
import org.zizhu.kiosk.db.Database;

/**
 * Benchmark harness (not a test): durable enqueue rate with fsync, drain rate against
 * central-sim over loopback, and time to recover after a restart with a backlog.
 * Command lines and figures: bench/central.md. Args: [messages, default 2000] [dir].
 */
public final class OutboxBenchmark {
    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.WARN);
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("outbox-bench");
        System.out.printf(Locale.ROOT, "outbox benchmark: %d messages, data dir %s (file system of %s)%n", n, dir, Files.getFileStore(dir).type());
        try (CentralSimulator central = CentralSimulator.builder().https(false).start()) {
            // 1. Durable enqueue: each enqueue is its own committed, fsynced transaction.
            Database db = Database.open(dir.resolve("kiosk.db"));
            Outbox outbox = new Outbox(db, OutboxCipher.open(dir), Clock.systemUTC());
            for (int i = 0; i < 200; i++) { // warm-up
                outbox.enqueue(OutboxKind.EVALUATION, "/evaluations", OutboxTest.evaluation("warm", null));
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                outbox.enqueue(OutboxKind.EVALUATION, "/evaluations", OutboxTest.evaluation("bench " + i, "13800138000"));
            }
            double enqSec = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "enqueue (durable, fsync per message): %d in %.2f s = %.0f msg/s (%.2f ms each)%n",
                    n, enqSec, n / enqSec, enqSec * 1000 / n);
            db.close();

            // 2. Restart with the backlog: open, first delivery, full drain.
            long r0 = System.nanoTime();
            db = Database.open(dir.resolve("kiosk.db"));
            outbox = new Outbox(db, OutboxCipher.open(dir), Clock.systemUTC());
            CentralClient client = new CentralClient(URI.create(central.baseUrl()), "T-BENCH", Duration.ofSeconds(1), Duration.ofSeconds(5), new LinkState());
            OutboxDrainer drainer = new OutboxDrainer(outbox, client, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5)), Clock.systemUTC());
            double openMs = (System.nanoTime() - r0) / 1e6;
            long pending = outbox.depth();
            drainer.start();
            while (drainer.deliveredCount() == 0) {
                Thread.sleep(1);
            }
            double firstMs = (System.nanoTime() - r0) / 1e6;
            long d0 = System.nanoTime();
            while (outbox.depth() > 0) {
                Thread.sleep(5);
            }
            double drainSec = (System.nanoTime() - d0) / 1e9;
            drainer.close();
            System.out.printf(Locale.ROOT, "restart with %d pending: database+outbox open %.0f ms, first delivery %.0f ms after open%n",
                    pending, openMs, firstMs);
            System.out.printf(Locale.ROOT, "drain against central-sim (loopback HTTP, strict contract validation): %d in %.2f s = %.0f msg/s%n",
                    pending, drainSec + firstMs / 1000, pending / (drainSec + firstMs / 1000));
            long dup = central.appliedCounts().values().stream().filter(v -> v != 1).count();
            System.out.printf(Locale.ROOT, "centre applied %d distinct messages, %d applied more than once%n", central.appliedCounts().size(), dup);
            db.close();
        }
    }
}
