package org.zizhu.kiosk.flow;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.catalog.CatalogModel.Material;
import org.zizhu.kiosk.flow.ApplicationEvent.PageCaptured;
import org.zizhu.kiosk.flow.ApplicationPorts.Image;
import org.zizhu.kiosk.flow.ServicePorts.ServiceException;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Visit;

/**
 * Runs one application (申报) for {@code item}: the screens render {@link #state()} (listeners get
 * every new state) and {@link #fire} the resident's {@link ApplicationEvent}s; the transition
 * function ({@code ApplicationSteps.next}) decides under one lock, the ports run on the worker
 * and answer with events through the same function. One idempotency key per flow: however often
 * the resident submits or retries, the centre opens one case. Personal data (form values, pages,
 * signatures) lives only in the visit: when it ends the flow ends and the images are wiped.
 */
public final class ApplicationFlow implements ResidentTask {
    private final ItemDetail item;
    private final ApplicationPorts ports;
    private final Visit visit;
    private final Executor worker;
    private final Clock clock;
    /** The deadline of a 亮证 wait (the only timer of an application). */
    private final Scheduler scheduler;
    private final Messages messages;
    private final FlowRuntime.Listeners<ApplicationState> listeners = new FlowRuntime.Listeners<>("application-listener");
    private final String idempotencyKey = UUID.randomUUID().toString();
    private ApplicationState state = ApplicationSteps.INITIAL;

    private ApplicationFlow(ItemDetail item, ApplicationPorts ports, Visit visit, Executor worker, Scheduler scheduler,
                            Clock clock, Messages messages) {
        this.item = item;
        this.ports = ports;
        this.visit = visit;
        this.worker = worker;
        this.scheduler = scheduler;
        this.clock = clock;
        this.messages = messages;
    }

    /** An application for {@code item} (one that {@link ItemDetail#takesApplication() takes applications}). */
    public static ApplicationFlow start(ItemDetail item, ApplicationPorts ports, Visit visit, Executor worker, Clock clock) {
        return start(item, ports, visit, worker, Scheduler.system(), clock);
    }

    /** As above, the 亮证 deadline on {@code scheduler} (tests advance a manual one). */
    public static ApplicationFlow start(ItemDetail item, ApplicationPorts ports, Visit visit, Executor worker,
                                        Scheduler scheduler, Clock clock) {
        if (!item.takesApplication()) {
            throw new IllegalArgumentException("item takes no application: " + item.code());
        }
        ApplicationFlow flow = new ApplicationFlow(item, ports, visit, worker, scheduler, clock, new Messages());
        // The visit's end (idle timeout, home, shutdown) ends the flow: form values go with the state.
        visit.hold(() -> flow.fire(new ApplicationEvent.VisitEnded()));
        return flow;
    }

    public ItemDetail item() {
        return item;
    }

    public synchronized ApplicationState state() {
        return state;
    }

    /** The key the submission carries (the same for every retry). */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    public void addListener(Consumer<ApplicationState> l) {
        listeners.add(l);
    }

    @Override
    public void onChange(Runnable r) {
        addListener(s -> r.run());
    }

    @Override
    public void identityRead(Resident r, LocalDate validFrom) {
        fire(new ApplicationEvent.Identified(r, validFrom));
    }

    @Override
    public void qrLogin(String token) {
        fire(new ApplicationEvent.Identified(Resident.fromMobileApp(token), null));
    }

    @Override
    public void cardReadFailed() {
        fire(new ApplicationEvent.CardReadFailed());
    }

    /** True once the resident left or the visit ended: the terminal goes home. */
    public synchronized boolean ended() {
        return state instanceof ApplicationState.Ended;
    }

    /**
     * True while the centre, the camera or the printer is at work: the idle timer must not end the
     * visit then (for 亮证 only while the centre resolves the code: before, the resident may still go
     * home, and the wait for the code has a deadline shorter than the default idle timeout).
     */
    @Override
    public synchronized boolean busy() {
        return state instanceof ApplicationState.Preparing || state instanceof ApplicationState.Capturing
                || state instanceof ApplicationState.ShowingLicense s && s.checking()
                || state instanceof ApplicationState.VerifyingPerson || state instanceof ApplicationState.IdentifyingEnterprise
                || state instanceof ApplicationState.Submitting || state instanceof ApplicationState.Printing;
    }

    /** The receipt (and any 承诺书) printed: done without a print problem. */
    @Override
    public synchronized boolean printedForResident() {
        return state instanceof ApplicationState.Done d && d.printProblem() == null;
    }

    /** True while waiting for a card or a login code. */
    @Override
    public synchronized boolean awaitingIdentity() {
        return state instanceof ApplicationState.AwaitingCard;
    }

    /** True while the camera should look for an e-license code from the government app (亮证, before one was read). */
    public synchronized boolean wantsLicenseCode() {
        return state instanceof ApplicationState.ShowingLicense s && !s.checking();
    }

    /** The camera read the government app's e-license code ({@code ZZELIC:1:...}, as read). */
    public void licenseCodeShown(String payload) {
        fire(new ApplicationEvent.LicenseCodeRead(payload));
    }

    /** True when the application is made for an enterprise the person chooses after being verified (企业一码). */
    public boolean forEnterprise() {
        return ApplicationSteps.forEnterprise(item);
    }

    /** True while the resident chooses the enterprise: its e-business-license QR code or its typed credit code is taken. */
    public synchronized boolean choosingEnterprise() {
        return state instanceof ApplicationState.ChoosingEnterprise;
    }

    /**
     * For an enterprise's application the camera keeps looking until the enterprise is chosen: its
     * license's QR code comes next (as the transaction does).
     */
    @Override
    public synchronized boolean wantsLoginCode() {
        return awaitingIdentity() || (forEnterprise() && (state instanceof ApplicationState.VerifyingPerson
                || state instanceof ApplicationState.ChoosingEnterprise || state instanceof ApplicationState.IdentifyingEnterprise));
    }

    /** The camera read a QR code while the enterprise is chosen: its payload goes to the centre as it is. */
    public void enterpriseQrScanned(String payload) {
        fire(new ApplicationEvent.EnterpriseQrScanned(payload));
    }

    /** Today by the flow's clock (the screens show a 容缺 due date as the flow will set it). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The resident may commit to hand {@code m} in later (容缺): the catalogue allows it and gives its due days. */
    public static boolean committable(Material m) {
        return ApplicationSteps.committable(m);
    }

    /**
     * The document camera's live picture while a page is being taken ({@link ApplicationState.Capturing});
     * empty in every other state, so the camera is never shown when the resident is not placing a
     * page. Call it off the UI thread: it asks the port, which encodes a frame.
     */
    public Optional<byte[]> previewJpeg() {
        if (!(state() instanceof ApplicationState.Capturing)) {
            return Optional.empty();
        }
        try {
            return ports.previewJpeg();
        } catch (RuntimeException e) {
            // The preview is a help only: a failing one costs the picture, never the capture.
            EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "application-preview",
                    "error", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * True while a card holder is being verified ({@link ApplicationState.Preparing}, for an
     * enterprise {@link ApplicationState.VerifyingPerson}): their face is checked first. The screen shows the face check then.
     */
    public synchronized boolean checkingFace() {
        return (state instanceof ApplicationState.Preparing p && p.enterprise() == null && p.resident().source() == Resident.Source.ID_CARD)
                || (state instanceof ApplicationState.VerifyingPerson v && v.resident().source() == Resident.Source.ID_CARD);
    }

    /**
     * The face check's live picture and prompt ({@link FaceGuideSource}) while {@link #checkingFace}
     * and the camera is looking; empty otherwise. Call it off the UI thread: the port encodes a frame.
     */
    public Optional<FaceGuideView> faceGuide() {
        return checkingFace() ? FaceGuideSource.askSafely(ports::faceGuide, "application-face-guide") : Optional.empty();
    }

    /** Applies an event; one that does not fit the current state is ignored (and its personal data wiped). */
    public void fire(ApplicationEvent event) {
        ApplicationSteps.Next next;
        ApplicationState published = null;
        synchronized (this) {
            var facts = new ApplicationSteps.Facts(item, LocalDate.now(clock), clock.instant(),
                    visit.ended() && !(event instanceof ApplicationEvent.VisitEnded), messages);
            next = ApplicationSteps.next(state, event, facts);
            if (next.ignored()) {
                switch (event) {
                    case ApplicationEvent.Identified i -> i.resident().wipe(); // not taken: must not linger
                    case PageCaptured p -> p.page().wipe();
                    case ApplicationEvent.PersonVerified v -> v.person().wipe();
                    case ApplicationEvent.EnterpriseIdentified e -> e.enterprise().wipe();
                    default -> { }
                }
                return;
            }
            for (ApplicationEffect e : next.effects()) {
                if (e instanceof ApplicationEffect.Hold h) {
                    try {
                        visit.hold(h.data());
                    } catch (IllegalStateException ended) {
                        return; // the visit ended just now; hold() wiped the data
                    }
                }
            }
            if (!next.state().equals(state)) {
                state = next.state();
                published = state;
            }
        }
        if (published != null) {
            listeners.tell(published);
        }
        for (ApplicationEffect e : next.effects()) {
            run(e);
        }
    }

    private void run(ApplicationEffect effect) {
        switch (effect) {
            case ApplicationEffect.Hold h -> { } // done under the lock
            case ApplicationEffect.Wipe w -> w.data().wipe();
            case ApplicationEffect.Log l -> log(l);
            case ApplicationEffect.Prepare p -> call("application-prepare",
                    () -> new ApplicationEvent.PreparedAnswer(p.enterprise() == null
                            ? ports.prepare(item, p.resident(), p.licenseTypes(), p.consented(), idempotencyKey)
                            : ports.prepare(item, p.resident(), p.licenseTypes(), p.consented(), idempotencyKey, p.person(),
                            p.enterprise())),
                    e -> workFailed("prepare", e));
            case ApplicationEffect.VerifyPerson v -> call("application-verify",
                    () -> new ApplicationEvent.PersonVerified(ports.verifyPerson(v.resident())),
                    e -> workFailed("verify", e));
            case ApplicationEffect.IdentifyEnterprise i -> call("application-enterprise",
                    () -> new ApplicationEvent.EnterpriseIdentified(ports.identifyEnterprise(i.person(), i.choice())),
                    e -> new ApplicationEvent.EnterpriseRefused(e.reason(), e.residentMessage(), e.retryable()));
            case ApplicationEffect.CapturePage c -> call("application-capture", () -> {
                Image page = ports.capturePage();
                return new PageCaptured(c.material(), c.replaceAt(), page);
            }, e -> new ApplicationEvent.CaptureFailed(e.residentMessage()));
            case ApplicationEffect.AwaitShown a -> scheduler.schedule(
                    maxZero(java.time.Duration.between(clock.instant(), a.deadline())), () -> fire(new ApplicationEvent.ShowTimedOut(a.deadline())));
            case ApplicationEffect.ResolveShown r -> call("application-shown-license",
                    () -> new ApplicationEvent.ShownAnswered(ports.shownLicense(item, r.resident(), r.payload(), idempotencyKey)),
                    e -> workFailed("shown-license", e));
            case ApplicationEffect.LogShown l -> EventLog.event(EventId.LICENSE_SHOWN, l.ok() ? Outcome.SUCCESS : Outcome.FAILURE,
                    "item", item.code(), l.ok() ? "type" : "reason", l.detail());
            case ApplicationEffect.Submit s -> call("application-submit",
                    () -> new ApplicationEvent.SubmitAnswered(ports.submit(item, s.resident(), s.application(), idempotencyKey)),
                    e -> workFailed("submit", e));
            case ApplicationEffect.PrintReceipt p -> call("application-print", () -> {
                if (visit.ended()) {
                    return null; // nobody to print for
                }
                ports.printReceipt(item, p.resident(), p.outcome(), p.received(), p.owed(), p.conditionsSignature());
                return new ApplicationEvent.Printed();
            }, e -> workFailed("print", e));
        }
    }

    private static java.time.Duration maxZero(java.time.Duration d) {
        return d.isNegative() ? java.time.Duration.ZERO : d;
    }

    private static ApplicationEvent workFailed(String where, ServiceException e) {
        return new ApplicationEvent.WorkFailed(where, e.residentMessage(), e.retryable());
    }

    /** A port call on the worker (see {@link FlowRuntime#call}). */
    private void call(String where, FlowRuntime.PortCall<ApplicationEvent> call,
                      Function<ServiceException, ApplicationEvent> failed) {
        FlowRuntime.call(worker, where, call, failed, this::fire);
    }

    private void log(ApplicationEffect.Log l) {
        Outcome outcome = l.ok() ? Outcome.SUCCESS : Outcome.FAILURE;
        if (l.retryable() == null) {
            EventLog.event(EventId.SERVICE_STEP, outcome, "item", item.code(), "step", l.step());
        } else {
            EventLog.event(EventId.SERVICE_STEP, outcome, "item", item.code(), "step", l.step(), "retryable", l.retryable());
        }
    }
}
