package org.zizhu.kiosk.transaction;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.zizhu.device.camera.Camera;
import org.zizhu.device.camera.Frame;
import org.zizhu.device.camera.document.CapturedPage;
import org.zizhu.device.camera.document.DocumentCaptureResult;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.forms.FieldRule;
import org.zizhu.forms.FieldType;
import org.zizhu.ids.IdChecks;
import org.zizhu.kiosk.catalog.CatalogModel.FormField;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.catalog.CatalogModel.Material;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.devices.DeviceTexts;
import org.zizhu.kiosk.devices.FaceGuides;
import org.zizhu.kiosk.flow.ApplicationPorts;
import org.zizhu.kiosk.flow.ApplicationState;
import org.zizhu.kiosk.flow.FaceGuideSource;
import org.zizhu.kiosk.flow.EnterpriseChoice;
import org.zizhu.kiosk.flow.FaceGuideView;
import org.zizhu.kiosk.flow.ServicePorts;
import org.zizhu.kiosk.flow.ServicePorts.Outcome;
import org.zizhu.kiosk.flow.ServicePorts.ServiceException;
import org.zizhu.kiosk.forms.FormRules.FieldError;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.services.CentralServices;
import org.zizhu.kiosk.services.OneCertificateService;
import org.zizhu.kiosk.services.OneCertificateService.Commitment;
import org.zizhu.kiosk.services.OneCertificateService.Delivery;
import org.zizhu.kiosk.services.OneCertificateService.MaterialRef;
import org.zizhu.kiosk.services.OneCertificateService.PostalAddress;
import org.zizhu.kiosk.services.ResidentSession;
import org.zizhu.kiosk.services.SealVerifier;
import org.zizhu.kiosk.session.EnterpriseIdentity;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Wipeable;
import org.zizhu.kiosk.transaction.ServiceFailures.Call;
import org.zizhu.print.PendingMaterial;

/**
 * The application flow's ports over the real kiosk: the resident verified at the centre
 * ({@link ResidentVerification}) and their e-licenses fetched under consent, pages from the
 * document camera, the submission through {@link OneCertificateService} (one idempotency key; the
 * durable outbox when the centre cannot be reached), and the acceptance receipt followed by the
 * signed commitment letter (承诺书) of each 容缺 material ({@link PrintData}).
 * What the resident is told on failure comes from {@link ServiceFailures}.
 */
public final class CentralApplicationPorts implements ApplicationPorts {
    /** The resident ID card's e-license type (the acting person's, under an enterprise's consent). */
    static final String ID_CARD_LICENSE = "ID_CARD";
    /** How long the document camera may look for a usable, still page. */
    static final Duration PAGE_TIMEOUT = Duration.ofSeconds(8);

    /** The document camera port: DeviceHub's page capture. */
    @FunctionalInterface
    interface PageCamera {
        Optional<DocumentCaptureResult> capture(Duration timeout) throws InterruptedException;
    }

    /** The camera's newest frame for the live preview (DeviceHub's camera); empty without a camera or frame. */
    @FunctionalInterface
    interface LatestFrame {
        Optional<Frame> latest();
    }

    /** The receipt printer port: PrintService's run of receipts (the acceptance receipt, then the signed commitment letters). */
    @FunctionalInterface
    interface ReceiptOut {
        void print(List<PrintService.ReceiptJob> jobs) throws PrintService.PrintFailure;
    }

    private final CentralServices services;
    private final PageCamera pages;
    private final LatestFrame frames;
    private final Clock clock;
    private final ReceiptOut receipts;
    private final ServiceFailures failures;
    private final ResidentVerification verification;
    private final PrintData printData;
    /**
     * The centre's session of the resident being served, by the application's idempotency key,
     * for 亮证 after {@link #prepare} (the face is not checked twice). One visit at a time: a new
     * preparation forgets the others, and the visit's end forgets it ({@link Prepared#wipe()}).
     */
    private final java.util.Map<String, ResidentSession> sessions = new java.util.concurrent.ConcurrentHashMap<>();
    /** The live face guide: the device hub's (set by the public constructor only); none in tests without a camera. */
    private FaceGuideSource faceGuides = FaceGuideSource.NONE;

    public CentralApplicationPorts(CentralServices services, DeviceHub hub, PrintService printing) {
        this(services, hub::captureFace, hub::captureDocument, () -> hub.camera().flatMap(Camera::latest),
                printing::printReceipts, new Messages(), Clock.systemDefaultZone());
        this.faceGuides = new FaceGuides(hub);
    }

    CentralApplicationPorts(CentralServices services, ResidentVerification.FaceCapture face, PageCamera pages,
                            ReceiptOut receipts, Messages messages, Clock clock) {
        this(services, face, pages, Optional::empty, receipts, messages, clock);
    }

    CentralApplicationPorts(CentralServices services, ResidentVerification.FaceCapture face, PageCamera pages,
                            LatestFrame frames, ReceiptOut receipts, Messages messages, Clock clock) {
        this.services = services;
        this.pages = pages;
        this.frames = frames;
        this.clock = clock;
        this.receipts = receipts;
        this.failures = new ServiceFailures(messages);
        this.verification = new ResidentVerification(services.identity(), face, failures);
        this.printData = new PrintData(clock);
    }

    @Override
    public Prepared prepare(ItemDetail item, Resident resident, List<String> licenseTypes, boolean consented, String businessRef)
            throws ServiceException {
        try {
            ResidentSession session = verification.verify(resident);
            sessions.clear();
            sessions.put(businessRef, session);
            Wipeable forget = () -> sessions.remove(businessRef);
            String idNumber = session.idNumber() != null ? session.idNumber() : resident.idNumber();
            if (!consented || licenseTypes.isEmpty()) {
                return new Prepared(new Resident(session.name(), needIdNumber(idNumber), resident.address(), resident.source(),
                        resident.validUntil()), null, List.of(), forget);
            }
            OneCertificateService one = services.oneCertificate();
            var auth = one.authorise(session, item.code(), Set.copyOf(licenseTypes), CentralServicePorts.AUTHORISATION_VALIDITY);
            List<License> licenses = new ArrayList<>();
            // Audit element 用途: the licenses fill the form; the ID-card one also names an app-login applicant.
            var access = new OneCertificateService.Access(item.code(), item.name().zh(), businessRef,
                    idNumber == null ? OneCertificateService.Purpose.IDENTITY_CHECK : OneCertificateService.Purpose.FORM_PREFILL);
            for (var summary : one.licenses(session, auth, access)) {
                if (licenseTypes.contains(summary.type()) && licenses.stream().noneMatch(l -> l.type().equals(summary.type()))) {
                    var doc = one.license(session, auth, summary.licenseId(), access); // seal-verified, or refused
                    licenses.add(new License(summary.type(), summary.licenseId(), doc.content()));
                }
            }
            if (idNumber == null) {
                // A mobile-app login carries no ID number: the holder's, from their own sealed ID-card e-license.
                idNumber = licenses.stream().map(l -> l.content().path("holder").path("idNumber").asText(""))
                        .filter(IdChecks::validIdNumber).findFirst().orElse(null);
            }
            return new Prepared(new Resident(session.name(), needIdNumber(idNumber), resident.address(), resident.source(),
                    resident.validUntil()),
                    auth.authorisationId(), licenses, forget);
        } catch (Exception e) {
            sessions.remove(businessRef);
            throw failures.translate(Call.PERFORM, e);
        }
    }

    @Override
    public ServicePorts.VerifiedPerson verifyPerson(Resident resident) throws ServiceException {
        try {
            return new CentralServicePorts.Verified(verification.verify(resident));
        } catch (Exception e) {
            throw failures.translate(Call.PERFORM, e);
        }
    }

    @Override
    public EnterpriseIdentity identifyEnterprise(ServicePorts.VerifiedPerson person, EnterpriseChoice choice)
            throws ServiceException {
        return CentralServicePorts.identifyEnterprise(services, failures, person, choice);
    }

    /**
     * For an enterprise: the session of the face check before the enterprise was chosen (no
     * second one); consent under the enterprise's token; its licenses checked against the
     * enterprise as holder, the acting person's ID card against the person (who is the applicant).
     */
    @Override
    public Prepared prepare(ItemDetail item, Resident resident, List<String> licenseTypes, boolean consented, String businessRef,
                            ServicePorts.VerifiedPerson person, EnterpriseIdentity enterprise) throws ServiceException {
        if (enterprise == null) {
            return prepare(item, resident, licenseTypes, consented, businessRef);
        }
        if (!(person instanceof CentralServicePorts.Verified v)) {
            throw new IllegalArgumentException("not a person verified by these ports");
        }
        try {
            ResidentSession session = v.session();
            // Kept for 亮证 on the materials step, as for a person's application.
            sessions.clear();
            sessions.put(businessRef, session);
            Wipeable forget = () -> sessions.remove(businessRef);
            String idNumber = session.idNumber() != null ? session.idNumber() : resident.idNumber();
            List<License> licenses = new ArrayList<>();
            String authorisationId = null;
            if (consented && !licenseTypes.isEmpty()) {
                OneCertificateService one = services.oneCertificate();
                var auth = one.authorise(session, enterprise.enterpriseToken(), item.code(), Set.copyOf(licenseTypes),
                        CentralServicePorts.AUTHORISATION_VALIDITY);
                authorisationId = auth.authorisationId();
                var access = new OneCertificateService.Access(item.code(), item.name().zh(), businessRef,
                        idNumber == null ? OneCertificateService.Purpose.IDENTITY_CHECK : OneCertificateService.Purpose.FORM_PREFILL);
                for (var summary : one.licenses(session, auth, access)) {
                    if (licenseTypes.contains(summary.type()) && licenses.stream().noneMatch(l -> l.type().equals(summary.type()))) {
                        // The acting person's own ID card names them; every other license in scope names the enterprise.
                        SealVerifier.Holder holder = ID_CARD_LICENSE.equals(summary.type())
                                ? SealVerifier.Holder.of(session) : SealVerifier.Holder.enterprise(enterprise.creditCode());
                        var doc = one.license(session, auth, summary.licenseId(), access, holder);
                        licenses.add(new License(summary.type(), summary.licenseId(), doc.content()));
                    }
                }
                if (idNumber == null) {
                    idNumber = licenses.stream().filter(l -> ID_CARD_LICENSE.equals(l.type()))
                            .map(l -> l.content().path("holder").path("idNumber").asText(""))
                            .filter(IdChecks::validIdNumber).findFirst().orElse(null);
                }
            }
            return new Prepared(new Resident(session.name(), needIdNumber(idNumber), resident.address(), resident.source(),
                    resident.validUntil()), authorisationId, licenses, forget);
        } catch (ServiceException e) {
            sessions.remove(businessRef);
            throw e;
        } catch (Exception e) {
            sessions.remove(businessRef);
            throw failures.translate(Call.PERFORM, e);
        }
    }

    /**
     * 亮证 for an application material: the code is resolved at the centre for the session
     * {@link #prepare} opened (audit: purpose APPLICATION_MATERIAL, the item, the application's
     * key) and the license verified like a fetched one. The centre's refusals and a refused seal
     * are said in the resident's words; the centre not reached is a retryable failure.
     */
    @Override
    public ShownResult shownLicense(ItemDetail item, Resident resident, String qrPayload, String businessRef)
            throws ServiceException {
        ResidentSession session = sessions.get(businessRef);
        if (session == null) {
            throw failures.refused("no verified session for this application", "application.shownRefused");
        }
        var access = new OneCertificateService.Access(item.code(), item.name().zh(), businessRef,
                OneCertificateService.Purpose.APPLICATION_MATERIAL);
        try {
            var doc = services.oneCertificate().shownLicense(session, qrPayload, access);
            return new Shown(new License(doc.content().path("type").asText(""), doc.documentId(), doc.content()));
        } catch (CentralException e) {
            String code = e.code() == null ? "" : e.code();
            if (code.equals("NOT_HOLDER")) {
                return new NotShown(code, failures.text("application.shownNotHolder"));
            }
            if (code.equals("LICENSE_QR_UNKNOWN")) {
                return new NotShown(code, failures.text("application.shownUnknown"));
            }
            if (code.isEmpty() && e.kind() == CentralException.Kind.BAD_RESPONSE) {
                // A document the seal check refused (logged there as seal-verified with its reason).
                return new NotShown("SEAL_REFUSED", e.residentMessage());
            }
            throw failures.translate(Call.PERFORM, e);
        } catch (IllegalArgumentException e) {
            return new NotShown("MALFORMED", failures.text("application.shownUnknown"));
        }
    }

    /**
     * An application names its applicant by ID number. A mobile-app login without the ID-card
     * e-license has none: the resident is told at once to use their card, not after the form.
     */
    private String needIdNumber(String idNumber) throws ServiceException {
        if (idNumber == null || !IdChecks.validIdNumber(idNumber)) {
            throw failures.refused("no applicant ID number for this login", "application.needIdCard");
        }
        return idNumber;
    }

    @Override
    public Image capturePage() throws ServiceException {
        Optional<DocumentCaptureResult> result;
        try {
            result = pages.capture(PAGE_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("interrupted", null, true, e);
        } catch (RuntimeException e) {
            throw new ServiceException("document camera: " + e.getClass().getSimpleName(), failures.text("application.cameraUnavailable"), true, e);
        }
        if (result.isEmpty()) {
            throw new ServiceException("document camera gave no frame", failures.text("application.cameraUnavailable"), true, null);
        }
        return switch (result.get()) {
            // The camera says what is wrong with the page; the resident is told what to do, and may try again.
            case DocumentCaptureResult.Rejected r -> throw new ServiceException("page not taken: " + r.issue(),
                    DeviceTexts.standard().document(r.issue()), true, null);
            case DocumentCaptureResult.Accepted a -> {
                try (CapturedPage page = a.page()) {
                    yield new Image(page.jpeg());
                }
            }
        };
    }

    /**
     * The newest frame, scaled to at most {@link #PREVIEW_WIDTH} pixels wide and JPEG-encoded in
     * memory: a few milliseconds, and it never waits for the camera. A frame older than
     * {@link #PREVIEW_MAX_AGE} is not shown (a stalled camera must not look live).
     */
    @Override
    public Optional<byte[]> previewJpeg() {
        Optional<Frame> frame = frames.latest();
        if (frame.isEmpty() || frame.get().capturedAt().isBefore(clock.instant().minus(PREVIEW_MAX_AGE))) {
            return Optional.empty();
        }
        return Optional.of(previewJpeg(frame.get().image()));
    }

    /** Widest preview sent to the screen, in pixels (the screen shows it at about this size). */
    static final int PREVIEW_WIDTH = 640;
    /** Oldest frame still shown as live. */
    static final Duration PREVIEW_MAX_AGE = Duration.ofSeconds(2);

    static byte[] previewJpeg(BufferedImage src) {
        double f = Math.min(1.0, (double) PREVIEW_WIDTH / src.getWidth());
        int w = Math.max(1, (int) Math.round(src.getWidth() * f));
        int h = Math.max(1, (int) Math.round(src.getHeight() * f));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        // A memory cache: ImageIO's default stream cache is a temp file, and this is a resident's page.
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.6f);
            writer.write(null, new IIOImage(small, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    @Override
    public SubmitResult submit(ItemDetail item, Resident resident, ApplicationState.Application app, String key)
            throws ServiceException {
        try {
            OneCertificateService one = services.oneCertificate();
            var draft = one.application(key, item.code(), resident.idNumber(), app.authorisationId(), app.values(),
                    materials(item, app), delivery(app), blankToNull(resident.name()), contactPhone(item, app));
            if (app.enterprise() != null) {
                // For the enterprise the person acts for: the centre checks their authority against its register.
                draft = draft.forEnterprise(app.enterprise().creditCode());
            }
            if (app.conditions() != null) {
                // 告知承诺制: the signed commitment to the item's conditions goes with the application.
                draft = draft.withConditions(new OneCertificateService.ConditionsCommitment(app.conditions().signedAt(),
                        app.conditions().signature().bytes()));
            }
            var submission = one.submit(draft);
            String reference = submission.receipt().map(OneCertificateService.CaseReceipt::caseNumber).orElse(submission.reference());
            return new Accepted(new CentralOutcome.Accepted(submission, reference,
                    failures.text(submission.queued() ? "application.queued" : "application.accepted"), app.enterprise()));
        } catch (CentralException e) {
            if (e.kind() == CentralException.Kind.REJECTED) {
                EventLog.event(EventId.SERVICE_STEP, org.zizhu.events.Outcome.FAILURE, "item", item.code(),
                        "step", "application-refused", "code", e.code());
                if (org.zizhu.kiosk.services.EnterpriseService.REFUSALS.contains(e.code())) {
                    // The register no longer lets the person act for the enterprise: the transaction's words for it.
                    return new Refused(e.code(), List.of(), failures.text("enterprise.refused." + e.code()));
                }
                return new Refused(e.code(), fieldErrors(e.fieldErrors()), e.residentMessage() != null
                        ? e.residentMessage() : failures.text("application.refused"));
            }
            throw failures.translate(Call.PERFORM, e);
        } catch (Exception e) {
            throw failures.translate(Call.PERFORM, e);
        }
    }

    /** Each material as the flow resolved it; the electronic form stands in for the paper forms (not sent). */
    private static List<MaterialRef> materials(ItemDetail item, ApplicationState.Application app) {
        List<MaterialRef> refs = new ArrayList<>();
        for (int i = 0; i < item.materials().size(); i++) {
            Material m = item.materials().get(i);
            String name = m.name().zh();
            switch (app.materials().get(i)) {
                case ApplicationState.FromLicense l -> refs.add(MaterialRef.eLicense(name, l.licenseId()));
                case ApplicationState.Shared s -> refs.add(MaterialRef.shared(name));
                case ApplicationState.Pages p -> refs.add(MaterialRef.captured(name, p.pages().stream().map(Image::bytes).toList()));
                case ApplicationState.Committed c -> refs.add(MaterialRef.committed(name,
                        new Commitment(c.dueDate(), c.signedAt(), c.signature().bytes())));
                case ApplicationState.ByForm f -> { }
                case ApplicationState.Unresolved u -> throw new IllegalArgumentException("material " + i + " unresolved");
            }
        }
        return refs;
    }

    private static Delivery delivery(ApplicationState.Application app) {
        ApplicationState.DeliveryChoice d = app.delivery();
        if (d == null || !d.post()) {
            return Delivery.WINDOW;
        }
        return Delivery.post(new PostalAddress(d.regionCode(), d.region(), d.detail(), d.recipient()), d.mobile());
    }

    /** The mobile given for the post, else the form's phone field (every application form has one). */
    private static String contactPhone(ItemDetail item, ApplicationState.Application app) {
        if (app.delivery() != null && app.delivery().post()) {
            return app.delivery().mobile();
        }
        if (item.form() != null) {
            for (FormField f : item.form().fields()) {
                if (f.type() == FieldType.PHONE && app.values().get(f.id()) != null) {
                    return app.values().get(f.id());
                }
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The centre's "field:RULE" list; a rule the kiosk does not know is skipped (the message still says why). */
    static List<FieldError> fieldErrors(List<String> raw) {
        List<FieldError> out = new ArrayList<>();
        for (String s : raw == null ? List.<String>of() : raw) {
            int colon = s == null ? -1 : s.lastIndexOf(':');
            if (colon <= 0) {
                continue;
            }
            try {
                out.add(new FieldError(s.substring(0, colon), FieldRule.valueOf(s.substring(colon + 1))));
            } catch (IllegalArgumentException unknown) {
                // newer centre, older kiosk
            }
        }
        return out;
    }

    @Override
    public void printReceipt(ItemDetail item, Resident resident, Outcome outcome, List<ApplicationState.Received> received,
                             List<ApplicationState.Owed> owed) throws ServiceException {
        printReceipt(item, resident, outcome, received, owed, null);
    }

    @Override
    public void printReceipt(ItemDetail item, Resident resident, Outcome outcome, List<ApplicationState.Received> received,
                             List<ApplicationState.Owed> owed, Image conditionsSignature) throws ServiceException {
        if (!(outcome instanceof CentralOutcome.Accepted a)) {
            throw new IllegalArgumentException("not an application outcome: " + outcome.getClass().getName());
        }
        try {
            List<org.zizhu.print.Material> got = new ArrayList<>();
            for (ApplicationState.Received r : received) {
                int copies = item.materials().stream().filter(m -> m.name().zh().equals(r.name()))
                        .mapToInt(Material::copies).findFirst().orElse(1);
                // The receipt is printed in Chinese, the office's language; the words come from the bundle.
                got.add(new org.zizhu.print.Material(r.name(), Math.max(1, copies),
                        failures.text("receipt.provided." + r.how().name()).zh()));
            }
            List<PrintService.ReceiptJob> jobs = new ArrayList<>();
            jobs.add(new PrintService.ReceiptJob(printData.acceptanceReceipt(item, resident, a.submission(), a.reference(), got,
                    owed.stream().map(o -> new PendingMaterial(o.name(), o.dueDate())).toList(), a.enterprise()),
                    "receipt-" + a.reference()));
            // Then the signed 容缺受理承诺书 for the resident to keep: one per commitment, each with the
            // signature drawn for it. All are made before anything prints; a retry prints them all again.
            for (int i = 0; i < owed.size(); i++) {
                ApplicationState.Owed o = owed.get(i);
                byte[] signature = o.signature() == null ? null : o.signature().bytes();
                try {
                    jobs.add(new PrintService.ReceiptJob(printData.commitmentLetter(item, resident, a.reference(),
                            List.of(new PendingMaterial(o.name(), o.dueDate())), signature),
                            "commitment-" + a.reference() + "-" + (i + 1)));
                } finally {
                    if (signature != null) {
                        java.util.Arrays.fill(signature, (byte) 0); // the letter holds its own copy
                    }
                }
            }
            // Last the signed 告知承诺书: the item's conditions the resident committed to meeting.
            if (conditionsSignature != null && item.conditionsCommitment().isPresent()) {
                byte[] signature = conditionsSignature.bytes();
                try {
                    jobs.add(new PrintService.ReceiptJob(printData.notificationCommitment(item, resident, a.reference(), signature),
                            "notice-" + a.reference()));
                } finally {
                    java.util.Arrays.fill(signature, (byte) 0);
                }
            }
            receipts.print(jobs);
        } catch (PrintService.PrintFailure e) {
            throw failures.translate(Call.PRINT, e);
        } catch (RuntimeException e) {
            EventLog.event(EventId.PRINT_DATA_INVALID, org.zizhu.events.Outcome.FAILURE, "item", item.code(), "error", e.getClass().getSimpleName());
            throw failures.translate(Call.PRINT, e);
        }
    }

    /** The face check's live picture and prompt while the card holder's face is captured (DeviceHub's capture). */
    @Override
    public Optional<FaceGuideView> faceGuide() {
        return faceGuides.latest();
    }
}
