package org.zizhu.central.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.zizhu.central.catalog.CatalogRepository;
import org.zizhu.central.catalog.FormSpecs;
import org.zizhu.central.http.ApiHandler;
import org.zizhu.central.http.ApiRequest;
import org.zizhu.central.http.ApiResponse;
import org.zizhu.central.security.DocumentSealing;
import org.zizhu.ofd.issue.DocumentSpec;
import org.zizhu.central.seed.SeedData;
import org.zizhu.ids.IdChecks;
import org.zizhu.privacy.Masking;

/**
 * Operations on behalf of a resident: face verification and QR login (which yield a short-lived
 * resident token), the one-certificate consent and e-license retrieval with SM2 seals,
 * immediate items issuing sealed certificates, application submission (checked against the item
 * by {@link ApplicationCheck}) and case progress by case number and by the verified person.
 */
public final class ResidentApi {
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
    public static final Duration MAX_AUTHORISATION = Duration.ofMinutes(30);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String WATERMARK_FMT = "此件由%s提供，仅供办理政务服务事项时使用";
    private static final List<String> LIFECYCLE = List.of("SUBMITTED", "ACCEPTED", "IN_REVIEW", "APPROVED", "COMPLETED");

    private record Session(String idNumber, Instant expiresAt) {
    }

    private record Authorisation(String id, String idNumber, String terminalId, String itemCode, Set<String> types,
                                 Instant grantedAt, Instant expiresAt) {
    }

    private static final class CaseRecord {
        final String caseNumber;
        final String itemCode;
        final String idNumber;
        final List<ObjectNode> history = new ArrayList<>();
        final Instant submittedAt;
        final LocalDate promisedBy;
        final List<ApplicationCheck.Owed> owed;
        String status;

        CaseRecord(String caseNumber, String itemCode, String idNumber, Instant submittedAt, LocalDate promisedBy,
                   List<ApplicationCheck.Owed> owed) {
            this.caseNumber = caseNumber;
            this.itemCode = itemCode;
            this.idNumber = idNumber;
            this.submittedAt = submittedAt;
            this.promisedBy = promisedBy;
            this.owed = List.copyOf(owed);
        }

        void move(String s, Instant at, String zh, String en) {
            status = s;
            ObjectNode e = Json.obj();
            e.put("status", s);
            e.put("at", Json.time(at));
            ObjectNode note = e.putObject("note");
            note.put("zh", zh);
            note.put("en", en);
            history.add(e);
        }
    }

    private final SeedData seed;
    private final CatalogRepository catalog;
    private final DocumentSealing sealing;
    /** Where residents' phones reach the centre: the verification page behind a print-out's QR code. */
    private final String publicBaseUrl;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final LicenseAudit audit = new LicenseAudit();
    /** 亮证 codes the simulated government app shows: code to (license id, holder, expiry); one use each. */
    private final Map<String, ShownCode> shownCodes = new ConcurrentHashMap<>();

    private record ShownCode(String licenseId, String idNumber, Instant expiresAt) {
    }
    private final Map<String, Authorisation> authorisations = new ConcurrentHashMap<>();
    private final Map<String, CaseRecord> cases = new ConcurrentHashMap<>();
    private final AtomicLong caseSeq = new AtomicLong(100);
    private final AtomicLong faceChecks = new AtomicLong();
    /**
     * Whether an application for an item with a form must carry the form. On: the kiosk sends
     * every application with its form, so a formless one is checked like any other and its
     * missing required fields refuse it. Off only for tests of the transport that send the
     * earlier formless 一证通办 shape.
     */
    private volatile boolean formsRequired = true;

    public ResidentApi(SeedData seed, CatalogRepository catalog, DocumentSealing sealing, String publicBaseUrl) {
        this.seed = seed;
        this.catalog = catalog;
        this.sealing = sealing;
        this.publicBaseUrl = publicBaseUrl;
        // Every licensing authority has its seal from the start, so the first trust list a
        // terminal fetches already names them (offices issuing on the spot get theirs on first use).
        for (SeedData.LicenseType t : seed.licenseTypes().values()) {
            sealing.body(t.issuerCode(), t.issuer().path("zh").asText());
        }
        seed.licenseTypes().values().stream().findFirst()
                .ifPresent(t -> sealing.warmUpInBackground(t.issuerCode(), t.issuer().path("zh").asText()));
        for (SeedData.SeedCase c : seed.cases()) {
            Instant at = Instant.parse(c.submittedAt());
            CaseRecord r = new CaseRecord(c.caseNumber(), c.itemCode(), c.idNumber(), at, null, List.of());
            for (String s : LIFECYCLE) {
                r.move(s, at, noteZh(s), noteEn(s));
                at = at.plus(Duration.ofDays(1));
                if (s.equals(c.status())) {
                    break;
                }
            }
            cases.put(r.caseNumber, r);
        }
    }

    /**
     * What the government app on the holder's phone shows for 亮证: a one-use code for one of
     * their licenses, valid for {@code validity} (the simulator's stand-in for the app).
     */
    public String showLicenseCode(String licenseId, Duration validity) {
        SeedData.Resident holder = seed.residents().stream()
                .filter(r -> r.licenses().stream().anyMatch(l -> l.licenseId().equals(licenseId))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such license"));
        StringBuilder code = new StringBuilder("ZZELIC:1:");
        java.security.SecureRandom rnd = new java.security.SecureRandom();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        for (int i = 0; i < 32; i++) {
            code.append(alphabet.charAt(rnd.nextInt(32)));
        }
        shownCodes.put(code.toString(), new ShownCode(licenseId, holder.idNumber(), Instant.now().plus(validity)));
        return code.toString();
    }

    private ApiResponse resolveShownLicense(ApiRequest req) throws Exception {
        Optional<Session> s = session(req);
        if (s.isEmpty()) {
            return sessionExpired();
        }
        ShownCode c = shownCodes.remove(req.body().path("qrPayload").asText());
        if (c == null || c.expiresAt().isBefore(Instant.now())) {
            return ApiResponse.error(404, "LICENSE_QR_UNKNOWN", "亮证码无效或已过期，请在手机上刷新后再出示",
                    "The e-license code is unknown or expired; refresh it on the phone", false);
        }
        if (!c.idNumber().equals(s.get().idNumber)) {
            return ApiResponse.error(403, "NOT_HOLDER", "所出示的电子证照不属于已验证身份的本人",
                    "The e-license shown belongs to someone else", false);
        }
        Optional<ApiResponse> refused = audit.check(req, req.header("X-Item-Code"), "resolveShownLicense", c.licenseId());
        if (refused.isPresent()) {
            return refused.get();
        }
        SeedData.Resident res = seed.resident(c.idNumber()).orElseThrow();
        SeedData.License l = res.licenses().stream().filter(x -> x.licenseId().equals(c.licenseId())).findFirst().orElseThrow();
        return ApiResponse.ok(licenseDocument(res, l));
    }

    /** The e-license access audit trail (what terminals fetched, for which item and use). */
    public LicenseAudit audit() {
        return audit;
    }

    public void register(BiConsumer<String, ApiHandler> handle) {
        handle.accept("verifyFace", this::verifyFace);
        handle.accept("exchangeQrLogin", req -> {
            Optional<String> id = seed.qrLogin(req.body().path("qrToken").asText());
            if (id.isEmpty()) {
                return Json.notFound("二维码无效或已过期，请在手机上刷新", "QR code invalid or expired; refresh it on your phone");
            }
            return ApiResponse.ok(identity("MATCH", 1.0, id.get(), true));
        });
        handle.accept("getTrustList", req -> ApiResponse.ok(sealing.trustListJson()));
        handle.accept("createAuthorisation", this::createAuthorisation);
        handle.accept("resolveShownLicense", this::resolveShownLicense);
        handle.accept("listLicenses", req -> withAuthorisation(req, (s, a) -> {
            Optional<ApiResponse> refused = audit.check(req, a.itemCode, "listLicenses", null);
            if (refused.isPresent()) {
                return refused.get();
            }
            ObjectNode r = Json.obj();
            ArrayNode list = r.putArray("licenses");
            for (SeedData.License l : seed.resident(a.idNumber).orElseThrow().licenses()) {
                if (a.types.contains(l.type().type())) {
                    list.add(SeedData.summary(l));
                }
            }
            return ApiResponse.ok(r);
        }));
        handle.accept("getLicense", req -> withAuthorisation(req, (s, a) -> {
            String licenseId = req.pathParams().get("licenseId");
            Optional<ApiResponse> refused = audit.check(req, a.itemCode, "getLicense", licenseId);
            if (refused.isPresent()) {
                return refused.get();
            }
            SeedData.Resident res = seed.resident(a.idNumber).orElseThrow();
            Optional<SeedData.License> l = res.licenses().stream()
                    .filter(x -> x.licenseId().equals(licenseId) && a.types.contains(x.type().type())).findFirst();
            if (l.isEmpty()) {
                return Json.notFound("未找到该电子证照或不在授权范围内", "No such e-license within the authorisation");
            }
            return ApiResponse.ok(licenseDocument(res, l.get()));
        }));
        handle.accept("submitApplication", this::submitApplication);
        handle.accept("getCaseStatus", req -> {
            CaseRecord c = cases.get(req.pathParams().get("caseNumber"));
            if (c == null) {
                return Json.notFound("未找到该办件，请核对办件编号", "No such case; check the case number");
            }
            synchronized (c) {
                // The simulated back office moves a case one step each time it is looked at.
                int i = LIFECYCLE.indexOf(c.status);
                if (i >= 0 && i + 1 < LIFECYCLE.size()) {
                    String next = LIFECYCLE.get(i + 1);
                    c.move(next, Instant.now(), noteZh(next), noteEn(next));
                }
                return ApiResponse.ok(caseStatus(c));
            }
        });
        handle.accept("listMyCases", req -> {
            Optional<Session> s = session(req);
            if (s.isEmpty()) {
                return sessionExpired();
            }
            List<CaseRecord> mine = new ArrayList<>(cases.values().stream().filter(c -> c.idNumber.equals(s.get().idNumber)).toList());
            mine.sort(java.util.Comparator.comparing((CaseRecord c) -> c.submittedAt).reversed().thenComparing(c -> c.caseNumber));
            ObjectNode r = Json.obj();
            ArrayNode list = r.putArray("cases");
            for (CaseRecord c : mine.subList(0, Math.min(100, mine.size()))) {
                synchronized (c) {
                    list.add(caseStatus(c));
                }
            }
            return ApiResponse.ok(r);
        });
        handle.accept("issueImmediate", this::issueImmediate);
    }

    private ApiResponse verifyFace(ApiRequest req) {
        JsonNode b = req.body();
        String id = b.path("idNumber").asText();
        if (!IdChecks.validIdNumber(id)) {
            return Json.badRequest("身份证号码校验位错误", "ID number check digit is wrong");
        }
        byte[] jpeg;
        try {
            jpeg = Base64.getDecoder().decode(b.path("photoJpegBase64").asText());
        } catch (IllegalArgumentException e) {
            return Json.badRequest("照片编码错误", "Photo is not valid base64");
        }
        if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != 0xD8 || jpeg.length > 512 * 1024) {
            return Json.badRequest("照片不是有效的JPEG或过大", "Photo is not a JPEG or too large");
        }
        faceChecks.incrementAndGet();
        Optional<SeedData.Resident> r = seed.resident(id);
        if (r.isEmpty()) {
            return ApiResponse.ok(identity("UNKNOWN_PERSON", 0.0, id, false));
        }
        boolean match = r.get().face().equals("MATCH");
        return ApiResponse.ok(identity(match ? "MATCH" : "NO_MATCH", match ? 0.93 : 0.31, id, match));
    }

    private ObjectNode identity(String result, double score, String id, boolean grant) {
        ObjectNode o = Json.obj();
        o.put("result", result);
        o.put("score", score);
        o.put("maskedIdNumber", Masking.idNumber(id));
        if (grant) {
            String token = Json.token();
            Instant exp = Instant.now().plus(TOKEN_LIFETIME);
            sessions.put(token, new Session(id, exp));
            o.put("residentToken", token);
            o.put("name", seed.resident(id).map(SeedData.Resident::nameZh).orElse(null));
            o.put("expiresAt", Json.time(exp));
        } else {
            o.putNull("residentToken");
            o.putNull("name");
            o.putNull("expiresAt");
        }
        return o;
    }

    private Optional<Session> session(ApiRequest req) {
        String t = req.header("X-Resident-Token");
        Session s = t == null ? null : sessions.get(t);
        if (s == null || s.expiresAt.isBefore(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    private static ApiResponse sessionExpired() {
        return Json.unauthorised("身份验证已失效，请重新验证身份", "Identity check expired; verify your identity again");
    }

    private ApiResponse createAuthorisation(ApiRequest req) {
        Optional<Session> s = session(req);
        if (s.isEmpty()) {
            return sessionExpired();
        }
        JsonNode b = req.body();
        String item = b.path("itemCode").asText();
        if (catalog.item(item).isEmpty()) {
            return Json.notFound("事项不存在", "No such service item");
        }
        ConsentScope c = consentScope(b);
        if (c.refusal() != null) {
            return c.refusal();
        }
        Authorisation a = new Authorisation(Json.randomId("AU-", 16), s.get().idNumber, req.terminalId(), item, c.types(),
                c.grantedAt(), c.expiresAt());
        authorisations.put(a.id, a);
        return c.answer(a.id, item, b);
    }

    /** A consent's license types and end as asked and checked (both kinds of holder), or why it is refused. */
    record ConsentScope(Set<String> types, Instant grantedAt, Instant expiresAt, ApiResponse refusal) {
        /** The contract's Authorisation for this consent under {@code id}. */
        ApiResponse answer(String id, String item, JsonNode request) {
            ObjectNode r = Json.obj();
            r.put("authorisationId", id);
            r.put("itemCode", item);
            ArrayNode ts = r.putArray("licenseTypes");
            request.path("licenseTypes").forEach(ts::add);
            r.put("grantedAt", Json.time(grantedAt));
            r.put("expiresAt", Json.time(expiresAt));
            return ApiResponse.ok(r);
        }
    }

    /** Known license types, an end in the future, capped at {@link #MAX_AUTHORISATION}. */
    ConsentScope consentScope(JsonNode b) {
        Set<String> types = new HashSet<>();
        for (JsonNode t : b.path("licenseTypes")) {
            if (!seed.licenseTypes().containsKey(t.asText())) {
                return refused(Json.badRequest("不支持的电子证照类型 " + t.asText(), "Unknown e-license type " + t.asText()));
            }
            types.add(t.asText());
        }
        Instant now = Instant.now();
        Instant exp;
        try {
            exp = Instant.parse(b.path("expiresAt").asText());
        } catch (DateTimeParseException e) {
            return refused(Json.badRequest("授权截止时间格式错误", "Bad expiresAt"));
        }
        if (!exp.isAfter(now)) {
            return refused(Json.badRequest("授权截止时间已过", "Authorisation would already be expired"));
        }
        if (exp.isAfter(now.plus(MAX_AUTHORISATION))) {
            exp = now.plus(MAX_AUTHORISATION);
        }
        return new ConsentScope(Set.copyOf(types), now, exp, null);
    }

    private static ConsentScope refused(ApiResponse why) {
        return new ConsentScope(Set.of(), null, null, why);
    }

    private interface AuthorisedWork {
        ApiResponse apply(Session s, Authorisation a) throws Exception;
    }

    private ApiResponse withAuthorisation(ApiRequest req, AuthorisedWork work) throws Exception {
        Optional<Session> s = session(req);
        if (s.isEmpty()) {
            return sessionExpired();
        }
        Authorisation a = authorisations.get(req.pathParams().get("authorisationId"));
        if (a == null) {
            return Json.notFound("授权记录不存在", "No such authorisation");
        }
        if (!a.idNumber.equals(s.get().idNumber) || !a.terminalId.equals(req.terminalId())) {
            return Json.forbidden("无权使用该授权", "This authorisation belongs to someone else");
        }
        if (a.expiresAt.isBefore(Instant.now())) {
            return Json.forbidden("授权已过期，请重新授权", "Authorisation expired; authorise again");
        }
        return work.apply(s.get(), a);
    }

    ObjectNode licenseDocument(SeedData.Resident res, SeedData.License l) throws Exception {
        ObjectNode doc = Json.obj();
        doc.put("licenseId", l.licenseId());
        doc.put("type", l.type().type());
        doc.set("name", l.type().name().deepCopy());
        ObjectNode holder = doc.putObject("holder");
        holder.set("name", res.name().deepCopy());
        holder.put("idNumber", res.idNumber());
        holder.put("gender", res.gender());
        holder.put("address", res.address());
        doc.set("issuer", l.type().issuer().deepCopy());
        doc.put("issuerCode", l.type().issuerCode());
        doc.put("issuedOn", l.issuedOn());
        Json.putOrNull(doc, "validUntil", l.validUntil());
        String issuer = l.type().issuer().path("zh").asText();
        doc.put("watermark", String.format(WATERMARK_FMT, issuer));
        List<DocumentSpec.Line> lines = List.of(
                new DocumentSpec.Line("证照名称", l.type().name().path("zh").asText()),
                new DocumentSpec.Line("证照编号", l.licenseId()),
                new DocumentSpec.Line("持证人", res.nameZh()),
                new DocumentSpec.Line("公民身份号码", res.idNumber()),
                new DocumentSpec.Line("住址", res.address()),
                new DocumentSpec.Line("发证机关", issuer),
                new DocumentSpec.Line("发证日期", l.issuedOn()),
                new DocumentSpec.Line("有效期至", l.validUntil() == null ? "长期" : l.validUntil()));
        return sealed(l.licenseId(), "E_LICENSE", l.type().name(), lines, issuer, l.type().issuerCode(),
                LocalDate.parse(l.issuedOn()), l.validUntil() == null ? null : LocalDate.parse(l.validUntil()), doc, true);
    }

    /**
     * The document as a sealed OFD of the issuing body: its page shows {@code lines}, its
     * attachment carries {@code content} (what the terminal reads), and the centre records it
     * for the verification page. {@code keep}: an e-license is one document, issued once.
     */
    ObjectNode sealed(String documentId, String kind, JsonNode title, List<DocumentSpec.Line> lines, String bodyName,
                              String bodyCode, LocalDate issuedOn, LocalDate validUntil, ObjectNode content, boolean keep)
            throws Exception {
        String verificationUrl = publicBaseUrl + "/verify/" + documentId;
        content.put("verificationUrl", verificationUrl);
        byte[] data = Json.MAPPER.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
        DocumentSpec spec = new DocumentSpec(title.path("zh").asText(), lines, bodyName, documentId, issuedOn, verificationUrl, data);
        byte[] ofd = sealing.issue(kind, spec, bodyCode, bodyName, validUntil, keep);
        ObjectNode r = Json.obj();
        r.put("documentId", documentId);
        r.put("kind", kind);
        r.set("title", title.deepCopy());
        r.put("contentType", "application/ofd");
        r.put("ofdBase64", Base64.getEncoder().encodeToString(ofd));
        // The data as sealed: a kept e-license answers with the content it was first issued with.
        r.set("data", sealedData(ofd, content));
        r.put("verificationUrl", verificationUrl);
        return r;
    }

    private static JsonNode sealedData(byte[] ofd, ObjectNode fallback) {
        try {
            var archive = org.zizhu.ofd.OfdArchive.read(ofd);
            for (String n : archive.names()) {
                if (n.endsWith("/" + org.zizhu.ofd.VerifiedOfd.DATA_ATTACHMENT + ".json")) {
                    return Json.MAPPER.readTree(archive.required(n));
                }
            }
        } catch (Exception e) {
            // fall through: the document was just made from this content
        }
        return fallback;
    }

    private ApiResponse submitApplication(ApiRequest req) {
        return submitApplication(req, null);
    }

    /**
     * {@code applicantView}: whom the application's materials are checked against when not the
     * seeded resident alone: for an enterprise ({@link EnterpriseApi}), the acting person holding
     * the enterprise's licenses too; null for a resident's own application.
     */
    ApiResponse submitApplication(ApiRequest req, SeedData.Resident applicantView) {
        JsonNode b = req.body();
        String applicant = b.path("applicantIdNumber").asText();
        if (!IdChecks.validIdNumber(applicant)) {
            return Json.badRequest("申请人身份证号码校验位错误", "Applicant ID number check digit is wrong");
        }
        String item = b.path("itemCode").asText();
        Optional<ObjectNode> detail = catalog.item(item);
        if (detail.isEmpty()) {
            return Json.notFound("事项不存在", "No such service item");
        }
        if (!FormSpecs.takesApplication(detail.get())) {
            return ApplicationCheck.refuse("NOT_AN_APPLICATION_ITEM", "该事项不受理申请", "This item takes no application", null);
        }
        String authId = Json.text(b, "authorisationId");
        if (authId != null) {
            Authorisation a = authorisations.get(authId);
            if (a == null || !a.idNumber.equals(applicant)) {
                return Json.forbidden("授权记录与申请人不符", "Authorisation does not belong to the applicant");
            }
        }
        Optional<SeedData.Resident> res = applicantView != null ? Optional.of(applicantView) : seed.resident(applicant);
        LocalDate today = LocalDate.now(ZONE);
        ApplicationCheck.Accepted accepted = null;
        JsonNode form = b.get("form");
        // Every item that takes an application has a form (the catalogue refuses to load otherwise).
        if ((form != null && !form.isNull()) || formsRequired) {
            ApplicationCheck.Outcome o = ApplicationCheck.check(b, detail.get(), res, today);
            if (o.refusal() != null) {
                return o.refusal();
            }
            accepted = o.accepted();
        } else {
            // The earlier 一证通办 shape without a form: only its e-license references are checked (see the contract).
            for (JsonNode m : b.path("materials")) {
                if (m.path("source").asText().equals("E_LICENSE")) {
                    String lid = m.path("licenseId").asText();
                    boolean own = res.isPresent() && res.get().licenses().stream().anyMatch(l -> l.licenseId().equals(lid));
                    if (!own) {
                        return ApplicationCheck.refuse("LICENSE_NOT_OWNED", "材料引用的电子证照不属于申请人",
                                "Material refers to an e-license the applicant does not hold", m.path("name").asText());
                    }
                }
            }
        }
        String number = "ZW-" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + String.format("%06d", caseSeq.incrementAndGet());
        int days = detail.get().path("promisedTimeLimit").path("days").asInt(0);
        LocalDate promisedBy = days > 0 ? today.plusDays(days) : null;
        Instant now = Instant.now();
        CaseRecord c = new CaseRecord(number, item, applicant, now, promisedBy, accepted == null ? List.of() : accepted.owed());
        c.move("SUBMITTED", now, noteZh("SUBMITTED"), noteEn("SUBMITTED"));
        cases.put(number, c);
        ObjectNode r = Json.obj();
        r.put("caseNumber", number);
        r.put("itemCode", item);
        r.put("status", "SUBMITTED");
        r.put("acceptedAt", Json.time(now));
        Json.putOrNull(r, "promisedBy", promisedBy == null ? null : promisedBy.toString());
        if (accepted != null) {
            r.set("owed", owed(accepted.owed()));
            r.put("delivery", accepted.delivery());
            ArrayNode w = r.putArray("warnings");
            accepted.warnings().forEach(w::add);
        }
        return ApiResponse.ok(r);
    }

    private ApiResponse issueImmediate(ApiRequest req) throws Exception {
        Optional<Session> s = session(req);
        if (s.isEmpty()) {
            return sessionExpired();
        }
        String item = req.body().path("itemCode").asText();
        Optional<ObjectNode> detail = catalog.item(item);
        if (detail.isEmpty()) {
            return Json.notFound("事项不存在", "No such service item");
        }
        boolean immediate = false;
        for (JsonNode h : detail.get().path("handling")) {
            immediate |= h.asText().equals("IMMEDIATE");
        }
        if (!immediate) {
            return Json.conflict("该事项不能即时办结，请提交申请", "This item cannot be finished on the spot; submit an application");
        }
        SeedData.Resident res = seed.resident(s.get().idNumber).orElseThrow();
        JsonNode name = detail.get().path("resultName");
        String docId = Json.randomId("ZM-", 16);
        ObjectNode doc = Json.obj();
        doc.put("documentId", docId);
        doc.put("itemCode", item);
        doc.set("itemName", detail.get().path("name").deepCopy());
        doc.set("title", name.deepCopy());
        ObjectNode holder = doc.putObject("holder");
        holder.set("name", res.name().deepCopy());
        holder.put("idNumber", res.idNumber());
        doc.set("issuer", detail.get().path("implementingBody").deepCopy());
        doc.put("issuedAt", Json.now());
        ObjectNode statement = doc.putObject("statement");
        statement.put("zh", "经核查，" + res.nameZh() + "（身份证号 " + Masking.idNumber(res.idNumber()) + "）的" + name.path("zh").asText() + "信息如上，特此证明。");
        statement.put("en", "Having checked the records, the above " + name.path("en").asText() + " information for the holder is hereby certified.");
        String office = detail.get().path("implementingBody").path("zh").asText();
        doc.put("watermark", String.format(WATERMARK_FMT, office));
        LocalDate today = LocalDate.now(ZONE);
        List<DocumentSpec.Line> lines = List.of(
                new DocumentSpec.Line("事项", detail.get().path("name").path("zh").asText()),
                new DocumentSpec.Line("证明编号", docId),
                new DocumentSpec.Line("持证人", res.nameZh()),
                new DocumentSpec.Line("公民身份号码", res.idNumber()),
                new DocumentSpec.Line("证明内容", statement.path("zh").asText()),
                new DocumentSpec.Line("出具单位", office),
                new DocumentSpec.Line("出具日期", today.toString()));
        // The office's code is the first 18 characters of its item codes (its unified social credit code).
        return ApiResponse.ok(sealed(docId, "CERTIFICATE", name, lines, office, item.substring(0, 18), today, null, doc, false));
    }

    private ObjectNode caseStatus(CaseRecord c) {
        ObjectNode r = Json.obj();
        r.put("caseNumber", c.caseNumber);
        r.put("itemCode", c.itemCode);
        r.put("status", c.status);
        r.put("updatedAt", c.history.get(c.history.size() - 1).path("at").asText());
        ArrayNode h = r.putArray("history");
        c.history.forEach(e -> h.add(e.deepCopy()));
        catalog.item(c.itemCode).ifPresent(i -> r.set("itemName", i.path("name").deepCopy()));
        r.put("submittedAt", Json.time(c.submittedAt));
        Json.putOrNull(r, "promisedBy", c.promisedBy == null ? null : c.promisedBy.toString());
        r.set("owed", owed(c.owed));
        return r;
    }

    private static ArrayNode owed(List<ApplicationCheck.Owed> owed) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (ApplicationCheck.Owed o : owed) {
            ObjectNode x = a.addObject();
            x.put("name", o.name());
            x.put("dueDate", o.dueDate().toString());
        }
        return a;
    }

    private static String noteZh(String s) {
        return switch (s) {
            case "SUBMITTED" -> "申请已提交";
            case "ACCEPTED" -> "已受理";
            case "IN_REVIEW" -> "审查中";
            case "APPROVED" -> "审批通过";
            case "COMPLETED" -> "已办结";
            default -> "不予受理";
        };
    }

    private static String noteEn(String s) {
        return switch (s) {
            case "SUBMITTED" -> "Application submitted";
            case "ACCEPTED" -> "Accepted";
            case "IN_REVIEW" -> "Under review";
            case "APPROVED" -> "Approved";
            case "COMPLETED" -> "Completed";
            default -> "Rejected";
        };
    }

    /** The resident ID number behind a request's (valid) resident token, or null. */
    public String residentOf(ApiRequest req) {
        return session(req).map(Session::idNumber).orElse(null);
    }

    public long faceChecks() {
        return faceChecks.get();
    }

    public int caseCount() {
        return cases.size();
    }

    /** Makes the centre refuse applications without their item's form (see {@link #formsRequired()}). */
    public void formsRequired(boolean on) {
        this.formsRequired = on;
    }

    public boolean formsRequired() {
        return formsRequired;
    }
}
