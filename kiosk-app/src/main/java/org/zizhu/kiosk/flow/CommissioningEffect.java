package org.zizhu.kiosk.flow;

import java.util.List;
import org.zizhu.kiosk.flow.CommissioningPorts.DeviceRole;
import org.zizhu.kiosk.flow.CommissioningPorts.Found;
import org.zizhu.kiosk.flow.CommissioningPorts.Report;

/** What a transition asks the machine to do through {@link CommissioningPorts}. */
public sealed interface CommissioningEffect {
    record CheckNetwork() implements CommissioningEffect { }

    record Enrol(String code) implements CommissioningEffect {
        @Override
        public String toString() {
            return "Enrol[code]"; // a one-time code stays out of logs
        }
    }

    record StartScan() implements CommissioningEffect { }

    record StopScan() implements CommissioningEffect { }

    record Detect() implements CommissioningEffect { }

    record Bind(List<Found> found) implements CommissioningEffect { }

    record TestDevice(DeviceRole role) implements CommissioningEffect { }

    record SendReport(Report report) implements CommissioningEffect { }
}
