package org.zizhu.kiosk.services;

import org.zizhu.ids.IdChecks;
import org.zizhu.privacy.Masking;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.outbox.Outbox;
import org.zizhu.kiosk.outbox.OutboxKind;

/**
 * 一证通办: the resident's consent, their e-licenses (seal-verified), application submission
 * with materials drawn from e-licenses, and case status.
 *
 * <p>Submissions: a {@link Draft} fixes its idempotency key when the resident starts, so however
 * often "submit" is pressed or retried the centre opens one case. If the centre cannot be
 * reached, the submission goes to the durable outbox and the resident gets a reference; the
 * case number arrives when the outbox delivers it ({@link #queuedReceipt}).
 */
public final class OneCertificateService {
    public record Authorisation(String authorisationId, String itemCode, List<String> licenseTypes, Instant grantedAt, Instant expiresAt) {
    }

    public record LicenseSummary(String licenseId, String type, Text name, Text issuer, LocalDate issuedOn, LocalDate validUntil) {
    }

    public enum MaterialSource { E_LICENSE, SHARED_DATA, CAPTURED_PAGES, MISSING_COMMITTED }

    /** 告知承诺制: the resident signed at {@code signedAt} that they meet the item's conditions; the signature is a PNG. */
    public record ConditionsCommitment(Instant signedAt, byte[] signaturePng) {
        public ConditionsCommitment {
            signaturePng = signaturePng.clone();
        }

        @Override
        public byte[] signaturePng() {
            return signaturePng.clone();
        }

        @Override
        public String toString() {
            return "ConditionsCommitment[signature " + signaturePng.length + " bytes]";
        }
    }

    /** The resident's signed 容缺 commitment: the material is due by {@code dueDate}; the signature is a PNG. */
    public record Commitment(LocalDate dueDate, Instant signedAt, byte[] signaturePng) {
        public Commitment {
            signaturePng = signaturePng.clone();
        }

        @Override
        public byte[] signaturePng() {
            return signaturePng.clone();
        }

        @Override
        public String toString() {
            return "Commitment[due " + dueDate + ", signature " + signaturePng.length + " bytes]";
        }
    }

    /**
     * How one material (named by its Chinese catalogue name) is provided: an e-license, shared
     * data, pages from the document camera (corrected JPEGs of at most 300 KiB each), or a
     * commitment to hand it in later.
     */
    public record MaterialRef(String name, MaterialSource source, String licenseId, String sharedDataRef,
                              List<byte[]> pages, Commitment commitment) {
        public MaterialRef {
            pages = pages == null ? List.of() : pages.stream().map(byte[]::clone).toList();
        }

        public MaterialRef(String name, MaterialSource source, String licenseId) {
            this(name, source, licenseId, null, null, null);
        }

        public static MaterialRef eLicense(String name, String licenseId) {
            return new MaterialRef(name, MaterialSource.E_LICENSE, licenseId);
        }

        public static MaterialRef shared(String name) {
            return new MaterialRef(name, MaterialSource.SHARED_DATA, null);
        }

        public static MaterialRef captured(String name, List<byte[]> jpegPages) {
            return new MaterialRef(name, MaterialSource.CAPTURED_PAGES, null, null, jpegPages, null);
        }

        public static MaterialRef committed(String name, Commitment commitment) {
            return new MaterialRef(name, MaterialSource.MISSING_COMMITTED, null, null, null, commitment);
        }

        @Override
        public String toString() {
            return "MaterialRef[" + name + ", " + source + ", " + pages.size() + " pages]";
        }
    }

    public record PostalAddress(String regionCode, String region, String detail, String recipient) {
        @Override
        public String toString() {
            return "PostalAddress[" + regionCode + "]";
        }
    }

    /** Window pickup, or postal delivery (物流快递) to an address with a mobile number. */
    public record Delivery(boolean post, PostalAddress address, String mobile) {
        public static final Delivery WINDOW = new Delivery(false, null, null);

        public static Delivery post(PostalAddress address, String mobile) {
            return new Delivery(true, address, mobile);
        }

        @Override
        public String toString() {
            return post ? "Delivery[POST " + address + "]" : "Delivery[WINDOW]";
        }
    }

    /**
     * An application being prepared; its key is fixed at creation. {@code form} (field id to
     * value) is null for the earlier shape without an electronic form; with a form the centre
     * checks the whole application against the item.
     */
    public record Draft(String idempotencyKey, String itemCode, String applicantIdNumber, String authorisationId,
                        List<MaterialRef> materials, String contactPhone, Instant startedAt, Map<String, String> form,
                        Delivery delivery, String contactName, ConditionsCommitment conditions, String enterpriseCreditCode) {
        public Draft {
            form = form == null ? null : Map.copyOf(form);
        }

        /** The resident's own application (no enterprise). */
        public Draft(String idempotencyKey, String itemCode, String applicantIdNumber, String authorisationId,
                     List<MaterialRef> materials, String contactPhone, Instant startedAt, Map<String, String> form,
                     Delivery delivery, String contactName, ConditionsCommitment conditions) {
            this(idempotencyKey, itemCode, applicantIdNumber, authorisationId, materials, contactPhone, startedAt, form,
                    delivery, contactName, conditions, null);
        }

        /**
         * The same application made for the enterprise with this credit code (企业一码), the
         * applicant acting for it: sent as {@code enterprise: {creditCode}}, the centre checks the
         * applicant's authority against its register when it arrives (also from the outbox later).
         */
        public Draft forEnterprise(String creditCode) {
            if (creditCode == null || !creditCode.matches("[0-9A-HJ-NP-RTUW-Y]{18}")) {
                throw new IllegalArgumentException("not a unified social credit code");
            }
            return new Draft(idempotencyKey, itemCode, applicantIdNumber, authorisationId, materials, contactPhone, startedAt,
                    form, delivery, contactName, conditions, creditCode);
        }

        /** Without a signed 告知承诺 (an item decided the ordinary way). */
        public Draft(String idempotencyKey, String itemCode, String applicantIdNumber, String authorisationId,
                     List<MaterialRef> materials, String contactPhone, Instant startedAt, Map<String, String> form,
                     Delivery delivery, String contactName) {
            this(idempotencyKey, itemCode, applicantIdNumber, authorisationId, materials, contactPhone, startedAt, form,
                    delivery, contactName, null);
        }

        /**
         * The same application with the applicant's signed 告知承诺 (for an item decided under
         * 告知承诺制 the centre refuses it without one, COMMITMENT_MISSING); the signature is bounded like a 容缺 one.
         */
        public Draft withConditions(ConditionsCommitment c) {
            if (c != null) {
                byte[] png = c.signaturePng();
                if (png.length < 8 || png.length > 64 * 1024 || (png[0] & 0xff) != 0x89 || png[1] != 'P') {
                    throw new IllegalArgumentException("a notification commitment needs a PNG signature of at most 64 KiB");
                }
            }
            return new Draft(idempotencyKey, itemCode, applicantIdNumber, authorisationId, materials, contactPhone, startedAt,
                    form, delivery, contactName, c, enterpriseCreditCode);
        }

        @Override
        public String toString() {
            return "Draft[" + itemCode + ", " + Masking.idNumber(applicantIdNumber) + (enterpriseCreditCode == null ? "" : ", enterprise")
                    + ", key " + idempotencyKey + "]";
        }
    }

    public record OwedMaterial(String name, LocalDate dueDate) {
    }

    /** {@code owed}: materials committed under 容缺 with due dates; {@code warnings}: field findings the centre accepted. */
    public record CaseReceipt(String caseNumber, String itemCode, String status, Instant acceptedAt, LocalDate promisedBy,
                              List<OwedMaterial> owed, String delivery, List<String> warnings) {
        public CaseReceipt {
            owed = owed == null ? List.of() : List.copyOf(owed);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        public CaseReceipt(String caseNumber, String itemCode, String status, Instant acceptedAt, LocalDate promisedBy) {
            this(caseNumber, itemCode, status, acceptedAt, promisedBy, List.of(), null, List.of());
        }
    }

    /** Submitted now (receipt present) or queued for later delivery (reference only). */
    public record Submission(Optional<CaseReceipt> receipt, boolean queued, String reference) {
    }

    public record CaseEvent(String status, Instant at, Text note) {
    }

    /** A case's progress; {@code itemName}, {@code promisedBy} may be null (older answers). */
    public record CaseStatus(String caseNumber, String itemCode, String status, Instant updatedAt, List<CaseEvent> history,
                             Text itemName, LocalDate promisedBy, List<OwedMaterial> owed) {
        public CaseStatus {
            history = List.copyOf(history);
            owed = owed == null ? List.of() : List.copyOf(owed);
        }

        public CaseStatus(String caseNumber, String itemCode, String status, Instant updatedAt, List<CaseEvent> history) {
            this(caseNumber, itemCode, status, updatedAt, history, null, null, List.of());
        }
    }

    /** What an e-license is used for (用途), an audit element of every e-license request. */
    public enum Purpose {
        /** 自助终端打印: the e-license (or a certificate drawn from it) is printed here. */
        SELF_SERVICE_PRINT,
        /** 申报材料: it stands in for a paper material of an application. */
        APPLICATION_MATERIAL,
        /** 表单预填: its data fills the application form (免填). */
        FORM_PREFILL,
        /** 核验身份: it names the applicant (a mobile-app login carries no card data). */
        IDENTITY_CHECK
    }

    /**
     * The audit elements the national e-license sharing interface asks of a terminal, besides
     * its id (sent with every call) and location (this service's): the item whose transaction
     * needs the license, that transaction's business reference, and the use. A license is never
     * fetched without one: there is no overload without it.
     */
    public record Access(String itemCode, String itemName, String businessRef, Purpose purpose) {
        public Access {
            if (itemCode == null || itemName == null || itemName.isBlank() || purpose == null
                    || businessRef == null || !businessRef.matches("[A-Za-z0-9-]{8,64}")) {
                throw new IllegalArgumentException("an e-license access needs the item, a business reference and the use");
            }
        }
    }

    /** Bounds of captured pages inline in one application (the contract's CapturedPage, MaterialRef.pages). */
    public static final int MAX_PAGE_BYTES = 300 * 1024;
    public static final int MAX_PAGES = 8;

    private final CentralClient client;
    private final SealVerifier seals;
    private final Outbox outbox;
    private final String locationCode;

    public OneCertificateService(CentralClient client, SealVerifier seals, Outbox outbox, String locationCode) {
        this.client = client;
        this.seals = seals;
        this.outbox = outbox;
        this.locationCode = locationCode;
    }

    private CentralClient.Call audited(CentralClient.Call c, Access access) {
        return c.header("X-Location-Code", locationCode).header("X-Item-Code", access.itemCode())
                .header("X-Item-Name", enc(access.itemName())).header("X-Business-Ref", access.businessRef())
                .header("X-Purpose", access.purpose().name());
    }

    /** Records the resident's consent for the listed e-license types, for one item, for {@code validity}. */
    public Authorisation authorise(ResidentSession s, String itemCode, Set<String> licenseTypes, Duration validity) throws CentralException {
        return authorise(s, null, itemCode, licenseTypes, validity);
    }

    /**
     * The consent given for an enterprise ({@code enterpriseToken} from {@link EnterpriseService},
     * null: for the resident): the licenses fetched under it are the enterprise's, and the acting
     * person's ID card.
     */
    public Authorisation authorise(ResidentSession s, String enterpriseToken, String itemCode, Set<String> licenseTypes,
                                   Duration validity) throws CentralException {
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("itemCode", itemCode);
        ArrayNode t = b.putArray("licenseTypes");
        licenseTypes.stream().sorted().forEach(t::add);
        b.put("expiresAt", Instant.now().plus(validity).truncatedTo(ChronoUnit.SECONDS).toString());
        CentralClient.Call call = CentralClient.Call.post("/onecert/authorisations", "/onecert/authorisations", b, UUID.randomUUID().toString())
                .header("X-Resident-Token", s.token());
        if (enterpriseToken != null) {
            call = call.header(EnterpriseService.HEADER, enterpriseToken);
        }
        JsonNode r = client.call(call).body();
        List<String> types = new ArrayList<>();
        r.path("licenseTypes").forEach(x -> types.add(x.asText()));
        return new Authorisation(r.path("authorisationId").asText(), r.path("itemCode").asText(), List.copyOf(types),
                Instant.parse(r.path("grantedAt").asText()), Instant.parse(r.path("expiresAt").asText()));
    }

    public List<LicenseSummary> licenses(ResidentSession s, Authorisation a, Access access) throws CentralException {
        JsonNode r = client.call(audited(CentralClient.Call.get("/onecert/authorisations/" + enc(a.authorisationId()) + "/licenses",
                "/onecert/authorisations/{id}/licenses").header("X-Resident-Token", s.token()), access)).body();
        List<LicenseSummary> out = new ArrayList<>();
        for (JsonNode l : r.path("licenses")) {
            String id = l.path("licenseId").asText();
            if (!IdChecks.validLicenseId(id)) {
                throw new CentralException(CentralException.Kind.BAD_RESPONSE, 200, "license identifier fails its check char", null, null);
            }
            out.add(new LicenseSummary(id, l.path("type").asText(), text(l.path("name")), text(l.path("issuer")),
                    LocalDate.parse(l.path("issuedOn").asText()),
                    l.path("validUntil").isNull() ? null : LocalDate.parse(l.path("validUntil").asText())));
        }
        return List.copyOf(out);
    }

    /** Fetches one e-license and verifies its issuer seal; refuses it if the seal does not verify. */
    public VerifiedDocument license(ResidentSession s, Authorisation a, String licenseId, Access access) throws CentralException {
        return license(s, a, licenseId, access, SealVerifier.Holder.of(s));
    }

    /**
     * {@link #license(ResidentSession, Authorisation, String, Access)} checked against {@code holder}:
     * under an enterprise's consent its licenses name the enterprise
     * ({@link SealVerifier.Holder#enterprise}), the acting person's ID card names them.
     */
    public VerifiedDocument license(ResidentSession s, Authorisation a, String licenseId, Access access,
                                    SealVerifier.Holder holder) throws CentralException {
        JsonNode r = client.call(audited(CentralClient.Call.get("/onecert/authorisations/" + enc(a.authorisationId()) + "/licenses/" + enc(licenseId),
                "/onecert/authorisations/{id}/licenses/{licenseId}").header("X-Resident-Token", s.token()), access)).body();
        VerifiedDocument d = seals.verify(r, holder);
        if (!licenseId.equals(d.content().path("licenseId").asText())) {
            throw new CentralException(CentralException.Kind.BAD_RESPONSE, 200, "document is not the license asked for", null, null);
        }
        return d;
    }

    /**
     * 亮证: the e-license whose code the resident shows from the government app (the QR reader
     * read {@code qrPayload}), resolved by the centre and verified here like a fetched one (seal,
     * trust list, check character, dates, holder). Showing it is the consent for that license.
     */
    public VerifiedDocument shownLicense(ResidentSession s, String qrPayload, Access access) throws CentralException {
        if (qrPayload == null || !qrPayload.matches("ZZELIC:1:[A-Z2-7]{32}")) {
            throw new IllegalArgumentException("not an e-license code from the government app");
        }
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("qrPayload", qrPayload);
        JsonNode r = client.call(audited(CentralClient.Call.post("/onecert/shown-licenses", "/onecert/shown-licenses", b,
                UUID.randomUUID().toString()).header("X-Resident-Token", s.token()), access)).body();
        VerifiedDocument d = seals.verify(r, SealVerifier.Holder.of(s));
        if (d.kind() != VerifiedDocument.Kind.E_LICENSE) {
            throw new CentralException(CentralException.Kind.BAD_RESPONSE, 200, "a shown code resolved to a non-license", null, null);
        }
        return d;
    }

    public Draft draft(String itemCode, String applicantIdNumber, String authorisationId, List<MaterialRef> materials, String contactPhone) {
        return draft(UUID.randomUUID().toString(), itemCode, applicantIdNumber, authorisationId, materials, contactPhone);
    }

    /** A draft under the caller's idempotency key: a retried transaction submits one application. */
    public Draft draft(String idempotencyKey, String itemCode, String applicantIdNumber, String authorisationId,
                       List<MaterialRef> materials, String contactPhone) {
        if (!IdChecks.validIdNumber(applicantIdNumber)) {
            throw new IllegalArgumentException("applicant ID number check digit is wrong");
        }
        for (MaterialRef m : materials) {
            if (m.source() == MaterialSource.E_LICENSE && !IdChecks.validLicenseId(m.licenseId())) {
                throw new IllegalArgumentException("material " + m.name() + " needs a valid e-license identifier");
            }
        }
        if (contactPhone != null && !IdChecks.validMobileNumber(contactPhone)) {
            throw new IllegalArgumentException("contact phone must be an 11-digit mobile number");
        }
        return new Draft(idempotencyKey, itemCode, applicantIdNumber, authorisationId, List.copyOf(materials), contactPhone,
                Instant.now(), null, null, null);
    }

    /**
     * A complete application (申报) under the caller's idempotency key: the filled form (check
     * it with {@code forms.FormRules} first), every material's resolution, the delivery choice
     * and the resident's contact. The centre refuses one that does not satisfy the item with a
     * machine code ({@link CentralException#code()}).
     */
    public Draft application(String idempotencyKey, String itemCode, String applicantIdNumber, String authorisationId,
                             Map<String, String> form, List<MaterialRef> materials, Delivery delivery,
                             String contactName, String contactPhone) {
        Draft base = draft(idempotencyKey, itemCode, applicantIdNumber, authorisationId, materials, contactPhone);
        if (form == null || delivery == null || contactPhone == null) {
            throw new IllegalArgumentException("an application needs its form, a delivery choice and a contact mobile");
        }
        for (MaterialRef m : materials) {
            if (m.source() == MaterialSource.CAPTURED_PAGES && (m.pages().isEmpty() || m.pages().size() > MAX_PAGES
                    || m.pages().stream().anyMatch(p -> p.length < 3 || p.length > MAX_PAGE_BYTES
                    || (p[0] & 0xff) != 0xFF || (p[1] & 0xff) != 0xD8 || (p[2] & 0xff) != 0xFF))) {
                throw new IllegalArgumentException("material " + m.name() + " needs 1.." + MAX_PAGES + " JPEG pages of at most 300 KiB");
            }
            if (m.source() == MaterialSource.MISSING_COMMITTED && (m.commitment() == null || m.commitment().signaturePng().length > 64 * 1024)) {
                throw new IllegalArgumentException("material " + m.name() + " needs a signed commitment");
            }
        }
        if (delivery.post() && (delivery.address() == null || !IdChecks.validMobileNumber(delivery.mobile()))) {
            throw new IllegalArgumentException("postal delivery needs an address and a mobile number");
        }
        return new Draft(base.idempotencyKey(), itemCode, applicantIdNumber, authorisationId, base.materials(), contactPhone,
                base.startedAt(), form, delivery, contactName);
    }

    /** The verified resident's cases (办件查询), newest first. */
    public List<CaseStatus> myCases(ResidentSession s) throws CentralException {
        JsonNode r = client.call(CentralClient.Call.get("/cases", "/cases").header("X-Resident-Token", s.token())).body();
        List<CaseStatus> out = new ArrayList<>();
        for (JsonNode c : r.path("cases")) {
            out.add(caseStatus(c));
        }
        return List.copyOf(out);
    }

    /**
     * Submits now; if the centre is unreachable or busy, queues the submission durably and
     * returns its reference. A refusal (4xx) is thrown: the resident must fix something.
     */
    public Submission submit(Draft d) throws CentralException, SQLException {
        ObjectNode body = body(d);
        try {
            JsonNode r = client.call(CentralClient.Call.post("/applications", "/applications", body, d.idempotencyKey())).body();
            return new Submission(Optional.of(receipt(r)), false, d.idempotencyKey());
        } catch (CentralException e) {
            if (e.kind() == CentralException.Kind.REJECTED || e.kind() == CentralException.Kind.BAD_RESPONSE) {
                throw e;
            }
            outbox.enqueue(OutboxKind.APPLICATION, "/applications", body, d.idempotencyKey());
            return new Submission(Optional.empty(), true, d.idempotencyKey());
        }
    }

    /** The receipt of a queued submission once the outbox delivered it. */
    public Optional<CaseReceipt> queuedReceipt(String reference) throws SQLException {
        return outbox.result(reference).map(OneCertificateService::receipt);
    }

    public CaseStatus caseStatus(String caseNumber) throws CentralException {
        if (caseNumber == null || !caseNumber.matches("[0-9A-Z-]{8,40}")) {
            throw new IllegalArgumentException("not a case number");
        }
        return caseStatus(client.call(CentralClient.Call.get("/cases/" + enc(caseNumber), "/cases/{caseNumber}")).body());
    }

    private static CaseStatus caseStatus(JsonNode r) {
        List<CaseEvent> h = new ArrayList<>();
        for (JsonNode e : r.path("history")) {
            h.add(new CaseEvent(e.path("status").asText(), Instant.parse(e.path("at").asText()),
                    e.has("note") ? text(e.path("note")) : null));
        }
        return new CaseStatus(r.path("caseNumber").asText(), r.path("itemCode").asText(), r.path("status").asText(),
                Instant.parse(r.path("updatedAt").asText()), List.copyOf(h), r.has("itemName") ? text(r.path("itemName")) : null,
                date(r.path("promisedBy")), owed(r.path("owed")));
    }

    private static LocalDate date(JsonNode n) {
        return n.isTextual() ? LocalDate.parse(n.asText()) : null;
    }

    private static List<OwedMaterial> owed(JsonNode a) {
        List<OwedMaterial> out = new ArrayList<>();
        for (JsonNode o : a) {
            out.add(new OwedMaterial(o.path("name").asText(), LocalDate.parse(o.path("dueDate").asText())));
        }
        return out;
    }

    private static ObjectNode body(Draft d) {
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("itemCode", d.itemCode());
        b.put("applicantIdNumber", d.applicantIdNumber());
        if (d.authorisationId() == null) {
            b.putNull("authorisationId");
        } else {
            b.put("authorisationId", d.authorisationId());
        }
        ArrayNode ms = b.putArray("materials");
        for (MaterialRef m : d.materials()) {
            ObjectNode o = ms.addObject();
            o.put("name", m.name());
            o.put("source", m.source().name());
            if (m.licenseId() == null) {
                o.putNull("licenseId");
            } else {
                o.put("licenseId", m.licenseId());
            }
            if (m.sharedDataRef() != null) {
                o.put("sharedDataRef", m.sharedDataRef());
            }
            if (m.source() == MaterialSource.CAPTURED_PAGES) {
                ArrayNode pages = o.putArray("pages");
                for (byte[] p : m.pages()) {
                    ObjectNode page = pages.addObject();
                    page.put("sha256", sha256(p));
                    page.put("jpegBase64", Base64.getEncoder().encodeToString(p));
                }
            }
            if (m.commitment() != null) {
                Commitment c = m.commitment();
                ObjectNode co = o.putObject("commitment");
                co.put("dueDate", c.dueDate().toString());
                co.put("signedAt", c.signedAt().truncatedTo(ChronoUnit.SECONDS).toString());
                byte[] png = c.signaturePng();
                co.put("signaturePngBase64", Base64.getEncoder().encodeToString(png));
                co.put("signatureSha256", sha256(png));
            }
        }
        if (d.form() != null) {
            ObjectNode f = b.putObject("form");
            d.form().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> f.put(e.getKey(), e.getValue()));
        }
        if (d.delivery() != null) {
            ObjectNode del = b.putObject("delivery");
            del.put("method", d.delivery().post() ? "POST" : "WINDOW");
            if (d.delivery().post()) {
                PostalAddress a = d.delivery().address();
                ObjectNode ad = del.putObject("address");
                ad.put("regionCode", a.regionCode());
                ad.put("region", a.region());
                ad.put("detail", a.detail());
                ad.put("recipient", a.recipient());
                del.put("mobile", d.delivery().mobile());
            }
        }
        if (d.contactName() != null) {
            b.put("contactName", d.contactName());
        }
        if (d.conditions() != null) {
            ObjectNode nc = b.putObject("notificationCommitment");
            nc.put("signedAt", d.conditions().signedAt().truncatedTo(ChronoUnit.SECONDS).toString());
            byte[] png = d.conditions().signaturePng();
            nc.put("signaturePngBase64", Base64.getEncoder().encodeToString(png));
            nc.put("signatureSha256", sha256(png));
        }
        if (d.enterpriseCreditCode() != null) {
            b.putObject("enterprise").put("creditCode", d.enterpriseCreditCode());
        }
        if (d.contactPhone() == null) {
            b.putNull("contactPhone");
        } else {
            b.put("contactPhone", d.contactPhone());
        }
        b.put("submittedAt", d.startedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        return b;
    }

    private static CaseReceipt receipt(JsonNode r) {
        List<String> warnings = new ArrayList<>();
        r.path("warnings").forEach(w -> warnings.add(w.path("field").asText() + ":" + w.path("rule").asText()));
        return new CaseReceipt(r.path("caseNumber").asText(), r.path("itemCode").asText(), r.path("status").asText(),
                Instant.parse(r.path("acceptedAt").asText()),
                r.path("promisedBy").isNull() ? null : LocalDate.parse(r.path("promisedBy").asText()),
                owed(r.path("owed")), r.path("delivery").isTextual() ? r.path("delivery").asText() : null, warnings);
    }

    private static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Text text(JsonNode n) {
        return new Text(n.path("zh").asText(), n.path("en").asText());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
