package org.zizhu.kiosk.flow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.zizhu.kiosk.flow.ServicePorts.ServiceException;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Wipeable;

/**
 * What the case progress (办件查询) flow needs from the rest of the kiosk: the verified person's
 * cases, and one case by its number (typed, or read from the QR code on an acceptance receipt).
 * The runtime provides the real implementation ({@code transaction.CentralCaseProgressPorts});
 * the flow stays free of I/O.
 */
public interface CaseProgressPorts {
    /**
     * A case number as the centre issues them ({@code ZW-20250301-000001}): capitals, digits and
     * hyphens, 8 to 40 long (the contract's {@code CaseNumber}), not starting or ending with a
     * hyphen. The same rule the camera driver applies to a receipt's status link.
     */
    Pattern CASE_NUMBER = Pattern.compile("[0-9A-Z][0-9A-Z-]{6,38}[0-9A-Z]");

    /** Where a case stands (the contract's {@code CaseState}). */
    enum Stage {
        SUBMITTED, ACCEPTED, IN_REVIEW, APPROVED, REJECTED, COMPLETED;

        /** The way a case goes when nothing is refused. */
        private static final List<Stage> COURSE = List.of(SUBMITTED, ACCEPTED, IN_REVIEW, APPROVED, COMPLETED);

        /** Nothing more will happen to the case. */
        public boolean finished() {
            return this == REJECTED || this == COMPLETED;
        }

        /** The stages still to come after this one on the usual course (none once finished). */
        public List<Stage> upcoming() {
            return finished() ? List.of() : COURSE.subList(COURSE.indexOf(this) + 1, COURSE.size());
        }
    }

    /** One step of a case's history: the stage it reached, when, and the centre's note (may be null). */
    record Step(Stage stage, Instant at, Text note) {
    }

    /** A material still owed under 容缺, by its due date. */
    record Owed(String material, LocalDate dueDate) {
    }

    /**
     * One case as the centre reports it: {@code itemName} may be null (an older answer names
     * only the item code), {@code promisedBy} is the promised completion date (时限; null when
     * the item has none), {@code steps} oldest first.
     */
    record Case(String caseNumber, String itemCode, Text itemName, Stage stage, Instant submittedAt,
                LocalDate promisedBy, List<Step> steps, List<Owed> owed) {
        public Case {
            steps = List.copyOf(steps);
            owed = List.copyOf(owed);
        }

        /** The case number ties the case to its applicant: a log line gets four characters of it. */
        @Override
        public String toString() {
            String n = caseNumber == null ? "" : caseNumber;
            return "Case[" + (n.length() <= 4 ? "****" : n.substring(0, 4) + "*".repeat(n.length() - 4)) + ", " + itemCode
                    + ", " + stage + "]";
        }
    }

    /**
     * Cases shown in one visit: a verified person's list ({@code holder} the person as the centre
     * verified them, named on the screen), or the one case looked up by its number ({@code holder}
     * null). Personal data: held by the visit, emptied by {@link #wipe()}.
     */
    final class Cases implements Wipeable {
        private final Resident holder;
        private final List<Case> cases;
        private volatile boolean wiped;

        public Cases(Resident holder, List<Case> cases) {
            this.holder = holder;
            this.cases = new ArrayList<>(cases);
        }

        /** The person whose list this is (masked on screen), or null for a case looked up by number. */
        public Resident holder() {
            return holder;
        }

        /** The cases, newest first (empty once wiped). */
        public synchronized List<Case> cases() {
            return List.copyOf(cases);
        }

        public synchronized int size() {
            return cases.size();
        }

        public boolean wiped() {
            return wiped;
        }

        @Override
        public synchronized void wipe() {
            wiped = true;
            cases.clear();
            if (holder != null) {
                holder.wipe();
            }
        }

        @Override
        public String toString() {
            return "Cases[" + size() + (holder == null ? ", by number" : ", " + holder.source()) + "]";
        }
    }

    /**
     * Verifies {@code resident} at the centre (a mobile-app login as is; a card holder with a
     * face check) and returns their cases, newest first. A failure the resident can act on (face
     * not captured, centre unreachable) is a {@link ServiceException} saying so.
     */
    Cases casesOf(Resident resident) throws ServiceException;

    /**
     * The case with this number ({@link #CASE_NUMBER}), or empty when the centre knows none. A
     * transport or centre failure is a {@link ServiceException}.
     */
    Optional<Case> caseByNumber(String caseNumber) throws ServiceException;

    /**
     * The face check's live picture and prompt while the card holder's face is being captured
     * ({@link FaceGuideSource}); empty when no capture runs. Fast, never waits for the camera.
     */
    default Optional<FaceGuideView> faceGuide() {
        return Optional.empty();
    }
}
