package org.zizhu.kiosk.flow;

import java.util.List;
import org.zizhu.kiosk.flow.CommissioningPorts.BindResult;
import org.zizhu.kiosk.flow.CommissioningPorts.DeviceRole;
import org.zizhu.kiosk.flow.CommissioningPorts.EnrolOutcome;
import org.zizhu.kiosk.flow.CommissioningPorts.Found;
import org.zizhu.kiosk.flow.CommissioningPorts.NetworkReport;
import org.zizhu.kiosk.flow.CommissioningPorts.ReportOutcome;
import org.zizhu.kiosk.flow.CommissioningPorts.TestResult;

/** What moves the wizard: the technician's touches and the ports' answers. */
public sealed interface CommissioningEvent {
    /**
     * The wizard opens: {@code guided} on a first boot, else the maintenance screen's menu.
     * {@code resumed}: what the wizard had found out before the restart that re-opened the bound
     * devices (null when not resuming); the guided wizard then goes on at the device tests.
     */
    record Open(boolean guided, boolean enrolled, String terminalId, List<DeviceRole> testable,
                CommissioningState.Progress resumed) implements CommissioningEvent {
        public Open(boolean guided, boolean enrolled, String terminalId, List<DeviceRole> testable) {
            this(guided, enrolled, terminalId, testable, null);
        }
    }

    record Close() implements CommissioningEvent { }

    record Choose(CommissioningState.Step step) implements CommissioningEvent { }

    record ToMenu() implements CommissioningEvent { }

    /** Runs the step (or the device test) shown again. */
    record Retry() implements CommissioningEvent { }

    /** Goes on: the next device, the next step (guided) or the menu. */
    record Continue() implements CommissioningEvent { }

    record CodeKey(char key) implements CommissioningEvent { }

    record CodeBackspace() implements CommissioningEvent { }

    record SubmitCode() implements CommissioningEvent { }

    record ScanQr() implements CommissioningEvent { }

    record TypeCode() implements CommissioningEvent { }

    record QrScanned(String payload) implements CommissioningEvent {
        @Override
        public String toString() {
            return "QrScanned[" + payload.length() + " chars]";
        }
    }

    record ScanEnded() implements CommissioningEvent { }

    record Bind() implements CommissioningEvent { }

    record NetworkChecked(NetworkReport report) implements CommissioningEvent { }

    record EnrolAnswered(EnrolOutcome outcome) implements CommissioningEvent { }

    record DevicesFound(List<Found> found) implements CommissioningEvent { }

    record BindAnswered(BindResult result) implements CommissioningEvent { }

    record DeviceTested(DeviceRole role, TestResult result) implements CommissioningEvent { }

    record ReportAnswered(ReportOutcome outcome) implements CommissioningEvent { }
}
