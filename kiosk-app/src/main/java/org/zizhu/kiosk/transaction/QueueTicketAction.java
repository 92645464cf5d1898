package org.zizhu.kiosk.transaction;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.services.AppointmentService;
import org.zizhu.print.QueueTicketData;

/**
 * 取号: takes a queue number for an item at the centre and prints the ticket on the receipt
 * printer. One idempotency key per press, so a retried call never hands out two numbers.
 */
public final class QueueTicketAction {
    /** What the resident is told: the ticket, or why there is none. */
    public record Result(boolean ok, String ticketNumber, Text message) {
    }

    private final AppointmentService appointments;
    private final PrintService printing;

    public QueueTicketAction(AppointmentService appointments, PrintService printing) {
        this.appointments = appointments;
        this.printing = printing;
    }

    public Result take(ItemDetail item) {
        AppointmentService.Ticket t;
        try {
            t = appointments.ticket(item.code(), UUID.randomUUID().toString());
        } catch (CentralException e) {
            return new Result(false, "", e.residentMessage());
        } catch (RuntimeException e) {
            EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "queue-ticket", "error", e.getClass().getSimpleName());
            return new Result(false, "", new Text("取号未成功，请到服务台", "No ticket could be issued; please go to the front desk"));
        }
        Text window = t.window() != null ? t.window() : item.place();
        try {
            URI guide = URI.create(item.guideUrl());
            printing.printReceipt(new QueueTicketData(t.ticketNumber(), item.name().zh(), item.place().zh(), t.waitingAhead(),
                    LocalDateTime.ofInstant(t.issuedAt(), ZoneId.systemDefault()), window.zh(),
                    guide.getScheme() + "://" + guide.getAuthority() + "/queue/" + t.ticketNumber()), "ticket-" + t.ticketNumber());
        } catch (PrintService.PrintFailure | RuntimeException e) {
            // The number exists at the centre even if the paper did not come out: say it on screen.
            return new Result(true, t.ticketNumber(), new Text(
                    "您的号码是 " + t.ticketNumber() + "（未能打印，请记下号码），前面还有 " + t.waitingAhead() + " 人",
                    "Your number is " + t.ticketNumber() + " (not printed; please note it), " + t.waitingAhead() + " ahead of you"));
        }
        return new Result(true, t.ticketNumber(), new Text(
                "已取号 " + t.ticketNumber() + "，前面还有 " + t.waitingAhead() + " 人，请取走号票",
                "Ticket " + t.ticketNumber() + ", " + t.waitingAhead() + " ahead of you. Please take your ticket."));
    }
}
