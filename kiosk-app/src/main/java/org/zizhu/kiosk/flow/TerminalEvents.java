package org.zizhu.kiosk.flow;

import java.time.LocalDate;
import org.zizhu.kiosk.session.Resident;

/**
 * What the terminal's devices tell the kiosk, in kiosk terms. The device adapter calls these on
 * the devices' own threads; implementations must be thread-safe.
 */
public interface TerminalEvents {
    /**
     * An ID card was read and turned into a resident; the driver's copy is already wiped. Whoever
     * does not keep {@code resident} (no transaction waiting for one) must wipe it.
     */
    void residentCardRead(Resident resident, LocalDate validFrom);

    /** A card was there but could not be read (read failure, unknown card, bad data). */
    void cardProblem();

    /**
     * The resident ID card left the reader (or the reader was lost with a card on it). A card is on
     * the reader from {@link #residentCardRead} or {@link #cardProblem} until this.
     */
    void cardRemoved();

    void technicianCardInserted();

    void technicianCardRemoved();

    /** The help button was pressed. */
    void helpRequested();

    /** The door switch changed; {@code open} latches the tamper alarm (the adapter saved it first). */
    void tamperChanged(boolean open);
}
