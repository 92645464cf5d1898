package org.zizhu.kiosk.flow;

import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;

/**
 * What the terminal as a whole is doing, as a value: the window renders exactly this, and the
 * status light is a pure function of it ({@link StatusLight#of}). {@link KioskFlow} derives it
 * from its facts after every transition; listeners get the new mode.
 */
public sealed interface KioskMode {

    /** A short name for logs, the demo console and tests (ATTRACT, HOME, SERVICE_CONSENT, ...). */
    String shown();

    /** The window is up, the database, catalogue and devices are still opening. */
    record Starting() implements KioskMode {
        @Override
        public String shown() {
            return "STARTING";
        }
    }

    /** Waiting for a resident: the attract screen. */
    record Attract(BrowseState browse) implements KioskMode {
        @Override
        public String shown() {
            return browse.screen().name();
        }
    }

    /** A resident browses the catalogue or reads a guide. */
    record Browse(BrowseState browse) implements KioskMode {
        @Override
        public String shown() {
            return browse.screen().name();
        }
    }

    /** A resident is in a service transaction (or an appointment check-in) for {@code item}. */
    record Transaction(BrowseState browse, ServiceFlow service, ItemDetail item) implements KioskMode {
        @Override
        public String shown() {
            return "SERVICE_" + service.view().step().name();
        }
    }

    /** A resident is putting together an application (申报) for {@code item}. */
    record Application(BrowseState browse, ApplicationFlow flow, ItemDetail item) implements KioskMode {
        @Override
        public String shown() {
            return "APPLICATION_" + flow.state().getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** A resident looks up the progress of their cases (办件查询). */
    record CaseProgress(BrowseState browse, CaseProgressFlow flow) implements KioskMode {
        @Override
        public String shown() {
            return "CASES_" + flow.state().getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A technician card is in the reader (PIN entry or unlocked). {@code underneath} is what the
     * terminal returns to when the card is removed; the light follows it.
     */
    record Maintenance(MaintenanceFlow flow, KioskMode underneath) implements KioskMode {
        @Override
        public String shown() {
            return "MAINTENANCE";
        }
    }

    /** Serves no one until a technician or a restart brings it back. */
    record OutOfService(Reason reason) implements KioskMode {
        public enum Reason {
            /** The database, credentials or catalogue could not be opened (the reason is in the log). */
            START_FAILED,
            /** The door was opened; the alarm latches until a technician resets it. */
            TAMPER,
            /**
             * Not enrolled yet (a fresh install): without credentials nothing reaches the centre,
             * so residents are not invited in until the technician's commissioning wizard has enrolled it.
             */
            NOT_COMMISSIONED,
            /**
             * An update is being installed and the kiosk is about to restart (a minute or so);
             * held only when nobody was using it, and released by itself if no restart comes.
             */
            UPDATING
        }

        @Override
        public String shown() {
            return "OUT_OF_SERVICE";
        }
    }
}
