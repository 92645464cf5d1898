package org.zizhu.kiosk.flow;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.flow.CommissioningEffect.*;
import org.zizhu.kiosk.flow.CommissioningPorts.EnrolOutcome;
import org.zizhu.kiosk.flow.CommissioningPorts.ReportOutcome;
import org.zizhu.kiosk.flow.CommissioningPorts.TestResult;
import org.zizhu.kiosk.flow.CommissioningState.Closed;
import org.zizhu.kiosk.flow.CommissioningState.Progress;

/**
 * The technician's commissioning wizard as a machine: it holds the {@link CommissioningState},
 * changes it only through {@link CommissioningSteps#next} and runs the effects through the
 * {@link CommissioningPorts} on the worker, feeding their answers back as events. It opens only
 * behind the maintenance flow's card and PIN (the kiosk flow opens and closes it). No JavaFX.
 */
public final class CommissioningFlow {
    /** How long the camera looks for an enrolment QR code before the technician is asked again. */
    public static final Duration QR_SCAN_LIMIT = Duration.ofMinutes(2);

    private final CommissioningPorts ports;
    private final Executor worker;
    private final Clock clock;
    private final List<Consumer<CommissioningState>> listeners = new CopyOnWriteArrayList<>();
    private CommissioningState state = new Closed(new Progress(false, java.util.Map.of(), "", null, List.of(), null,
            java.util.Map.of(), List.of()));
    private CommissioningPorts.Scan scan = CommissioningPorts.Scan.NONE;

    public CommissioningFlow(CommissioningPorts ports, Executor worker, Clock clock) {
        this.ports = ports;
        this.worker = worker;
        this.clock = clock;
    }

    public synchronized CommissioningState state() {
        return state;
    }

    public boolean open() {
        return !(state() instanceof Closed);
    }

    /** True when this terminal is not enrolled: a first boot, which opens the wizard after the technician's PIN. */
    public boolean firstBoot() {
        return !ports.enrolled();
    }

    public void addListener(Consumer<CommissioningState> l) {
        listeners.add(l);
    }

    /** Opens the wizard: guided through every step on a first boot, else at the menu (from maintenance). */
    public void start(boolean guided) {
        fire(new CommissioningEvent.Open(guided, ports.enrolled(), ports.terminalId(),
                CommissioningSteps.ordered(ports.testableDevices())));
    }

    /**
     * The technician restarts the kiosk so the drivers open the newly bound devices: what the
     * wizard found out so far is kept for {@link #resumeAfterRestart()}.
     */
    public void keepForRestart() {
        ports.keepForRestart(state().progress());
    }

    /**
     * After a restart for new bindings: opens the guided wizard at the device tests with what was
     * found out before, and says whether it did (nothing kept: false, nothing opens).
     */
    public boolean resumeAfterRestart() {
        java.util.Optional<CommissioningState.Progress> kept = ports.takeKept();
        kept.ifPresent(p -> fire(new CommissioningEvent.Open(true, ports.enrolled(), ports.terminalId(),
                CommissioningSteps.ordered(ports.testableDevices()), p)));
        return kept.isPresent();
    }

    public void close() {
        fire(new CommissioningEvent.Close());
    }

    /** A touch on the wizard's screens (or a test). */
    public void fire(CommissioningEvent event) {
        CommissioningSteps.Next n;
        synchronized (this) {
            n = CommissioningSteps.next(state, event, clock.instant());
            if (n.ignored()) {
                return;
            }
            if (n.state().getClass() != state.getClass()) {
                EventLog.event(EventId.COMMISSIONING_STEP, Outcome.SUCCESS, "state", n.state().getClass().getSimpleName());
            }
            state = n.state();
        }
        for (CommissioningEffect e : n.effects()) {
            run(e);
        }
        CommissioningState now = state();
        for (Consumer<CommissioningState> l : listeners) {
            l.accept(now);
        }
    }

    private void run(CommissioningEffect effect) {
        switch (effect) {
            case StartScan s -> {
                CommissioningPorts.Scan started = ports.scanEnrolmentCode(
                        payload -> fire(new CommissioningEvent.QrScanned(payload)),
                        () -> fire(new CommissioningEvent.ScanEnded()), QR_SCAN_LIMIT);
                CommissioningPorts.Scan previous;
                synchronized (this) {
                    previous = scan;
                    scan = started;
                }
                previous.stop();
            }
            case StopScan s -> {
                CommissioningPorts.Scan previous;
                synchronized (this) {
                    previous = scan;
                    scan = CommissioningPorts.Scan.NONE;
                }
                previous.stop();
            }
            case CheckNetwork c -> work(() -> {
                var r = ports.checkNetwork();
                EventLog.event(EventId.COMMISSIONING_NETWORK, r.passed() ? Outcome.SUCCESS : Outcome.FAILURE,
                        "reachable", r.reachable(), "status", r.httpStatus(), "skewMs", r.dateKnown() ? r.skewMillis() : "unknown",
                        "problem", r.problem());
                return new CommissioningEvent.NetworkChecked(r);
            }, ex -> new CommissioningEvent.NetworkChecked(new CommissioningPorts.NetworkReport(false, 0, false, 0, "check-failed")));
            case Enrol en -> work(() -> new CommissioningEvent.EnrolAnswered(ports.enrol(en.code())),
                    ex -> new CommissioningEvent.EnrolAnswered(new EnrolOutcome(false, "", "enrol-failed", true)));
            case Detect d -> work(() -> new CommissioningEvent.DevicesFound(ports.detect()),
                    ex -> new CommissioningEvent.DevicesFound(List.of()));
            case Bind b -> work(() -> new CommissioningEvent.BindAnswered(ports.bind(b.found())),
                    ex -> new CommissioningEvent.BindAnswered(new CommissioningPorts.BindResult(false, List.of(), "", false, "bind-failed")));
            case TestDevice t -> work(() -> {
                TestResult r = ports.test(t.role());
                EventLog.event(EventId.COMMISSIONING_DEVICE_TEST, r.passed() ? Outcome.SUCCESS : Outcome.FAILURE,
                        "device", t.role().tag(), "detail", r.detail());
                return new CommissioningEvent.DeviceTested(t.role(), r);
            }, ex -> new CommissioningEvent.DeviceTested(t.role(), new TestResult(false, "test-failed")));
            case SendReport r -> work(() -> new CommissioningEvent.ReportAnswered(ports.report(r.report())),
                    ex -> new CommissioningEvent.ReportAnswered(new ReportOutcome(false, false, "report-failed")));
        }
    }

    /** Runs a port call on the worker; a port that throws after all is an answer that failed, never a stuck wizard. */
    private void work(java.util.function.Supplier<CommissioningEvent> call,
                      java.util.function.Function<RuntimeException, CommissioningEvent> failed) {
        worker.execute(() -> {
            CommissioningEvent answer;
            try {
                answer = call.get();
            } catch (RuntimeException e) {
                EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "commissioning", "error", e.getClass().getSimpleName());
                answer = failed.apply(e);
            }
            fire(answer);
        });
    }
}
