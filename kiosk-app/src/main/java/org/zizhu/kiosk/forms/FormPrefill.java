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
}
