package org.zizhu.kiosk.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.CentralSimulator;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.LinkState;
import org.zizhu.kiosk.db.Database;

/** The outbox on a real SQLite file against central-sim over loopback HTTP. */
class OutboxTest {
    /** The client's request timeout below: every delivery attempt's whole budget. */
    static final Duration DEADLINE = Duration.ofMillis(1500);
    /** Generous: a hang fails the test, a slow machine does not. */
    static final Duration SLACK = Duration.ofSeconds(5);
    @TempDir
    Path data;
    CentralSimulator central;
    Database db;
    Outbox outbox;
    CentralClient client;
    OutboxDrainer drainer;

    @BeforeEach
    void start() throws Exception {
        central = CentralSimulator.builder().https(false).start();
        db = Database.open(data.resolve("kiosk.db"));
        outbox = new Outbox(db, OutboxCipher.open(data), Clock.systemUTC());
        client = new CentralClient(URI.create(central.baseUrl()), "T-OUTBOX", Duration.ofMillis(300), DEADLINE, new LinkState());
        drainer = new OutboxDrainer(outbox, client, new Backoff(Duration.ofMillis(20), Duration.ofMillis(300)), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        drainer.close();
        db.close();
        central.close();
    }

    static ObjectNode evaluation(String comment, String phone) {
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("level", "SATISFIED");
        b.putArray("reasons");
        b.put("comment", comment);
        b.put("itemCode", "11150200MB1532145Q200520300001");
        b.putNull("caseNumber");
        if (phone == null) {
            b.putNull("contactPhone");
        } else {
            b.put("contactPhone", phone);
        }
        b.put("ratedAt", "2026-01-05T10:00:00Z");
        b.put("channel", "KIOSK");
        return b;
    }

    @Test
    void deliversInOrderExactlyOnceThroughLostAnswersAndErrors() throws Exception {
        central.faults().lostAnswerRate(0.3).errorRate(0.2);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            keys.add(outbox.enqueue(OutboxKind.EVALUATION, "/evaluations", evaluation("n" + i, null)).idempotencyKey());
        }
        drainer.start();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> outbox.depth() == 0);
        for (String k : keys) {
            assertEquals(1, central.appliedWithKey(k), k);
            assertTrue(central.receivedWithKey(k) >= 1);
        }
        List<String> order = central.hall().evaluations().stream().map(e -> e.path("comment").asText()).toList();
        List<String> expected = Stream.iterate(0, i -> i + 1).limit(60).map(i -> "n" + i).toList();
        assertEquals(expected, order, "applied in the order enqueued");
        assertTrue(keys.stream().mapToLong(central::receivedWithKey).sum() > 60, "some deliveries were retried");
        assertEquals(List.of(), central.contractViolations());
    }

    @Test
    void rejectedMessageBecomesDeadLetterAndDoesNotBlockItsKind() throws Exception {
        ObjectNode bad = evaluation("bad", null);
        bad.put("level", "VERY_DISSATISFIED"); // no reasons: the centre refuses it (400)
        Outbox.Enqueued dead = outbox.enqueue(OutboxKind.EVALUATION, "/evaluations", bad);
        Outbox.Enqueued ok = outbox.enqueue(OutboxKind.EVALUATION, "/evaluations", evaluation("ok", null));
        drainer.drainOnce();
        assertEquals(Outbox.State.DEAD, outbox.state(dead.idempotencyKey()).orElseThrow());
        assertEquals(Outbox.State.DELIVERED, outbox.state(ok.idempotencyKey()).orElseThrow());
        List<Outbox.Message> letters = outbox.deadLetters();
        assertEquals(1, letters.size());
        assertEquals(400, letters.get(0).lastStatus());
        assertEquals(1L, outbox.deadByKind().get(OutboxKind.EVALUATION));
        // Operators: requeue (still refused), then discard.
        assertTrue(outbox.requeue(dead.seq()));
        drainer.drainOnce();
        assertEquals(Outbox.State.DEAD, outbox.state(dead.idempotencyKey()).orElseThrow());
        assertTrue(outbox.discard(dead.seq()));
        assertTrue(outbox.deadLetters().isEmpty());
        assertEquals(0, central.appliedWithKey(dead.idempotencyKey()));
    }

    @Test
    void survivesOfflineAndDrainsWhenTheLinkReturns() throws Exception {
        central.faults().partitioned(true);
        drainer.start();
        Outbox.Enqueued e = outbox.enqueue(OutboxKind.REPORT, "/reports", report());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox.messages(Outbox.State.PENDING, 10).get(0).attempts() >= 2);
        assertEquals(LinkState.Status.OFFLINE, client.link().status());
        assertEquals(1, outbox.depth());
        central.faults().clear();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox.depth() == 0);
        assertEquals(1, central.appliedWithKey(e.idempotencyKey()));
        JsonNode answer = outbox.result(e.idempotencyKey()).orElseThrow();
        assertTrue(answer.path("reportNumber").asText().startsWith("BC-"));
        drainer.close();
        assertFalse(drainer.running());
    }

    @Test
    void answerStalledMidBodyFailsTheAttemptInTimeAndTheMessageIsDeliveredOnceAfter() throws Exception {
        // A retry is due 0.5-1 s after a failure, so one drainOnce() makes one attempt.
        try (OutboxDrainer d = new OutboxDrainer(outbox, client, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1)), Clock.systemUTC())) {
            central.faults().stallMidBody(true);
            Outbox.Enqueued e = outbox.enqueue(OutboxKind.REPORT, "/reports", report());
            // The attempt on this thread: headers and half the answer arrive, then nothing.
            assertTimeoutPreemptively(DEADLINE.plus(SLACK), () -> d.drainOnce(), "the delivery attempt ends within its deadline");
            assertEquals(1, central.stalledAnswerCount());
            assertEquals(Outbox.State.PENDING, outbox.state(e.idempotencyKey()).orElseThrow(), "still queued");
            assertEquals(1, outbox.messages(Outbox.State.PENDING, 10).get(0).attempts());
            assertEquals(LinkState.Status.OFFLINE, client.link().status());
            // The drainer thread is not stuck either: it keeps trying while the fault lasts.
            d.start();
            Awaitility.await().atMost(DEADLINE.plusSeconds(1).multipliedBy(2).plus(SLACK))
                    .until(() -> outbox.messages(Outbox.State.PENDING, 10).get(0).attempts() >= 3);
            central.faults().clear();
            Awaitility.await().atMost(DEADLINE.plusSeconds(1).plus(SLACK).multipliedBy(2)).until(() -> outbox.depth() == 0);
            assertEquals(Outbox.State.DELIVERED, outbox.state(e.idempotencyKey()).orElseThrow());
            // The centre applied the report on the first attempt; the later ones were answered from its record.
            assertEquals(1, central.appliedWithKey(e.idempotencyKey()));
            assertTrue(central.receivedWithKey(e.idempotencyKey()) >= 3);
            assertTrue(outbox.result(e.idempotencyKey()).orElseThrow().path("reportNumber").asText().startsWith("BC-"));
            assertEquals(LinkState.Status.ONLINE, client.link().status());
        }
        assertEquals(List.of(), central.contractViolations());
    }

    @Test
    void personalDataIsEncryptedAtRestAndWipedOnDelivery() throws Exception {
        central.faults().partitioned(true);
        String phone = "13912345678";
        Outbox.Enqueued e = outbox.enqueue(OutboxKind.EVALUATION, "/evaluations", evaluation("隐私测试评论", phone));
        assertFalse(fileContains(phone), "phone number not in clear text in the database files");
        assertFalse(fileContains("隐私测试评论"));
        central.faults().clear();
        drainer.drainOnce();
        assertEquals(Outbox.State.DELIVERED, outbox.state(e.idempotencyKey()).orElseThrow());
        assertEquals(phone, central.hall().evaluations().get(0).path("contactPhone").asText());
        // A body sealed for one row cannot be read as another's (AAD binds kind and key).
        OutboxCipher c = OutboxCipher.open(data);
        byte[] sealed = c.seal("x".getBytes(StandardCharsets.UTF_8), "EVALUATION\nk1");
        org.junit.jupiter.api.Assertions.assertThrows(java.security.GeneralSecurityException.class, () -> c.open(sealed, "EVALUATION\nk2"));
    }

    @Test
    void enqueueWithTheSameKeyStoresOneMessage() throws Exception {
        Outbox.Enqueued a = outbox.enqueue(OutboxKind.REPORT, "/reports", report(), "fixed-key-0001");
        Outbox.Enqueued b = outbox.enqueue(OutboxKind.REPORT, "/reports", report(), "fixed-key-0001");
        assertEquals(a.seq(), b.seq());
        assertEquals(1, outbox.depth());
    }

    private static ObjectNode report() {
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.putNull("itemCode");
        b.put("category", "SYSTEM_FAILURE");
        b.put("description", "打印机卡纸");
        b.putNull("contactPhone");
        b.put("occurredAt", "2026-01-05T10:00:00Z");
        return b;
    }

    private boolean fileContains(String s) throws Exception {
        byte[] needle = s.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] hay = Files.readAllBytes(f);
                outer:
                for (int i = 0; i + needle.length <= hay.length; i++) {
                    for (int j = 0; j < needle.length; j++) {
                        if (hay[i + j] != needle[j]) {
                            continue outer;
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }
}
