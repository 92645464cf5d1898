package org.zizhu.kiosk.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Visit;
import org.zizhu.kiosk.session.RatingLevel;

/**
 * What the screens and the card reader talk to while a resident does something at an item:
 * either a service transaction ({@link TransactionFlow}: identify, authorise the e-license
 * fetch, pay, perform at the centre, print) or an appointment check-in ({@link CheckInFlow}:
 * code, identify, priority ticket), both ending with the 好差评 rating and the 办不成事 report.
 * Every method is safe to call at any time: an input that does not fit the current state is
 * ignored (one transition function decides, under one lock, so a double touch starts nothing
 * twice). Listeners are called outside the lock.
 */
public sealed interface ServiceFlow extends ResidentTask permits FlowMachine {
    enum Step { ENTER_CODE, INSERT_CARD, CARD_PROBLEM, ENTERPRISE, CONSENT, PAYING, WORKING, PRINTING, DONE, FAILED, RATING, SUBMITTING, THANKS }

    /** What the screen shows. {@code messageKey} is a message key; {@code centralMessage} the resident text of a failure. */
    record View(Step step, String itemCode, String maskedName, String maskedId, String messageKey,
                Text centralMessage, List<String> licenseTypes, Text resultTitle, String reference,
                boolean canRetry, ServicePorts.PaymentOrder payment) {
    }

    /** How long the flow waits for a payment before cancelling the order. */
    Duration PAYMENT_TIMEOUT = Duration.ofMinutes(5);
    /** How often the centre is asked whether the order is paid. */
    Duration PAYMENT_POLL = Duration.ofMillis(1500);

    /** A service transaction for {@code item}; timers (payment polling) on the kiosk's shared scheduler. */
    static ServiceFlow transaction(ItemDetail item, ServicePorts ports, Visit session, Executor worker, Clock clock) {
        return transaction(item, ports, session, worker, Scheduler.system(), clock);
    }

    static ServiceFlow transaction(ItemDetail item, ServicePorts ports, Visit session, Executor worker,
                                   Scheduler scheduler, Clock clock) {
        return new FlowMachine(TransactionFlow.INITIAL, TransactionFlow::next, item, ports, session, worker, scheduler,
                clock, new Messages());
    }

    /**
     * A flow that checks in a booked appointment for {@code item}: the resident first enters the
     * appointment code, then identifies; the result is a priority queue ticket.
     */
    static ServiceFlow appointmentCheckIn(ItemDetail item, ServicePorts ports, Visit session, Executor worker, Clock clock) {
        return appointmentCheckIn(item, ports, session, worker, Scheduler.system(), clock);
    }

    static ServiceFlow appointmentCheckIn(ItemDetail item, ServicePorts ports, Visit session, Executor worker,
                                          Scheduler scheduler, Clock clock) {
        return new FlowMachine(CheckInFlow.INITIAL, CheckInFlow::next, item, ports, session, worker, scheduler,
                clock, new Messages());
    }

    View view();

    void addListener(Consumer<View> l);

    @Override
    default void onChange(Runnable r) {
        addListener(v -> r.run());
    }

    /** Also while the resident types an appointment code: a code shown meanwhile is taken once they finish. */
    @Override
    default boolean wantsLoginCode() {
        return awaitingIdentity() || view().step() == Step.ENTER_CODE;
    }

    /** DONE is reached only once the result (certificate, check-in ticket) has printed. */
    @Override
    default boolean printedForResident() {
        return view().step() == Step.DONE;
    }

    /** True while the centre, the printer or a payment is under way: the idle timer must not end the visit then. */
    boolean busy();

    /** True while the flow waits for a card or a login code (the camera scans only then). */
    boolean awaitingIdentity();

    /**
     * True while the centre works for a card holder: their face is checked first (a mobile-app
     * login is vouched for by the centre, without a face check). The screen shows the face check
     * then, and voice guidance asks the resident to look at the camera.
     */
    boolean checkingFace();

    /**
     * The face check's live picture and prompt ({@link FaceGuideSource}) while {@link #checkingFace}
     * and the camera is looking; empty otherwise. Call it off the UI thread: the port encodes a frame.
     */
    Optional<FaceGuideView> faceGuide();

    /** The appointment code typed on the keyboard; a malformed one stays on the step with a message. */
    void enterCode(String code);

    /** A card was read. Expired or not-yet-valid cards stop here with a clear message. */
    void identityRead(Resident r, LocalDate validFrom);

    /**
     * The camera saw the resident's mobile-app login code: the centre will vouch for who they
     * are (no card, no face check). Accepted in the same steps as a card.
     */
    void qrLogin(String token);

    /**
     * True while the resident chooses the enterprise they act for (an enterprise item, after the
     * person was verified): the camera looks for an electronic business license QR code then.
     */
    boolean choosingEnterprise();

    /** True for an enterprise item: after the person, the enterprise is chosen (its QR code scanned then too). */
    boolean forEnterprise();

    /** The enterprise's unified social credit code as typed; checked here, a failing check character only warns. */
    void enterpriseCodeTyped(String code);

    /** The resident sends a typed code whose check character fails, after the warning. */
    void confirmEnterpriseCode();

    /** The camera read a QR code while the enterprise is chosen: its payload goes to the centre as it is. */
    void enterpriseQrScanned(String payload);

    /** The card could not be read (read failure, unknown card): the resident may try again. */
    void cardReadFailed();

    void consent(boolean agreed);

    /**
     * After a retryable failure: if the centre already produced the result, only print it again;
     * otherwise perform again (same idempotency key, so the centre does it once).
     */
    void retry();

    /** The resident gives up paying: the order is cancelled at the centre. */
    void cancelPayment();

    /** From DONE or FAILED the resident is asked to rate the service ("一次一评"). */
    void toRating();

    /** Submits the rating; a bad rating without reasons is refused by {@link org.zizhu.kiosk.session.Rating}. */
    void rate(RatingLevel level, List<String> reasons);

    /** 办不成事: the resident reports that the item could not be done here (once, from FAILED). */
    void reportUnresolved(String reasonCode);
}
