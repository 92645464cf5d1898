package org.zizhu.kiosk.flow;

import java.time.LocalDate;
import org.zizhu.kiosk.session.Resident;

/**
 * What the terminal needs from whatever a resident is doing after the guide (a service
 * transaction, an application, a case-progress query): where identities go, whether the idle
 * timer may end the visit and whether the camera should look for a login code. {@link KioskFlow}
 * routes device events through this, so one more kind of task is one more implementation, not
 * one more branch in every listener.
 */
public interface ResidentTask {
    /** True while the centre, a device or a payment works for the resident: the idle timer must not end the visit then. */
    boolean busy();

    /** True while the task waits for a card or a login code. */
    boolean awaitingIdentity();

    /** True while the camera should keep scanning for a login code (it may be wanted a little longer than {@link #awaitingIdentity}). */
    default boolean wantsLoginCode() {
        return awaitingIdentity();
    }

    /** An ID card was read; the task wipes it if it is not taken. */
    void identityRead(Resident r, LocalDate validFrom);

    /** The camera saw the resident's mobile-app login code. */
    void qrLogin(String token);

    /** The card could not be read: the resident may try again. */
    void cardReadFailed();

    /**
     * True while the task shows a result just printed for the resident (a certificate, a receipt,
     * a queue ticket): the terminal then reminds them to take it, also after they left the screen.
     */
    default boolean printedForResident() {
        return false;
    }

    /** Calls {@code r} after every change of what the task shows (on the thread that changed it). */
    void onChange(Runnable r);
}
