package org.zizhu.kiosk.transaction;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.kiosk.catalog.CatalogModel;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.devices.FaceGuides;
import org.zizhu.kiosk.flow.EnterpriseChoice;
import org.zizhu.kiosk.flow.FaceGuideSource;
import org.zizhu.kiosk.flow.FaceGuideView;
import org.zizhu.kiosk.flow.ServicePorts;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.services.CentralServices;
import org.zizhu.kiosk.services.EnterpriseService;
import org.zizhu.kiosk.services.EvaluationService;
import org.zizhu.kiosk.services.OneCertificateService;
import org.zizhu.kiosk.services.PaymentService;
import org.zizhu.kiosk.services.ReportService;
import org.zizhu.kiosk.services.ResidentSession;
import org.zizhu.kiosk.services.VerifiedDocument;
import org.zizhu.kiosk.session.EnterpriseIdentity;
import org.zizhu.kiosk.session.Rating;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.transaction.ServiceFailures.Call;

/**
 * The service transaction's ports over the real kiosk: the resident verified at the centre
 * ({@link ResidentVerification}), the e-license authorisation, the immediate certificate or the
 * application, the QR payment, printing ({@link PrintData}), and the 好差评 / 办不成事 writes
 * through the durable outbox. What the resident is told on failure comes from
 * {@link ServiceFailures}.
 */
public final class CentralServicePorts implements ServicePorts {
    static final Duration AUTHORISATION_VALIDITY = Duration.ofMinutes(30);

    private final CentralServices services;
    private final PrintService printing;
    private final ServiceFailures failures;
    private final ResidentVerification verification;
    private final PrintData printData;
    /** The live face guide: the device hub's (set by the public constructor only); none in tests without a camera. */
    private FaceGuideSource faceGuides = FaceGuideSource.NONE;

    public CentralServicePorts(CentralServices services, DeviceHub hub, PrintService printing) {
        this(services, hub::captureFace, printing, new Messages(), Clock.systemDefaultZone());
        this.faceGuides = new FaceGuides(hub);
    }

    CentralServicePorts(CentralServices services, ResidentVerification.FaceCapture camera, PrintService printing,
                        Messages messages, Clock clock) {
        this.services = services;
        this.printing = printing;
        this.failures = new ServiceFailures(messages);
        this.verification = new ResidentVerification(services.identity(), camera, failures);
        this.printData = new PrintData(clock);
    }

    @Override
    public CentralOutcome perform(ItemDetail item, Resident resident, boolean consented, String key) throws ServiceException {
        try {
            ResidentSession session = verification.verify(resident);
            List<String> types = licenseTypesFor(item);
            OneCertificateService.Authorisation auth = null;
            if (consented && !types.isEmpty()) {
                auth = services.oneCertificate().authorise(session, item.code(), Set.copyOf(types), AUTHORISATION_VALIDITY);
            }
            if (item.issuedImmediately()) {
                VerifiedDocument doc = services.immediate().issue(session, item.code(), auth == null ? null : auth.authorisationId(), key);
                return new CentralOutcome.Certificate(doc);
            }
            return submit(item, resident, session, auth, key);
        } catch (Exception e) {
            throw failures.translate(Call.PERFORM, e);
        }
    }

    /** The centre's session of a verified person, as the flow holds it (wiped with the visit); the application's ports use it too. */
    static final class Verified implements VerifiedPerson {
        private volatile ResidentSession session;

        Verified(ResidentSession session) {
            this.session = session;
        }

        ResidentSession session() {
            ResidentSession s = session;
            if (s == null) {
                throw new IllegalStateException("verified person was wiped at the end of the session");
            }
            return s;
        }

        @Override
        public void wipe() {
            session = null;
        }

        @Override
        public String toString() {
            return "VerifiedPerson[" + (session == null ? "wiped" : session.maskedIdNumber()) + "]";
        }
    }

    @Override
    public VerifiedPerson verifyPerson(Resident resident) throws ServiceException {
        try {
            return new Verified(verification.verify(resident));
        } catch (Exception e) {
            throw failures.translate(Call.PERFORM, e);
        }
    }

    /**
     * The centre's refusals (no authority, authorisation expired, unknown or deregistered
     * enterprise, a QR code that is not a genuine e-business license) become the kiosk's own
     * words for each, with the code for the log; a typed code that cannot be one is refused here.
     */
    @Override
    public EnterpriseIdentity identifyEnterprise(VerifiedPerson person, EnterpriseChoice choice) throws ServiceException {
        return identifyEnterprise(services, failures, person, choice);
    }

    /** The enterprise step's call, shared with the application's ports: the same refusals in the same words. */
    static EnterpriseIdentity identifyEnterprise(CentralServices services, ServiceFailures failures, VerifiedPerson person,
                                                 EnterpriseChoice choice) throws ServiceException {
        if (!(person instanceof Verified v)) {
            throw new IllegalArgumentException("not a person verified by these ports");
        }
        try {
            ResidentSession s = v.session();
            return switch (choice) {
                case EnterpriseChoice.Typed t -> services.enterprises().byCreditCode(s, t.creditCode());
                case EnterpriseChoice.Scanned q -> services.enterprises().byQrPayload(s, q.qrPayload());
            };
        } catch (CentralException e) {
            if (EnterpriseService.REFUSALS.contains(e.code())) {
                throw new ServiceException("enterprise refused: " + e.code(), failures.text("enterprise.refused." + e.code()),
                        false, e, e.code());
            }
            throw failures.translate(Call.PERFORM, e);
        } catch (IllegalArgumentException e) {
            throw new ServiceException("enterprise choice refused here", failures.text(choice instanceof EnterpriseChoice.Scanned
                    ? "enterprise.refused.QR_INVALID" : "enterprise.codeMalformed"), false, e, "MALFORMED");
        } catch (Exception e) {
            throw failures.translate(Call.PERFORM, e);
        }
    }

    /**
     * For an enterprise: the resident's session from the face check that preceded the
     * enterprise's choice (no second face check), consent and issuance under the enterprise's
     * token. Only immediate items come here: items taking an application go to the application flow.
     */
    @Override
    public CentralOutcome perform(ItemDetail item, Resident resident, boolean consented, EnterpriseIdentity enterprise,
                                  String key) throws ServiceException {
        if (enterprise == null) {
            return perform(item, resident, consented, key);
        }
        try {
            if (!item.issuedImmediately()) {
                throw new IllegalStateException("an enterprise's application goes through the application flow");
            }
            ResidentSession session = new ResidentSession(enterprise.residentToken(), null, resident.maskedIdNumber(), null,
                    enterprise.expiresAt());
            List<String> types = licenseTypesFor(item);
            OneCertificateService.Authorisation auth = null;
            if (consented && !types.isEmpty()) {
                auth = services.oneCertificate().authorise(session, enterprise.enterpriseToken(), item.code(), Set.copyOf(types),
                        AUTHORISATION_VALIDITY);
            }
            VerifiedDocument doc = services.immediate().issue(session, enterprise.enterpriseToken(), enterprise.creditCode(), item.code(),
                    auth == null ? null : auth.authorisationId(), key);
            return new CentralOutcome.Certificate(doc);
        } catch (Exception e) {
            throw failures.translate(Call.PERFORM, e);
        }
    }

    @Override
    public CentralOutcome checkIn(ItemDetail item, Resident resident, String appointmentCode) throws ServiceException {
        try {
            var checkIn = services.appointments().checkIn(verification.verify(resident), appointmentCode);
            return new CentralOutcome.CheckedIn(checkIn.ticket(), failures.text("outcome.checkIn"));
        } catch (Exception e) {
            throw failures.translate(Call.CHECK_IN, e);
        }
    }

    /** Applies for the item with each material from an e-license, shared data or the resident's commitment. */
    private CentralOutcome submit(ItemDetail item, Resident resident, ResidentSession session,
                                  OneCertificateService.Authorisation auth, String key) throws CentralException, SQLException, ServiceException {
        List<OneCertificateService.LicenseSummary> licenses = auth == null ? List.of() : services.oneCertificate().licenses(session, auth,
                new OneCertificateService.Access(item.code(), item.name().zh(), key, OneCertificateService.Purpose.APPLICATION_MATERIAL));
        List<OneCertificateService.MaterialRef> refs = new ArrayList<>();
        for (CatalogModel.Material m : item.materials()) {
            Optional<OneCertificateService.LicenseSummary> lic = licenses.stream()
                    .filter(l -> l.type().equals(m.eLicenseType())).findFirst();
            if (lic.isPresent()) {
                refs.add(new OneCertificateService.MaterialRef(m.name().zh(), OneCertificateService.MaterialSource.E_LICENSE, lic.get().licenseId()));
            } else if (m.exemptBySharing()) {
                refs.add(new OneCertificateService.MaterialRef(m.name().zh(), OneCertificateService.MaterialSource.SHARED_DATA, null));
            } else if (m.missingAllowed()) {
                refs.add(new OneCertificateService.MaterialRef(m.name().zh(), OneCertificateService.MaterialSource.MISSING_COMMITTED, null));
            } else {
                throw failures.refused("paper material needed: " + m.name().en(), "error.paperMaterial", m.name());
            }
        }
        var draft = services.oneCertificate().draft(key, item.code(), resident.idNumber(), auth == null ? null : auth.authorisationId(), refs, null);
        var submission = services.oneCertificate().submit(draft);
        String reference = submission.receipt().map(OneCertificateService.CaseReceipt::caseNumber).orElse(submission.reference());
        return new CentralOutcome.Accepted(submission, reference, failures.text("outcome.acceptance"));
    }

    @Override
    public PaymentOrder createPayment(ItemDetail item, String idempotencyKey) throws ServiceException {
        try {
            var o = services.payments().create(item.code(), null, amountDue(item), item.name().zh(), idempotencyKey);
            return new PaymentOrder(o.orderId(), o.qrPayload(), o.amountFen());
        } catch (Exception e) {
            throw failures.translate(Call.PAYMENT, e);
        }
    }

    @Override
    public PaymentState paymentState(String orderId) throws ServiceException {
        try {
            return switch (services.payments().status(orderId).status()) {
                case PAID -> PaymentState.PAID;
                case PENDING -> PaymentState.PENDING;
                case CANCELLED, EXPIRED -> PaymentState.FAILED;
            };
        } catch (CentralException e) {
            if (e.retryable()) {
                return PaymentState.PENDING; // a missed poll is not a failed payment: ask again
            }
            throw failures.translate(Call.PAYMENT_STATUS, e);
        } catch (RuntimeException e) {
            throw failures.translate(Call.PAYMENT_STATUS, e);
        }
    }

    @Override
    public void cancelPayment(String orderId) {
        try {
            services.payments().cancel(orderId, PaymentService.CancelReason.RESIDENT_CANCELLED);
        } catch (CentralException | RuntimeException e) {
            // Best effort: an order left unpaid expires at the centre by itself.
            EventLog.event(EventId.SERVICE_STEP, org.zizhu.events.Outcome.FAILURE, "step", "payment-cancel", "error", e.getClass().getSimpleName());
        }
    }

    @Override
    public void print(ItemDetail item, Resident resident, Outcome outcome) throws ServiceException {
        if (!(outcome instanceof CentralOutcome produced)) {
            throw new IllegalArgumentException("not an outcome of these ports: " + outcome.getClass().getName());
        }
        try {
            switch (produced) {
                case CentralOutcome.Certificate c -> printing.printSealed(c.document().ofd(), PrintData.watermark(c.document()),
                        PrintData.verificationLink(c.document()), "certificate-" + c.reference());
                case CentralOutcome.Accepted a -> printing.printReceipt(printData.acceptanceReceipt(item, resident,
                        a.submission(), a.reference()), "receipt-" + a.reference());
                case CentralOutcome.CheckedIn t -> printing.printReceipt(printData.queueTicket(item, t.ticket()),
                        "ticket-" + t.reference());
            }
        } catch (PrintService.PrintFailure e) {
            throw failures.translate(Call.PRINT, e);
        } catch (RuntimeException e) {
            // The document or catalogue data does not fit the template (a TemplateDataException
            // names the field, never its value): nothing is printed, the resident is told.
            EventLog.event(EventId.PRINT_DATA_INVALID, org.zizhu.events.Outcome.FAILURE, "item", item.code(), "error", e.getClass().getSimpleName());
            throw failures.translate(Call.PRINT, e);
        }
    }

    @Override
    public void rate(Rating rating) throws ServiceException {
        try {
            services.evaluations().submit(new EvaluationService.Evaluation(rating.level(), rating.reasons(),
                    rating.comment().isEmpty() ? null : rating.comment(), rating.itemCode(), null, null));
        } catch (SQLException | RuntimeException e) {
            throw failures.translate(Call.RATING, e);
        }
    }

    @Override
    public void reportUnresolved(String sessionId, String itemCode, String reasonCode) throws ServiceException {
        ReportService.Category category;
        try {
            category = ReportService.Category.valueOf(reasonCode);
        } catch (IllegalArgumentException e) {
            category = ReportService.Category.OTHER;
        }
        try {
            // The description goes to the centre's staff, not to the resident.
            services.reports().submit(new ReportService.Report(category, "自助终端办理未成功", itemCode, null));
        } catch (SQLException | RuntimeException e) {
            throw failures.translate(Call.REPORT, e);
        }
    }

    /** The face check's live picture and prompt while the card holder's face is captured (DeviceHub's capture). */
    @Override
    public Optional<FaceGuideView> faceGuide() {
        return faceGuides.latest();
    }
}
