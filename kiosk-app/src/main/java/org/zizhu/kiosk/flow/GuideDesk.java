package org.zizhu.kiosk.flow;

import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.i18n.Language;

/**
 * The port for what a guide screen offers besides a transaction: printing the guide on A4 and
 * taking a queue ticket. Implemented over printing and the centre (org.zizhu.kiosk.runtime.KioskWiring);
 * both run on the kiosk's worker thread.
 */
public interface GuideDesk {
    /** Whether there is an A4 printer to print guides on. */
    boolean canPrintGuides();

    /** Whether queue tickets can be taken and printed here. */
    boolean canTakeTickets();

    /** Prints the guide; false when the printer failed (the resident is told so). */
    boolean printGuide(ItemDetail item, Language language);

    /**
     * What taking a ticket came to: {@code message} tells the resident the outcome; {@code printed}
     * when a ticket came out of the printer (the resident is reminded to take it).
     */
    record Ticket(Text message, boolean printed) {
    }

    /** Takes a queue ticket at the centre and prints it. */
    Ticket takeTicket(ItemDetail item);
}
