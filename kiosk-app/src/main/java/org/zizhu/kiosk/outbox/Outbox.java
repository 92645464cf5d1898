package org.zizhu.kiosk.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.db.Database;

/**
 * The durable store-and-forward queue of writes to the centre. {@link #enqueue} returns only
 * after the row is committed to SQLite (WAL, synchronous=FULL: on disk), so "done" told to a
 * resident survives a crash or power cut. Each message gets its idempotency key here, once,
 * and every delivery attempt reuses it, so the centre applies it exactly once. Bodies are
 * encrypted at rest ({@link OutboxCipher}). Delivery is {@link OutboxDrainer}'s job; this class
 * is the state: pending, delivered (body wiped, answer kept), dead (rejected by the centre,
 * kept for operators).
 */
public final class Outbox {
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum State { PENDING, DELIVERED, DEAD }

    /** What enqueue promises: the message's sequence number and its idempotency key. */
    public record Enqueued(long seq, String idempotencyKey) {
    }

    /** A message as operators see it (no body: it may hold personal data). */
    public record Message(long seq, OutboxKind kind, String idempotencyKey, String path, State state, int attempts,
                          Instant createdAt, Instant nextAttemptAt, Integer lastStatus, String lastError) {
    }

    /** A message ready to send: with its decrypted body. */
    public record Delivery(long seq, OutboxKind kind, String idempotencyKey, String path, JsonNode body, int attempts,
                           Instant nextAttemptAt) {
    }

    private final Database db;
    private final OutboxCipher cipher;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public Outbox(Database db, OutboxCipher cipher, Clock clock) {
        this.db = db;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Called after every enqueue (the drainer wakes up). */
    public void onEnqueue(Runnable r) {
        listeners.add(r);
    }

    /** Stores a write with a fresh idempotency key; returns after it is durable. */
    public Enqueued enqueue(OutboxKind kind, String path, JsonNode body) throws SQLException {
        return enqueue(kind, path, body, UUID.randomUUID().toString());
    }

    /**
     * Stores a write under the caller's idempotency key (e.g. one fixed when the resident
     * started a submission). Enqueuing the same key again stores nothing new and returns the
     * first message: pressing "submit" twice queues one application.
     */
    public Enqueued enqueue(OutboxKind kind, String path, JsonNode body, String idempotencyKey) throws SQLException {
        if (!idempotencyKey.matches("[A-Za-z0-9-]{8,64}")) {
            throw new IllegalArgumentException("idempotency key must be 8-64 letters, digits or '-'");
        }
        byte[] sealed = cipher.seal(body.toString().getBytes(StandardCharsets.UTF_8), aad(kind, idempotencyKey));
        long now = clock.millis();
        Enqueued e = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO outbox (kind, idempotency_key, path, body, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT (idempotency_key) DO NOTHING")) {
                ps.setString(1, kind.name());
                ps.setString(2, idempotencyKey);
                ps.setString(3, path);
                ps.setBytes(4, sealed);
                ps.setLong(5, now);
                ps.setLong(6, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM outbox WHERE idempotency_key = ?")) {
                ps.setString(1, idempotencyKey);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Enqueued(rs.getLong(1), idempotencyKey);
                }
            }
        });
        EventLog.event(EventId.OUTBOX_ENQUEUED, Outcome.SUCCESS, "kind", kind.name(), "seq", e.seq());
        for (Runnable l : listeners) {
            l.run();
        }
        return e;
    }

    private static String aad(OutboxKind kind, String key) {
        return kind.name() + '\n' + key;
    }

    /**
     * For each kind, its oldest pending message (later ones wait behind it to keep the order),
     * whether due or not; a message whose body cannot be decrypted is made a dead letter.
     */
    public List<Delivery> heads() throws SQLException {
        List<Delivery> out = new ArrayList<>();
        List<long[]> undecryptable = new ArrayList<>();
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT o.seq, o.kind, o.idempotency_key, o.path, o.body, o.attempts, o.next_attempt_at FROM outbox o "
                            + "JOIN (SELECT kind, MIN(seq) AS seq FROM outbox WHERE state = 'PENDING' GROUP BY kind) h ON o.seq = h.seq");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OutboxKind kind = OutboxKind.valueOf(rs.getString(2));
                    String key = rs.getString(3);
                    try {
                        JsonNode body = JSON.readTree(cipher.open(rs.getBytes(5), aad(kind, key)));
                        out.add(new Delivery(rs.getLong(1), kind, key, rs.getString(4), body, rs.getInt(6),
                                Instant.ofEpochMilli(rs.getLong(7))));
                    } catch (GeneralSecurityException | IOException e) {
                        undecryptable.add(new long[] {rs.getLong(1)});
                    }
                }
            }
            return null;
        });
        for (long[] u : undecryptable) {
            dead(u[0], 0, "body cannot be decrypted with this terminal's outbox key");
        }
        return undecryptable.isEmpty() ? out : heads();
    }

    /** The centre accepted the message: wipe its body, keep the (encrypted) answer. */
    public void delivered(Delivery d, JsonNode answer) throws SQLException {
        byte[] result = answer == null ? null : cipher.seal(answer.toString().getBytes(StandardCharsets.UTF_8), aad(d.kind(), d.idempotencyKey()));
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET state = 'DELIVERED', body = X'', result = ?, delivered_at = ?, attempts = attempts + 1, "
                            + "last_status = 200, last_error = NULL WHERE seq = ? AND state = 'PENDING'")) {
                ps.setBytes(1, result);
                ps.setLong(2, clock.millis());
                ps.setLong(3, d.seq());
                return ps.executeUpdate();
            }
        });
        EventLog.event(EventId.OUTBOX_DELIVERED, Outcome.SUCCESS, "kind", d.kind().name(), "seq", d.seq(), "attempts", d.attempts() + 1);
    }

    /** Delivery failed in a way that may pass: try again at {@code next}. */
    public void retryLater(Delivery d, int status, String error, Instant next) throws SQLException {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_status = ?, last_error = ? WHERE seq = ? AND state = 'PENDING'")) {
                ps.setLong(1, next.toEpochMilli());
                ps.setInt(2, status);
                ps.setString(3, error);
                ps.setLong(4, d.seq());
                return ps.executeUpdate();
            }
        });
        EventLog.event(EventId.OUTBOX_RETRY, Outcome.FAILURE, "kind", d.kind().name(), "seq", d.seq(),
                "attempts", d.attempts() + 1, "status", status, "error", error, "next", next.toString());
    }

    /** The centre refused the message (4xx): keep it aside for an operator; it no longer blocks its kind. */
    public void dead(long seq, int status, String error) throws SQLException {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET state = 'DEAD', attempts = attempts + 1, last_status = ?, last_error = ? WHERE seq = ? AND state = 'PENDING'")) {
                ps.setInt(1, status);
                ps.setString(2, error);
                ps.setLong(3, seq);
                return ps.executeUpdate();
            }
        });
        EventLog.event(EventId.OUTBOX_DEAD_LETTER, Outcome.FAILURE, "seq", seq, "status", status, "error", error);
    }

    /** Makes every pending message due now (the link came back: no need to sit out the backoff). */
    public int expedite() throws SQLException {
        long now = clock.millis();
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET next_attempt_at = ? WHERE state = 'PENDING' AND next_attempt_at > ?")) {
                ps.setLong(1, now);
                ps.setLong(2, now);
                return ps.executeUpdate();
            }
        });
    }

    /** Pending messages per kind (every kind present, zero if none). */
    public Map<OutboxKind, Long> depthByKind() throws SQLException {
        return countByKind("PENDING");
    }

    public Map<OutboxKind, Long> deadByKind() throws SQLException {
        return countByKind("DEAD");
    }

    private Map<OutboxKind, Long> countByKind(String state) throws SQLException {
        Map<OutboxKind, Long> m = new EnumMap<>(OutboxKind.class);
        for (OutboxKind k : OutboxKind.values()) {
            m.put(k, 0L);
        }
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, COUNT(*) FROM outbox WHERE state = ? GROUP BY kind")) {
                ps.setString(1, state);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        m.put(OutboxKind.valueOf(rs.getString(1)), rs.getLong(2));
                    }
                }
            }
            return null;
        });
        return m;
    }

    /** Total pending messages. */
    public long depth() throws SQLException {
        return depthByKind().values().stream().mapToLong(Long::longValue).sum();
    }

    public List<Message> messages(State state, int limit) throws SQLException {
        return db.withConnection(c -> {
            List<Message> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, kind, idempotency_key, path, state, attempts, created_at, next_attempt_at, last_status, last_error "
                            + "FROM outbox WHERE state = ? ORDER BY seq LIMIT ?")) {
                ps.setString(1, state.name());
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int st = rs.getInt(9);
                        Integer status = rs.wasNull() ? null : st;
                        out.add(new Message(rs.getLong(1), OutboxKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                                State.valueOf(rs.getString(5)), rs.getInt(6), Instant.ofEpochMilli(rs.getLong(7)),
                                Instant.ofEpochMilli(rs.getLong(8)), status, rs.getString(10)));
                    }
                }
            }
            return out;
        });
    }

    public List<Message> deadLetters() throws SQLException {
        return messages(State.DEAD, 1000);
    }

    /** Operator action: send a dead letter again (e.g. after the centre fixed its side). */
    public boolean requeue(long seq) throws SQLException {
        boolean ok = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET state = 'PENDING', attempts = 0, next_attempt_at = ? WHERE seq = ? AND state = 'DEAD'")) {
                ps.setLong(1, clock.millis());
                ps.setLong(2, seq);
                return ps.executeUpdate() == 1;
            }
        });
        if (ok) {
            listeners.forEach(Runnable::run);
        }
        return ok;
    }

    /** Operator action: delete a dead letter for good (after recording it elsewhere). */
    public boolean discard(long seq) throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE seq = ? AND state = 'DEAD'")) {
                ps.setLong(1, seq);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The state of the message with this key, if any. */
    public Optional<State> state(String idempotencyKey) throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT state FROM outbox WHERE idempotency_key = ?")) {
                ps.setString(1, idempotencyKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(State.valueOf(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    /** The centre's answer to a delivered message (e.g. the case number of a deferred submission). */
    public Optional<JsonNode> result(String idempotencyKey) throws SQLException {
        byte[][] row = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, result FROM outbox WHERE idempotency_key = ? AND state = 'DELIVERED'")) {
                ps.setString(1, idempotencyKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBytes(2) != null ? new byte[][] {rs.getString(1).getBytes(StandardCharsets.UTF_8), rs.getBytes(2)} : null;
                }
            }
        });
        if (row == null) {
            return Optional.empty();
        }
        OutboxKind kind = OutboxKind.valueOf(new String(row[0], StandardCharsets.UTF_8));
        try {
            return Optional.of(JSON.readTree(cipher.open(row[1], aad(kind, idempotencyKey))));
        } catch (GeneralSecurityException | IOException e) {
            return Optional.empty();
        }
    }

    /** Deletes delivered messages older than {@code before}; returns how many. */
    public int pruneDelivered(Instant before) throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE state = 'DELIVERED' AND delivered_at < ?")) {
                ps.setLong(1, before.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }
}
