package org.zizhu.central.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.zizhu.central.catalog.CatalogRepository;
import org.zizhu.central.http.ApiHandler;
import org.zizhu.central.http.ApiRequest;
import org.zizhu.central.http.ApiResponse;
import org.zizhu.central.seed.EBusinessLicenseQr;
import org.zizhu.central.seed.SeedData;
import org.zizhu.ofd.issue.DocumentSpec;
import org.zizhu.ids.IdChecks;
import org.zizhu.privacy.Masking;

/**
 * Enterprises by 一码: a verified person names an enterprise (credit code or e-business-license
 * QR), the centre checks the person's authority in its register and answers with an enterprise
 * token; with that token the one-certificate, immediate and application operations act for the
 * enterprise (holder the enterprise, the person recorded as acting). Kept beside
 * {@link ResidentApi} rather than inside it: each enterprise-capable operation is wrapped here,
 * a call without an enterprise goes to the resident handler unchanged.
 */
public final class EnterpriseApi {
    public static final String HEADER = "X-Enterprise-Token";

    /** The person's standing for an enterprise today, or why they have none. */
    sealed interface Authority {
        record Acting(SeedData.Enterprise enterprise, String idNumber, String role, LocalDate authorisedUntil) implements Authority {
        }

        record Refused(ApiResponse response) implements Authority {
        }
    }

    private record EnterpriseSession(String residentToken, Authority.Acting acting, Instant expiresAt) {
    }

    private record EnterpriseAuthorisation(String id, String creditCode, String idNumber, String terminalId, String itemCode,
                                           Set<String> types, Instant expiresAt) {
    }

    /** A license in an enterprise authorisation's scope and its holder: the enterprise, or (its ID card) the acting person. */
    private record Held(SeedData.License license, SeedData.Enterprise enterprise, SeedData.Resident person) {
    }

    private final SeedData seed;
    private final CatalogRepository catalog;
    private final ResidentApi residents;
    private final Map<String, EnterpriseSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, EnterpriseAuthorisation> authorisations = new ConcurrentHashMap<>();
    private final Map<String, String> caseHolders = new ConcurrentHashMap<>();
    private final Map<String, String> caseActors = new ConcurrentHashMap<>();

    public EnterpriseApi(SeedData seed, CatalogRepository catalog, ResidentApi residents) {
        this.seed = seed;
        this.catalog = catalog;
        this.residents = residents;
    }

    /**
     * Registers identifyEnterprise and wraps the resident handlers already registered for the
     * operations that can act for an enterprise ({@code existing} finds them).
     */
    public void register(BiConsumer<String, ApiHandler> handle, Function<String, ApiHandler> existing) {
        handle.accept("identifyEnterprise", this::identify);
        ApiHandler createAuth = existing.apply("createAuthorisation");
        handle.accept("createAuthorisation", req -> req.header(HEADER) == null ? createAuth.handle(req) : createAuthorisation(req));
        ApiHandler list = existing.apply("listLicenses");
        handle.accept("listLicenses", req -> isEnterprises(req) ? listLicenses(req) : list.handle(req));
        ApiHandler get = existing.apply("getLicense");
        handle.accept("getLicense", req -> isEnterprises(req) ? getLicense(req) : get.handle(req));
        ApiHandler immediate = existing.apply("issueImmediate");
        handle.accept("issueImmediate", req -> req.header(HEADER) == null ? immediate.handle(req) : issueImmediate(req));
        ApiHandler submit = existing.apply("submitApplication");
        handle.accept("submitApplication", req -> {
            JsonNode e = req.body() == null ? null : req.body().get("enterprise");
            return e == null || e.isNull() ? submit.handle(req) : submitApplication(req);
        });
    }

    /** The person's authority for the enterprise with this code, as the register says today. */
    Authority authority(String creditCode, String idNumber, LocalDate today) {
        Optional<SeedData.Enterprise> found = seed.enterprise(creditCode);
        if (found.isEmpty()) {
            return new Authority.Refused(ApiResponse.error(404, "ENTERPRISE_UNKNOWN", "未查询到该企业，请核对统一社会信用代码",
                    "No enterprise with this unified social credit code", false));
        }
        SeedData.Enterprise e = found.get();
        if (e.deregistered()) {
            return new Authority.Refused(ApiResponse.error(410, "ENTERPRISE_DEREGISTERED", "该企业已注销，不能办理此类事项",
                    "The enterprise has been deregistered", false));
        }
        if (e.legalRepresentative().equals(idNumber)) {
            return new Authority.Acting(e, idNumber, "LEGAL_REPRESENTATIVE", null);
        }
        List<SeedData.Agent> mine = e.agents().stream().filter(a -> a.idNumber().equals(idNumber)).toList();
        for (SeedData.Agent a : mine) {
            if (!today.isBefore(a.from()) && !today.isAfter(a.until())) {
                return new Authority.Acting(e, idNumber, "AGENT", a.until());
            }
        }
        if (!mine.isEmpty()) {
            return new Authority.Refused(ApiResponse.error(403, "AUTHORISATION_EXPIRED", "您对该企业的授权委托已过期或尚未生效，请由法定代表人重新授权",
                    "Your authorisation for this enterprise is not in date; ask the legal representative to renew it", false));
        }
        return new Authority.Refused(ApiResponse.error(403, "NO_AUTHORITY", "您不是该企业的法定代表人，也没有该企业的有效授权",
                "You are neither the legal representative nor an authorised agent of this enterprise", false));
    }

    private ApiResponse identify(ApiRequest req) {
        String id = residents.residentOf(req);
        if (id == null) {
            return sessionExpired();
        }
        JsonNode b = req.body();
        String code = Json.text(b, "creditCode");
        String qr = Json.text(b, "qrPayload");
        if ((code == null) == (qr == null)) {
            return Json.badRequest("请提供统一社会信用代码或电子营业执照二维码之一", "Give either a credit code or a QR payload");
        }
        if (qr != null) {
            Optional<String> resolved = EBusinessLicenseQr.verify(qr);
            if (resolved.isEmpty()) {
                return ApiResponse.error(400, "QR_INVALID", "电子营业执照二维码无法识别或已被篡改，请在电子营业执照小程序中重新出示",
                        "The e-business-license QR code is not recognised; show it again from the app", false);
            }
            code = resolved.get();
        }
        Authority a = authority(code, id, LocalDate.now(ResidentApi.ZONE));
        if (a instanceof Authority.Refused r) {
            return r.response();
        }
        Authority.Acting acting = (Authority.Acting) a;
        String token = Json.token();
        Instant exp = Instant.now().plus(ResidentApi.TOKEN_LIFETIME);
        sessions.put(token, new EnterpriseSession(req.header("X-Resident-Token"), acting, exp));
        SeedData.Enterprise e = acting.enterprise();
        ObjectNode o = Json.obj();
        o.put("enterpriseToken", token);
        o.put("creditCode", e.creditCode());
        o.put("creditCodeCheckPassed", IdChecks.validCreditCode(e.creditCode()));
        o.set("name", e.name().deepCopy());
        o.put("legalForm", e.legalForm());
        o.set("legalFormName", legalFormName(e.legalForm()));
        o.put("role", acting.role());
        Json.putOrNull(o, "authorisedUntil", acting.authorisedUntil() == null ? null : acting.authorisedUntil().toString());
        o.put("expiresAt", Json.time(exp));
        return ApiResponse.ok(o);
    }

    /** The enterprise session of a request whose resident token is the one it was opened with and still valid. */
    private Optional<EnterpriseSession> session(ApiRequest req) {
        String t = req.header(HEADER);
        EnterpriseSession s = t == null ? null : sessions.get(t);
        String id = residents.residentOf(req);
        if (s == null || id == null || !s.residentToken().equals(req.header("X-Resident-Token")) || s.expiresAt().isBefore(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    private static ApiResponse sessionExpired() {
        return Json.unauthorised("身份验证已失效，请重新验证身份", "Identity check expired; verify your identity again");
    }

    private static ApiResponse enterpriseSessionExpired() {
        return Json.unauthorised("企业身份已失效，请重新选择企业", "Enterprise identification expired; choose the enterprise again");
    }

    private Optional<ApiResponse> notForEnterprises(ObjectNode item) {
        if (!item.path("audience").asText().equals("ENTERPRISE")) {
            return Optional.of(ApiResponse.error(409, "AUDIENCE_MISMATCH", "该事项不是企业事项", "This item is not for enterprises", false));
        }
        return Optional.empty();
    }

    private ApiResponse createAuthorisation(ApiRequest req) {
        if (residents.residentOf(req) == null) {
            return sessionExpired();
        }
        Optional<EnterpriseSession> s = session(req);
        if (s.isEmpty()) {
            return enterpriseSessionExpired();
        }
        JsonNode b = req.body();
        String item = b.path("itemCode").asText();
        Optional<ObjectNode> detail = catalog.item(item);
        if (detail.isEmpty()) {
            return Json.notFound("事项不存在", "No such service item");
        }
        Optional<ApiResponse> wrong = notForEnterprises(detail.get());
        if (wrong.isPresent()) {
            return wrong.get();
        }
        ResidentApi.ConsentScope c = residents.consentScope(b);
        if (c.refusal() != null) {
            return c.refusal();
        }
        Authority.Acting acting = s.get().acting();
        EnterpriseAuthorisation a = new EnterpriseAuthorisation(Json.randomId("AU-", 16), acting.enterprise().creditCode(),
                acting.idNumber(), req.terminalId(), item, c.types(), c.expiresAt());
        authorisations.put(a.id(), a);
        return c.answer(a.id(), item, b);
    }

    private boolean isEnterprises(ApiRequest req) {
        String id = req.pathParams().get("authorisationId");
        return id != null && authorisations.containsKey(id);
    }

    /** The licenses an enterprise authorisation reaches: the enterprise's, and the acting person's own ID card. */
    private List<Held> inScope(EnterpriseAuthorisation a) {
        List<Held> out = new ArrayList<>();
        SeedData.Enterprise e = seed.enterprise(a.creditCode()).orElseThrow();
        for (SeedData.License l : e.licenses()) {
            if (a.types().contains(l.type().type())) {
                out.add(new Held(l, e, null));
            }
        }
        SeedData.Resident person = seed.resident(a.idNumber()).orElseThrow();
        for (SeedData.License l : person.licenses()) {
            if (l.type().type().equals("ID_CARD") && a.types().contains("ID_CARD")) {
                out.add(new Held(l, null, person));
            }
        }
        return out;
    }

    private Optional<ApiResponse> checkUse(ApiRequest req, EnterpriseAuthorisation a) {
        String id = residents.residentOf(req);
        if (id == null) {
            return Optional.of(sessionExpired());
        }
        if (!a.idNumber().equals(id) || !a.terminalId().equals(req.terminalId())) {
            return Optional.of(Json.forbidden("无权使用该授权", "This authorisation belongs to someone else"));
        }
        if (a.expiresAt().isBefore(Instant.now())) {
            return Optional.of(Json.forbidden("授权已过期，请重新授权", "Authorisation expired; authorise again"));
        }
        return Optional.empty();
    }

    private ApiResponse listLicenses(ApiRequest req) {
        EnterpriseAuthorisation a = authorisations.get(req.pathParams().get("authorisationId"));
        Optional<ApiResponse> refused = checkUse(req, a);
        if (refused.isEmpty()) {
            refused = residents.audit().check(req, a.itemCode(), "listLicenses", null);
        }
        if (refused.isPresent()) {
            return refused.get();
        }
        ObjectNode r = Json.obj();
        ArrayNode list = r.putArray("licenses");
        for (Held x : inScope(a)) {
            list.add(SeedData.summary(x.license()));
        }
        return ApiResponse.ok(r);
    }

    private ApiResponse getLicense(ApiRequest req) throws Exception {
        EnterpriseAuthorisation a = authorisations.get(req.pathParams().get("authorisationId"));
        Optional<ApiResponse> refused = checkUse(req, a);
        if (refused.isPresent()) {
            return refused.get();
        }
        String licenseId = req.pathParams().get("licenseId");
        refused = residents.audit().check(req, a.itemCode(), "getLicense", licenseId);
        if (refused.isPresent()) {
            return refused.get();
        }
        for (Held x : inScope(a)) {
            SeedData.License l = x.license();
            if (!l.licenseId().equals(licenseId)) {
                continue;
            }
            if (x.person() != null) {
                return ApiResponse.ok(residents.licenseDocument(x.person(), l));
            }
            SeedData.Enterprise e = x.enterprise();
            ObjectNode doc = Json.obj();
            doc.put("licenseId", l.licenseId());
            doc.put("type", l.type().type());
            doc.set("name", l.type().name().deepCopy());
            doc.set("holder", holder(e));
            doc.set("issuer", l.type().issuer().deepCopy());
            doc.put("issuerCode", l.type().issuerCode());
            doc.put("issuedOn", l.issuedOn());
            Json.putOrNull(doc, "validUntil", l.validUntil());
            String issuer = l.type().issuer().path("zh").asText();
            doc.put("watermark", String.format(ResidentApi.WATERMARK_FMT, issuer));
            List<DocumentSpec.Line> lines = List.of(
                    new DocumentSpec.Line("证照名称", l.type().name().path("zh").asText()),
                    new DocumentSpec.Line("证照编号", l.licenseId()),
                    new DocumentSpec.Line("名称", e.nameZh()),
                    new DocumentSpec.Line("统一社会信用代码", e.creditCode()),
                    new DocumentSpec.Line("类型", e.legalForm()),
                    new DocumentSpec.Line("发证机关", issuer),
                    new DocumentSpec.Line("发证日期", l.issuedOn()),
                    new DocumentSpec.Line("有效期至", l.validUntil() == null ? "长期" : l.validUntil()));
            return ApiResponse.ok(residents.sealed(l.licenseId(), "E_LICENSE", l.type().name(), lines, issuer, l.type().issuerCode(),
                    LocalDate.parse(l.issuedOn()), l.validUntil() == null ? null : LocalDate.parse(l.validUntil()), doc, true));
        }
        return Json.notFound("未找到该电子证照或不在授权范围内", "No such e-license within the authorisation");
    }

    private ApiResponse issueImmediate(ApiRequest req) throws Exception {
        if (residents.residentOf(req) == null) {
            return sessionExpired();
        }
        Optional<EnterpriseSession> s = session(req);
        if (s.isEmpty()) {
            return enterpriseSessionExpired();
        }
        String item = req.body().path("itemCode").asText();
        Optional<ObjectNode> detail = catalog.item(item);
        if (detail.isEmpty()) {
            return Json.notFound("事项不存在", "No such service item");
        }
        Optional<ApiResponse> wrong = notForEnterprises(detail.get());
        if (wrong.isPresent()) {
            return wrong.get();
        }
        boolean immediate = false;
        for (JsonNode h : detail.get().path("handling")) {
            immediate |= h.asText().equals("IMMEDIATE");
        }
        if (!immediate) {
            return Json.conflict("该事项不能即时办结，请提交申请", "This item cannot be finished on the spot; submit an application");
        }
        Authority.Acting acting = s.get().acting();
        SeedData.Enterprise e = acting.enterprise();
        SeedData.Resident person = seed.resident(acting.idNumber()).orElseThrow();
        JsonNode name = detail.get().path("resultName");
        String docId = Json.randomId("ZM-", 16);
        ObjectNode doc = Json.obj();
        doc.put("documentId", docId);
        doc.put("itemCode", item);
        doc.set("itemName", detail.get().path("name").deepCopy());
        doc.set("title", name.deepCopy());
        doc.set("holder", holder(e));
        doc.set("actingPerson", actingPerson(person, acting.role()));
        doc.set("issuer", detail.get().path("implementingBody").deepCopy());
        doc.put("issuedAt", Json.now());
        ObjectNode statement = doc.putObject("statement");
        statement.put("zh", "经核查，" + e.nameZh() + "（统一社会信用代码 " + e.creditCode() + "）的" + name.path("zh").asText()
                + "信息如上，特此证明。经办人：" + person.nameZh() + "（身份证号 " + Masking.idNumber(person.idNumber()) + "）。");
        statement.put("en", "Having checked the records, the above " + name.path("en").asText()
                + " information for the enterprise is hereby certified.");
        String office = detail.get().path("implementingBody").path("zh").asText();
        doc.put("watermark", String.format(ResidentApi.WATERMARK_FMT, office));
        LocalDate today = LocalDate.now(ResidentApi.ZONE);
        List<DocumentSpec.Line> lines = List.of(
                new DocumentSpec.Line("事项", detail.get().path("name").path("zh").asText()),
                new DocumentSpec.Line("证明编号", docId),
                new DocumentSpec.Line("单位名称", e.nameZh()),
                new DocumentSpec.Line("统一社会信用代码", e.creditCode()),
                new DocumentSpec.Line("经办人", person.nameZh() + "（" + (acting.role().equals("LEGAL_REPRESENTATIVE") ? "法定代表人" : "受托人") + "）"),
                new DocumentSpec.Line("经办人身份号码", person.idNumber()),
                new DocumentSpec.Line("证明内容", statement.path("zh").asText()),
                new DocumentSpec.Line("出具单位", office),
                new DocumentSpec.Line("出具日期", today.toString()));
        return ApiResponse.ok(residents.sealed(docId, "CERTIFICATE", name, lines, office, item.substring(0, 18), today, null, doc, false));
    }

    private ApiResponse submitApplication(ApiRequest req) {
        JsonNode b = req.body();
        String applicant = b.path("applicantIdNumber").asText();
        String code = b.path("enterprise").path("creditCode").asText();
        // Checked against the register at submission, not a token: the outbox may deliver it later.
        Authority a = authority(code, applicant, LocalDate.now(ResidentApi.ZONE));
        if (a instanceof Authority.Refused r) {
            return r.response();
        }
        Authority.Acting acting = (Authority.Acting) a;
        Optional<ObjectNode> detail = catalog.item(b.path("itemCode").asText());
        if (detail.isPresent()) {
            Optional<ApiResponse> wrong = notForEnterprises(detail.get());
            if (wrong.isPresent()) {
                return wrong.get();
            }
        }
        String authId = Json.text(b, "authorisationId");
        if (authId != null) {
            EnterpriseAuthorisation ea = authorisations.get(authId);
            if (ea == null || !ea.idNumber().equals(applicant) || !ea.creditCode().equals(code)) {
                return Json.forbidden("授权记录与申请企业或经办人不符", "Authorisation does not belong to this enterprise and applicant");
            }
        }
        SeedData.Resident person = seed.resident(applicant).orElseThrow();
        List<SeedData.License> held = new ArrayList<>(person.licenses());
        held.addAll(acting.enterprise().licenses());
        SeedData.Resident view = new SeedData.Resident(person.idNumber(), person.name(), person.gender(), person.address(), person.face(), held);
        // The resident checks know no enterprise authorisation; it was checked above.
        ObjectNode body = ((ObjectNode) b).deepCopy();
        body.putNull("authorisationId");
        ApiResponse r = residents.submitApplication(new ApiRequest(req.method(), req.path(), req.pathParams(), req.headers(), body), view);
        if (r.status() == 200) {
            caseHolders.put(r.body().path("caseNumber").asText(), code);
            caseActors.put(r.body().path("caseNumber").asText(), acting.role());
        }
        return r;
    }

    private static ObjectNode holder(SeedData.Enterprise e) {
        ObjectNode h = Json.obj();
        h.set("name", e.name().deepCopy());
        h.put("creditCode", e.creditCode());
        h.put("legalForm", e.legalForm());
        return h;
    }

    /** The person who acted, in full as a person's own certificate names its holder (the kiosk prints it masked). */
    private static ObjectNode actingPerson(SeedData.Resident p, String role) {
        ObjectNode a = Json.obj();
        a.set("name", p.name().deepCopy());
        a.put("idNumber", p.idNumber());
        a.put("maskedIdNumber", Masking.idNumber(p.idNumber()));
        a.put("role", role);
        return a;
    }

    static ObjectNode legalFormName(String form) {
        ObjectNode t = Json.obj();
        String[] zhEn = switch (form) {
            case "LIMITED_LIABILITY_COMPANY" -> new String[] {"有限责任公司", "Limited liability company"};
            case "JOINT_STOCK_COMPANY" -> new String[] {"股份有限公司", "Joint-stock company"};
            case "SOLE_PROPRIETORSHIP" -> new String[] {"个人独资企业", "Sole proprietorship"};
            case "PARTNERSHIP" -> new String[] {"合伙企业", "Partnership"};
            case "FARMERS_COOPERATIVE" -> new String[] {"农民专业合作社", "Farmers' specialised cooperative"};
            default -> new String[] {"个体工商户", "Individual business"};
        };
        t.put("zh", zhEn[0]);
        t.put("en", zhEn[1]);
        return t;
    }

    /** The enterprise a case was submitted for, if any (credit code). */
    public Optional<String> caseHolder(String caseNumber) {
        return Optional.ofNullable(caseHolders.get(caseNumber));
    }

    /** The acting person's role on an enterprise's case. */
    public Optional<String> caseActorRole(String caseNumber) {
        return Optional.ofNullable(caseActors.get(caseNumber));
    }
}
