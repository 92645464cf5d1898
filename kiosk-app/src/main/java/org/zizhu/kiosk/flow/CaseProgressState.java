package org.zizhu.kiosk.flow;

import java.time.LocalDate;
import org.zizhu.kiosk.flow.CaseProgressPorts.Case;
import org.zizhu.kiosk.flow.CaseProgressPorts.Cases;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.session.Resident;

/**
 * Where a case progress query (办件查询) stands; the screens render these records (pattern
 * matching on the sealed interface). Message keys name bundle texts; {@link Text}s come from the
 * centre or the ports. Personal data in a state (the resident, the cases) is held by the visit.
 */
public sealed interface CaseProgressState {
    /**
     * The resident chooses how to find their case: identify (card or mobile-app login code, both
     * also taken here at once), show a receipt's QR code (also taken here), or type the number.
     * {@code messageKey}: a notice to show above the choices, or null.
     */
    record Choosing(String messageKey) implements CaseProgressState {
    }

    /** Waiting for the ID card or the app's login code; {@code messageKey} says what to do or what was wrong with the card. */
    record AwaitingIdentity(String messageKey) implements CaseProgressState {
    }

    /**
     * Typing the case number: {@code typed} is what the resident entered last (shown again in the
     * field), {@code messageKey} why it was not taken (null at first).
     */
    record EnteringNumber(String typed, String messageKey) implements CaseProgressState {
        @Override
        public String toString() {
            return "EnteringNumber[" + (typed == null ? 0 : typed.length()) + " chars, " + messageKey + "]";
        }
    }

    /** Waiting for the receipt's QR code in front of the camera; {@code messageKey} says what to do or why the last code failed. */
    record ScanningReceipt(String messageKey) implements CaseProgressState {
    }

    /** Asking the centre; {@code messageKey} says what the resident should do meanwhile (look at the camera for the face check). */
    record Loading(Lookup lookup, String messageKey) implements CaseProgressState {
    }

    /** The verified person's cases ({@code cases.holder()} names them), newest first; {@code asOf} is today, for overdue dates. */
    record CaseList(Cases cases, LocalDate asOf) implements CaseProgressState {
    }

    /**
     * One case with its steps; {@code from} is the list it was opened from (back goes there), or the
     * one-case holder of a case looked up by number (back goes to the choices).
     */
    record CaseDetail(Case shown, Cases from, LocalDate asOf) implements CaseProgressState {
        /** True when back returns to the verified person's list. */
        public boolean fromList() {
            return from.holder() != null;
        }
    }

    /** The lookup failed: {@code message} from the centre or the kiosk; {@code canRetry} when the same lookup may work again. */
    record Failed(Lookup lookup, Text message, boolean canRetry) implements CaseProgressState {
    }

    /** The query is over (the resident left, or the visit ended); everything it held is wiped. */
    record Ended() implements CaseProgressState {
    }

    /** What was asked of the centre (kept for a retry). */
    sealed interface Lookup {
    }

    /** The verified person's list. */
    record ByPerson(Resident resident) implements Lookup {
    }

    /** One case by its number, typed or {@code scanned} from a receipt. */
    record ByNumber(String caseNumber, boolean scanned) implements Lookup {
        @Override
        public String toString() {
            return "ByNumber[" + (caseNumber == null ? 0 : caseNumber.length()) + " chars, scanned=" + scanned + "]";
        }
    }
}
