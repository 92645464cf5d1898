package org.zizhu.kiosk.services;

import java.time.Clock;
import java.time.Duration;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.outbox.Outbox;

/**
 * The typed API the screens use to talk to the centre, one object per feature. Calls a
 * resident waits on go straight to the centre with a deadline and fail fast with a
 * {@link org.zizhu.kiosk.central.CentralException} whose {@code residentMessage()} the screen
 * shows; writes that may wait (ratings, reports, submissions while offline) go through the
 * durable outbox. Every method blocks: call it off the JavaFX thread.
 */
public final class CentralServices {
    private final IdentityService identity;
    private final OneCertificateService oneCertificate;
    private final ImmediateService immediate;
    private final PaymentService payments;
    private final AppointmentService appointments;
    private final EvaluationService evaluations;
    private final ReportService reports;
    private final EnterpriseService enterprises;

    public CentralServices(CentralClient client, Outbox outbox, Duration callbackWithin, Duration correctionWithin, Clock clock) {
        this(client, outbox, callbackWithin, correctionWithin, clock, "150202", null);
    }

    /**
     * {@code locationCode}: where the terminal stands (config terminal.locationCode), an audit
     * element of e-license requests; {@code trustListFile}: where the seal trust list is kept
     * between runs (null: memory only).
     */
    public CentralServices(CentralClient client, Outbox outbox, Duration callbackWithin, Duration correctionWithin, Clock clock,
                           String locationCode, java.nio.file.Path trustListFile) {
        SealVerifier seals = new SealVerifier(client, trustListFile, clock);
        this.identity = new IdentityService(client);
        this.oneCertificate = new OneCertificateService(client, seals, outbox, locationCode);
        this.immediate = new ImmediateService(client, seals);
        this.payments = new PaymentService(client);
        this.appointments = new AppointmentService(client);
        this.evaluations = new EvaluationService(outbox, callbackWithin, correctionWithin, clock);
        this.reports = new ReportService(outbox, clock);
        this.enterprises = new EnterpriseService(client);
    }

    public IdentityService identity() {
        return identity;
    }

    public OneCertificateService oneCertificate() {
        return oneCertificate;
    }

    public ImmediateService immediate() {
        return immediate;
    }

    public PaymentService payments() {
        return payments;
    }

    public AppointmentService appointments() {
        return appointments;
    }

    public EvaluationService evaluations() {
        return evaluations;
    }

    public ReportService reports() {
        return reports;
    }

    public EnterpriseService enterprises() {
        return enterprises;
    }
}
