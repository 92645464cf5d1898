package org.zizhu.kiosk.flow;

/**
 * The status light on top of the kiosk, in the kiosk's own words; the device edge maps it to
 * the GPIO board's light pattern. What it shows is a pure function of the terminal's mode, so
 * it can be read off a table (KioskFlowTest) instead of being set from five places.
 */
public enum StatusLight {
    /** Steady green: ready for a resident. */
    READY,
    /** Flashing green: serving a resident, or still starting. */
    BUSY,
    /** Flashing red: a device reports a hardware error. */
    FAULT,
    /** Steady red: out of service. */
    OUT_OF_SERVICE,
    /** Red and green alternating: help requested, staff please come. */
    HELP_REQUESTED;

    /**
     * Out of service wins over everything (staff must come anyway), then a help call (a person
     * is waiting), then a device fault, then a resident being served. Maintenance shows what
     * the terminal returns to once the technician leaves.
     */
    public static StatusLight of(KioskMode mode, boolean helpCalled, boolean hardwareError) {
        return switch (mode) {
            case KioskMode.Maintenance m -> of(m.underneath(), helpCalled, hardwareError);
            case KioskMode.OutOfService o -> OUT_OF_SERVICE;
            case KioskMode.Starting s -> helpCalled ? HELP_REQUESTED : hardwareError ? FAULT : BUSY;
            case KioskMode.Transaction t -> helpCalled ? HELP_REQUESTED : hardwareError ? FAULT : BUSY;
            case KioskMode.Application a -> helpCalled ? HELP_REQUESTED : hardwareError ? FAULT : BUSY;
            case KioskMode.CaseProgress c -> helpCalled ? HELP_REQUESTED : hardwareError ? FAULT : BUSY;
            case KioskMode.Attract a -> helpCalled ? HELP_REQUESTED : hardwareError ? FAULT : READY;
            case KioskMode.Browse b -> helpCalled ? HELP_REQUESTED : hardwareError ? FAULT : READY;
        };
    }
}
