package org.zizhu.kiosk.flow;

import org.zizhu.kiosk.catalog.CatalogModel;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;

/**
 * Which actions a guide screen offers for one item on this kiosk: what the item allows and what
 * the kiosk can do (devices, printers, the centre's services).
 */
public record GuideActions(boolean start, boolean checkIn, boolean queueTicket, boolean print) {
    public static final GuideActions NONE = new GuideActions(false, false, false, false);

    /**
     * @param canServe an ID card reader and the service ports are there
     * @param canApply an ID card reader and the application ports are there
     * @param canPrint an A4 printer is there
     * @param canTakeTickets queue tickets can be taken and printed
     */
    static GuideActions of(ItemDetail d, boolean canServe, boolean canApply, boolean canPrint, boolean canTakeTickets) {
        return new GuideActions(startsApplication(d) ? canApply : canServe && performable(d),
                // The check-in prints a priority ticket: no printer, no check-in.
                canServe && canPrint && d.handling().contains(CatalogModel.Handling.APPOINTMENT),
                canTakeTickets && d.handling().contains(CatalogModel.Handling.QUEUE),
                canPrint);
    }

    /** Items done at once (马上办 print-outs, 一证通办 results) run the service transaction. */
    static boolean performable(ItemDetail d) {
        return d.handling().contains(CatalogModel.Handling.IMMEDIATE) || d.handling().contains(CatalogModel.Handling.ONE_CERTIFICATE);
    }

    /**
     * An item that takes an application (申报) starts the application flow, also when it is
     * 一证通办: its e-licenses are then fetched inside the application, which has the form and
     * the paper materials the service transaction cannot take.
     */
    static boolean startsApplication(ItemDetail d) {
        return d.takesApplication();
    }
}
