package org.zizhu.kiosk.flow;

import java.time.LocalDate;
import org.zizhu.kiosk.flow.CaseProgressPorts.Case;
import org.zizhu.kiosk.flow.CaseProgressPorts.Cases;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.session.Resident;

/**
 * What moves a case progress query: the resident's touches, cards and codes (the screens and the
 * kiosk fire them through {@link CaseProgressFlow#fire}) and the ports' answers. An event that
 * does not fit the current state is ignored (its personal data wiped).
 */
public sealed interface CaseProgressEvent {
    /** "Use my ID card or app code": wait for one. */
    record ChooseCard() implements CaseProgressEvent {
    }

    /** "Type the case number". */
    record ChooseNumber() implements CaseProgressEvent {
    }

    /** "Scan the QR code on my receipt". */
    record ChooseQr() implements CaseProgressEvent {
    }

    /** A card ({@code validFrom} from the card) or a mobile-app login ({@code validFrom} null). */
    record Identified(Resident resident, LocalDate validFrom) implements CaseProgressEvent {
    }

    record CardReadFailed() implements CaseProgressEvent {
    }

    /** The resident finished typing a case number (checked here: spaces dropped, letters made capitals). */
    record NumberEntered(String text) implements CaseProgressEvent {
        @Override
        public String toString() {
            return "NumberEntered[" + (text == null ? 0 : text.length()) + " chars]";
        }
    }

    /** The camera read a receipt's status link; the case number from it. */
    record CaseCodeScanned(String caseNumber) implements CaseProgressEvent {
        @Override
        public String toString() {
            return "CaseCodeScanned[" + (caseNumber == null ? 0 : caseNumber.length()) + " chars]";
        }
    }

    /** Opens case {@code index} of the list shown. */
    record OpenCase(int index) implements CaseProgressEvent {
    }

    /** One step back: detail to list, list or a sub-choice to the choices. */
    record Back() implements CaseProgressEvent {
    }

    /** After a retryable failure: ask again. */
    record Retry() implements CaseProgressEvent {
    }

    /** The resident leaves; everything personal in the flow is wiped. */
    record Cancel() implements CaseProgressEvent {
    }

    /** The verified person's cases ({@link CaseProgressPorts#casesOf}). */
    record CasesAnswered(Cases cases) implements CaseProgressEvent {
    }

    /** The case asked for by {@code caseNumber}; {@code found} null when the centre knows none. */
    record CaseAnswered(String caseNumber, Case found) implements CaseProgressEvent {
        @Override
        public String toString() {
            return "CaseAnswered[" + (found == null ? "none" : found) + "]";
        }
    }

    /** A port failed with words for the resident. */
    record WorkFailed(Text message, boolean retryable) implements CaseProgressEvent {
    }

    /** The visit ended (idle timeout, home): the flow ends. */
    record VisitEnded() implements CaseProgressEvent {
    }
}
