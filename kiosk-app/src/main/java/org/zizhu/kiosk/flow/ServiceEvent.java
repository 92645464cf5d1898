package org.zizhu.kiosk.flow;

import java.time.LocalDate;
import java.util.List;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.flow.ServicePorts.Outcome;
import org.zizhu.kiosk.flow.ServicePorts.PaymentOrder;
import org.zizhu.kiosk.flow.ServicePorts.PaymentState;
import org.zizhu.kiosk.session.EnterpriseIdentity;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.RatingLevel;

/** Everything that can move a flow: the resident's touches and cards, the ports' answers, the timers. */
sealed interface ServiceEvent {
    record CodeEntered(String code) implements ServiceEvent {
    }

    /** A card ({@code validFrom} from the card) or a mobile-app login ({@code validFrom} null). */
    record Identified(Resident resident, LocalDate validFrom) implements ServiceEvent {
    }

    record CardReadFailed() implements ServiceEvent {
    }

    record ConsentGiven(boolean agreed) implements ServiceEvent {
    }

    record Retry() implements ServiceEvent {
    }

    record CancelPayment() implements ServiceEvent {
    }

    record ToRating() implements ServiceEvent {
    }

    record Rate(RatingLevel level, List<String> reasons) implements ServiceEvent {
    }

    record Report(String reasonCode) implements ServiceEvent {
    }

    record PaymentOrdered(PaymentOrder order) implements ServiceEvent {
    }

    /** The poll timer for {@code orderId} fired. */
    record PollDue(String orderId) implements ServiceEvent {
    }

    record PaymentPolled(String orderId, PaymentState state) implements ServiceEvent {
    }

    record PaymentPollFailed(String orderId, Text message, boolean retryable) implements ServiceEvent {
    }

    record PaymentTimedOut(String orderId) implements ServiceEvent {
    }

    record Produced(Outcome outcome) implements ServiceEvent {
    }

    /** The centre knows who the card holder is (face checked): the enterprise may be chosen. */
    record PersonVerified(ServicePorts.VerifiedPerson person) implements ServiceEvent {
    }

    /** The resident typed the enterprise's credit code. */
    record EnterpriseCodeTyped(String code) implements ServiceEvent {
    }

    /** The resident sends a typed code whose check character fails (after the warning). */
    record EnterpriseCodeConfirmed() implements ServiceEvent {
    }

    /** The camera read an electronic business license QR code. */
    record EnterpriseQrScanned(String payload) implements ServiceEvent {
    }

    record EnterpriseIdentified(EnterpriseIdentity enterprise) implements ServiceEvent {
    }

    /** The centre refused the person for that enterprise ({@code reason} its machine code, for the log) or could not answer. */
    record EnterpriseRefused(String reason, Text message, boolean retryable) implements ServiceEvent {
    }

    record Printed() implements ServiceEvent {
    }

    /** Ordering the payment, the work at the centre or the printing failed; {@code where} names it in the log. */
    record WorkFailed(String where, Text message, boolean retryable) implements ServiceEvent {
    }

    record Submitted() implements ServiceEvent {
    }

    record SubmitFailed(Text message) implements ServiceEvent {
    }
}
