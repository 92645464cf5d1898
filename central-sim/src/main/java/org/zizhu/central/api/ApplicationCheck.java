package org.zizhu.central.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.zizhu.central.catalog.FormSpecs;
import org.zizhu.central.http.ApiResponse;
import org.zizhu.central.seed.SeedData;
import org.zizhu.forms.FieldCheck;
import org.zizhu.forms.FieldRule;
import org.zizhu.forms.FieldSpec;

/**
 * Checks an application (申报) against its item as the centre would before accepting it: the
 * form by the item's rules ({@link FieldCheck}, the kiosk's own rules), every material provided
 * (e-license the applicant holds, shared data where the item shares it, readable captured pages
 * whose digest matches) or legitimately committed (容缺: only minor materials, due within the
 * item's days, signed), postal delivery only where the item offers it, and a contact mobile.
 * The first problem found is the refusal: a 400 whose code names the reason.
 */
final class ApplicationCheck {
    static final int MAX_PAGE_BYTES = 300 * 1024;
    static final int MAX_SIGNATURE_BYTES = 64 * 1024;
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** What the receipt reports of an accepted application. */
    record Accepted(List<Owed> owed, List<ObjectNode> warnings, String delivery) {
    }

    record Owed(String name, LocalDate dueDate) {
    }

    /** Either a refusal or the accepted facts. */
    record Outcome(ApiResponse refusal, Accepted accepted) {
        static Outcome refuse(ApiResponse r) {
            return new Outcome(r, null);
        }
    }

    private ApplicationCheck() {
    }

    /**
     * Checks a submission with a form (the complete shape). {@code today} is the centre's date:
     * commitment due dates count from it.
     */
    static Outcome check(JsonNode body, JsonNode item, Optional<SeedData.Resident> applicant, LocalDate today) {
        JsonNode formDef = item.path("form");
        if (!formDef.isObject()) {
            return Outcome.refuse(refuse("FORM_MISSING", "该事项没有电子表单", "This item has no form", null));
        }
        List<ObjectNode> warnings = new ArrayList<>();
        ApiResponse formProblem = checkForm(formDef, body.path("form"), today, warnings);
        if (formProblem != null) {
            return Outcome.refuse(formProblem);
        }
        List<JsonNode> materials = new ArrayList<>();
        item.path("materials").forEach(materials::add);
        Map<String, JsonNode> resolved = new HashMap<>();
        List<Owed> owed = new ArrayList<>();
        for (JsonNode ref : body.path("materials")) {
            String name = ref.path("name").asText();
            JsonNode m = materials.stream().filter(x -> x.path("name").path("zh").asText().equals(name)).findFirst().orElse(null);
            if (m == null) {
                return Outcome.refuse(refuse("MATERIAL_UNKNOWN", "该事项没有此项材料：" + name, "The item asks for no such material", name));
            }
            if (resolved.put(name, ref) != null) {
                return Outcome.refuse(refuse("MATERIAL_UNKNOWN", "材料重复提交：" + name, "The material is listed twice", name));
            }
            ApiResponse problem = switch (ref.path("source").asText()) {
                case "E_LICENSE" -> eLicense(ref, m, applicant, name);
                case "SHARED_DATA" -> m.path("exemptBySharing").asBoolean()
                        ? null : refuse("MATERIAL_SOURCE_INVALID", "该材料不能通过数据共享获取：" + name, "This material is not available by data sharing", name);
                case "CAPTURED_PAGES" -> pages(ref, m, name);
                case "MISSING_COMMITTED" -> commitment(ref, m, name, today, owed);
                default -> refuse("MATERIAL_SOURCE_INVALID", "材料来源无效：" + name, "Unknown material source", name);
            };
            if (problem != null) {
                return Outcome.refuse(problem);
            }
        }
        for (JsonNode m : materials) {
            String name = m.path("name").path("zh").asText();
            // The electronic form stands in for the item's paper application forms (电子表单替代纸质表格).
            if (!resolved.containsKey(name) && !m.path("kind").asText().equals("FORM")) {
                return Outcome.refuse(refuse("MATERIAL_MISSING", "缺少材料：" + name, "A required material is missing: " + m.path("name").path("en").asText(), name));
            }
        }
        ApiResponse notice = notificationCommitment(body.path("notificationCommitment"), item);
        if (notice != null) {
            return Outcome.refuse(notice);
        }
        JsonNode delivery = body.path("delivery");
        String method = delivery.isObject() ? delivery.path("method").asText() : "WINDOW";
        if (method.equals("POST") && !item.path("delivery").path("supported").asBoolean()) {
            return Outcome.refuse(refuse("DELIVERY_NOT_OFFERED", "该事项不提供邮寄送达，请选择窗口领取",
                    "This item offers no postal delivery; choose pickup at the window", null));
        }
        if (body.path("contactPhone").isNull() || body.path("contactPhone").isMissingNode()) {
            return Outcome.refuse(refuse("CONTACT_MISSING", "请填写联系手机号码", "A contact mobile number is needed", null));
        }
        return new Outcome(null, new Accepted(List.copyOf(owed), List.copyOf(warnings), method));
    }

    private static ApiResponse checkForm(JsonNode formDef, JsonNode data, LocalDate today, List<ObjectNode> warnings) {
        Map<String, FieldSpec> specs = FormSpecs.specs(formDef);
        ArrayNode errors = Json.MAPPER.createArrayNode();
        Iterator<String> names = data.fieldNames();
        while (names.hasNext()) {
            String id = names.next();
            if (!specs.containsKey(id)) {
                errors.add(fieldError(id, FieldRule.UNKNOWN_FIELD));
            }
        }
        for (Map.Entry<String, FieldSpec> e : specs.entrySet()) {
            JsonNode v = data.get(e.getKey());
            Optional<FieldRule> broken = FieldCheck.check(e.getValue(), v == null ? null : v.asText(), today);
            if (broken.isEmpty()) {
                continue;
            }
            if (broken.get().blocking()) {
                errors.add(fieldError(e.getKey(), broken.get()));
            } else {
                warnings.add(fieldError(e.getKey(), broken.get()));
            }
        }
        if (errors.isEmpty()) {
            return null;
        }
        ApiResponse r = refuse("FORM_INVALID", "表单填写有误，请检查标出的项目", "The form has mistakes in the fields listed", null);
        ((ObjectNode) r.body()).set("fieldErrors", errors);
        return r;
    }

    private static ObjectNode fieldError(String field, FieldRule rule) {
        ObjectNode o = Json.obj();
        o.put("field", field);
        o.put("rule", rule.name());
        return o;
    }

    private static ApiResponse eLicense(JsonNode ref, JsonNode m, Optional<SeedData.Resident> applicant, String name) {
        String lid = ref.path("licenseId").asText();
        Optional<SeedData.License> own = applicant.flatMap(r -> r.licenses().stream().filter(l -> l.licenseId().equals(lid)).findFirst());
        if (own.isEmpty()) {
            return refuse("LICENSE_NOT_OWNED", "材料引用的电子证照不属于申请人", "Material refers to an e-license the applicant does not hold", name);
        }
        String wanted = m.path("eLicenseType").isNull() ? null : m.path("eLicenseType").asText();
        if (wanted == null || !wanted.equals(own.get().type().type())) {
            return refuse("MATERIAL_SOURCE_INVALID", "该电子证照不能作为此项材料：" + name, "That e-license is not this material", name);
        }
        return null;
    }

    private static ApiResponse pages(JsonNode ref, JsonNode m, String name) {
        if (m.path("kind").asText().equals("E_LICENSE")) {
            return refuse("MATERIAL_SOURCE_INVALID", "该材料须通过电子证照获取：" + name, "This material comes from an e-license, not paper", name);
        }
        // The contract asks for at least one page; the check does not rely on it (a lenient centre still refuses).
        if (!ref.path("pages").isArray() || ref.path("pages").isEmpty()) {
            return refuse("PAGE_INVALID", "材料没有页面：" + name, "A material given as pages has no page", name);
        }
        for (JsonNode p : ref.path("pages")) {
            byte[] jpeg = decode(p.path("jpegBase64").asText());
            if (jpeg == null || jpeg.length > MAX_PAGE_BYTES || jpeg.length < 3 || (jpeg[0] & 0xff) != 0xFF
                    || (jpeg[1] & 0xff) != 0xD8 || (jpeg[2] & 0xff) != 0xFF || !readable(jpeg)) {
                return refuse("PAGE_INVALID", "材料页面不是可读的JPEG图像或过大：" + name, "A page is not a readable JPEG of at most 300 KiB", name);
            }
            if (!sha256(jpeg).equals(p.path("sha256").asText())) {
                return refuse("PAGE_INVALID", "材料页面传输不完整，请重新提交：" + name, "A page does not match its digest", name);
            }
        }
        return null;
    }

    private static ApiResponse commitment(JsonNode ref, JsonNode m, String name, LocalDate today, List<Owed> owed) {
        if (!m.path("missingAllowed").asBoolean()) {
            return refuse("COMMITMENT_NOT_ALLOWED", "该材料不适用容缺受理，须提交：" + name, "This material cannot be handed in later", name);
        }
        JsonNode c = ref.path("commitment");
        LocalDate due = FieldCheck.parseDate(c.path("dueDate").asText());
        int days = m.path("missingDueDays").asInt(0);
        if (due == null || due.isBefore(today) || due.isAfter(today.plusDays(days))) {
            return refuse("COMMITMENT_INVALID", "承诺补交日期须在" + days + "日内：" + name,
                    "The commitment's due date must be within " + days + " days", name);
        }
        byte[] png = decode(c.path("signaturePngBase64").asText());
        if (png == null || png.length > MAX_SIGNATURE_BYTES || !startsWith(png, PNG_MAGIC) || !readable(png)
                || !sha256(png).equals(c.path("signatureSha256").asText())) {
            return refuse("COMMITMENT_INVALID", "承诺书签名图像无效，请重新签名：" + name, "The commitment's signature image is not a valid PNG", name);
        }
        owed.add(new Owed(name, due));
        return null;
    }

    /**
     * 告知承诺制: the office decides on the applicant's signed commitment that the item's conditions
     * are met, so an item that has one cannot be applied for without it, and a commitment to an item
     * that has none is a kiosk out of step with the catalogue.
     */
    private static ApiResponse notificationCommitment(JsonNode c, JsonNode item) {
        boolean required = item.path("notificationCommitment").isObject();
        boolean given = c.isObject();
        if (required && !given) {
            return refuse("COMMITMENT_MISSING", "该事项实行告知承诺制，须签署告知承诺书",
                    "This item is decided on a signed notification commitment; it is missing", null);
        }
        if (!required && given) {
            return refuse("COMMITMENT_NOT_ALLOWED", "该事项不实行告知承诺制", "This item takes no notification commitment", null);
        }
        if (!given) {
            return null;
        }
        byte[] png = decode(c.path("signaturePngBase64").asText());
        if (png == null || png.length > MAX_SIGNATURE_BYTES || !startsWith(png, PNG_MAGIC) || !readable(png)
                || !sha256(png).equals(c.path("signatureSha256").asText())
                || !dateTime(c.path("signedAt").asText())) {
            return refuse("COMMITMENT_INVALID", "告知承诺书签名图像无效，请重新签名", "The notification commitment's signature is not a valid PNG", null);
        }
        return null;
    }

    private static boolean dateTime(String s) {
        try {
            java.time.OffsetDateTime.parse(s);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static boolean readable(byte[] image) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(image));
            return img != null && img.getWidth() > 0 && img.getHeight() > 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] decode(String b64) {
        try {
            return java.util.Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ApiResponse refuse(String code, String zh, String en, String material) {
        ApiResponse r = ApiResponse.error(400, code, zh, en, false);
        if (material != null) {
            ((ObjectNode) r.body()).put("material", material.length() > 100 ? material.substring(0, 100) : material);
        }
        return r;
    }
}
