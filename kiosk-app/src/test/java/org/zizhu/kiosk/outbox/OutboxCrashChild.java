package org.zizhu.kiosk.outbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.LinkState;
import org.zizhu.kiosk.db.Database;

/**
 * The kiosk's outbox in a process of its own, for the crash test: opens the SQLite file,
 * starts the drainer against the centre, and enqueues evaluations as fast as it can, printing
 * {@code ACK <key>} after each enqueue has committed. The test kills it with SIGKILL at random
 * moments. Mode {@code drain}: enqueue nothing, deliver what is queued, print DRAINED, exit.
 */
public final class OutboxCrashChild {
    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.ERROR);
        Path dataDir = Path.of(args[0]);
        String url = args[1];
        String mode = args[2];
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        Database db = Database.open(dataDir.resolve("kiosk.db"));
        Outbox outbox = new Outbox(db, OutboxCipher.open(dataDir), Clock.systemUTC());
        CentralClient client = new CentralClient(URI.create(url), "T-CRASH", Duration.ofMillis(500), Duration.ofSeconds(2), new LinkState());
        OutboxDrainer drainer = new OutboxDrainer(outbox, client, new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)), Clock.systemUTC());
        if (mode.equals("drain")) {
            drainer.drainOnce();
            while (outbox.depth() > 0) {
                Thread.sleep(50);
                drainer.drainOnce();
            }
            out.println("DRAINED");
            System.exit(0);
        }
        drainer.start();
        out.println("STARTED");
        for (long i = 0; ; i++) {
            ObjectNode b = JsonNodeFactory.instance.objectNode();
            b.put("level", "SATISFIED");
            b.putArray("reasons");
            b.put("comment", "crash-test " + i);
            b.put("itemCode", "11150200MB1532145Q200520300001");
            b.putNull("caseNumber");
            b.put("contactPhone", "13800138000");
            b.put("ratedAt", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            b.put("channel", "KIOSK");
            Outbox.Enqueued e = outbox.enqueue(OutboxKind.EVALUATION, "/evaluations", b);
            out.println("ACK " + e.idempotencyKey());
            if (i % 4 == 0) {
                Thread.sleep(1);
            }
        }
    }
}
