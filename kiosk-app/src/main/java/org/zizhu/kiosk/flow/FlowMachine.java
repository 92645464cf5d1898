package org.zizhu.kiosk.flow;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Visit;
import org.zizhu.kiosk.session.RatingLevel;

/**
 * Runs a flow's transition function: one lock around "look at the state, apply the event,
 * take the next state", then, outside the lock, the view to the listeners and the effects to
 * the ports (on {@code worker}) and the timers (on {@code scheduler}). The ports' answers come
 * back as events through the same function, so there is exactly one place where the state moves.
 */
final class FlowMachine implements ServiceFlow {
    /** A flow's one transition function. */
    @FunctionalInterface
    interface Transition {
        Next next(ServiceState state, ServiceEvent event, Facts facts);
    }

    private final Transition transition;
    private final ItemDetail item;
    private final ServicePorts ports;
    private final Visit session;
    private final Executor worker;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Messages messages;
    private final FlowRuntime.Listeners<View> listeners = new FlowRuntime.Listeners<>("service-listener");
    /** One key for the whole transaction: a retry after a lost answer must not issue twice. */
    private final String idempotencyKey = UUID.randomUUID().toString();
    private ServiceState state;
    private View view;

    FlowMachine(ServiceState initial, Transition transition, ItemDetail item, ServicePorts ports, Visit session,
                Executor worker, Scheduler scheduler, Clock clock, Messages messages) {
        this.transition = transition;
        this.item = item;
        this.ports = ports;
        this.session = session;
        this.worker = worker;
        this.scheduler = scheduler;
        this.clock = clock;
        this.messages = messages;
        this.state = initial;
        this.view = Views.of(initial, item.code());
    }

    @Override
    public synchronized View view() {
        return view;
    }

    /** The current state (tests). */
    synchronized ServiceState state() {
        return state;
    }

    @Override
    public void addListener(Consumer<View> l) {
        listeners.add(l);
    }

    @Override
    public synchronized boolean busy() {
        return state instanceof ServiceState.Working || state instanceof ServiceState.Printing
                || state instanceof ServiceState.Submitting || state instanceof TransactionFlow.OrderingPayment
                || state instanceof TransactionFlow.Paying || state instanceof TransactionFlow.VerifyingPerson
                || state instanceof TransactionFlow.IdentifyingEnterprise;
    }

    @Override
    public boolean forEnterprise() {
        return ports.forEnterprise(item);
    }

    /** For an enterprise item the camera keeps looking until the enterprise is chosen: its license's QR code comes next. */
    @Override
    public synchronized boolean wantsLoginCode() {
        return awaitingIdentity() || view.step() == Step.ENTER_CODE
                || (forEnterprise() && (state instanceof TransactionFlow.VerifyingPerson
                        || state instanceof TransactionFlow.ChoosingEnterprise || state instanceof TransactionFlow.IdentifyingEnterprise));
    }

    @Override
    public synchronized boolean choosingEnterprise() {
        return state instanceof TransactionFlow.ChoosingEnterprise;
    }

    @Override
    public synchronized boolean awaitingIdentity() {
        return state instanceof ServiceState.AwaitingCard || state instanceof ServiceState.CardProblem;
    }

    @Override
    public synchronized boolean checkingFace() {
        return (state instanceof ServiceState.Working w && w.resident().source() == Resident.Source.ID_CARD
                && !(w.job() instanceof TransactionFlow.Perform p && p.enterprise() != null))
                || (state instanceof TransactionFlow.VerifyingPerson v && v.resident().source() == Resident.Source.ID_CARD);
    }

    @Override
    public Optional<FaceGuideView> faceGuide() {
        return checkingFace() ? FaceGuideSource.askSafely(ports::faceGuide, "service-face-guide") : Optional.empty();
    }

    @Override
    public void enterCode(String code) {
        fire(new ServiceEvent.CodeEntered(code));
    }

    @Override
    public void identityRead(Resident r, LocalDate validFrom) {
        fire(new ServiceEvent.Identified(r, validFrom));
    }

    @Override
    public void qrLogin(String token) {
        fire(new ServiceEvent.Identified(Resident.fromMobileApp(token), null));
    }

    @Override
    public void enterpriseCodeTyped(String code) {
        fire(new ServiceEvent.EnterpriseCodeTyped(code));
    }

    @Override
    public void confirmEnterpriseCode() {
        fire(new ServiceEvent.EnterpriseCodeConfirmed());
    }

    @Override
    public void enterpriseQrScanned(String payload) {
        fire(new ServiceEvent.EnterpriseQrScanned(payload));
    }

    @Override
    public void cardReadFailed() {
        fire(new ServiceEvent.CardReadFailed());
    }

    @Override
    public void consent(boolean agreed) {
        fire(new ServiceEvent.ConsentGiven(agreed));
    }

    @Override
    public void retry() {
        fire(new ServiceEvent.Retry());
    }

    @Override
    public void cancelPayment() {
        fire(new ServiceEvent.CancelPayment());
    }

    @Override
    public void toRating() {
        fire(new ServiceEvent.ToRating());
    }

    @Override
    public void rate(RatingLevel level, List<String> reasons) {
        fire(new ServiceEvent.Rate(level, reasons));
    }

    @Override
    public void reportUnresolved(String reasonCode) {
        fire(new ServiceEvent.Report(reasonCode));
    }

    /** Applies {@code event}; a transition that throws (a refused rating) leaves the state as it was. */
    void fire(ServiceEvent event) {
        Next next;
        View published = null;
        synchronized (this) {
            Facts facts = new Facts(item.code(), session.id(), LocalDate.now(clock), session.ended(),
                    ports.licenseTypesFor(item), ports.amountDue(item), messages, ports.forEnterprise(item));
            next = transition.next(state, event, facts);
            if (next.ignored()) {
                if (event instanceof ServiceEvent.Identified i) {
                    i.resident().wipe(); // not taken: the identity must not linger
                }
                return;
            }
            for (Effect e : next.effects()) {
                if (e instanceof Effect.Hold h) {
                    try {
                        session.hold(h.data());
                    } catch (IllegalStateException ended) {
                        return; // the visit ended just now; hold() wiped the data
                    }
                }
            }
            if (!next.state().equals(state)) {
                state = next.state();
                published = view = Views.of(state, item.code());
            }
        }
        if (published != null) {
            publish(published);
        }
        for (Effect e : next.effects()) {
            run(e);
        }
    }

    private void run(Effect effect) {
        switch (effect) {
            case Effect.Hold h -> { } // done under the lock, before the state moved
            case Effect.Wipe w -> w.data().wipe();
            case Effect.Log l -> log(l);
            case Effect.After a -> scheduler.schedule(a.delay(), () -> fire(a.event()));
            case Effect.CancelOrder c -> worker.execute(() -> ports.cancelPayment(c.orderId()));
            // A cancelled or expired order is not reused: each attempt is its own order, once.
            case Effect.OrderPayment o -> call("service-payment",
                    () -> new ServiceEvent.PaymentOrdered(ports.createPayment(item, idempotencyKey + "-pay-" + o.attempt())),
                    e -> workFailed("payment", e));
            case Effect.PollPayment p -> call("service-payment",
                    () -> new ServiceEvent.PaymentPolled(p.orderId(), ports.paymentState(p.orderId())),
                    e -> new ServiceEvent.PaymentPollFailed(p.orderId(), e.residentMessage(), e.retryable()));
            case Effect.Perform p -> call("service-perform",
                    () -> new ServiceEvent.Produced(p.enterprise() == null
                            ? ports.perform(item, p.resident(), p.consented(), idempotencyKey)
                            : ports.perform(item, p.resident(), p.consented(), p.enterprise(), idempotencyKey)),
                    e -> workFailed("perform", e));
            case Effect.VerifyPerson v -> call("service-verify",
                    () -> new ServiceEvent.PersonVerified(ports.verifyPerson(v.resident())),
                    e -> workFailed("verify", e));
            case Effect.IdentifyEnterprise i -> call("service-enterprise",
                    () -> new ServiceEvent.EnterpriseIdentified(ports.identifyEnterprise(i.person(), i.choice())),
                    e -> new ServiceEvent.EnterpriseRefused(e.reason(), e.residentMessage(), e.retryable()));
            case Effect.CheckIn c -> call("service-perform",
                    () -> new ServiceEvent.Produced(ports.checkIn(item, c.resident(), c.appointmentCode())),
                    e -> workFailed("perform", e));
            case Effect.Print p -> call("service-print", () -> {
                if (session.ended()) {
                    return null; // nobody to print for
                }
                ports.print(item, p.resident(), p.outcome());
                return new ServiceEvent.Printed();
            }, e -> workFailed("print", e));
            case Effect.SubmitRating r -> call("service-rating", () -> {
                ports.rate(r.rating());
                return new ServiceEvent.Submitted();
            }, e -> new ServiceEvent.SubmitFailed(e.residentMessage()));
            case Effect.SubmitReport r -> call("service-report", () -> {
                ports.reportUnresolved(session.id(), item.code(), r.reasonCode());
                return new ServiceEvent.Submitted();
            }, e -> new ServiceEvent.SubmitFailed(e.residentMessage()));
        }
    }

    /** A port call: its answer, or null for none. */
    @FunctionalInterface
    private interface PortCall {
        ServiceEvent call() throws ServicePorts.ServiceException;
    }

    private static ServiceEvent workFailed(String where, ServicePorts.ServiceException e) {
        return new ServiceEvent.WorkFailed(where, e.residentMessage(), e.retryable());
    }

    /**
     * Runs a port call on the worker and feeds its answer back. A failure the port describes
     * becomes {@code failed}'s event; an unexpected exception is logged and treated as a
     * retryable failure without a text of its own.
     */
    private void call(String where, PortCall call, Function<ServicePorts.ServiceException, ServiceEvent> failed) {
        worker.execute(() -> {
            ServiceEvent answer;
            try {
                answer = call.call();
            } catch (ServicePorts.ServiceException e) {
                answer = failed.apply(e);
            } catch (RuntimeException e) {
                EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", where, "error", e.getClass().getSimpleName());
                answer = failed.apply(new ServicePorts.ServiceException(where + ": " + e.getClass().getSimpleName(), null, true, e));
            }
            if (answer != null) {
                fire(answer);
            }
        });
    }

    private void log(Effect.Log l) {
        Outcome outcome = l.ok() ? Outcome.SUCCESS : Outcome.FAILURE;
        if (l.retryable() == null) {
            EventLog.event(EventId.SERVICE_STEP, outcome, "item", item.code(), "step", l.step());
        } else {
            EventLog.event(EventId.SERVICE_STEP, outcome, "item", item.code(), "step", l.step(), "retryable", l.retryable());
        }
    }

    private void publish(View v) {
        listeners.tell(v);
    }
}
