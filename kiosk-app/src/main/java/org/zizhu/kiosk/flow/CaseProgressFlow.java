package org.zizhu.kiosk.flow;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Visit;

/**
 * Runs one case progress query (办件查询): the screens render {@link #state()} (listeners get
 * every new state) and {@link #fire} the resident's {@link CaseProgressEvent}s; the kiosk hands
 * in cards ({@link #identityRead}), login codes ({@link #qrLogin}) and receipt codes
 * ({@link #caseCodeScanned}). The transition function ({@code CaseProgressSteps.next}) decides
 * under one lock; the ports run on the worker and answer with events through the same function.
 * The person's list and the card's identity live only in the visit: when it ends the flow ends
 * and they are wiped.
 */
public final class CaseProgressFlow implements ResidentTask {
    private final CaseProgressPorts ports;
    private final Visit visit;
    private final Executor worker;
    private final Clock clock;
    private final FlowRuntime.Listeners<CaseProgressState> listeners = new FlowRuntime.Listeners<>("case-progress-listener");
    private CaseProgressState state = CaseProgressSteps.INITIAL;

    private CaseProgressFlow(CaseProgressPorts ports, Visit visit, Executor worker, Clock clock) {
        this.ports = ports;
        this.visit = visit;
        this.worker = worker;
        this.clock = clock;
    }

    /** A query in {@code visit}, starting at the choices. */
    public static CaseProgressFlow start(CaseProgressPorts ports, Visit visit, Executor worker, Clock clock) {
        CaseProgressFlow flow = new CaseProgressFlow(ports, visit, worker, clock);
        // The visit's end (idle timeout, home, shutdown) ends the flow: what it shows goes with the state.
        visit.hold(() -> flow.fire(new CaseProgressEvent.VisitEnded()));
        EventLog.event(EventId.SERVICE_STEP, Outcome.SUCCESS, "flow", "case-progress", "step", "started");
        return flow;
    }

    /** The kiosk's time zone: the screens show the steps' times in it. */
    public ZoneId zone() {
        return clock.getZone();
    }

    public synchronized CaseProgressState state() {
        return state;
    }

    public void addListener(Consumer<CaseProgressState> l) {
        listeners.add(l);
    }

    /** True while the centre (or the face check) is at work: the idle timer must not end the visit then. */
    @Override
    public void onChange(Runnable r) {
        addListener(s -> r.run());
    }

    @Override
    public synchronized boolean busy() {
        return state instanceof CaseProgressState.Loading;
    }

    /**
     * True while a card holder's cases are being fetched: their face is checked first (the state's
     * message asks them to look at the camera). The screen shows the face check then.
     */
    public synchronized boolean checkingFace() {
        return state instanceof CaseProgressState.Loading l && l.lookup() instanceof CaseProgressState.ByPerson p
                && p.resident().source() == Resident.Source.ID_CARD;
    }

    /**
     * The face check's live picture and prompt ({@link FaceGuideSource}) while {@link #checkingFace}
     * and the camera is looking; empty otherwise. Call it off the UI thread: the port encodes a frame.
     */
    public Optional<FaceGuideView> faceGuide() {
        return checkingFace() ? FaceGuideSource.askSafely(ports::faceGuide, "cases-face-guide") : Optional.empty();
    }

    /** True while a card or a mobile-app login code would be taken (the choices, or waiting for a card). */
    @Override
    public synchronized boolean awaitingIdentity() {
        return state instanceof CaseProgressState.Choosing || state instanceof CaseProgressState.AwaitingIdentity;
    }

    /** True while a receipt's QR code would be taken (the choices, or waiting for the receipt). */
    public synchronized boolean awaitingCaseCode() {
        return state instanceof CaseProgressState.Choosing || state instanceof CaseProgressState.ScanningReceipt;
    }

    /** The ID card reader read a card ({@code validFrom} from the card). */
    @Override
    public void identityRead(Resident resident, LocalDate validFrom) {
        fire(new CaseProgressEvent.Identified(resident, validFrom));
    }

    /** The camera saw the mobile app's login code: the centre will say who the resident is. */
    @Override
    public void qrLogin(String token) {
        fire(new CaseProgressEvent.Identified(Resident.fromMobileApp(token), null));
    }

    /** The card could not be read: the resident may try again. */
    @Override
    public void cardReadFailed() {
        fire(new CaseProgressEvent.CardReadFailed());
    }

    /** The camera read a receipt's status link (the case number from it). */
    public void caseCodeScanned(String caseNumber) {
        fire(new CaseProgressEvent.CaseCodeScanned(caseNumber));
    }

    /**
     * What the camera scan ({@code TerminalDevices.watchForCaseCode}) serving this flow asks of it:
     * login codes while {@link #awaitingIdentity()}, receipt codes while {@link #awaitingCaseCode()},
     * until the flow has ended or {@code current} says the kiosk has moved on to something else.
     */
    public TerminalDevices.CaseCodeWatch codeWatch(BooleanSupplier current) {
        return new TerminalDevices.CaseCodeWatch() {
            @Override
            public boolean wanted() {
                return current.getAsBoolean() && !(state() instanceof CaseProgressState.Ended);
            }

            @Override
            public boolean accepting() {
                return awaitingIdentity();
            }

            @Override
            public void token(String loginToken) {
                qrLogin(loginToken);
            }

            @Override
            public boolean acceptingCaseCode() {
                return awaitingCaseCode();
            }

            @Override
            public void caseNumber(String caseNumber) {
                caseCodeScanned(caseNumber);
            }
        };
    }

    /** Applies an event; one that does not fit the current state is ignored (and its personal data wiped). */
    public void fire(CaseProgressEvent event) {
        CaseProgressSteps.Next next;
        CaseProgressState published = null;
        synchronized (this) {
            var facts = new CaseProgressSteps.Facts(LocalDate.now(clock),
                    visit.ended() && !(event instanceof CaseProgressEvent.VisitEnded));
            next = CaseProgressSteps.next(state, event, facts);
            if (next.ignored()) {
                switch (event) {
                    case CaseProgressEvent.Identified i -> i.resident().wipe(); // not taken: must not linger
                    case CaseProgressEvent.CasesAnswered a -> a.cases().wipe(); // late: nobody to show it to
                    default -> { }
                }
                return;
            }
            for (CaseProgressEffect e : next.effects()) {
                if (e instanceof CaseProgressEffect.Hold h) {
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
        for (CaseProgressEffect e : next.effects()) {
            run(e);
        }
    }

    private void run(CaseProgressEffect effect) {
        switch (effect) {
            case CaseProgressEffect.Hold h -> { } // done under the lock
            case CaseProgressEffect.Wipe w -> w.data().wipe();
            case CaseProgressEffect.Log l -> log(l);
            case CaseProgressEffect.LoadCases c -> call("case-progress-list",
                    () -> new CaseProgressEvent.CasesAnswered(ports.casesOf(c.resident())));
            case CaseProgressEffect.LoadCase c -> call("case-progress-lookup",
                    () -> new CaseProgressEvent.CaseAnswered(c.caseNumber(), ports.caseByNumber(c.caseNumber()).orElse(null)));
        }
    }

    /** A port call on the worker (see {@link FlowRuntime#call}); a failure without words gets the screen's own. */
    private void call(String where, FlowRuntime.PortCall<CaseProgressEvent> call) {
        FlowRuntime.call(worker, where, call, e -> new CaseProgressEvent.WorkFailed(e.residentMessage(), e.retryable()),
                this::fire);
    }

    private static void log(CaseProgressEffect.Log l) {
        Outcome outcome = l.ok() ? Outcome.SUCCESS : Outcome.FAILURE;
        if (l.retryable() == null) {
            EventLog.event(EventId.SERVICE_STEP, outcome, "flow", "case-progress", "step", l.step());
        } else {
            EventLog.event(EventId.SERVICE_STEP, outcome, "flow", "case-progress", "step", l.step(), "retryable", l.retryable());
        }
    }
}
