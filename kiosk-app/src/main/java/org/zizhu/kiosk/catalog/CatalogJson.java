package org.zizhu.kiosk.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.zizhu.forms.FieldType;
import org.zizhu.kiosk.catalog.CatalogModel.FieldValidation;
import org.zizhu.kiosk.catalog.CatalogModel.FormChoice;
import org.zizhu.kiosk.catalog.CatalogModel.FormDefinition;
import org.zizhu.kiosk.catalog.CatalogModel.FormField;
import org.zizhu.kiosk.catalog.CatalogModel.Prefill;
import org.zizhu.kiosk.catalog.CatalogModel.Index;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.catalog.CatalogModel.ItemSummary;
import org.zizhu.kiosk.catalog.CatalogModel.Material;
import org.zizhu.kiosk.catalog.CatalogModel.ProcessStep;
import org.zizhu.kiosk.i18n.Text;

/**
 * Turns the centre's catalogue JSON into model values and refuses anything incomplete: a
 * guide missing an element must not reach the screen, because a resident would act on it.
 */
public final class CatalogJson {
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, false)
            // "5" for a string or 1 for a boolean is a broken centre, not something to guess at.
            .configure(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS, false);

    /**
     * Forms are read strictly, unlike the rest of the guide: a field key or rule this kiosk does
     * not know could let it accept values the centre then refuses, after the resident typed them.
     */
    static final ObjectMapper FORM_JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, false)
            .configure(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    private static final Pattern FIELD_ID = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");
    private static final Pattern CHOICE_VALUE = Pattern.compile("[A-Z0-9][A-Z0-9_]{0,29}");
    private static final Pattern DOTTED_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,59}");
    private static final Map<FieldType, Integer> FIXED_LENGTH = Map.of(FieldType.ID_NUMBER, 18, FieldType.USCC, 18,
            FieldType.PHONE, 11, FieldType.DATE, 10, FieldType.DATE_RANGE, 21);
    static final int MAX_DUE_DAYS = 90;
    /** Longest 告知承诺 text (as check_catalog.py). */
    static final int MAX_COMMITMENT_TEXT = 600;

    private CatalogJson() {
    }

    /** Thrown for catalogue data that is malformed or incomplete. */
    public static final class InvalidCatalogException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidCatalogException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static Index index(JsonNode node) throws InvalidCatalogException {
        Index idx;
        try {
            idx = JSON.treeToValue(node, Index.class);
        } catch (Exception e) {
            throw new InvalidCatalogException("catalogue index is malformed: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        if (blank(idx.version()) || idx.version().length() > 100) {
            problems.add("version");
        }
        if (blank(idx.generatedAt())) {
            problems.add("generatedAt");
        }
        // An empty catalogue is never a valid update: taking it would wipe the terminal's guides.
        if (idx.items().isEmpty() || idx.groups().isEmpty()) {
            problems.add("no items or no groups");
        }
        Set<String> codes = new HashSet<>();
        for (ItemSummary s : idx.items()) {
            if (!validCode(s.code()) || !codes.add(s.code())) {
                problems.add("item code " + s.code());
            }
            if (s.name() == null || !s.name().complete() || s.audience() == null || blank(s.revision())) {
                problems.add("summary of " + s.code());
            }
        }
        for (CatalogModel.Group g : idx.groups()) {
            if (blank(g.id()) || g.name() == null || !g.name().complete() || g.audience() == null) {
                problems.add("group " + g.id());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException("catalogue index incomplete: " + problems, null);
        }
        return idx;
    }

    public static ItemDetail item(JsonNode node) throws InvalidCatalogException {
        ItemDetail d;
        try {
            d = JSON.treeToValue(node, ItemDetail.class);
        } catch (Exception e) {
            throw new InvalidCatalogException("item is malformed: " + e.getMessage(), e);
        }
        List<String> missing = missingElements(d);
        if (!missing.isEmpty()) {
            throw new InvalidCatalogException("item " + d.code() + " lacks guide elements " + missing, null);
        }
        JsonNode formNode = node.get("form");
        if (formNode != null && !formNode.isNull()) {
            FormDefinition strict;
            try {
                strict = FORM_JSON.treeToValue(formNode, FormDefinition.class);
            } catch (Exception e) {
                throw new InvalidCatalogException("item " + d.code() + " form is malformed: " + e.getMessage(), e);
            }
            List<String> problems = formProblems(strict);
            if (!problems.isEmpty()) {
                throw new InvalidCatalogException("item " + d.code() + " form is unsound: " + problems, null);
            }
        }
        return d;
    }

    /**
     * What is wrong with a form definition, field by field (none for a sound one): the rules the
     * contract and {@code check_catalog.py} state, and every field buildable into the shared
     * checks' {@link org.zizhu.forms.FieldSpec}.
     */
    public static List<String> formProblems(FormDefinition f) {
        List<String> p = new ArrayList<>();
        if (!ok(f.title())) {
            p.add("title");
        }
        if (f.fields().isEmpty() || f.fields().size() > 30) {
            p.add("1..30 fields");
        }
        Set<String> ids = new HashSet<>();
        boolean anyRequired = false;
        for (FormField field : f.fields()) {
            if (field == null) {
                p.add("null field");
                continue;
            }
            String w = "field " + field.id() + ": ";
            if (field.id() == null || !FIELD_ID.matcher(field.id()).matches() || !ids.add(field.id())) {
                p.add(w + "id missing, malformed or repeated");
            }
            anyRequired |= field.required();
            if (field.type() == null || !ok(field.label()) || field.rule() == null || field.prefill() == null) {
                p.add(w + "type, label, rule or prefill missing");
                continue;
            }
            fieldProblems(w, field, p);
        }
        if (!anyRequired) {
            p.add("no required field");
        }
        return p;
    }

    private static void fieldProblems(String w, FormField field, List<String> p) {
        FieldType t = field.type();
        FieldValidation r = field.rule();
        if (field.maxLength() < 1 || field.maxLength() > 500
                || (FIXED_LENGTH.containsKey(t) && field.maxLength() != FIXED_LENGTH.get(t))) {
            p.add(w + "maxLength");
        }
        boolean textual = t == FieldType.TEXT || t == FieldType.CHINESE_TEXT || t == FieldType.ADDRESS;
        boolean dated = t == FieldType.DATE || t == FieldType.DATE_RANGE;
        if ((r.minLength() != null && (!textual || r.minLength() < 1 || r.minLength() > field.maxLength()))
                || (r.pattern() != null && t != FieldType.TEXT)
                || ((r.min() != null || r.max() != null || r.decimals() != null) && t != FieldType.NUMBER)
                || (r.decimals() != null && (r.decimals() < 0 || r.decimals() > 4))
                || (r.when() != null && !dated)
                || (r.maxSpanDays() != null && t != FieldType.DATE_RANGE)) {
            p.add(w + "rule does not fit a " + t + " field");
        }
        if (r.pattern() != null) {
            if (!r.pattern().startsWith("^") || !r.pattern().endsWith("$")) {
                p.add(w + "pattern not anchored");
            }
            try {
                Pattern.compile(r.pattern());
            } catch (PatternSyntaxException e) {
                p.add(w + "pattern does not compile");
            }
        }
        if (t == FieldType.CHOICE) {
            Set<String> values = new HashSet<>();
            if (field.choices().size() < 2 || field.choices().size() > 20) {
                p.add(w + "2..20 choices");
            }
            for (FormChoice c : field.choices()) {
                if (c == null || c.value() == null || !CHOICE_VALUE.matcher(c.value()).matches() || !values.add(c.value())
                        || c.value().length() > field.maxLength() || !ok(c.label())) {
                    p.add(w + "choice " + (c == null ? null : c.value()));
                }
            }
        } else if (!field.choices().isEmpty()) {
            p.add(w + "choices on a " + t + " field");
        }
        Prefill pf = field.prefill();
        boolean consistent = pf.source() != null && switch (pf.source()) {
            case NONE -> pf.licenseType() == null && pf.field() == null;
            case ID_CARD -> pf.licenseType() == null && pf.idCardField().filter(k -> k.fits() == t).isPresent();
            case E_LICENSE -> pf.licenseType() != null && !pf.licenseType().isBlank() && pf.field() != null
                    && DOTTED_KEY.matcher(pf.field()).matches();
            case SHARED_DATA -> pf.licenseType() == null && pf.field() != null && DOTTED_KEY.matcher(pf.field()).matches();
        };
        if (!consistent) {
            p.add(w + "prefill");
        }
        try {
            field.spec();
        } catch (RuntimeException e) {
            p.add(w + e.getMessage());
        }
    }

    /** The names of guide elements that are absent or empty. */
    public static List<String> missingElements(ItemDetail d) {
        List<String> m = new ArrayList<>();
        if (!validCode(d.code())) {
            m.add("code");
        }
        check(m, "name", d.name());
        check(m, "type", d.type());
        check(m, "audienceText", d.audienceText());
        if (d.audience() == null) {
            m.add("audience");
        }
        check(m, "legalBasis", d.legalBasis());
        check(m, "implementingBody", d.implementingBody());
        check(m, "acceptanceConditions", d.acceptanceConditions());
        if (d.statutoryTimeLimit() == null || !ok(d.statutoryTimeLimit().text())) {
            m.add("statutoryTimeLimit");
        }
        if (d.promisedTimeLimit() == null || !ok(d.promisedTimeLimit().text())) {
            m.add("promisedTimeLimit");
        }
        check(m, "resultName", d.resultName());
        check(m, "resultSample", d.resultSample());
        if (d.fee() == null || !ok(d.fee().standard()) || !ok(d.fee().basis())) {
            m.add("fee");
        }
        for (Material mat : d.materials()) {
            if (mat == null || !ok(mat.name()) || mat.kind() == null || !ok(mat.sample()) || !ok(mat.electronicForm())
                    || !ok(mat.source()) || !ok(mat.format())
                    // 容缺: the commitment's due date comes from here, so a minor material needs one.
                    || (mat.missingAllowed() != (mat.missingDueDays() != null))
                    || (mat.missingDueDays() != null && (mat.missingDueDays() < 1 || mat.missingDueDays() > MAX_DUE_DAYS))) {
                m.add("materials");
                break;
            }
        }
        if (d.takesApplication() != (d.form() != null)) {
            // An application item without its form could not be applied for; a form elsewhere is a mix-up.
            m.add("form");
        }
        if (d.missingMaterialAcceptance() == null || !ok(d.missingMaterialAcceptance().text())) {
            m.add("missingMaterialAcceptance");
        }
        // Optional, but when present the resident signs to it: both languages, bounded (one screen, one
        // printed page), and only on an item that takes an application.
        if (d.notificationCommitment() != null && (!ok(d.notificationCommitment())
                || d.notificationCommitment().zh().length() > MAX_COMMITMENT_TEXT
                || d.notificationCommitment().en().length() > MAX_COMMITMENT_TEXT || !d.takesApplication())) {
            m.add("notificationCommitment");
        }
        if (d.process().isEmpty()) {
            m.add("process");
        } else {
            Set<String> ids = new HashSet<>();
            d.process().forEach(s -> ids.add(s == null ? null : s.id()));
            for (ProcessStep s : d.process()) {
                if (s == null || blank(s.id()) || !ok(s.name()) || !ok(s.actor()) || !ok(s.description())
                        || !ids.containsAll(s.next())) {
                    m.add("process");
                    break;
                }
            }
        }
        check(m, "channels", d.channels());
        check(m, "reviewCriteria", d.reviewCriteria());
        check(m, "scopeText", d.scopeText());
        if (d.appointment() == null || !ok(d.appointment().text())) {
            m.add("appointment");
        }
        if (d.onlinePayment() == null || !ok(d.onlinePayment().text())) {
            m.add("onlinePayment");
        }
        if (d.delivery() == null || !ok(d.delivery().text())) {
            m.add("delivery");
        }
        check(m, "place", d.place());
        check(m, "hours", d.hours());
        check(m, "enquiries", d.enquiries());
        check(m, "complaints", d.complaints());
        if (blank(d.guideUrl()) || !(d.guideUrl().startsWith("https://") || d.guideUrl().startsWith("http://")) || d.guideUrl().length() > 500) {
            m.add("guideUrl");
        }
        return m;
    }

    static boolean validCode(String code) {
        return code != null && !code.isBlank() && code.length() <= 50;
    }

    private static void check(List<String> m, String name, Text t) {
        if (!ok(t)) {
            m.add(name);
        }
    }

    private static boolean ok(Text t) {
        return t != null && t.complete();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
