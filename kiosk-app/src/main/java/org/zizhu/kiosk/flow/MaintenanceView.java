package org.zizhu.kiosk.flow;

import java.util.List;

/** What the unlocked maintenance screen shows: device health, catalogue, link, and which actions apply. */
public record MaintenanceView(List<DeviceHealth> devices, String catalogVersion, int catalogSize, String linkStatus,
                              boolean canResetTamper) {
    public MaintenanceView {
        devices = List.copyOf(devices);
    }
}
