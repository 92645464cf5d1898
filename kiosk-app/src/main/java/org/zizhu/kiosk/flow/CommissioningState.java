package org.zizhu.kiosk.flow;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.zizhu.kiosk.flow.CommissioningPorts.BindResult;
import org.zizhu.kiosk.flow.CommissioningPorts.DeviceRole;
import org.zizhu.kiosk.flow.CommissioningPorts.Found;
import org.zizhu.kiosk.flow.CommissioningPorts.NetworkReport;
import org.zizhu.kiosk.flow.CommissioningPorts.ReportOutcome;
import org.zizhu.kiosk.flow.CommissioningPorts.TestResult;

/**
 * Where the commissioning wizard is: sealed records, each carrying the {@link Progress} so far.
 * Changed only by {@link CommissioningSteps#next}.
 */
public sealed interface CommissioningState {

    /** The wizard's steps, in the order a first boot runs them. */
    enum Step { NETWORK, ENROLMENT, DETECTION, TESTS, REPORT }

    /** How a step ended the last time it ran. */
    enum Outcome { NOT_RUN, PASSED, FAILED }

    Progress progress();

    /**
     * What the wizard has found out so far (kept when a step is repeated from the menu).
     * {@code guided}: a first boot, where finishing a step goes on to the next; from the
     * maintenance screen a finished step goes back to the menu.
     */
    record Progress(boolean guided, Map<Step, Outcome> outcomes, String terminalId, NetworkReport network,
                    List<Found> found, BindResult binding, Map<DeviceRole, TestResult> tests, List<DeviceRole> testable) {
        public Progress {
            Map<Step, Outcome> o = new EnumMap<>(Step.class);
            for (Step s : Step.values()) {
                o.put(s, outcomes.getOrDefault(s, Outcome.NOT_RUN));
            }
            outcomes = Map.copyOf(o);
            found = List.copyOf(found);
            tests = Map.copyOf(tests);
            testable = List.copyOf(testable);
        }

        public Outcome outcome(Step s) {
            return outcomes.get(s);
        }

        Progress with(Step s, Outcome o) {
            Map<Step, Outcome> m = new EnumMap<>(outcomes);
            m.put(s, o);
            return new Progress(guided, m, terminalId, network, found, binding, tests, testable);
        }

        Progress withNetwork(NetworkReport n) {
            return new Progress(guided, outcomes, terminalId, n, found, binding, tests, testable).with(Step.NETWORK,
                    n.passed() ? Outcome.PASSED : Outcome.FAILED);
        }

        Progress withTerminal(String id) {
            return new Progress(guided, outcomes, id, network, found, binding, tests, testable);
        }

        Progress withFound(List<Found> f) {
            return new Progress(guided, outcomes, terminalId, network, f, null, tests, testable);
        }

        Progress withBinding(BindResult b) {
            return new Progress(guided, outcomes, terminalId, network, found, b, tests, testable)
                    .with(Step.DETECTION, b.ok() ? Outcome.PASSED : Outcome.FAILED);
        }

        Progress withTest(DeviceRole role, TestResult r) {
            Map<DeviceRole, TestResult> t = new EnumMap<>(DeviceRole.class);
            t.putAll(tests);
            t.put(role, r);
            Progress p = new Progress(guided, outcomes, terminalId, network, found, binding, t, testable);
            boolean all = testable.stream().allMatch(t::containsKey);
            boolean failed = t.values().stream().anyMatch(x -> !x.passed());
            return p.with(Step.TESTS, failed ? Outcome.FAILED : all ? Outcome.PASSED : Outcome.NOT_RUN);
        }

        Progress menuMode() {
            return new Progress(false, outcomes, terminalId, network, found, binding, tests, testable);
        }
    }

    /** Not shown. */
    record Closed(Progress progress) implements CommissioningState { }

    /** The list of steps with their outcomes: any can be run (again). */
    record Menu(Progress progress) implements CommissioningState { }

    record CheckingNetwork(Progress progress) implements CommissioningState { }

    record NetworkChecked(Progress progress, NetworkReport report) implements CommissioningState { }

    /** The technician types the one-time code on the keypad; {@code problem} from the last attempt, or "". */
    record EnteringCode(Progress progress, String code, String problem) implements CommissioningState {
        @Override
        public String toString() {
            return "EnteringCode[" + code.length() + " chars, problem=" + problem + "]"; // a live code stays out of logs
        }
    }

    /** The camera looks for the enrolment QR code ({@code ZZENROL:1:<code>}). */
    record ScanningCode(Progress progress, String problem) implements CommissioningState { }

    record Enrolling(Progress progress) implements CommissioningState { }

    record EnrolFailed(Progress progress, String problem, boolean retryable) implements CommissioningState { }

    record Enrolled(Progress progress) implements CommissioningState { }

    record Detecting(Progress progress) implements CommissioningState { }

    /** What the probes found: the technician checks it and binds (or detects again). */
    record Detected(Progress progress) implements CommissioningState { }

    record Binding(Progress progress) implements CommissioningState { }

    record Bound(Progress progress) implements CommissioningState { }

    record Testing(Progress progress, DeviceRole role) implements CommissioningState { }

    record Tested(Progress progress, DeviceRole role, TestResult result) implements CommissioningState { }

    record Reporting(Progress progress) implements CommissioningState { }

    record Reported(Progress progress, ReportOutcome outcome) implements CommissioningState { }
}
