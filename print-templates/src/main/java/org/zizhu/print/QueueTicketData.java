package org.zizhu.print;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zizhu.print.internal.Req;

/** 排队取号票: a queue number for a window in the service hall. Carries no personal data. */
public record QueueTicketData(String ticketNumber, String itemName, String hall, int waitingAhead,
                              LocalDateTime issuedAt, String windowHint, String statusUrl) implements TemplateData {
    public QueueTicketData {
        ticketNumber = Req.text("ticketNumber", ticketNumber);
        itemName = Req.text("itemName", itemName);
        hall = Req.text("hall", hall);
        if (waitingAhead < 0) {
            throw new TemplateDataException("waitingAhead", "must not be negative");
        }
        Req.present("issuedAt", issuedAt);
        windowHint = Req.optional("windowHint", windowHint);
        statusUrl = Req.url("statusUrl", statusUrl);
    }

    @Override
    public String templateName() {
        return "queue-ticket";
    }

    @Override
    public Map<String, Object> toModel() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ticketNumber", ticketNumber);
        m.put("itemName", itemName);
        m.put("hall", hall);
        m.put("waitingAhead", String.valueOf(waitingAhead));
        m.put("issuedAt", Req.dateTime(issuedAt));
        m.put("windowHint", windowHint);
        m.put("statusUrl", statusUrl);
        return m;
    }
}
