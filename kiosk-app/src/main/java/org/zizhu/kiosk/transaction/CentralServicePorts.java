package org.zizhu.kiosk.transaction;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.zizhu.device.camera.face.FaceCaptureResult;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.kiosk.catalog.CatalogModel;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.flow.ServicePorts;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.services.CentralServices;
import org.zizhu.kiosk.services.EvaluationService;
import org.zizhu.kiosk.services.IdentityService;
import org.zizhu.kiosk.services.OneCertificateService;
import org.zizhu.kiosk.services.ReportService;
import org.zizhu.kiosk.services.ResidentSession;
import org.zizhu.kiosk.services.VerifiedDocument;
import org.zizhu.kiosk.session.Rating;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.print.AcceptanceReceiptData;
import org.zizhu.print.LicenseCopyData;
import org.zizhu.print.Material;
import org.zizhu.print.SealImage;

/**
 * The service transaction's ports over the real kiosk: face capture from the camera and face
 * verification at the centre, the resident's e-license authorisation, the immediate certificate
 * or the application, printing, and the 好差评 / 办不成事 writes through the durable outbox.
 */
public final class CentralServicePorts implements ServicePorts {
    static final Duration FACE_TIMEOUT = Duration.ofSeconds(20);
    static final Duration AUTHORISATION_VALIDITY = Duration.ofMinutes(30);

    private final CentralServices services;
    private final DeviceHub hub;
    private final PrintService printing;

    public CentralServicePorts(CentralServices services, DeviceHub hub, PrintService printing) {
        this.services = services;
        this.hub = hub;
        this.printing = printing;
    }

    /** What the centre produced, with the resident's central session; wiped with the visit. */
    static final class Produced implements Outcome {
        private volatile VerifiedDocument document;
        private volatile OneCertificateService.Submission submission;
        private volatile org.zizhu.kiosk.services.AppointmentService.Ticket ticket;
        private final Text title;
        private final String reference;

        Produced(VerifiedDocument document, OneCertificateService.Submission submission, Text title, String reference) {
            this.document = document;
            this.submission = submission;
            this.title = title;
            this.reference = reference;
        }

        @Override
        public Text title() {
            return title;
        }

        @Override
        public String reference() {
            return reference;
        }

        @Override
        public void wipe() {
            VerifiedDocument d = document;
            if (d != null && d.content() instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
                o.removeAll(); // the certificate's contents name the holder
            }
            document = null;
            submission = null;
            ticket = null;
        }
    }

    @Override
    public List<String> licenseTypesFor(ItemDetail item) {
        if (!item.handling().contains(CatalogModel.Handling.ONE_CERTIFICATE)) {
            return List.of();
        }
        Set<String> types = new LinkedHashSet<>();
        for (CatalogModel.Material m : item.materials()) {
            if (m.eLicenseType() != null && !m.eLicenseType().isBlank()) {
                types.add(m.eLicenseType());
            }
        }
        return List.copyOf(types);
    }

    @Override
    public Outcome perform(ItemDetail item, Resident resident, boolean consented, String key) throws ServiceException {
        try {
            ResidentSession session = verify(resident);
            String authorisationId = null;
            List<String> types = licenseTypesFor(item);
            OneCertificateService.Authorisation auth = null;
            if (consented && !types.isEmpty()) {
                auth = services.oneCertificate().authorise(session, item.code(), Set.copyOf(types), AUTHORISATION_VALIDITY);
                authorisationId = auth.authorisationId();
            }
            if (item.handling().contains(CatalogModel.Handling.IMMEDIATE)) {
                VerifiedDocument doc = services.immediate().issue(session, item.code(), authorisationId, key);
                return new Produced(doc, null, doc.title(), doc.documentId());
            }
            return submit(item, resident, session, auth, key);
        } catch (CentralException e) {
            throw new ServiceException(e.getMessage(), e.residentMessage(), e.retryable(), e);
        } catch (SQLException e) {
            throw new ServiceException("local database: " + e.getMessage(), new Text("终端存储出错，请到窗口办理",
                    "The terminal's storage failed; please go to a service window"), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("interrupted", null, true, e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ServiceException(e.getMessage(), new Text("无法在本终端办理，请到窗口办理",
                    "This cannot be done at this terminal; please go to a service window"), false, e);
        } catch (RuntimeException e) {
            // Malformed answers (dates, missing fields) from the centre: a clear failure, not a crash.
            throw new ServiceException("unexpected answer: " + e.getClass().getSimpleName(), new Text(
                    "平台返回的数据有误，已记录，请到窗口办理", "The platform sent unexpected data; this was logged. Please go to a service window"),
                    false, e);
        }
    }

    @Override
    public Outcome checkIn(ItemDetail item, Resident resident, String appointmentCode) throws ServiceException {
        try {
            ResidentSession session = verify(resident);
            var checkIn = services.appointments().checkIn(session, appointmentCode);
            Produced p = new Produced(null, null, new Text("预约签到", "Appointment check-in"), checkIn.ticket().ticketNumber());
            p.ticket = checkIn.ticket();
            return p;
        } catch (CentralException e) {
            throw new ServiceException(e.getMessage(), e.residentMessage(), e.retryable(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("interrupted", null, true, e);
        } catch (RuntimeException e) {
            throw new ServiceException("check-in: " + e.getClass().getSimpleName(), new Text("预约签到未成功，请到服务台",
                    "The check-in did not go through; please go to the front desk"), false, e);
        }
    }

    /** Face capture (quality-checked on the kiosk) and verification against the card holder at the centre. */
    private ResidentSession verify(Resident resident) throws CentralException, InterruptedException, ServiceException {
        if (resident.source() == Resident.Source.MOBILE_APP) {
            return services.identity().qrLogin(resident.loginToken());
        }
        FaceCaptureResult captured = hub.captureFace(FACE_TIMEOUT);
        if (captured instanceof FaceCaptureResult.Rejected rejected) {
            throw new ServiceException("face not captured: " + rejected.issue(),
                    org.zizhu.kiosk.devices.DeviceTexts.standard().face(rejected.issue()), true, null);
        }
        var face = ((FaceCaptureResult.Accepted) captured).face();
        IdentityService.FaceCheck check;
        try {
            check = services.identity().verifyFace(resident.idNumber(), face.jpeg());
        } finally {
            face.wipe();
        }
        return check.session().orElseThrow(() -> new ServiceException("face check " + check.result(),
                check.result() == IdentityService.Result.NO_MATCH
                        ? new Text("人脸与身份证照片不一致，请本人办理或到窗口办理", "Your face does not match the ID card; the card holder must do this in person or at a window")
                        : new Text("平台未找到您的身份信息，请到窗口办理", "The platform has no record for you; please go to a service window"),
                false, null));
    }

    private Outcome submit(ItemDetail item, Resident resident, ResidentSession session,
                           OneCertificateService.Authorisation auth, String key) throws CentralException, SQLException, ServiceException {
        List<OneCertificateService.LicenseSummary> licenses = auth == null ? List.of() : services.oneCertificate().licenses(session, auth);
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
                throw new ServiceException("paper material needed: " + m.name().en(),
                        new Text("本事项需提交纸质材料「" + m.name().zh() + "」，请到窗口办理",
                                "This item needs the paper material \"" + m.name().en() + "\"; please go to a service window"), false, null);
            }
        }
        var draft = services.oneCertificate().draft(key, item.code(), resident.idNumber(), auth == null ? null : auth.authorisationId(), refs, null);
        var submission = services.oneCertificate().submit(draft);
        String reference = submission.receipt().map(OneCertificateService.CaseReceipt::caseNumber).orElse(submission.reference());
        return new Produced(null, submission, new Text("受理回执", "Acceptance receipt"), reference);
    }

    @Override
    public long amountDue(ItemDetail item) {
        if (!item.handling().contains(CatalogModel.Handling.PAYMENT) || item.fee() == null || !item.fee().charged()) {
            return 0;
        }
        Long fen = item.fee().amountFen();
        return fen == null || fen <= 0 ? 0 : fen;
    }

    @Override
    public PaymentOrder createPayment(ItemDetail item, String idempotencyKey) throws ServiceException {
        try {
            var o = services.payments().create(item.code(), null, amountDue(item), item.name().zh(), idempotencyKey);
            return new PaymentOrder(o.orderId(), o.qrPayload(), o.amountFen());
        } catch (CentralException e) {
            throw new ServiceException(e.getMessage(), e.residentMessage(), e.retryable(), e);
        } catch (RuntimeException e) {
            throw new ServiceException("payment: " + e.getClass().getSimpleName(), new Text("暂时无法缴费，请到窗口办理",
                    "Payment is not possible now; please go to a service window"), false, e);
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
            throw new ServiceException(e.getMessage(), e.residentMessage(), false, e);
        } catch (RuntimeException e) {
            throw new ServiceException("payment status: " + e.getClass().getSimpleName(), new Text("缴费状态未知，请联系工作人员",
                    "The payment status is unknown; please ask staff"), false, e);
        }
    }

    @Override
    public void cancelPayment(String orderId) {
        try {
            services.payments().cancel(orderId, org.zizhu.kiosk.services.PaymentService.CancelReason.RESIDENT_CANCELLED);
        } catch (CentralException | RuntimeException e) {
            // Best effort: an order left unpaid expires at the centre by itself.
            EventLog.event(EventId.SERVICE_STEP, org.zizhu.events.Outcome.FAILURE, "step", "payment-cancel", "error", e.getClass().getSimpleName());
        }
    }

    @Override
    public void print(ItemDetail item, Resident resident, Outcome outcome) throws ServiceException {
        Produced p = (Produced) outcome;
        try {
            if (p.document != null) {
                printing.printA4(licenseCopy(item, resident, p.document), "certificate-" + p.document.documentId());
            } else if (p.submission != null) {
                printing.printReceipt(acceptanceReceipt(item, resident, p), "receipt-" + p.reference());
            } else if (p.ticket != null) {
                var t = p.ticket;
                Text window = t.window() != null ? t.window() : item.place();
                URI guide = URI.create(item.guideUrl());
                printing.printReceipt(new org.zizhu.print.QueueTicketData(t.ticketNumber(), item.name().zh(), item.place().zh(),
                        t.waitingAhead(), LocalDateTime.ofInstant(t.issuedAt(), java.time.ZoneId.systemDefault()), window.zh(),
                        guide.getScheme() + "://" + guide.getAuthority() + "/queue/" + t.ticketNumber()), "ticket-" + t.ticketNumber());
            }
        } catch (PrintService.PrintFailure e) {
            throw new ServiceException("print: " + e.getMessage(), new Text("打印未成功（" + e.getMessage() + "），请联系工作人员",
                    "Printing failed (" + e.getMessage() + "); please ask staff"), true, e);
        } catch (RuntimeException e) {
            // The document or catalogue data does not fit the template (a TemplateDataException
            // names the field, never its value): nothing is printed, the resident is told.
            EventLog.event(EventId.PRINT_DATA_INVALID, org.zizhu.events.Outcome.FAILURE, "item", item.code(), "error", e.getClass().getSimpleName());
            throw new ServiceException("print data: " + e.getClass().getSimpleName(), new Text(
                    "证明文件数据有误，未能打印，请到窗口办理", "The document's data is incomplete and could not be printed; please go to a service window"),
                    false, e);
        }
    }

    static LicenseCopyData licenseCopy(ItemDetail item, Resident resident, VerifiedDocument doc) {
        JsonNode c = doc.content();
        String issuer = c.path("issuer").path("zh").asText(item.implementingBody().zh());
        // A sealed document without its issue date is refused rather than printed with a made-up one.
        LocalDate issuedOn = OffsetDateTime.parse(c.path("issuedAt").asText("")).toLocalDate();
        List<LicenseCopyData.Entry> entries = new ArrayList<>();
        entries.add(new LicenseCopyData.Entry("事项", item.name().zh()));
        String statement = c.path("statement").path("zh").asText("");
        if (!statement.isBlank()) {
            entries.add(new LicenseCopyData.Entry("证明内容", statement));
        }
        entries.add(new LicenseCopyData.Entry("电子印章", "已验证（SM2/SM3，密钥 " + doc.sealKeyId() + "）"));
        URI guide = URI.create(item.guideUrl());
        String verifyUrl = guide.getScheme() + "://" + guide.getAuthority() + "/verify/" + doc.documentId();
        // The seal image is drawn here from the issuer's name; what proves the document is the
        // issuer's SM2 signature, verified above before anything is printed.
        // The holder printed is the one the sealed document names (a mobile-app login carries no card data).
        String holderName = c.path("holder").path("name").path("zh").asText(resident.source() == Resident.Source.ID_CARD ? resident.name() : "");
        String holderId = c.path("holder").path("idNumber").asText(resident.source() == Resident.Source.ID_CARD ? resident.idNumber() : "");
        return new LicenseCopyData(doc.title().zh(), doc.documentId(), holderName, holderId, issuer,
                issuedOn, entries, SealImage.draw(issuer), verifyUrl, issuer, LocalDateTime.now());
    }

    static AcceptanceReceiptData acceptanceReceipt(ItemDetail item, Resident resident, Produced p) {
        var receipt = p.submission.receipt();
        List<Material> received = item.materials().stream()
                .filter(m -> !m.missingAllowed())
                .map(m -> new Material(m.name().zh(), Math.max(1, m.copies()), m.kind() == CatalogModel.MaterialKind.E_LICENSE ? "电子证照" : "共享获取"))
                .toList();
        int days = item.promisedTimeLimit().days();
        LocalDate promised = receipt.map(OneCertificateService.CaseReceipt::promisedBy).orElse(LocalDate.now().plusDays(Math.max(days, 1)));
        URI guide = URI.create(item.guideUrl());
        return new AcceptanceReceiptData(p.reference(), item.name().zh(), item.code(), resident.name(), resident.idNumber(),
                LocalDateTime.now(), received, List.of(), Math.max(days, 1), promised,
                guide.getScheme() + "://" + guide.getAuthority() + "/cases/" + p.reference(), item.implementingBody().zh(), "12345");
    }

    @Override
    public void rate(Rating rating) throws ServiceException {
        try {
            services.evaluations().submit(new EvaluationService.Evaluation(rating.level(), rating.reasons(),
                    rating.comment().isEmpty() ? null : rating.comment(), rating.itemCode(), null, null));
        } catch (SQLException | RuntimeException e) {
            throw new ServiceException("rating: " + e.getMessage(), new Text("评价未能保存", "The rating could not be saved"), true, e);
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
            services.reports().submit(new ReportService.Report(category, "自助终端办理未成功", itemCode, null));
        } catch (SQLException | RuntimeException e) {
            throw new ServiceException("report: " + e.getMessage(), new Text("反映未能提交，请拨打12345",
                    "The report could not be sent; please call 12345"), true, e);
        }
    }
}
