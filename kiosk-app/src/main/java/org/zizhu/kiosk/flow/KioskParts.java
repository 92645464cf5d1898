package org.zizhu.kiosk.flow;

/**
 * What the kiosk flow is given once start-up has finished. {@code devices}, {@code ports},
 * {@code applications}, {@code cases}, {@code desk} and {@code commissioning} (the technician's wizard) are null on a browse-only kiosk (tests of the catalogue
 * screens): the flow then offers only what it can do.
 */
public record KioskParts(KioskBackend backend, TerminalDevices devices, ServicePorts ports, ApplicationPorts applications,
                         CaseProgressPorts cases, GuideDesk desk, CommissioningPorts commissioning) {
    public KioskParts {
        if (backend == null) {
            throw new IllegalArgumentException("backend is required");
        }
    }

    /** Parts without the commissioning wizard (tests of the resident flows). */
    public KioskParts(KioskBackend backend, TerminalDevices devices, ServicePorts ports, ApplicationPorts applications,
                      CaseProgressPorts cases, GuideDesk desk) {
        this(backend, devices, ports, applications, cases, desk, null);
    }
}
