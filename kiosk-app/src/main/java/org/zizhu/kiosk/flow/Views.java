package org.zizhu.kiosk.flow;

import java.util.List;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.flow.ServiceFlow.Step;
import org.zizhu.kiosk.flow.ServiceFlow.View;
import org.zizhu.kiosk.flow.ServicePorts.Outcome;
import org.zizhu.kiosk.flow.ServiceState.AwaitingCard;
import org.zizhu.kiosk.flow.ServiceState.CardProblem;
import org.zizhu.kiosk.flow.ServiceState.Done;
import org.zizhu.kiosk.flow.ServiceState.Failed;
import org.zizhu.kiosk.flow.ServiceState.Printing;
import org.zizhu.kiosk.flow.ServiceState.RatingAsked;
import org.zizhu.kiosk.flow.ServiceState.Submission;
import org.zizhu.kiosk.flow.ServiceState.Submitting;
import org.zizhu.kiosk.flow.ServiceState.Thanks;
import org.zizhu.kiosk.flow.ServiceState.Working;
import org.zizhu.kiosk.session.Resident;

/** The screen's view of a state: masked identity only, never the resident's data in clear. */
final class Views {
    private Views() {
    }

    static View of(ServiceState state, String item) {
        return switch (state) {
            case CheckInFlow.EnterCode s -> plain(Step.ENTER_CODE, item, null, s.messageKey());
            case AwaitingCard s -> plain(Step.INSERT_CARD, item, null, "service.insertCard");
            case CardProblem s -> plain(Step.CARD_PROBLEM, item, null, s.messageKey());
            case TransactionFlow.Consent s -> new View(Step.CONSENT, item, name(s.resident()), id(s.resident()),
                    "service.consent", null, s.licenseTypes(), null, "", false, null);
            case TransactionFlow.OrderingPayment s -> plain(Step.WORKING, item, s.resident(), "service.working");
            case TransactionFlow.VerifyingPerson s -> plain(Step.WORKING, item, s.resident(), "service.working");
            // The unconfirmed code is the resident's own typing, shown back for them to check.
            case TransactionFlow.ChoosingEnterprise s -> new View(Step.ENTERPRISE, item, name(s.resident()), id(s.resident()),
                    s.messageKey(), s.message(), List.of(), null, s.unconfirmedCode() == null ? "" : s.unconfirmedCode(), false, null);
            case TransactionFlow.IdentifyingEnterprise s -> plain(Step.WORKING, item, s.resident(), "enterprise.identifying");
            case TransactionFlow.Paying s -> new View(Step.PAYING, item, name(s.resident()), id(s.resident()),
                    "service.paying", null, List.of(), null, s.order().orderId(), false, s.order());
            case Working s -> plain(Step.WORKING, item, s.resident(), "service.working");
            case Printing s -> result(Step.PRINTING, item, s.resident(), "service.printing", s.outcome());
            case Done s -> result(Step.DONE, item, s.resident(), "service.done", s.outcome());
            case Failed s -> new View(Step.FAILED, item, name(s.resident()), id(s.resident()), s.messageKey(), s.message(),
                    List.of(), title(s.outcome()), reference(s.outcome()), s.canRetry(), null);
            case RatingAsked s -> new View(Step.RATING, item, name(s.resident()), id(s.resident()), s.messageKey(),
                    s.message(), List.of(), null, "", s.canRetry(), null);
            case Submitting s -> plain(Step.SUBMITTING, item, s.resident(),
                    s.what() == Submission.RATING ? "rating.submitting" : "service.reporting");
            case Thanks s -> plain(Step.THANKS, item, s.resident(), "rating.thanks");
        };
    }

    private static View plain(Step step, String item, Resident r, String key) {
        return new View(step, item, name(r), id(r), key, null, List.of(), null, "", false, null);
    }

    private static View result(Step step, String item, Resident r, String key, Outcome o) {
        return new View(step, item, name(r), id(r), key, null, List.of(), title(o), reference(o), false, null);
    }

    private static String name(Resident r) {
        return r == null ? "" : r.maskedName();
    }

    private static String id(Resident r) {
        return r == null ? "" : r.maskedIdNumber();
    }

    private static Text title(Outcome o) {
        return o == null ? null : o.title();
    }

    private static String reference(Outcome o) {
        return o == null ? "" : o.reference();
    }
}
