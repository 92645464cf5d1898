package org.zizhu.central.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.zizhu.forms.DateWindow;
import org.zizhu.forms.FieldSpec;
import org.zizhu.forms.FieldType;

/**
 * An item's electronic form as the checks of {@link org.zizhu.forms.FieldCheck} need it, read
 * from the catalogue JSON (already shape-checked against the contract's {@code FormDefinition}).
 * What JSON Schema cannot say is checked here, so a bad form fails when the catalogue loads,
 * not when a resident submits: patterns compile, minLength within maxLength, NUMBER fields
 * complete, prefill sources consistent, field ids unique, a form on every application item.
 */
public final class FormSpecs {
    /** The ID card's fields and the field type each fits. */
    private static final Map<String, FieldType> ID_CARD_FIELDS = Map.of("NAME", FieldType.CHINESE_TEXT,
            "ID_NUMBER", FieldType.ID_NUMBER, "ADDRESS", FieldType.ADDRESS, "GENDER", FieldType.CHOICE,
            "BIRTH_DATE", FieldType.DATE);

    private FormSpecs() {
    }

    /** True for an item that takes an application (handling SUBMISSION). */
    public static boolean takesApplication(JsonNode item) {
        for (JsonNode h : item.path("handling")) {
            if (h.asText().equals("SUBMISSION")) {
                return true;
            }
        }
        return false;
    }

    /** The problems of an item's form (none when it is sound); the item must already match the contract. */
    public static List<String> problems(JsonNode item) {
        List<String> p = new ArrayList<>();
        JsonNode form = item.path("form");
        boolean has = form.isObject();
        if (takesApplication(item) && !has) {
            p.add("an item that takes an application (SUBMISSION) needs a form");
        } else if (!takesApplication(item) && has) {
            p.add("a form on an item that takes no application");
        }
        if (has) {
            try {
                specs(form);
            } catch (IllegalArgumentException e) {
                p.add("form: " + e.getMessage());
            }
        }
        return p;
    }

    /** Field id to spec, in form order. Throws for a form that cannot be checked soundly. */
    public static Map<String, FieldSpec> specs(JsonNode form) {
        Map<String, FieldSpec> out = new LinkedHashMap<>();
        for (JsonNode f : form.path("fields")) {
            String id = f.path("id").asText();
            try {
                if (out.put(id, spec(f)) != null) {
                    throw new IllegalArgumentException("used twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field " + id + ": " + e.getMessage(), e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no fields");
        }
        return out;
    }

    private static FieldSpec spec(JsonNode f) {
        FieldType type = FieldType.valueOf(f.path("type").asText());
        int maxLength = f.path("maxLength").asInt();
        JsonNode r = f.path("rule");
        Integer minLength = r.has("minLength") ? r.get("minLength").asInt() : null;
        if (minLength != null && minLength > maxLength) {
            throw new IllegalArgumentException("minLength exceeds maxLength");
        }
        Pattern pattern = null;
        if (r.has("pattern")) {
            if (type != FieldType.TEXT) {
                throw new IllegalArgumentException("a pattern on a " + type + " field");
            }
            try {
                pattern = Pattern.compile(r.get("pattern").asText());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("pattern does not compile: " + e.getDescription(), e);
            }
        }
        Set<String> choices = new LinkedHashSet<>();
        for (JsonNode c : f.path("choices")) {
            if (!choices.add(c.path("value").asText())) {
                throw new IllegalArgumentException("duplicate choice " + c.path("value").asText());
            }
        }
        JsonNode p = f.path("prefill");
        String source = p.path("source").asText();
        boolean lic = !p.path("licenseType").isNull();
        boolean field = !p.path("field").isNull();
        boolean consistent = switch (source) {
            case "NONE" -> !lic && !field;
            case "ID_CARD" -> !lic && field && ID_CARD_FIELDS.get(p.path("field").asText()) == type;
            case "E_LICENSE" -> lic && field;
            case "SHARED_DATA" -> !lic && field;
            default -> false;
        };
        if (!consistent) {
            throw new IllegalArgumentException("prefill " + source + " with the wrong licenseType or field");
        }
        return new FieldSpec(type, maxLength, f.path("required").asBoolean(), minLength, pattern,
                r.has("min") ? r.get("min").decimalValue() : null, r.has("max") ? r.get("max").decimalValue() : null,
                r.has("decimals") ? r.get("decimals").asInt() : null,
                r.has("when") ? DateWindow.valueOf(r.get("when").asText()) : null,
                r.has("maxSpanDays") ? r.get("maxSpanDays").asInt() : null, choices);
    }
}
