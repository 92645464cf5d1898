package org.zizhu.kiosk.flow;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.services.EvaluationService;
import org.zizhu.kiosk.session.Rating;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Visit;

/**
 * One service transaction as a state machine: identify (ID card), authorise the e-license
 * fetch (一证通办), perform at the centre, print, then the 好差评 rating; with a 办不成事 report
 * whenever it cannot be done. Slow work (centre, printer, the outbox) runs on {@code worker};
 * card events arrive on the reader's thread; screens call the other methods. Every method is
 * safe to call at any time: an input that does not fit the current step is ignored, and the
 * step check and the move to the next step happen under one lock, so a double touch starts
 * nothing twice. Listeners are called outside the lock.
 */
public final class ServiceFlow {
    public enum Step { ENTER_CODE, INSERT_CARD, CARD_PROBLEM, CONSENT, PAYING, WORKING, PRINTING, DONE, FAILED, RATING, SUBMITTING, THANKS }

    /** What the screen shows. {@code messageKey} is a message key; {@code centralMessage} resident text from the centre. */
    public record View(Step step, String itemCode, String maskedName, String maskedId, String messageKey,
                       Text centralMessage, List<String> licenseTypes, Text resultTitle, String reference,
                       boolean canRetry, ServicePorts.PaymentOrder payment) {
    }

    /** How long the flow waits for a payment before cancelling the order. */
    static final java.time.Duration PAYMENT_TIMEOUT = java.time.Duration.ofMinutes(5);
    static final long PAYMENT_POLL_MILLIS = 1500;

    private final ItemDetail item;
    private final ServicePorts ports;
    private final Visit session;
    private final Executor worker;
    private final Clock clock;
    private final List<Consumer<View>> listeners = new CopyOnWriteArrayList<>();
    /** One key for the whole transaction: a retry after a lost answer must not issue twice. */
    private final String idempotencyKey = UUID.randomUUID().toString();
    private View view;
    private Resident resident;
    private ServicePorts.Outcome outcome;
    private boolean consented;
    private boolean rated;
    private boolean reported;
    private boolean paid;
    private volatile boolean paymentCancelled;
    private int paymentAttempt;
    /** Set for an appointment check-in (预约签到) instead of performing the item. */
    private String appointmentCode;

    public ServiceFlow(ItemDetail item, ServicePorts ports, Visit session, Executor worker, Clock clock) {
        this.item = item;
        this.ports = ports;
        this.session = session;
        this.worker = worker;
        this.clock = clock;
        this.view = new View(Step.INSERT_CARD, item.code(), "", "", "service.insertCard", null, List.of(), null, "", false, null);
    }

    public synchronized View view() {
        return view;
    }

    /**
     * A flow that checks in a booked appointment for {@code item}: the resident first enters the
     * appointment code, then identifies; the result is a priority queue ticket.
     */
    public static ServiceFlow appointmentCheckIn(ItemDetail item, ServicePorts ports, Visit session,
                                                 Executor worker, Clock clock) {
        ServiceFlow f = new ServiceFlow(item, ports, session, worker, clock);
        f.view = new View(Step.ENTER_CODE, item.code(), "", "", "appointment.enterCode", null, List.of(), null, "", false, null);
        return f;
    }

    /** The appointment code typed on the keyboard; a malformed one stays on the step with a message. */
    public void enterCode(String code) {
        View next;
        synchronized (this) {
            if (view.step() != Step.ENTER_CODE) {
                return;
            }
            String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
            if (!c.matches("[0-9A-Z]{6,12}")) {
                next = view = new View(Step.ENTER_CODE, item.code(), "", "", "appointment.badCode", null, List.of(), null, "", false, null);
            } else {
                appointmentCode = c;
                next = view = at(Step.INSERT_CARD, "service.insertCard", false);
            }
        }
        publish(next);
    }

    public void addListener(Consumer<View> l) {
        listeners.add(l);
    }

    /** True while the centre or the printer is working: the idle timer must not end the visit then. */
    public synchronized boolean busy() {
        return view.step() == Step.WORKING || view.step() == Step.PRINTING || view.step() == Step.SUBMITTING
                || view.step() == Step.PAYING;
    }

    /** A card was read. Expired or not-yet-valid cards stop here with a clear message. */
    public void identityRead(Resident r, LocalDate validFrom) {
        List<String> types = licenseTypes();
        View next;
        boolean start = false;
        synchronized (this) {
            if ((view.step() != Step.INSERT_CARD && view.step() != Step.CARD_PROBLEM) || session.ended()) {
                r.wipe();
                return;
            }
            session.hold(r);
            LocalDate today = LocalDate.now(clock);
            if (r.validUntil() != null && r.validUntil().isBefore(today)) {
                next = at(Step.CARD_PROBLEM, "service.cardExpired", false);
            } else if (validFrom != null && validFrom.isAfter(today)) {
                next = at(Step.CARD_PROBLEM, "service.cardNotYetValid", false);
            } else {
                next = identified(r, types, "identified");
                start = next.step() == Step.WORKING;
            }
            view = next;
        }
        publish(next);
        if (start) {
            startWork();
        }
    }

    /**
     * The camera saw the resident's mobile-app login code: the centre will vouch for who they
     * are (no card, no face check). Accepted in the same steps as a card.
     */
    public void qrLogin(String token) {
        List<String> types = licenseTypes();
        View next;
        boolean start = false;
        synchronized (this) {
            if ((view.step() != Step.INSERT_CARD && view.step() != Step.CARD_PROBLEM) || session.ended()) {
                return;
            }
            next = identified(session.hold(Resident.fromMobileApp(token)), types, "qr-login-seen");
            start = next.step() == Step.WORKING;
            view = next;
        }
        publish(next);
        if (start) {
            startWork();
        }
    }

    /** True while the flow waits for a card or a login code (the camera scans only then). */
    public synchronized boolean awaitingIdentity() {
        return view.step() == Step.INSERT_CARD || view.step() == Step.CARD_PROBLEM;
    }

    /** E-licenses to authorise: none for an appointment check-in. */
    private synchronized List<String> licenseTypes() {
        return appointmentCode != null ? List.of() : ports.licenseTypesFor(item);
    }

    /** Called under the lock once someone is identified: consent first when e-licenses are fetched. */
    private View identified(Resident r, List<String> types, String how) {
        resident = r;
        EventLog.event(EventId.SERVICE_STEP, Outcome.SUCCESS, "item", item.code(), "step", how);
        if (!types.isEmpty()) {
            return new View(Step.CONSENT, item.code(), r.maskedName(), r.maskedIdNumber(), "service.consent", null,
                    types, null, "", false, null);
        }
        return at(Step.WORKING, "service.working", false);
    }

    /** The card could not be read (read failure, unknown card): the resident may try again. */
    public void cardReadFailed() {
        View next;
        synchronized (this) {
            if (view.step() != Step.INSERT_CARD && view.step() != Step.CARD_PROBLEM) {
                return;
            }
            next = view = at(Step.CARD_PROBLEM, "service.cardReadFailed", false);
        }
        publish(next);
    }

    public void consent(boolean agreed) {
        View next;
        synchronized (this) {
            if (view.step() != Step.CONSENT) {
                return;
            }
            EventLog.event(EventId.SERVICE_STEP, Outcome.SUCCESS, "item", item.code(), "step", agreed ? "consented" : "declined");
            consented = agreed;
            next = view = agreed ? at(Step.WORKING, "service.working", false) : at(Step.FAILED, "service.declined", false);
        }
        publish(next);
        if (agreed) {
            startWork();
        }
    }

    /**
     * After a retryable failure: if the centre already produced the result, only print it again;
     * otherwise perform again (same idempotency key, so the centre does it once).
     */
    public void retry() {
        View next;
        boolean reprint;
        synchronized (this) {
            if (view.step() != Step.FAILED || !view.canRetry() || resident == null || session.ended()) {
                return;
            }
            reprint = outcome != null;
            paymentCancelled = false;
            next = view = reprint ? at(Step.PRINTING, "service.printing", false) : at(Step.WORKING, "service.working", false);
        }
        publish(next);
        if (reprint) {
            worker.execute(this::printStep);
        } else {
            startWork();
        }
    }

    private void startWork() {
        worker.execute(() -> {
            if (appointmentCode == null && !paid && ports.amountDue(item) > 0 && !pay()) {
                return;
            }
            ServicePorts.Outcome o;
            try {
                o = appointmentCode != null ? ports.checkIn(item, resident, appointmentCode)
                        : ports.perform(item, resident, consented, idempotencyKey);
            } catch (ServicePorts.ServiceException e) {
                fail(e.residentMessage(), e.retryable(), "perform");
                return;
            } catch (RuntimeException e) {
                EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "service-perform", "error", e.getClass().getSimpleName());
                fail(null, true, "perform");
                return;
            }
            View next;
            synchronized (this) {
                if (session.ended()) {
                    // The visit ended while the centre worked: nothing is printed for nobody.
                    o.wipe();
                    EventLog.event(EventId.SERVICE_STEP, Outcome.FAILURE, "item", item.code(), "step", "orphaned-after-session-end");
                    return;
                }
                outcome = session.hold(o);
                next = view = new View(Step.PRINTING, item.code(), resident.maskedName(), resident.maskedIdNumber(),
                        "service.printing", null, List.of(), o.title(), o.reference(), false, null);
            }
            publish(next);
            printStep();
        });
    }

    /**
     * Collects the fee by QR payment before the item is performed: shows the order's QR code and
     * polls the centre until it is paid, cancelled by the resident, or times out. Runs on the worker.
     */
    private boolean pay() {
        ServicePorts.PaymentOrder order;
        try {
            // A cancelled or expired order is not reused: each attempt is its own order, once.
            order = ports.createPayment(item, idempotencyKey + "-pay-" + (++paymentAttempt));
        } catch (ServicePorts.ServiceException e) {
            fail(e.residentMessage(), e.retryable(), "payment");
            return false;
        }
        View next;
        synchronized (this) {
            next = view = new View(Step.PAYING, item.code(), masked(true), masked(false), "service.paying", null,
                    List.of(), null, order.orderId(), false, order);
        }
        publish(next);
        long deadline = System.nanoTime() + PAYMENT_TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (paymentCancelled || session.ended()) {
                    ports.cancelPayment(order.orderId());
                    if (!session.ended()) {
                        fail(new Text("已取消缴费", "Payment cancelled"), false, "payment-cancelled");
                    }
                    return false;
                }
                ServicePorts.PaymentState state = ports.paymentState(order.orderId());
                if (state == ServicePorts.PaymentState.PAID) {
                    synchronized (this) {
                        paid = true;
                        EventLog.event(EventId.SERVICE_STEP, Outcome.SUCCESS, "item", item.code(), "step", "paid");
                        next = view = at(Step.WORKING, "service.working", false);
                    }
                    publish(next);
                    return true;
                }
                if (state == ServicePorts.PaymentState.FAILED) {
                    fail(new Text("缴费未完成", "The payment did not go through"), true, "payment");
                    return false;
                }
                Thread.sleep(PAYMENT_POLL_MILLIS);
            }
        } catch (ServicePorts.ServiceException e) {
            ports.cancelPayment(order.orderId());
            fail(e.residentMessage(), e.retryable(), "payment");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ports.cancelPayment(order.orderId());
            return false;
        }
        ports.cancelPayment(order.orderId());
        fail(new Text("缴费超时，订单已取消", "The payment timed out and the order was cancelled"), true, "payment-timeout");
        return false;
    }

    /** The resident gives up paying: the order is cancelled at the centre. */
    public void cancelPayment() {
        synchronized (this) {
            if (view.step() != Step.PAYING) {
                return;
            }
        }
        paymentCancelled = true;
    }

    private void printStep() {
        ServicePorts.Outcome o;
        Resident r;
        synchronized (this) {
            if (session.ended() || outcome == null) {
                return;
            }
            o = outcome;
            r = resident;
        }
        try {
            ports.print(item, r, o);
        } catch (ServicePorts.ServiceException e) {
            fail(e.residentMessage(), e.retryable(), "print");
            return;
        } catch (RuntimeException e) {
            EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "service-print", "error", e.getClass().getSimpleName());
            fail(null, true, "print");
            return;
        }
        View next;
        synchronized (this) {
            EventLog.event(EventId.SERVICE_STEP, Outcome.SUCCESS, "item", item.code(), "step", "done");
            next = view = new View(Step.DONE, item.code(), r.maskedName(), r.maskedIdNumber(), "service.done", null,
                    List.of(), o.title(), o.reference(), false, null);
        }
        publish(next);
    }

    private void fail(Text message, boolean retryable, String where) {
        View next;
        synchronized (this) {
            EventLog.event(EventId.SERVICE_STEP, Outcome.FAILURE, "item", item.code(), "step", where, "retryable", retryable);
            next = view = new View(Step.FAILED, item.code(), masked(true), masked(false), "service.failed", message,
                    List.of(), outcome == null ? null : outcome.title(), outcome == null ? "" : outcome.reference(), retryable, null);
        }
        publish(next);
    }

    /** From DONE or FAILED the resident is asked to rate the service ("一次一评"). */
    public void toRating() {
        View next;
        synchronized (this) {
            if ((view.step() != Step.DONE && view.step() != Step.FAILED) || rated) {
                return;
            }
            next = view = at(Step.RATING, "rating.ask", false);
        }
        publish(next);
    }

    /** Submits the rating on the worker; a bad rating without reasons is refused by {@link Rating}. */
    public void rate(EvaluationService.Level level, List<String> reasons) {
        Rating r;
        View next;
        synchronized (this) {
            if (view.step() != Step.RATING || rated) {
                return;
            }
            r = new Rating(session.id(), item.code(), level, reasons, "");
            rated = true;
            next = view = at(Step.SUBMITTING, "rating.submitting", false);
        }
        publish(next);
        worker.execute(() -> {
            View after;
            try {
                ports.rate(r);
                synchronized (this) {
                    after = view = at(Step.THANKS, "rating.thanks", false);
                }
            } catch (ServicePorts.ServiceException e) {
                synchronized (this) {
                    rated = false;
                    after = view = new View(Step.RATING, item.code(), "", "", "rating.failed", e.residentMessage(), List.of(), null, "", true, null);
                }
            }
            publish(after);
        });
    }

    /** 办不成事: the resident reports that the item could not be done here (once, from FAILED). */
    public void reportUnresolved(String reasonCode) {
        View next;
        synchronized (this) {
            if (view.step() != Step.FAILED || reported) {
                return;
            }
            reported = true;
            next = view = at(Step.SUBMITTING, "service.reporting", false);
        }
        publish(next);
        worker.execute(() -> {
            View after;
            try {
                ports.reportUnresolved(session.id(), item.code(), reasonCode);
                synchronized (this) {
                    after = view = at(Step.RATING, "service.reported", false);
                }
            } catch (ServicePorts.ServiceException e) {
                synchronized (this) {
                    after = view = new View(Step.FAILED, item.code(), "", "", "service.reportFailed", e.residentMessage(), List.of(), null, "", false, null);
                }
            }
            publish(after);
        });
    }

    private String masked(boolean name) {
        if (resident == null) {
            return "";
        }
        return name ? resident.maskedName() : resident.maskedIdNumber();
    }

    private View at(Step step, String key, boolean canRetry) {
        return new View(step, item.code(), masked(true), masked(false), key, null, view.licenseTypes(), view.resultTitle(),
                view.reference(), canRetry, step == Step.PAYING ? view.payment() : null);
    }

    private void publish(View v) {
        for (Consumer<View> l : listeners) {
            try {
                l.accept(v);
            } catch (RuntimeException e) {
                EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "service-listener", "error", e.getClass().getSimpleName());
            }
        }
    }
}
