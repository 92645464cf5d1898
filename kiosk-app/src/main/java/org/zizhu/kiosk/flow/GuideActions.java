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
     * @param canPrint an A4 printer is there
     * @param canTakeTickets queue tickets can be taken and printed
     */
    static GuideActions of(ItemDetail d, boolean canServe, boolean canPrint, boolean canTakeTickets) {
        boolean performable = d.handling().contains(CatalogModel.Handling.IMMEDIATE)
                || d.handling().contains(CatalogModel.Handling.ONE_CERTIFICATE);
        return new GuideActions(canServe && performable,
                // The check-in prints a priority ticket: no printer, no check-in.
                canServe && canPrint && d.handling().contains(CatalogModel.Handling.APPOINTMENT),
                canTakeTickets && d.handling().contains(CatalogModel.Handling.QUEUE),
                canPrint);
    }
}
