package org.zizhu.kiosk.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.flow.ServicePorts.PaymentOrder;
import org.zizhu.kiosk.flow.ServicePorts.PaymentState;
import org.zizhu.kiosk.flow.ServiceState.Failed;
import org.zizhu.kiosk.flow.ServiceState.RatingAsked;
import org.zizhu.kiosk.flow.ServiceState.Submission;
import org.zizhu.kiosk.flow.ServiceState.Submitting;
import org.zizhu.kiosk.flow.ServiceState.Working;
import org.zizhu.kiosk.flow.TransactionFlow.Paying;
import org.zizhu.kiosk.flow.TransactionFlow.Perform;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.services.EvaluationService;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.RatingLevel;

/** The transaction's transition function alone: no ports, no threads, no time. */
class ServiceTransitionsTest {
    static final Messages MESSAGES = new Messages();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    static Facts facts(List<String> licenseTypes, long due, boolean visitEnded) {
        return new Facts("A1", "visit-1", TODAY, visitEnded, licenseTypes, due, MESSAGES);
    }

    private final Resident resident = new Resident("张三", "11010519491231002X", Resident.Source.ID_CARD, null);
    private final PaymentOrder order = new PaymentOrder("PO-1", "pay:x", 2000);
    private final Paying paying = new Paying(resident, new Perform(true, false, 1), order);

    @Test
    void identifiedResidentIsHeldThenAskedForConsentWhenELicensesAreFetched() {
        Next n = TransactionFlow.next(TransactionFlow.INITIAL, new ServiceEvent.Identified(resident, null),
                facts(List.of("ID_CARD"), 0, false));
        assertEquals(new TransactionFlow.Consent(resident, List.of("ID_CARD")), n.state());
        assertEquals(new Effect.Hold(resident), n.effects().get(0), "the identity is the visit's before anything else");
    }

    @Test
    void withoutConsentButWithAFeeTheFirstOrderIsCreated() {
        Next n = TransactionFlow.next(TransactionFlow.INITIAL, new ServiceEvent.Identified(resident, null), facts(List.of(), 2000, false));
        assertEquals(new TransactionFlow.OrderingPayment(resident, new Perform(false, false, 1)), n.state());
        assertTrue(n.effects().contains(new Effect.OrderPayment(1)), n.effects().toString());
    }

    @Test
    void cardOutsideItsValidityIsRefusedAndAnIdentityAfterTheVisitIsIgnored() {
        Resident expired = new Resident("张三", "11010519491231002X", Resident.Source.ID_CARD, TODAY.minusDays(1));
        Next n = TransactionFlow.next(TransactionFlow.INITIAL, new ServiceEvent.Identified(expired, null), facts(List.of(), 0, false));
        assertEquals("service.cardExpired", ((ServiceState.CardProblem) n.state()).messageKey());
        Next early = TransactionFlow.next(TransactionFlow.INITIAL, new ServiceEvent.Identified(resident, TODAY.plusDays(1)),
                facts(List.of(), 0, false));
        assertEquals("service.cardNotYetValid", ((ServiceState.CardProblem) early.state()).messageKey());
        assertTrue(TransactionFlow.next(TransactionFlow.INITIAL, new ServiceEvent.Identified(resident, null),
                facts(List.of(), 0, true)).ignored());
    }

    @Test
    void pendingPaymentAsksAgainAfterThePollIntervalAndPaidPerformsOnce() {
        Next pending = TransactionFlow.next(paying, new ServiceEvent.PaymentPolled("PO-1", PaymentState.PENDING), facts(List.of(), 2000, false));
        assertSame(paying, pending.state());
        assertEquals(List.of(new Effect.After(ServiceFlow.PAYMENT_POLL, new ServiceEvent.PollDue("PO-1"))), pending.effects());

        Next paid = TransactionFlow.next(paying, new ServiceEvent.PaymentPolled("PO-1", PaymentState.PAID), facts(List.of(), 2000, false));
        assertEquals(new Working(resident, new Perform(true, true, 1)), paid.state());
        assertTrue(paid.effects().contains(new Effect.Perform(resident, true)), paid.effects().toString());
    }

    @Test
    void answersForAnotherOrderAreIgnored() {
        assertTrue(TransactionFlow.next(paying, new ServiceEvent.PaymentPolled("PO-0", PaymentState.PAID), facts(List.of(), 2000, false)).ignored());
        assertTrue(TransactionFlow.next(paying, new ServiceEvent.PaymentTimedOut("PO-0"), facts(List.of(), 2000, false)).ignored());
        assertTrue(TransactionFlow.next(paying, new ServiceEvent.PollDue("PO-0"), facts(List.of(), 2000, false)).ignored());
    }

    @Test
    void timeoutCancelsTheOrderAndMayBeRetriedWithANewOrder() {
        Next n = TransactionFlow.next(paying, new ServiceEvent.PaymentTimedOut("PO-1"), facts(List.of(), 2000, false));
        Failed f = assertInstanceOf(Failed.class, n.state());
        assertTrue(f.canRetry());
        assertEquals("缴费超时，订单已取消", f.message().zh());
        assertEquals("The payment timed out and the order was cancelled", f.message().en());
        assertEquals(new Effect.CancelOrder("PO-1"), n.effects().get(0));

        Next retry = TransactionFlow.next(f, new ServiceEvent.Retry(), facts(List.of(), 2000, false));
        assertEquals(new TransactionFlow.OrderingPayment(resident, new Perform(true, false, 2)), retry.state());
        assertEquals(List.of(new Effect.OrderPayment(2)), retry.effects(), "a cancelled order is never reused");
    }

    @Test
    void residentCancellingEndsThePaymentWithoutRetry() {
        Next n = TransactionFlow.next(paying, new ServiceEvent.CancelPayment(), facts(List.of(), 2000, false));
        Failed f = assertInstanceOf(Failed.class, n.state());
        assertFalse(f.canRetry());
        assertEquals("Payment cancelled", f.message().en());
        assertTrue(n.effects().contains(new Effect.CancelOrder("PO-1")));
    }

    @Test
    void visitEndingWhilePayingCancelsTheOrderAtTheNextPollAndStops() {
        Next n = TransactionFlow.next(paying, new ServiceEvent.PollDue("PO-1"), facts(List.of(), 2000, true));
        assertSame(paying, n.state());
        assertEquals(List.of(new Effect.CancelOrder("PO-1")), n.effects(), "no further poll is scheduled");
    }

    @Test
    void retryAfterPaidPerformsWithoutChargingAgain() {
        Failed f = new Failed(resident, new Perform(true, true, 1), null, "service.failed", null, true, true);
        Next n = TransactionFlow.next(f, new ServiceEvent.Retry(), facts(List.of("ID_CARD"), 2000, false));
        assertEquals(new Working(resident, new Perform(true, true, 1)), n.state());
        assertEquals(List.of(new Effect.Perform(resident, true)), n.effects());
        assertTrue(TransactionFlow.next(f, new ServiceEvent.Retry(), facts(List.of(), 2000, true)).ignored(),
                "nothing is redone for a visit that ended");
    }

    @Test
    void badRatingWithoutReasonIsRefusedAndAFailedSubmissionAsksAgain() {
        RatingAsked asked = new RatingAsked(resident, "rating.ask", null, false);
        assertThrows(IllegalArgumentException.class, () -> TransactionFlow.next(asked,
                new ServiceEvent.Rate(RatingLevel.VERY_DISSATISFIED, List.of()), facts(List.of(), 0, false)));
        Next sent = TransactionFlow.next(asked, new ServiceEvent.Rate(RatingLevel.SATISFIED, List.of()), facts(List.of(), 0, false));
        Effect.SubmitRating submit = assertInstanceOf(Effect.SubmitRating.class, sent.effects().get(0));
        assertEquals("visit-1", submit.rating().sessionId());
        Next failed = TransactionFlow.next(sent.state(), new ServiceEvent.SubmitFailed(new Text("存不了", "no")), facts(List.of(), 0, false));
        assertEquals(new RatingAsked(resident, "rating.failed", new Text("存不了", "no"), true), failed.state());
    }

    @Test
    void reportIsSentOnceEvenWhenItFails() {
        Failed f = new Failed(resident, new Perform(false, false, 0), null, "service.declined", null, false, true);
        Next sending = TransactionFlow.next(f, new ServiceEvent.Report("NOT_ACCEPTED"), facts(List.of(), 0, false));
        assertEquals(new Submitting(resident, f.job(), Submission.REPORT), sending.state());
        Next failed = TransactionFlow.next(sending.state(), new ServiceEvent.SubmitFailed(null), facts(List.of(), 0, false));
        Failed after = assertInstanceOf(Failed.class, failed.state());
        assertEquals("service.reportFailed", after.messageKey());
        assertTrue(TransactionFlow.next(after, new ServiceEvent.Report("OTHER"), facts(List.of(), 0, false)).ignored());
        assertFalse(TransactionFlow.next(after, new ServiceEvent.ToRating(), facts(List.of(), 0, false)).ignored(),
                "the rating is still asked for");
    }

    @Test
    void theResultArrivingAfterTheVisitIsWipedNotPrinted() {
        Working w = new Working(resident, new Perform(false, false, 0));
        ServicePorts.Outcome o = new ServicePorts.Outcome() {
            @Override
            public Text title() {
                return new Text("证明", "Certificate");
            }

            @Override
            public String reference() {
                return "C-1";
            }

            @Override
            public void wipe() {
            }
        };
        Next late = TransactionFlow.next(w, new ServiceEvent.Produced(o), facts(List.of(), 0, true));
        assertSame(w, late.state());
        assertTrue(late.effects().contains(new Effect.Wipe(o)));
        assertTrue(late.effects().stream().noneMatch(e -> e instanceof Effect.Print));
        Next printing = TransactionFlow.next(w, new ServiceEvent.Produced(o), facts(List.of(), 0, false));
        assertEquals(List.of(new Effect.Hold(o), new Effect.Print(resident, o)), printing.effects());
    }

    @Test
    void inputsOfTheOtherFlowAreIgnored() {
        assertTrue(TransactionFlow.next(TransactionFlow.INITIAL, new ServiceEvent.CodeEntered("YY2025001"), facts(List.of(), 0, false)).ignored());
        assertTrue(CheckInFlow.next(CheckInFlow.INITIAL, new ServiceEvent.ConsentGiven(true), facts(List.of(), 0, false)).ignored());
        assertTrue(TransactionFlow.next(TransactionFlow.INITIAL, new ServiceEvent.CancelPayment(), facts(List.of(), 0, false)).ignored());
    }
}
