package org.zizhu.kiosk.services;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.zizhu.kiosk.outbox.Outbox;
import org.zizhu.kiosk.outbox.OutboxKind;

/** 办不成事 reports: must be accepted and recorded, so they go through the durable outbox. */
public final class ReportService {
    public enum Category { CANNOT_FIND_ITEM, MATERIALS_UNCLEAR, SYSTEM_FAILURE, REFUSED_WITHOUT_REASON, TOO_MANY_TRIPS, OTHER }

    public record Report(Category category, String description, String itemCode, String contactPhone) {
    }

    public record Receipt(String reference, Instant recordedAt) {
    }

    private final Outbox outbox;
    private final Clock clock;

    public ReportService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Receipt submit(Report r) throws SQLException {
        if (r.description() == null || r.description().isBlank()) {
            throw new IllegalArgumentException("a report needs a description");
        }
        if (r.contactPhone() != null && !r.contactPhone().matches("1[3-9][0-9]{9}")) {
            throw new IllegalArgumentException("contact phone must be an 11-digit mobile number");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        if (r.itemCode() == null) {
            b.putNull("itemCode");
        } else {
            b.put("itemCode", r.itemCode());
        }
        b.put("category", r.category().name());
        String d = r.description().strip();
        b.put("description", d.length() > 1000 ? d.substring(0, 1000) : d);
        if (r.contactPhone() == null) {
            b.putNull("contactPhone");
        } else {
            b.put("contactPhone", r.contactPhone());
        }
        b.put("occurredAt", now.toString());
        return new Receipt(outbox.enqueue(OutboxKind.REPORT, "/reports", b).idempotencyKey(), now);
    }
}
