package org.zizhu.kiosk.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.catalog.CatalogModel;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.flow.ServiceFlow.Step;
import org.zizhu.kiosk.services.EvaluationService;
import org.zizhu.kiosk.session.Rating;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Visit;
import org.zizhu.kiosk.session.RatingLevel;

/** The transaction state machine alone; the ports are scripted here (the runtime's real ones are tested over real stacks). */
class ServiceFlowTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneId.of("Asia/Shanghai"));

    static final class ScriptedPorts implements ServicePorts {
        List<String> types = List.of("ID_CARD");
        int failPerform;
        boolean failPrint;
        boolean crashPrint;
        final List<Rating> ratings = new ArrayList<>();
        final List<String> reports = new ArrayList<>();
        boolean outcomeWiped;
        int performed;
        final List<String> keys = new ArrayList<>();

        @Override
        public List<String> licenseTypesFor(CatalogModel.ItemDetail item) {
            return types;
        }

        @Override
        public Outcome perform(CatalogModel.ItemDetail item, Resident resident, boolean consented, String key) throws ServiceException {
            performed++;
            keys.add(key);
            if (failPerform-- > 0) {
                throw new ServiceException("down", new Text("平台繁忙", "busy"), true, null);
            }
            return new Outcome() {
                @Override
                public Text title() {
                    return new Text("缴存证明", "Certificate");
                }

                @Override
                public String reference() {
                    return "C-1";
                }

                @Override
                public void wipe() {
                    outcomeWiped = true;
                }
            };
        }

        @Override
        public void print(CatalogModel.ItemDetail item, Resident resident, Outcome outcome) throws ServiceException {
            if (failPrint) {
                throw new ServiceException("paper", new Text("打印机缺纸", "Out of paper"), true, null);
            }
            if (crashPrint) {
                throw new IllegalStateException("a bug in the printing code");
            }
        }

        final List<String> checkIns = new ArrayList<>();

        @Override
        public Outcome checkIn(CatalogModel.ItemDetail item, Resident resident, String code) throws ServiceException {
            checkIns.add(code);
            return perform(item, resident, false, "check-in");
        }

        long due;
        final List<String> paymentKeys = new ArrayList<>();
        int statusPolls;

        @Override
        public long amountDue(CatalogModel.ItemDetail item) {
            return due;
        }

        @Override
        public PaymentOrder createPayment(CatalogModel.ItemDetail item, String key) {
            paymentKeys.add(key);
            return new PaymentOrder("PO-" + paymentKeys.size(), "pay:" + key, due);
        }

        @Override
        public PaymentState paymentState(String orderId) {
            return ++statusPolls >= paidAtPoll ? PaymentState.PAID : PaymentState.PENDING;
        }

        int paidAtPoll = 2;
        final List<String> cancelled = new ArrayList<>();

        @Override
        public void cancelPayment(String orderId) {
            cancelled.add(orderId);
        }

        @Override
        public void rate(Rating rating) {
            ratings.add(rating);
        }

        @Override
        public void reportUnresolved(String sessionId, String itemCode, String reasonCode) {
            reports.add(itemCode + ":" + reasonCode);
        }

        FaceGuideSource faceGuides = FaceGuideSource.NONE;
        int faceGuideAsked;

        @Override
        public java.util.Optional<FaceGuideView> faceGuide() {
            faceGuideAsked++;
            return faceGuides.latest();
        }
    }

    static CatalogModel.ItemDetail item() {
        return BrowseFlowTest.catalog().detail("A1").orElseThrow();
    }

    private final ScriptedPorts ports = new ScriptedPorts();
    private final Visit session = new Visit();
    private final ManualScheduler time = new ManualScheduler();
    private final ServiceFlow flow = ServiceFlow.transaction(item(), ports, session, Runnable::run, time, CLOCK);

    private static Resident resident(LocalDate until) {
        return new Resident("张三", "11010519491231002X", Resident.Source.ID_CARD, until);
    }

    @Test
    void happyPathConsentPerformPrintRateAndWipe() {
        Resident r = resident(LocalDate.of(2030, 1, 1));
        flow.identityRead(r, LocalDate.of(2020, 1, 1));
        assertEquals(Step.CONSENT, flow.view().step());
        assertEquals("张*", flow.view().maskedName());
        assertEquals("1101**********002X", flow.view().maskedId());
        flow.consent(true);
        assertEquals(Step.DONE, flow.view().step());
        assertEquals("C-1", flow.view().reference());
        flow.toRating();
        assertThrows(IllegalArgumentException.class, () -> flow.rate(RatingLevel.DISSATISFIED, List.of()));
        flow.rate(RatingLevel.VERY_SATISFIED, List.of());
        assertEquals(Step.THANKS, flow.view().step());
        assertEquals(1, ports.ratings.size());
        flow.toRating();
        assertEquals(Step.THANKS, flow.view().step(), "one rating per visit");
        session.end("finished");
        assertTrue(ports.outcomeWiped);
        assertThrows(IllegalStateException.class, r::idNumber, "resident wiped with the session");
    }

    @Test
    void printFailureRetryReprintsWithoutPerformingAgain() {
        ports.types = List.of();
        ports.failPrint = true;
        Resident r = resident(null);
        flow.identityRead(r, null);
        assertEquals(Step.FAILED, flow.view().step());
        assertTrue(flow.view().canRetry());
        ports.failPrint = false;
        flow.retry();
        assertEquals(Step.DONE, flow.view().step());
        assertEquals(1, ports.performed, "the centre is asked once; only the printout is repeated");
        session.end("finished");
        assertThrows(IllegalStateException.class, r::name, "resident wiped with the session");
        assertEquals("", r.maskedName());
    }

    @Test
    void resultArrivingAfterTheSessionEndedIsDroppedNotPrinted() {
        ports.types = List.of();
        java.util.List<Runnable> queued = new ArrayList<>();
        ServiceFlow f = ServiceFlow.transaction(item(), ports, session, queued::add, time, CLOCK);
        f.identityRead(resident(null), null);
        assertTrue(f.busy());
        session.end("idle");
        queued.forEach(Runnable::run);
        assertTrue(ports.outcomeWiped, "the late result is wiped");
        assertEquals(Step.WORKING, f.view().step(), "nothing printed for a resident who left");
    }

    @Test
    void theFaceCheckIsShownOnlyWhileTheCentreWorksForACardHolder() {
        ports.types = List.of();
        ports.faceGuides = () -> java.util.Optional.of(new FaceGuideView(new byte[] {1}, FaceGuideView.Prompt.CLOSER));
        java.util.List<Runnable> queued = new ArrayList<>();
        ServiceFlow f = ServiceFlow.transaction(item(), ports, session, queued::add, time, CLOCK);
        assertFalse(f.checkingFace());
        assertEquals(java.util.Optional.empty(), f.faceGuide(), "no camera picture while waiting for the card");
        assertEquals(0, ports.faceGuideAsked);
        f.identityRead(resident(null), null);
        assertEquals(Step.WORKING, f.view().step());
        assertTrue(f.checkingFace());
        assertEquals(FaceGuideView.Prompt.CLOSER, f.faceGuide().orElseThrow().prompt());
        // A broken guide costs the picture, never the transaction.
        ports.faceGuides = () -> {
            throw new IllegalStateException("camera preview bug");
        };
        assertEquals(java.util.Optional.empty(), f.faceGuide());
        while (!queued.isEmpty()) {
            queued.remove(0).run(); // perform, then print
        }
        assertEquals(Step.DONE, f.view().step());
        assertFalse(f.checkingFace());
        int asked = ports.faceGuideAsked;
        assertEquals(java.util.Optional.empty(), f.faceGuide());
        assertEquals(asked, ports.faceGuideAsked, "the camera is not asked once the face check is over");
    }

    @Test
    void aMobileAppLoginHasNoFaceCheck() {
        ports.types = List.of();
        ports.faceGuides = () -> java.util.Optional.of(new FaceGuideView(new byte[] {1}, FaceGuideView.Prompt.OK));
        java.util.List<Runnable> queued = new ArrayList<>();
        ServiceFlow f = ServiceFlow.transaction(item(), ports, session, queued::add, time, CLOCK);
        f.qrLogin("token-1");
        assertEquals(Step.WORKING, f.view().step());
        assertFalse(f.checkingFace());
        assertEquals(java.util.Optional.empty(), f.faceGuide());
    }

    @Test
    void feeIsPaidBeforeTheItemIsPerformed() {
        ports.types = List.of();
        ports.due = 40000;
        List<ServiceFlow.View> seen = new ArrayList<>();
        flow.addListener(seen::add);
        flow.identityRead(resident(null), null);
        time.advance(ServiceFlow.PAYMENT_POLL); // the second poll, without waiting for it
        assertTrue(seen.stream().anyMatch(v -> v.step() == Step.PAYING && v.payment() != null && v.payment().amountFen() == 40000),
                "the payment QR is shown");
        assertEquals(Step.DONE, flow.view().step());
        assertEquals(1, ports.performed);
        assertEquals(2, ports.statusPolls, "performed only after the centre said PAID");
    }

    @Test
    void appointmentCheckInAsksForTheCodeThenIdentityWithoutConsentOrPayment() {
        ports.due = 2000;
        ServiceFlow f = ServiceFlow.appointmentCheckIn(item(), ports, session, Runnable::run, time, CLOCK);
        assertEquals(Step.ENTER_CODE, f.view().step());
        f.identityRead(resident(null), null);
        assertEquals(Step.ENTER_CODE, f.view().step(), "no identity before the code");
        f.enterCode("x!");
        assertEquals("appointment.badCode", f.view().messageKey());
        f.enterCode(" yy2025001 ");
        assertEquals(Step.INSERT_CARD, f.view().step());
        f.identityRead(resident(null), null);
        assertEquals(Step.DONE, f.view().step());
        assertEquals(List.of("YY2025001"), ports.checkIns);
        assertEquals(0, ports.statusPolls, "a check-in pays nothing");
    }

    @Test
    void expiredCardIsRefusedAndNothingIsPerformed() {
        Resident r = resident(LocalDate.of(2025, 1, 1));
        flow.identityRead(r, LocalDate.of(2005, 1, 1));
        assertEquals(Step.CARD_PROBLEM, flow.view().step());
        assertEquals("service.cardExpired", flow.view().messageKey());
        assertEquals(0, ports.performed);
        session.end("idle");
        assertThrows(IllegalStateException.class, r::name, "identity wiped with the session");
    }

    @Test
    void centreFailureOffersRetryAndReport() {
        ports.types = List.of();
        ports.failPerform = 1;
        flow.identityRead(resident(null), null);
        assertEquals(Step.FAILED, flow.view().step());
        assertTrue(flow.view().canRetry());
        assertEquals("平台繁忙", flow.view().centralMessage().zh());
        flow.retry();
        assertEquals(Step.DONE, flow.view().step());
        assertEquals(2, ports.performed);
        assertEquals(ports.keys.get(0), ports.keys.get(1), "a retry reuses the transaction's idempotency key");
    }

    @Test
    void declineLeadsToFailureAndReportIsQueued() {
        flow.identityRead(resident(null), null);
        flow.consent(false);
        assertEquals(Step.FAILED, flow.view().step());
        assertFalse(flow.view().canRetry());
        flow.reportUnresolved("NOT_ACCEPTED");
        assertEquals(List.of("A1:NOT_ACCEPTED"), ports.reports);
        assertEquals(Step.RATING, flow.view().step());
    }

    @Test
    void inputsOutOfStepAreIgnored() {
        flow.consent(true);
        flow.retry();
        flow.rate(RatingLevel.SATISFIED, List.of());
        assertEquals(Step.INSERT_CARD, flow.view().step());
        flow.cardReadFailed();
        assertEquals(Step.CARD_PROBLEM, flow.view().step());
    }

    @Test
    void unpaidOrderTimesOutAfterFiveMinutesAndARetryCreatesANewOrder() {
        ports.types = List.of();
        ports.due = 2000;
        ports.paidAtPoll = Integer.MAX_VALUE;
        flow.identityRead(resident(null), null);
        assertEquals(Step.PAYING, flow.view().step());
        assertTrue(flow.busy(), "the idle timer waits for the payment");
        time.advance(ServiceFlow.PAYMENT_TIMEOUT.minus(ServiceFlow.PAYMENT_POLL));
        assertEquals(Step.PAYING, flow.view().step(), "still waiting just before the timeout");
        assertEquals(200, ports.statusPolls, "one poll at once, then one every 1.5 s");
        time.advance(ServiceFlow.PAYMENT_POLL);
        assertEquals(Step.FAILED, flow.view().step());
        assertTrue(flow.view().canRetry());
        assertEquals("The payment timed out and the order was cancelled", flow.view().centralMessage().en());
        assertEquals(List.of("PO-1"), ports.cancelled);
        int polls = ports.statusPolls;
        time.advance(java.time.Duration.ofMinutes(10));
        assertEquals(polls, ports.statusPolls, "no polling after the timeout");
        ports.paidAtPoll = 0;
        flow.retry();
        assertEquals(Step.DONE, flow.view().step());
        assertEquals(2, ports.paymentKeys.size());
        assertFalse(ports.paymentKeys.get(0).equals(ports.paymentKeys.get(1)), "each attempt is its own order");
        assertEquals(1, ports.performed);
    }

    @Test
    void cancellingThePaymentCancelsTheOrderAtOnce() {
        ports.types = List.of();
        ports.due = 2000;
        ports.paidAtPoll = Integer.MAX_VALUE;
        flow.identityRead(resident(null), null);
        flow.cancelPayment();
        assertEquals(Step.FAILED, flow.view().step());
        assertFalse(flow.view().canRetry());
        assertEquals("已取消缴费", flow.view().centralMessage().zh());
        assertEquals(List.of("PO-1"), ports.cancelled);
        int polls = ports.statusPolls;
        time.advance(ServiceFlow.PAYMENT_TIMEOUT);
        assertEquals(polls, ports.statusPolls, "the order is not polled after cancelling");
        assertEquals(List.of("PO-1"), ports.cancelled, "cancelled once");
        assertEquals(0, ports.performed);
    }

    @Test
    void visitEndingWhilePayingCancelsTheOrderAndNothingIsPerformed() {
        ports.types = List.of();
        ports.due = 2000;
        ports.paidAtPoll = Integer.MAX_VALUE;
        flow.identityRead(resident(null), null);
        session.end("idle");
        time.advance(ServiceFlow.PAYMENT_TIMEOUT);
        assertEquals(List.of("PO-1"), ports.cancelled);
        assertEquals(1, ports.statusPolls, "no poll after the visit ended");
        assertEquals(0, ports.performed);
        assertEquals(0, time.pending());
    }

    @Test
    void aCardAfterTheVisitEndedIsWipedAtOnce() {
        session.end("idle");
        Resident r = resident(null);
        flow.identityRead(r, null);
        assertEquals(Step.INSERT_CARD, flow.view().step());
        assertThrows(IllegalStateException.class, r::name);
    }

    @Test
    void anUnexpectedExceptionInAPortIsARetryableFailureNotAStuckFlow() {
        ports.types = List.of();
        ports.crashPrint = true;
        flow.identityRead(resident(null), null);
        assertEquals(Step.FAILED, flow.view().step());
        assertTrue(flow.view().canRetry());
        assertEquals("C-1", flow.view().reference(), "the result is kept for the reprint");
        ports.crashPrint = false;
        flow.retry();
        assertEquals(Step.DONE, flow.view().step());
        assertEquals(1, ports.performed);
    }
}
