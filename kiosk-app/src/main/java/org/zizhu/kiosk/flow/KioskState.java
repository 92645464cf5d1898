package org.zizhu.kiosk.flow;

import java.time.Instant;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.i18n.Text;

/**
 * The pure core of {@link KioskFlow}: the facts the terminal's mode is derived from, the inputs
 * that change them, the one transition function {@link #next} and the mode they amount to
 * ({@link #modeOf}). No threads, no devices, no clock reads: tests call it with values.
 */
final class KioskState {
    private KioskState() {
    }

    enum Phase { STARTING, SERVING, START_FAILED }

    /** What the resident is doing (a service transaction, an application, a case query) and the item it is for (null for a case query). */
    record Tx(ResidentTask task, ItemDetail item) {
    }

    /** A notice on the bar until {@code until}; {@code text} for notices that carry data (queue ticket). */
    record Notice(String key, Text text, Instant until) {
    }

    /**
     * What a resident may leave behind, remembered past the end of their visit: the ID card on the
     * reader ({@code cardOnReader} since it was read or failed to read, until the reader reports it
     * gone; {@code cardLeft} once a visit ended with it still there) and a print-out in the tray
     * ({@code printUntil}: the print reminder shows until then).
     */
    record Reminders(boolean cardOnReader, boolean cardLeft, Instant printUntil) {
        static final Reminders NONE = new Reminders(false, false, null);

        boolean printShown(Instant now) {
            return printUntil != null && now.isBefore(printUntil);
        }
    }

    /** Everything the mode is derived from. Immutable: {@link #next} makes the next one. */
    record Facts(Phase phase, BrowseState browse, boolean tampered, MaintenanceFlow maintenance,
                 boolean maintenanceOpen, Tx tx, Instant helpUntil, Notice notice, boolean closing, Reminders reminders,
                 boolean awaitingCommissioning, Instant updatingUntil) {
        Facts withBrowse(BrowseState b) {
            // Back on the attract screen the visit is over: its transaction goes with it, and a
            // card still on the reader is now left behind.
            boolean visitEnded = b.screen() == BrowseState.Screen.ATTRACT && browse.screen() != BrowseState.Screen.ATTRACT;
            Tx t = b.screen() == BrowseState.Screen.ATTRACT ? null : tx;
            Reminders r = visitEnded && reminders.cardOnReader() ? new Reminders(true, true, reminders.printUntil()) : reminders;
            return new Facts(phase, b, tampered, maintenance, maintenanceOpen, t, helpUntil, notice, closing, r, awaitingCommissioning, updatingUntil);
        }

        Facts withPhase(Phase p, boolean tamper, MaintenanceFlow m) {
            return new Facts(p, browse, tamper, m, maintenanceOpen, tx, helpUntil, notice, closing, reminders, awaitingCommissioning, updatingUntil);
        }

        Facts withTampered(boolean t) {
            return new Facts(phase, browse, t, maintenance, maintenanceOpen, tx, helpUntil, notice, closing, reminders, awaitingCommissioning, updatingUntil);
        }

        Facts withMaintenanceOpen(boolean open) {
            return new Facts(phase, browse, tampered, maintenance, open, tx, helpUntil, notice, closing, reminders, awaitingCommissioning, updatingUntil);
        }

        Facts withTx(Tx t) {
            return new Facts(phase, browse, tampered, maintenance, maintenanceOpen, t, helpUntil, notice, closing, reminders, awaitingCommissioning, updatingUntil);
        }

        Facts withHelpUntil(Instant until) {
            return new Facts(phase, browse, tampered, maintenance, maintenanceOpen, tx, until, notice, closing, reminders, awaitingCommissioning, updatingUntil);
        }

        Facts withNotice(Notice n) {
            return new Facts(phase, browse, tampered, maintenance, maintenanceOpen, tx, helpUntil, n, closing, reminders, awaitingCommissioning, updatingUntil);
        }

        Facts withReminders(Reminders r) {
            return new Facts(phase, browse, tampered, maintenance, maintenanceOpen, tx, helpUntil, notice, closing, r, awaitingCommissioning, updatingUntil);
        }

        /** Not enrolled yet: nobody is served until a technician commissions the terminal. */
        Facts withAwaitingCommissioning(boolean a) {
            return new Facts(phase, browse, tampered, maintenance, maintenanceOpen, tx, helpUntil, notice, closing, reminders, a, updatingUntil);
        }

        Facts closed() {
            return new Facts(phase, browse, tampered, maintenance, maintenanceOpen, tx, helpUntil, notice, true, reminders, awaitingCommissioning, updatingUntil);
        }

        /**
         * Held for an update until {@code until} (null: released): the installer is about to
         * restart the kiosk, so nobody may start a visit the restart would cut.
         */
        Facts withUpdatingUntil(Instant until) {
            return new Facts(phase, browse, tampered, maintenance, maintenanceOpen, tx, helpUntil, notice, closing, reminders,
                    awaitingCommissioning, until);
        }

        boolean helpCalled(Instant now) {
            return helpUntil != null && now.isBefore(helpUntil);
        }
    }

    /** What changes the facts. */
    sealed interface Input {
        record Started(boolean tamperLatched, MaintenanceFlow maintenance) implements Input { }
        record StartFailed() implements Input { }
        record BrowseChanged(BrowseState state) implements Input { }
        record TamperOpened() implements Input { }
        record TamperCleared() implements Input { }
        record MaintenanceChanged(boolean open) implements Input { }
        record TransactionBegun(Tx tx) implements Input { }
        record TransactionEnded() implements Input { }
        record HelpPressed(Instant until) implements Input { }
        record NoticeShown(Notice notice) implements Input { }
        record Tick(Instant now) implements Input { }
        /** The ID card reader read a card, or failed to: a card lies on it. */
        record CardPlaced() implements Input { }
        /** The reader reports the card gone. */
        record CardRemoved() implements Input { }
        /** Something was printed for the resident: the print reminder shows until {@code until}. */
        record Printed(Instant until) implements Input { }
        record Closing() implements Input { }
        /** Whether the terminal still waits for its commissioning (not enrolled), as checked at start and on every tick. */
        record Commissioning(boolean awaiting) implements Input { }
        /**
         * The updater asks to hold the terminal until {@code until} for an install and restart.
         * Granted only when nobody uses it (see {@link #inUse}); a visit or technician keeps it
         * free to finish, and the updater asks again later.
         */
        record UpdateHold(Instant until) implements Input { }
    }

    /**
     * Someone uses the terminal: a resident's visit (browsing, a transaction, an application, a
     * case query) or a technician at the maintenance screen. Starting, attract and out of service
     * are free.
     */
    static boolean inUse(KioskMode m) {
        return !(m instanceof KioskMode.Attract || m instanceof KioskMode.Starting || m instanceof KioskMode.OutOfService);
    }

    /** The transition function: the facts after {@code in}. Pure. */
    static Facts next(Facts f, Input in) {
        return switch (in) {
            // A failed start-up is final; a late report cannot bring the kiosk into service.
            case Input.Started s -> f.phase() != Phase.STARTING ? f
                    : f.withPhase(Phase.SERVING, f.tampered() || s.tamperLatched(), s.maintenance());
            case Input.StartFailed s -> f.phase() == Phase.STARTING ? f.withPhase(Phase.START_FAILED, f.tampered(), null) : f;
            case Input.BrowseChanged b -> f.withBrowse(b.state());
            // The alarm latches: only a technician's reset clears it.
            case Input.TamperOpened t -> f.withTampered(true);
            case Input.TamperCleared t -> f.withTampered(false);
            case Input.MaintenanceChanged m -> f.withMaintenanceOpen(m.open());
            case Input.TransactionBegun t -> f.phase() != Phase.SERVING || f.closing() || f.tampered() || f.awaitingCommissioning()
                    || f.updatingUntil() != null ? f : f.withTx(t.tx());
            case Input.TransactionEnded t -> f.withTx(null);
            case Input.HelpPressed h -> f.withHelpUntil(h.until());
            case Input.NoticeShown n -> f.withNotice(n.notice());
            // A hold the installer never acted on ends by itself: the kiosk serves again.
            case Input.Tick t -> f.withHelpUntil(f.helpCalled(t.now()) ? f.helpUntil() : null)
                    .withUpdatingUntil(f.updatingUntil() != null && t.now().isBefore(f.updatingUntil()) ? f.updatingUntil() : null)
                    .withNotice(f.notice() != null && t.now().isBefore(f.notice().until()) ? f.notice() : null)
                    .withReminders(f.reminders().printShown(t.now()) ? f.reminders()
                            : new Reminders(f.reminders().cardOnReader(), f.reminders().cardLeft(), null));
            // A card placed is not left behind yet: only a visit ending with it there makes it so.
            case Input.CardPlaced c -> f.withReminders(new Reminders(true, false, f.reminders().printUntil()));
            case Input.CardRemoved c -> f.withReminders(new Reminders(false, false, f.reminders().printUntil()));
            case Input.Printed p -> f.withReminders(new Reminders(f.reminders().cardOnReader(), f.reminders().cardLeft(),
                    p.until()));
            case Input.Closing c -> f.closed();
            case Input.Commissioning c -> f.awaitingCommissioning() == c.awaiting() ? f : f.withAwaitingCommissioning(c.awaiting());
            case Input.UpdateHold h -> inUse(modeOf(f)) ? f : f.withUpdatingUntil(h.until());
        };
    }

    /** The mode the facts amount to. Pure. */
    static KioskMode modeOf(Facts f) {
        KioskMode resident;
        if (f.phase() == Phase.START_FAILED) {
            resident = new KioskMode.OutOfService(KioskMode.OutOfService.Reason.START_FAILED);
        } else if (f.tampered()) {
            resident = new KioskMode.OutOfService(KioskMode.OutOfService.Reason.TAMPER);
        } else if (f.phase() == Phase.SERVING && f.awaitingCommissioning()) {
            resident = new KioskMode.OutOfService(KioskMode.OutOfService.Reason.NOT_COMMISSIONED);
        } else if (f.updatingUntil() != null) {
            resident = new KioskMode.OutOfService(KioskMode.OutOfService.Reason.UPDATING);
        } else if (f.phase() == Phase.STARTING) {
            resident = new KioskMode.Starting();
        } else if (f.tx() != null && f.browse().screen() != BrowseState.Screen.ATTRACT) {
            resident = switch (f.tx().task()) {
                case ServiceFlow s -> new KioskMode.Transaction(f.browse(), s, f.tx().item());
                case ApplicationFlow a -> new KioskMode.Application(f.browse(), a, f.tx().item());
                case CaseProgressFlow c -> new KioskMode.CaseProgress(f.browse(), c);
                default -> throw new IllegalStateException("no mode for " + f.tx().task().getClass().getName());
            };
        } else if (f.browse().screen() == BrowseState.Screen.ATTRACT) {
            resident = new KioskMode.Attract(f.browse());
        } else {
            resident = new KioskMode.Browse(f.browse());
        }
        return f.maintenanceOpen() && f.maintenance() != null ? new KioskMode.Maintenance(f.maintenance(), resident) : resident;
    }
}
