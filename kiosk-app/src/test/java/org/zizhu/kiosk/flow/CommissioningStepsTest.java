package org.zizhu.kiosk.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.flow.CommissioningEffect.*;
import org.zizhu.kiosk.flow.CommissioningEvent.*;
import org.zizhu.kiosk.flow.CommissioningPorts.BindResult;
import org.zizhu.kiosk.flow.CommissioningPorts.DeviceRole;
import org.zizhu.kiosk.flow.CommissioningPorts.EnrolOutcome;
import org.zizhu.kiosk.flow.CommissioningPorts.Found;
import org.zizhu.kiosk.flow.CommissioningPorts.NetworkReport;
import org.zizhu.kiosk.flow.CommissioningPorts.ReportOutcome;
import org.zizhu.kiosk.flow.CommissioningPorts.TestResult;
import org.zizhu.kiosk.flow.CommissioningState.*;

/** The wizard's transition function, step by step, with values only. */
class CommissioningStepsTest {
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final NetworkReport GOOD_NET = new NetworkReport(true, 401, true, 1_500, "");
    private static final Found READER = new Found(DeviceRole.IDCARD, "/dev/ttyUSB0", "/dev/zizhu/idcard", "sam 115200", false,
            List.of("device.idcard.port=/dev/zizhu/idcard", "device.idcard.baud=115200"));
    private static final Found PRINTER = new Found(DeviceRole.RECEIPT, "tcp://10.0.0.5:9100", "tcp://10.0.0.5:9100", "dle-eot", false,
            List.of("device.receipt.target=tcp://10.0.0.5:9100"));

    private CommissioningState state = new Closed(new Progress(false, Map.of(), "", null, List.of(), null, Map.of(), List.of()));
    private List<CommissioningEffect> effects = List.of();

    private void on(CommissioningEvent e) {
        CommissioningSteps.Next n = CommissioningSteps.next(state, e, NOW);
        assertFalse(n.ignored(), e + " fits " + state);
        state = n.state();
        effects = n.effects();
    }

    private void ignored(CommissioningEvent e) {
        assertTrue(CommissioningSteps.next(state, e, NOW).ignored(), e + " must not fit " + state);
    }

    private void type(String s) {
        for (char c : s.toCharArray()) {
            if (c != '-') {
                on(new CodeKey(c));
            }
        }
    }

    @Test
    void firstBootRunsEveryStepInOrderAndReportsWhatHappened() {
        on(new Open(true, false, "ZZ-NEW-1", List.of(DeviceRole.IDCARD, DeviceRole.RECEIPT)));
        assertInstanceOf(CheckingNetwork.class, state);
        assertEquals(List.of(new CheckNetwork()), effects);
        ignored(new Continue()); // nothing to go on with while the check runs
        ignored(new ToMenu());
        on(new CommissioningEvent.NetworkChecked(GOOD_NET));
        assertEquals(Outcome.PASSED, state.progress().outcome(Step.NETWORK));
        on(new Continue());
        assertEquals(new EnteringCode(state.progress(), "", ""), state);

        type("abcdefghjklm");
        assertEquals("ABCD-EFGH-JKLM-", ((EnteringCode) state).code());
        on(new SubmitCode());
        assertInstanceOf(Enrolling.class, state);
        assertEquals(List.of(new Enrol("ABCD-EFGH-JKLM")), effects);
        on(new EnrolAnswered(new EnrolOutcome(true, "ZZ-NEW-1", "", false)));
        assertInstanceOf(Enrolled.class, state);
        on(new Continue());
        assertInstanceOf(Detecting.class, state);
        assertEquals(List.of(new Detect()), effects);
        on(new DevicesFound(List.of(READER, PRINTER)));
        assertInstanceOf(Detected.class, state);
        on(new CommissioningEvent.Bind());
        assertEquals(List.of(new CommissioningEffect.Bind(List.of(READER, PRINTER))), effects);
        on(new BindAnswered(new BindResult(true, List.of("device.idcard.port=/dev/zizhu/idcard"), "/var/lib/zizhu/commissioned.properties", true, "")));
        assertEquals(Outcome.PASSED, state.progress().outcome(Step.DETECTION));
        on(new Continue());
        assertEquals(new Testing(state.progress(), DeviceRole.IDCARD), state);
        assertEquals(List.of(new TestDevice(DeviceRole.IDCARD)), effects);
        ignored(new DeviceTested(DeviceRole.RECEIPT, new TestResult(true, ""))); // not the device under test
        on(new DeviceTested(DeviceRole.IDCARD, new TestResult(true, "card-read")));
        on(new Continue());
        assertEquals(List.of(new TestDevice(DeviceRole.RECEIPT)), effects);
        on(new DeviceTested(DeviceRole.RECEIPT, new TestResult(true, "printed")));
        assertEquals(Outcome.PASSED, state.progress().outcome(Step.TESTS));
        on(new Continue());
        assertInstanceOf(Reporting.class, state);
        SendReport send = (SendReport) effects.get(0);
        assertEquals("ZZ-NEW-1", send.report().terminalId());
        assertEquals(NOW, send.report().at());
        assertEquals(List.of("device.idcard.port=/dev/zizhu/idcard"), send.report().bindings());
        assertEquals(GOOD_NET, send.report().network());
        assertEquals(Outcome.PASSED, send.report().steps().get(Step.ENROLMENT));
        assertEquals(2, send.report().tests().size());
        on(new ReportAnswered(new ReportOutcome(true, true, "")));
        assertEquals(Outcome.PASSED, state.progress().outcome(Step.REPORT));
        on(new Continue());
        assertInstanceOf(Menu.class, state);
        assertFalse(state.progress().guided(), "after the first run every step is repeated from the menu");
    }

    /**
     * The restart that re-opens newly bound devices: the wizard, opened again with what it had
     * found out, goes straight to the device tests, and the report carries the network check,
     * enrolment and detection from before the restart.
     */
    @Test
    void afterTheRestartForNewBindingsTheWizardGoesOnAtTheDeviceTests() {
        BindResult bound = new BindResult(true, List.of("device.idcard.port=/dev/zizhu/idcard"), "/var/lib/zizhu/commissioned.properties", false, "");
        Progress before = new Progress(true, Map.of(Step.NETWORK, Outcome.PASSED, Step.ENROLMENT, Outcome.PASSED, Step.DETECTION, Outcome.PASSED),
                null, GOOD_NET, List.of(READER), bound, Map.of(), List.of());
        on(new Open(true, true, "ZZ-NEW-1", List.of(DeviceRole.IDCARD), before));
        assertEquals(List.of(new TestDevice(DeviceRole.IDCARD)), effects);
        assertInstanceOf(Testing.class, state);
        assertTrue(state.progress().guided());
        on(new DeviceTested(DeviceRole.IDCARD, new TestResult(true, "card-read")));
        on(new Continue());
        SendReport send = (SendReport) effects.get(0);
        assertEquals("ZZ-NEW-1", send.report().terminalId());
        assertEquals(GOOD_NET, send.report().network());
        assertEquals(List.of(READER), send.report().devices());
        assertEquals(bound.written(), send.report().bindings());
        assertEquals(Outcome.PASSED, send.report().steps().get(Step.NETWORK));
        assertEquals(Outcome.PASSED, send.report().steps().get(Step.DETECTION));
        assertEquals(Outcome.PASSED, send.report().steps().get(Step.TESTS));
    }

    @Test
    void failuresAreRetriedAndCanBePassedOver() {
        on(new Open(true, false, "ZZ-NEW-1", List.of(DeviceRole.GPIO)));
        on(new CommissioningEvent.NetworkChecked(new NetworkReport(false, 0, false, 0, "connect-refused")));
        assertEquals(Outcome.FAILED, state.progress().outcome(Step.NETWORK));
        on(new Retry());
        assertEquals(List.of(new CheckNetwork()), effects);
        // Reachable, but the clock is ten minutes off: the step fails on the clock alone.
        on(new CommissioningEvent.NetworkChecked(new NetworkReport(true, 200, true, -600_000, "")));
        assertEquals(Outcome.FAILED, state.progress().outcome(Step.NETWORK));
        on(new Continue());
        on(new SubmitCode()); // nothing typed yet
        assertEquals("code-incomplete", ((EnteringCode) state).problem());
        type("NOPE-NOPE-NOPE");
        on(new SubmitCode());
        on(new EnrolAnswered(new EnrolOutcome(false, "", "code-refused", false)));
        assertEquals(new EnrolFailed(state.progress(), "code-refused", false), state);
        on(new Retry());
        assertEquals(new EnteringCode(state.progress(), "", "code-refused"), state);
        on(new CodeKey('A'));
        on(new CodeBackspace());
        assertEquals("", ((EnteringCode) state).code());
        ignored(new CodeKey('#'));
        type("ABCD-EFGH-JKLM");
        on(new CodeBackspace()); // the automatic dash goes with the last character
        assertEquals("ABCD-EFGH-JKL", ((EnteringCode) state).code());
        on(new CodeKey('M'));
        on(new SubmitCode());
        on(new EnrolAnswered(new EnrolOutcome(true, "ZZ-NEW-1", "", false)));
        on(new Continue());
        on(new DevicesFound(List.of()));
        assertEquals(Outcome.FAILED, state.progress().outcome(Step.DETECTION));
        ignored(new CommissioningEvent.Bind()); // nothing to bind
        on(new Retry());
        assertEquals(List.of(new Detect()), effects);
        on(new DevicesFound(List.of(READER)));
        on(new CommissioningEvent.Bind());
        on(new BindAnswered(new BindResult(false, List.of(), "", false, "value-invalid")));
        assertEquals(Outcome.FAILED, state.progress().outcome(Step.DETECTION));
        on(new Retry());
        assertEquals(List.of(new CommissioningEffect.Bind(List.of(READER))), effects);
        on(new BindAnswered(new BindResult(true, List.of("device.idcard.port=/dev/zizhu/idcard"), "f", false, "")));
        on(new Continue());
        on(new DeviceTested(DeviceRole.GPIO, new TestResult(false, "no-button-press")));
        assertEquals(Outcome.FAILED, state.progress().outcome(Step.TESTS));
        on(new Retry());
        assertEquals(List.of(new TestDevice(DeviceRole.GPIO)), effects);
        on(new DeviceTested(DeviceRole.GPIO, new TestResult(true, "pressed")));
        assertEquals(Outcome.PASSED, state.progress().outcome(Step.TESTS));
        on(new Continue());
        on(new ReportAnswered(new ReportOutcome(true, false, "centre-unreachable")));
        assertEquals(Outcome.FAILED, state.progress().outcome(Step.REPORT));
        on(new Retry());
        assertInstanceOf(SendReport.class, effects.get(0));
    }

    @Test
    void enrolmentByQrCodeTakesOnlyAnEnrolmentPayload() {
        on(new Open(true, false, "ZZ-NEW-1", List.of()));
        on(new CommissioningEvent.NetworkChecked(GOOD_NET));
        on(new Continue());
        on(new ScanQr());
        assertEquals(new ScanningCode(state.progress(), ""), state);
        assertEquals(List.of(new StartScan()), effects);
        on(new QrScanned("https://example.org/not-a-code"));
        assertEquals("qr-not-enrolment", ((ScanningCode) state).problem());
        on(new QrScanned("ZZENROL:1:bad"));
        assertEquals("qr-not-enrolment", ((ScanningCode) state).problem());
        on(new ScanEnded());
        assertEquals("scan-ended", ((ScanningCode) state).problem());
        on(new Retry());
        assertEquals(List.of(new StopScan(), new StartScan()), effects);
        on(new QrScanned("ZZENROL:1:abcd-efgh-jklm"));
        assertInstanceOf(Enrolling.class, state);
        assertEquals(List.of(new StopScan(), new Enrol("ABCD-EFGH-JKLM")), effects);
        assertEquals("ABCD-EFGH-JKLM", CommissioningSteps.codeOf("ZZENROL:1:ABCD-EFGH-JKLM"));
        assertNull(CommissioningSteps.codeOf("ZZENROL:2:ABCD-EFGH-JKLM"));
    }

    @Test
    void closingStopsAScanAndTheMaintenanceMenuRepeatsAnyStep() {
        on(new Open(true, false, "ZZ-NEW-1", List.of(DeviceRole.CAMERA)));
        on(new CommissioningEvent.NetworkChecked(GOOD_NET));
        on(new Continue());
        on(new ScanQr());
        on(new Close()); // the card is pulled mid-scan
        assertInstanceOf(Closed.class, state);
        assertEquals(List.of(new StopScan()), effects);
        assertEquals(Outcome.PASSED, state.progress().outcome(Step.NETWORK), "what was found is kept");

        // Later, from the maintenance screen of an enrolled kiosk: the menu, each step on its own.
        on(new Open(false, true, "ZZ-NEW-1", List.of(DeviceRole.CAMERA)));
        assertInstanceOf(Menu.class, state);
        assertEquals(Outcome.PASSED, state.progress().outcome(Step.ENROLMENT));
        on(new Choose(Step.TESTS));
        assertEquals(List.of(new TestDevice(DeviceRole.CAMERA)), effects);
        on(new DeviceTested(DeviceRole.CAMERA, new TestResult(true, "640x480")));
        on(new Continue());
        assertInstanceOf(Menu.class, state, "a repeated step goes back to the menu");
        on(new Choose(Step.NETWORK));
        on(new CommissioningEvent.NetworkChecked(GOOD_NET));
        on(new Continue());
        assertInstanceOf(Menu.class, state);
        on(new Choose(Step.ENROLMENT));
        assertInstanceOf(EnteringCode.class, state);
        on(new ToMenu());
        assertInstanceOf(Menu.class, state);
        on(new Choose(Step.REPORT));
        assertInstanceOf(Reporting.class, state);
        ignored(new Open(false, true, "x", List.of())); // open only when closed
        on(new Close());
        ignored(new DeviceTested(DeviceRole.CAMERA, new TestResult(true, ""))); // a late answer after closing
    }
}
