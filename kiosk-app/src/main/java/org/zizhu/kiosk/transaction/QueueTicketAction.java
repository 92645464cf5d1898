package org.zizhu.kiosk.transaction;

import java.time.Clock;
import java.util.UUID;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.services.AppointmentService;

/**
 * 取号: takes a queue number for an item at the centre and prints the ticket on the receipt
 * printer. One idempotency key per press, so a retried call never hands out two numbers.
 */
public final class QueueTicketAction {
    /** What the resident is told: the ticket, or why there is none; {@code printed} when the paper came out. */
    public record Result(boolean ok, String ticketNumber, Text message, boolean printed) {
    }

    private final AppointmentService appointments;
    private final PrintService printing;
    private final PrintData printData;
    private final Messages messages;

    public QueueTicketAction(AppointmentService appointments, PrintService printing) {
        this(appointments, printing, new PrintData(Clock.systemDefaultZone()), new Messages());
    }

    QueueTicketAction(AppointmentService appointments, PrintService printing, PrintData printData, Messages messages) {
        this.appointments = appointments;
        this.printing = printing;
        this.printData = printData;
        this.messages = messages;
    }

    public Result take(ItemDetail item) {
        AppointmentService.Ticket t;
        try {
            t = appointments.ticket(item.code(), UUID.randomUUID().toString());
        } catch (CentralException e) {
            return new Result(false, "", e.residentMessage(), false);
        } catch (RuntimeException e) {
            EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "queue-ticket", "error", e.getClass().getSimpleName());
            return new Result(false, "", Text.of(messages, "queue.failed"), false);
        }
        try {
            printing.printReceipt(printData.queueTicket(item, t), "ticket-" + t.ticketNumber());
        } catch (PrintService.PrintFailure | RuntimeException e) {
            // The number exists at the centre even if the paper did not come out: say it on screen.
            return new Result(true, t.ticketNumber(), Text.of(messages, "queue.notPrinted", t.ticketNumber(), t.waitingAhead()), false);
        }
        return new Result(true, t.ticketNumber(), Text.of(messages, "queue.issued", t.ticketNumber(), t.waitingAhead()), true);
    }
}
