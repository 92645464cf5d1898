package org.zizhu.kiosk.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zizhu.kiosk.catalog.CatalogModel.FormDefinition;
import org.zizhu.kiosk.catalog.CatalogModel.FormField;
import org.zizhu.kiosk.catalog.CatalogModel.IdCardField;

/**
 * The values a form starts with (免填): each field whose prefill source the visit has — the ID
 * card just read, an e-license fetched with consent (its verified content), shared data —
 * gets that value; the rest stay empty for the resident. Pure: the caller passes what the
 * visit holds and keeps the result in the visit (personal data, wiped with it). A prefilled
 * value is still checked by {@link FormRules} and can be corrected.
 */
public final class FormPrefill {
    private FormPrefill() {
    }

    /**
     * @param card     the ID card's fields that were read (absent ones are simply not prefilled)
     * @param licenses verified e-license content by license type (VerifiedDocument.content())
     * @param shared   shared-data values by their dotted key
     * @return field id to value, in form order, only for fields that found a non-blank value
     */
    public static Map<String, String> values(FormDefinition form, Map<IdCardField, String> card,
                                             Map<String, JsonNode> licenses, Map<String, String> shared) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FormField f : form.fields()) {
            String v = switch (f.prefill().source()) {
                case NONE -> null;
                case ID_CARD -> f.prefill().idCardField().map(k -> card == null ? null : card.get(k)).orElse(null);
                case E_LICENSE -> licenses == null ? null : fromLicense(licenses.get(f.prefill().licenseType()), f.prefill().field());
                case SHARED_DATA -> shared == null ? null : shared.get(f.prefill().field());
            };
            if (v != null && !v.isBlank()) {
                out.put(f.id(), v.strip());
            }
        }
        return out;
    }

    /** A dotted path into the document; a localised {zh, en} node gives its Chinese text. */
    private static String fromLicense(JsonNode content, String path) {
        if (content == null || path == null) {
            return null;
        }
        JsonNode n = content;
        for (String part : path.split("\\.")) {
            n = n.path(part);
        }
        if (n.isObject() && n.path("zh").isTextual()) {
            n = n.path("zh");
        }
        return n.isTextual() ? n.asText() : null;
    }

    /** The field naming the applying enterprise (单位名称) in an enterprise item's form. */
    public static final String ENTERPRISE_NAME_FIELD = "entityName";
    /** The field naming the applying enterprise's unified social credit code. */
    public static final String ENTERPRISE_CODE_FIELD = "creditCode";

    /**
     * For an application made for an enterprise: its name and credit code, as the centre
     * confirmed them, into the form's fields that name the applying enterprise
     * ({@value #ENTERPRISE_NAME_FIELD}, {@value #ENTERPRISE_CODE_FIELD} of type USCC) and have no
     * prefill source of their own. Other fields naming enterprises (a transfer's two parties) are
     * left to the resident.
     *
     * @return field id to value, in form order, only for those fields and non-blank values
     */
    public static Map<String, String> enterpriseValues(FormDefinition form, String creditCode, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FormField f : form.fields()) {
            if (f.prefill().source() != org.zizhu.kiosk.catalog.CatalogModel.PrefillSource.NONE) {
                continue;
            }
            String v = switch (f.id()) {
                case ENTERPRISE_NAME_FIELD -> name;
                case ENTERPRISE_CODE_FIELD -> f.type() == org.zizhu.forms.FieldType.USCC ? creditCode : null;
                default -> null;
            };
            if (v != null && !v.isBlank()) {
                out.put(f.id(), v.strip());
            }
        }
        return out;
    }
}
