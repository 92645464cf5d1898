package org.zizhu.kiosk.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.CentralException;

/**
 * Payment by QR code: create an order, show {@link Order#qrPayload()} as a QR code, poll
 * {@link #status} until PAID (or the resident cancels, or it expires), cancel if abandoned.
 */
public final class PaymentService {
    public enum Status { PENDING, PAID, CANCELLED, EXPIRED }

    public enum CancelReason { RESIDENT_CANCELLED, TIMEOUT, SESSION_ENDED }

    public record Order(String orderId, String itemCode, long amountFen, Status status, String qrPayload,
                        Instant createdAt, Instant expiresAt, Instant paidAt) {
        public boolean finished() {
            return status != Status.PENDING;
        }
    }

    private final CentralClient client;

    public PaymentService(CentralClient client) {
        this.client = client;
    }

    public Order create(String itemCode, String caseNumber, long amountFen, String description, String idempotencyKey) throws CentralException {
        if (amountFen <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("itemCode", itemCode);
        if (caseNumber == null) {
            b.putNull("caseNumber");
        } else {
            b.put("caseNumber", caseNumber);
        }
        b.put("amountFen", amountFen);
        b.put("description", description);
        return order(client.call(CentralClient.Call.post("/payments", "/payments", b,
                idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString())).body());
    }

    public Order status(String orderId) throws CentralException {
        return order(client.call(CentralClient.Call.get("/payments/" + OneCertificateService.enc(orderId), "/payments/{orderId}")).body());
    }

    /** Cancels an unpaid order; a paid one answers REJECTED (409): the UI must then treat it as paid. */
    public Order cancel(String orderId, CancelReason reason) throws CentralException {
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("reason", reason.name());
        return order(client.call(CentralClient.Call.post("/payments/" + OneCertificateService.enc(orderId) + "/cancellation",
                "/payments/{orderId}/cancellation", b, "cancel-" + orderId)).body());
    }

    private static Order order(JsonNode r) {
        return new Order(r.path("orderId").asText(), r.path("itemCode").asText(), r.path("amountFen").asLong(),
                Status.valueOf(r.path("status").asText()), r.path("qrPayload").asText(),
                Instant.parse(r.path("createdAt").asText()), Instant.parse(r.path("expiresAt").asText()),
                r.path("paidAt").isNull() ? null : Instant.parse(r.path("paidAt").asText()));
    }
}
