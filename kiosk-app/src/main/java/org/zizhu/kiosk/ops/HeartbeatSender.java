package org.zizhu.kiosk.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.zizhu.device.StatusTracker;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.CentralException;

/** Builds and sends the terminal heartbeat: uptime, catalogue version and every device's status. */
public final class HeartbeatSender {
    private final CentralClient client;
    private final String appVersion;
    private final Instant startedAt = Instant.now();
    private final Supplier<String> catalogVersion;
    private final Supplier<List<StatusTracker>> devices;
    private volatile Supplier<Long> outboxDepth = () -> -1L;

    public HeartbeatSender(CentralClient client, String appVersion, Supplier<String> catalogVersion,
                           Supplier<List<StatusTracker>> devices) {
        this.client = client;
        this.appVersion = appVersion;
        this.catalogVersion = catalogVersion;
        this.devices = devices;
    }

    public ObjectNode build() {
        ObjectNode hb = JsonNodeFactory.instance.objectNode();
        hb.put("terminalId", client.terminalId());
        hb.put("sentAt", Instant.now().toString());
        hb.put("appVersion", appVersion);
        hb.put("uptimeSeconds", Math.max(0, Instant.now().getEpochSecond() - startedAt.getEpochSecond()));
        String v = catalogVersion.get();
        if (v == null) {
            hb.putNull("catalogVersion");
        } else {
            hb.put("catalogVersion", v);
        }
        long depth = outboxDepth.get();
        if (depth >= 0) {
            hb.put("outboxDepth", depth);
        }
        ArrayNode list = hb.putArray("devices");
        for (StatusTracker t : devices.get()) {
            ObjectNode d = list.addObject();
            d.put("device", t.deviceId());
            d.put("status", t.status().name());
            String detail = t.detail();
            if (!detail.isEmpty()) {
                d.put("detail", detail.length() > 200 ? detail.substring(0, 200) : detail);
            }
        }
        return hb;
    }

    /** Reports the outbox depth in every heartbeat (negative: unknown, omitted). */
    public void outboxDepth(Supplier<Long> depth) {
        this.outboxDepth = depth;
    }

    /**
     * Queues one heartbeat in the durable outbox: heartbeats missed while the link is down
     * reach the centre afterwards, in order, so it sees the terminal's history.
     */
    public void enqueue(org.zizhu.kiosk.outbox.Outbox outbox) throws java.sql.SQLException {
        outbox.enqueue(org.zizhu.kiosk.outbox.OutboxKind.HEARTBEAT,
                "/terminals/" + URLEncoder.encode(client.terminalId(), StandardCharsets.UTF_8) + "/heartbeat", build());
    }

    /** Sends one heartbeat; failures are logged and reported to the link state, never thrown. */
    public boolean send() {
        try {
            client.post("/terminals/" + URLEncoder.encode(client.terminalId(), StandardCharsets.UTF_8) + "/heartbeat", build(), null);
            EventLog.event(EventId.HEARTBEAT_SENT, Outcome.SUCCESS);
            return true;
        } catch (CentralException e) {
            EventLog.event(EventId.HEARTBEAT_SENT, Outcome.FAILURE, "kind", e.kind().name());
            return false;
        }
    }
}
