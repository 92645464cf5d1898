package org.zizhu.kiosk.runtime;

import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.flow.ApplicationPorts;
import org.zizhu.kiosk.flow.CaseProgressPorts;
import org.zizhu.kiosk.transaction.CentralCaseProgressPorts;
import org.zizhu.kiosk.flow.ServicePorts;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.transaction.CentralApplicationPorts;
import org.zizhu.kiosk.runtime.KioskRuntime;

/**
 * What the screens need once start-up has finished: the runtime (database, catalogue, centre),
 * the devices, the service ports and printing. {@code ports} and {@code printing} may be null
 * for a browse-only kiosk (tests of the catalogue screens).
 */
public record KioskServices(KioskRuntime runtime, DeviceHub hub, ServicePorts ports, PrintService printing) {
    public KioskServices {
        if (runtime == null) {
            throw new IllegalArgumentException("runtime is required");
        }
    }

    /**
     * The application (申报) flow's ports over these services, the document camera and the
     * receipt printer; null on a kiosk without devices (browse-only tests).
     */
    public ApplicationPorts applicationPorts() {
        if (hub == null || printing == null) {
            return null;
        }
        return new CentralApplicationPorts(runtime.services(), hub, printing);
    }

    /**
     * The technician's commissioning wizard's ports over these services and devices; null on a
     * kiosk without devices (browse-only tests).
     */
    public org.zizhu.kiosk.flow.CommissioningPorts commissioningPorts() {
        if (hub == null) {
            return null;
        }
        return new org.zizhu.kiosk.commission.HubCommissioning(runtime.config(), hub, printing, runtime.client(), runtime::enrol,
                KioskRuntime.RUNNING_VERSION, org.zizhu.kiosk.commission.DevicePaths.system(), java.time.Clock.systemDefaultZone());
    }

    /** The case-progress query's (办件查询) ports over the centre and the camera; null without devices. */
    public CaseProgressPorts caseProgressPorts() {
        if (hub == null) {
            return null;
        }
        return new CentralCaseProgressPorts(runtime.services(), hub);
    }
}
