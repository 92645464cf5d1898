package org.zizhu.kiosk.flow;

import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.flow.ServicePorts.Outcome;
import org.zizhu.kiosk.session.Resident;

/**
 * Where a resident's flow stands. Each state carries only what its step needs; the steps both
 * flows share are here, {@link TransactionFlow} and {@link CheckInFlow} add their own. The
 * screen's {@link ServiceFlow.View} is a function of the state ({@link Views}).
 */
sealed interface ServiceState permits ServiceState.AwaitingCard, ServiceState.CardProblem, ServiceState.Working,
        ServiceState.Printing, ServiceState.Done, ServiceState.Failed, ServiceState.RatingAsked, ServiceState.Submitting,
        ServiceState.Thanks, TransactionFlow.Consent, TransactionFlow.OrderingPayment, TransactionFlow.Paying,
        TransactionFlow.VerifyingPerson, TransactionFlow.ChoosingEnterprise, TransactionFlow.IdentifyingEnterprise,
        CheckInFlow.EnterCode {

    /**
     * What the flow does for the resident once they are identified; kept through a failure so
     * that a retry knows what to redo.
     */
    sealed interface Job permits TransactionFlow.Perform, CheckInFlow.CheckIn {
        /** The step after a successful identification (consent first, for e-license items). */
        Next identified(Resident resident, Facts facts);

        /** Starts (or, after a failure, restarts) the work at the centre. */
        Next start(Resident resident, Facts facts);
    }

    /** Waiting for an ID card or a login code. */
    record AwaitingCard(Job job) implements ServiceState {
    }

    /** The card was refused or unreadable ({@code messageKey} says why); another card may be tried. */
    record CardProblem(Job job, String messageKey) implements ServiceState {
    }

    /** The centre is working on the job. */
    record Working(Resident resident, Job job) implements ServiceState {
    }

    /** The result is being printed. */
    record Printing(Resident resident, Job job, Outcome outcome) implements ServiceState {
    }

    record Done(Resident resident, Outcome outcome) implements ServiceState {
    }

    /**
     * It could not be done. {@code outcome} is set when the centre already produced the result
     * (a retry only prints); {@code reportable} until a 办不成事 report was tried.
     */
    record Failed(Resident resident, Job job, Outcome outcome, String messageKey, Text message, boolean canRetry,
                  boolean reportable) implements ServiceState {
    }

    /** Asking for the 好差评 rating; {@code message} is why a previous submission failed. */
    record RatingAsked(Resident resident, String messageKey, Text message, boolean canRetry) implements ServiceState {
    }

    enum Submission { RATING, REPORT }

    /** A rating or a report is being queued; {@code job} is kept for a report that fails. */
    record Submitting(Resident resident, Job job, Submission what) implements ServiceState {
    }

    record Thanks(Resident resident) implements ServiceState {
    }
}
