package org.zizhu.kiosk.runtime;

import java.util.List;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.StatusTracker;
import org.zizhu.kiosk.catalog.Catalog;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.central.LinkState;
import org.zizhu.kiosk.devices.DeviceEvents;
import org.zizhu.kiosk.flow.DeviceHealth;
import org.zizhu.kiosk.flow.GuideDesk;
import org.zizhu.kiosk.flow.KioskBackend;
import org.zizhu.kiosk.flow.KioskParts;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.transaction.QueueTicketAction;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.runtime.KioskServices;

/**
 * Puts the opened services behind the kiosk flow's ports: the runtime as its
 * {@link KioskBackend}, the device hub as its {@link org.zizhu.kiosk.flow.TerminalDevices},
 * printing and the centre's queue tickets as its {@link GuideDesk}.
 */
public final class KioskWiring {
    private KioskWiring() {
    }

    public static KioskParts parts(KioskServices s) {
        KioskRuntime rt = s.runtime();
        PrintService printing = s.printing();
        GuideDesk desk = printing == null ? null : new PrintingDesk(printing,
                new QueueTicketAction(rt.services().appointments(), printing));
        return new KioskParts(new RuntimeBackend(rt), s.hub() == null ? null : new DeviceEvents(s.hub()), s.ports(), s.applicationPorts(),
                s.caseProgressPorts(), desk, s.commissioningPorts());
    }

    /** The runtime: catalogue, link and the devices' status trackers. */
    private record RuntimeBackend(KioskRuntime rt) implements KioskBackend {
        @Override
        public Catalog catalog() {
            return rt.catalog();
        }

        @Override
        public boolean offline() {
            return rt.link().status() == LinkState.Status.OFFLINE;
        }

        @Override
        public String linkStatus() {
            return rt.link().status().name();
        }

        @Override
        public List<DeviceHealth> devices() {
            return rt.devices().stream().map(RuntimeBackend::health).toList();
        }

        private static DeviceHealth health(StatusTracker t) {
            return new DeviceHealth(t.deviceId(), t.status().name(), t.detail(), t.status().usable(),
                    t.status() == DeviceStatus.HARDWARE_ERROR);
        }

        @Override
        public void syncNow() throws Exception {
            rt.syncNow();
        }

        @Override
        public void onChange(Runnable r) {
            rt.onCatalogChange(c -> r.run());
            rt.link().addListener(status -> r.run());
        }
    }

    /** Guides on the A4 printer, queue tickets from the centre on the receipt printer. */
    private record PrintingDesk(PrintService printing, QueueTicketAction tickets) implements GuideDesk {
        @Override
        public boolean canPrintGuides() {
            return true;
        }

        @Override
        public boolean canTakeTickets() {
            return true;
        }

        @Override
        public boolean printGuide(ItemDetail item, Language language) {
            try {
                printing.printA4(PrintService.guideData(item, language), "guide-" + item.code());
                return true;
            } catch (PrintService.PrintFailure e) {
                return false;
            }
        }

        @Override
        public Ticket takeTicket(ItemDetail item) {
            QueueTicketAction.Result r = tickets.take(item);
            return new Ticket(r.message(), r.printed());
        }
    }
}
