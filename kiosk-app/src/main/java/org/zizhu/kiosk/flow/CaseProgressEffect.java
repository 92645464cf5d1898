package org.zizhu.kiosk.flow;

import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Wipeable;

/** What a case progress transition asks {@link CaseProgressFlow} to do (port calls on the worker, the log, the visit). */
sealed interface CaseProgressEffect {
    /** A SERVICE_STEP event ({@code retryable} null: not a failure); never personal data. */
    record Log(boolean ok, String step, Boolean retryable) implements CaseProgressEffect {
    }

    /** Personal data registered with the visit before the state changes (wiped at its end). */
    record Hold(Wipeable data) implements CaseProgressEffect {
    }

    record Wipe(Wipeable data) implements CaseProgressEffect {
    }

    /** Verify the resident and fetch their cases. */
    record LoadCases(Resident resident) implements CaseProgressEffect {
    }

    /** Look one case up by its (checked) number. */
    record LoadCase(String caseNumber) implements CaseProgressEffect {
    }
}
