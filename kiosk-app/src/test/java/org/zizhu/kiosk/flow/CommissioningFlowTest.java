package org.zizhu.kiosk.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.flow.CommissioningPorts.BindResult;
import org.zizhu.kiosk.flow.CommissioningPorts.DeviceRole;
import org.zizhu.kiosk.flow.CommissioningPorts.EnrolOutcome;
import org.zizhu.kiosk.flow.CommissioningPorts.Found;
import org.zizhu.kiosk.flow.CommissioningPorts.NetworkReport;
import org.zizhu.kiosk.flow.CommissioningPorts.Report;
import org.zizhu.kiosk.flow.CommissioningPorts.ReportOutcome;
import org.zizhu.kiosk.flow.CommissioningPorts.TestResult;

/**
 * The machine around the transition function: effects run through the ports on the worker, their
 * answers come back as events, a port that throws is an answer that failed, and the QR scan is
 * started and stopped with the states that want it. In-memory ports: the real ones are tested
 * against the simulators (commission package, CommissioningUiTest).
 */
class CommissioningFlowTest {
    private final ManualClock clock = new ManualClock(ZoneId.of("Asia/Shanghai"));
    private final List<Runnable> queued = new ArrayList<>();
    private final Ports ports = new Ports();
    private final CommissioningFlow flow = new CommissioningFlow(ports, queued::add, clock);

    private void runWorker() {
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
    }

    private static final class Ports implements CommissioningPorts {
        boolean enrolled;
        boolean failDetect = true;
        int scansStarted;
        int scansStopped;
        Consumer<String> scanned;
        Report reported;
        CommissioningState.Progress kept;

        @Override
        public void keepForRestart(CommissioningState.Progress progress) {
            kept = progress;
        }

        @Override
        public java.util.Optional<CommissioningState.Progress> takeKept() {
            java.util.Optional<CommissioningState.Progress> k = java.util.Optional.ofNullable(kept);
            kept = null;
            return k;
        }

        @Override
        public boolean enrolled() {
            return enrolled;
        }

        @Override
        public String terminalId() {
            return "ZZ-T-1";
        }

        @Override
        public List<DeviceRole> testableDevices() {
            return List.of(DeviceRole.RECEIPT);
        }

        @Override
        public NetworkReport checkNetwork() {
            return new NetworkReport(true, 401, true, 0, "");
        }

        @Override
        public EnrolOutcome enrol(String code) {
            enrolled = true;
            return new EnrolOutcome(true, "ZZ-T-1", "", false);
        }

        @Override
        public Scan scanEnrolmentCode(Consumer<String> payloads, Runnable ended, Duration limit) {
            scansStarted++;
            scanned = payloads;
            return () -> scansStopped++;
        }

        @Override
        public List<Found> detect() {
            if (failDetect) {
                failDetect = false;
                throw new IllegalStateException("probe bug");
            }
            return List.of(new Found(DeviceRole.RECEIPT, "tcp://p:9100", "tcp://p:9100", "", false,
                    List.of("device.receipt.target=tcp://p:9100")));
        }

        @Override
        public BindResult bind(List<Found> found) {
            return new BindResult(true, List.of("device.receipt.target=tcp://p:9100"), "f", false, "");
        }

        @Override
        public TestResult test(DeviceRole role) {
            return new TestResult(true, "printed");
        }

        @Override
        public ReportOutcome report(Report report) {
            reported = report;
            return new ReportOutcome(true, true, "");
        }
    }

    /**
     * "Restart the kiosk now" after binding: the progress is kept; in the restarted kiosk (a new
     * flow on the same ports) the technician's login resumes at the device tests, and the report
     * has the detection done before the restart. Without anything kept nothing opens.
     */
    @Test
    void theRestartForNewBindingsResumesAtTheDeviceTests() {
        assertFalse(flow.resumeAfterRestart(), "nothing kept: the maintenance panel opens as usual");
        flow.start(true);
        runWorker();
        flow.fire(new CommissioningEvent.Continue());
        flow.fire(new CommissioningEvent.TypeCode());
        for (char c : "ABCDEFGHJKLM".toCharArray()) {
            flow.fire(new CommissioningEvent.CodeKey(c));
        }
        flow.fire(new CommissioningEvent.SubmitCode());
        runWorker();
        flow.fire(new CommissioningEvent.Continue());
        runWorker(); // the probe bug once
        flow.fire(new CommissioningEvent.Retry());
        runWorker();
        flow.fire(new CommissioningEvent.Bind());
        runWorker();
        assertInstanceOf(CommissioningState.Bound.class, flow.state());
        flow.keepForRestart();

        CommissioningFlow restarted = new CommissioningFlow(ports, queued::add, clock);
        assertTrue(restarted.resumeAfterRestart());
        assertInstanceOf(CommissioningState.Testing.class, restarted.state());
        runWorker();
        restarted.fire(new CommissioningEvent.Continue());
        runWorker();
        assertInstanceOf(CommissioningState.Reported.class, restarted.state());
        assertEquals(CommissioningState.Outcome.PASSED, ports.reported.steps().get(CommissioningState.Step.DETECTION));
        assertEquals(CommissioningState.Outcome.PASSED, ports.reported.steps().get(CommissioningState.Step.NETWORK));
        assertEquals(List.of("device.receipt.target=tcp://p:9100"), ports.reported.bindings());
        assertFalse(new CommissioningFlow(ports, queued::add, clock).resumeAfterRestart(), "resumed once");
    }

    @Test
    void runsEachEffectOnTheWorkerAndFeedsTheAnswerBack() {
        List<CommissioningState> seen = new ArrayList<>();
        flow.addListener(seen::add);
        assertTrue(flow.firstBoot());
        flow.start(true);
        assertInstanceOf(CommissioningState.CheckingNetwork.class, flow.state(), "the check waits for the worker");
        runWorker();
        assertInstanceOf(CommissioningState.NetworkChecked.class, flow.state());
        flow.fire(new CommissioningEvent.Continue());
        flow.fire(new CommissioningEvent.ScanQr());
        assertEquals(1, ports.scansStarted);
        ports.scanned.accept("ZZENROL:1:ABCD-EFGH-JKLM");
        assertEquals(1, ports.scansStopped, "a code read ends the scan");
        runWorker();
        assertInstanceOf(CommissioningState.Enrolled.class, flow.state());
        assertFalse(flow.firstBoot());
        flow.fire(new CommissioningEvent.Continue());
        runWorker();
        // The probe threw: the wizard shows nothing found (and may detect again), it does not hang.
        assertInstanceOf(CommissioningState.Detected.class, flow.state());
        assertTrue(flow.state().progress().found().isEmpty());
        flow.fire(new CommissioningEvent.Retry());
        runWorker();
        flow.fire(new CommissioningEvent.Bind());
        runWorker();
        flow.fire(new CommissioningEvent.Continue());
        runWorker();
        flow.fire(new CommissioningEvent.Continue());
        runWorker();
        assertInstanceOf(CommissioningState.Reported.class, flow.state());
        assertEquals(clock.instant(), ports.reported.at(), "the report's time is the injected clock's");
        assertEquals("ZZ-T-1", ports.reported.terminalId());
        assertFalse(seen.isEmpty());
    }

    @Test
    void closingMidScanStopsTheCamera() {
        ports.enrolled = false;
        flow.start(true);
        runWorker();
        flow.fire(new CommissioningEvent.Continue());
        flow.fire(new CommissioningEvent.ScanQr());
        flow.close();
        assertEquals(1, ports.scansStopped);
        assertFalse(flow.open());
        flow.start(false);
        assertInstanceOf(CommissioningState.Menu.class, flow.state(), "from maintenance: the menu");
    }
}
