package org.zizhu.kiosk.flow;

import java.time.Duration;
import org.zizhu.kiosk.flow.ServicePorts.Outcome;
import org.zizhu.kiosk.session.EnterpriseIdentity;
import org.zizhu.kiosk.session.Rating;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Wipeable;

/**
 * What a transition asks the {@link FlowMachine} to do. The transition stays a pure function;
 * the machine runs these (port calls on the worker, timers on the scheduler) and feeds the
 * answers back as {@link ServiceEvent}s.
 */
sealed interface Effect {
    /** A SERVICE_STEP event in the log ({@code retryable} null: not a failure). */
    record Log(boolean ok, String step, Boolean retryable) implements Effect {
    }

    /** Personal data to register with the visit (wiped at its end); done before the state changes. */
    record Hold(Wipeable data) implements Effect {
    }

    record Wipe(Wipeable data) implements Effect {
    }

    /** Creates payment order number {@code attempt} of this transaction (each attempt its own order). */
    record OrderPayment(int attempt) implements Effect {
    }

    record PollPayment(String orderId) implements Effect {
    }

    record CancelOrder(String orderId) implements Effect {
    }

    /** Fires {@code event} after {@code delay}. */
    record After(Duration delay, ServiceEvent event) implements Effect {
    }

    /** Performs the item; {@code enterprise} set: for that enterprise, the resident acting (null: for the resident). */
    record Perform(Resident resident, boolean consented, EnterpriseIdentity enterprise) implements Effect {
        Perform(Resident resident, boolean consented) {
            this(resident, consented, null);
        }
    }

    /** Proves who the card holder is (face check at the centre) before they choose the enterprise. */
    record VerifyPerson(Resident resident) implements Effect {
    }

    /** Asks the centre whether the verified person may act for the enterprise they named. */
    record IdentifyEnterprise(ServicePorts.VerifiedPerson person, EnterpriseChoice choice) implements Effect {
    }

    record CheckIn(Resident resident, String appointmentCode) implements Effect {
    }

    record Print(Resident resident, Outcome outcome) implements Effect {
    }

    record SubmitRating(Rating rating) implements Effect {
    }

    record SubmitReport(String reasonCode) implements Effect {
    }
}
