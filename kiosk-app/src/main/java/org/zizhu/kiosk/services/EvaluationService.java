package org.zizhu.kiosk.services;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.zizhu.kiosk.session.RatingLevel;
import org.zizhu.kiosk.outbox.Outbox;
import org.zizhu.kiosk.outbox.OutboxKind;

/**
 * 好差评 on the kiosk ("一次一评"): the rating is stored durably in the outbox and the resident is
 * thanked at once; the outbox delivers it. Bad ratings (不满意, 非常不满意) need at least one
 * reason, and start the office's callback (default 48 h) and correction (default 15 days)
 * deadlines, counted from the rating; both are configurable since cities set their own.
 */
public final class EvaluationService {
    /** One rating. {@code contactPhone} (optional, for the callback) is personal data: encrypted in the outbox. */
    public record Evaluation(RatingLevel level, List<String> reasons, String comment, String itemCode, String caseNumber, String contactPhone) {
    }

    /** The promise made to the resident: stored, and for a bad rating, when they will be called back. */
    public record Receipt(String reference, Instant ratedAt, Instant callbackDueBy, Instant correctionDueBy) {
    }

    private final Outbox outbox;
    private final Duration callbackWithin;
    private final Duration correctionWithin;
    private final Clock clock;

    public EvaluationService(Outbox outbox, Duration callbackWithin, Duration correctionWithin, Clock clock) {
        this.outbox = outbox;
        this.callbackWithin = callbackWithin;
        this.correctionWithin = correctionWithin;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException a bad rating without a reason, or malformed fields
     */
    public Receipt submit(Evaluation e) throws SQLException {
        if (e.level().bad() && (e.reasons() == null || e.reasons().isEmpty())) {
            throw new IllegalArgumentException("a bad rating needs at least one reason");
        }
        for (String r : e.reasons()) {
            if (!r.matches("[A-Z_]{2,40}")) {
                throw new IllegalArgumentException("reason codes are A-Z and _");
            }
        }
        if (e.contactPhone() != null && !e.contactPhone().matches("1[3-9][0-9]{9}")) {
            throw new IllegalArgumentException("contact phone must be an 11-digit mobile number");
        }
        Instant rated = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("level", e.level().name());
        ArrayNode rs = b.putArray("reasons");
        e.reasons().stream().distinct().forEach(rs::add);
        if (e.comment() != null && !e.comment().isBlank()) {
            b.put("comment", e.comment().length() > 500 ? e.comment().substring(0, 500) : e.comment());
        }
        b.put("itemCode", e.itemCode());
        if (e.caseNumber() == null) {
            b.putNull("caseNumber");
        } else {
            b.put("caseNumber", e.caseNumber());
        }
        if (e.contactPhone() == null) {
            b.putNull("contactPhone");
        } else {
            b.put("contactPhone", e.contactPhone());
        }
        b.put("ratedAt", rated.toString());
        b.put("channel", "KIOSK");
        Outbox.Enqueued q = outbox.enqueue(OutboxKind.EVALUATION, "/evaluations", b);
        return new Receipt(q.idempotencyKey(), rated,
                e.level().bad() ? rated.plus(callbackWithin) : null, e.level().bad() ? rated.plus(correctionWithin) : null);
    }
}
