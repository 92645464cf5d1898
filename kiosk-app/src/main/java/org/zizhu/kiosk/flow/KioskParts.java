package org.zizhu.kiosk.flow;

/**
 * What the kiosk flow is given once start-up has finished. {@code devices}, {@code ports},
 * {@code applications}, {@code cases} and {@code desk} are null on a browse-only kiosk (tests of the catalogue
 * screens): the flow then offers only what it can do.
 */
public record KioskParts(KioskBackend backend, TerminalDevices devices, ServicePorts ports, ApplicationPorts applications,
                         CaseProgressPorts cases, GuideDesk desk) {
    public KioskParts {
        if (backend == null) {
            throw new IllegalArgumentException("backend is required");
        }
    }
}
