package org.zizhu.kiosk.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.CentralException;

/** 预约取号: appointment check-in (priority ticket) and queue tickets for walk-in residents. */
public final class AppointmentService {
    public record Ticket(String ticketNumber, String itemCode, Instant issuedAt, int waitingAhead, Text window) {
    }

    public record CheckIn(String appointmentCode, String itemCode, Instant slotStart, Ticket ticket) {
    }

    private final CentralClient client;

    public AppointmentService(CentralClient client) {
        this.client = client;
    }

    public CheckIn checkIn(ResidentSession s, String appointmentCode) throws CentralException {
        String code = appointmentCode == null ? "" : appointmentCode.strip().toUpperCase(java.util.Locale.ROOT);
        if (!code.matches("[0-9A-Z]{6,12}")) {
            throw new IllegalArgumentException("appointment code must be 6-12 letters or digits");
        }
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("appointmentCode", code);
        JsonNode r = client.call(CentralClient.Call.post("/appointments/check-ins", "/appointments/check-ins", b, UUID.randomUUID().toString())
                .header("X-Resident-Token", s.token())).body();
        return new CheckIn(r.path("appointmentCode").asText(), r.path("itemCode").asText(),
                Instant.parse(r.path("slotStart").asText()), ticket(r.path("ticket")));
    }

    /** Takes a queue number; {@code idempotencyKey} fixed per press so a retry never prints two tickets. */
    public Ticket ticket(String itemCode, String idempotencyKey) throws CentralException {
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("itemCode", itemCode);
        return ticket(client.call(CentralClient.Call.post("/queue/tickets", "/queue/tickets", b,
                idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString())).body());
    }

    private static Ticket ticket(JsonNode t) {
        return new Ticket(t.path("ticketNumber").asText(), t.path("itemCode").asText(), Instant.parse(t.path("issuedAt").asText()),
                t.path("waitingAhead").asInt(), t.path("window").isNull() ? null : OneCertificateService.text(t.path("window")));
    }
}
