package org.zizhu.kiosk.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zizhu.forms.FieldType;
import org.zizhu.kiosk.catalog.CatalogModel.FieldValidation;
import org.zizhu.kiosk.catalog.CatalogModel.FormDefinition;
import org.zizhu.kiosk.catalog.CatalogModel.FormField;
import org.zizhu.kiosk.catalog.CatalogModel.IdCardField;
import org.zizhu.kiosk.catalog.CatalogModel.Prefill;
import org.zizhu.kiosk.catalog.CatalogModel.PrefillSource;
import org.zizhu.kiosk.i18n.Text;

class FormPrefillTest {
    private static final FieldValidation NO_RULE = new FieldValidation(null, null, null, null, null, null, null);

    private static FormField f(String id, FieldType t, int max, Prefill p) {
        return new FormField(id, t, new Text(id, id), max, true, NO_RULE, List.of(), p);
    }

    private static final FormDefinition FORM = new FormDefinition(new Text("表", "Form"), List.of(
            f("name", FieldType.CHINESE_TEXT, 30, new Prefill(PrefillSource.E_LICENSE, "REAL_ESTATE_CERT", "holder.name")),
            f("idNumber", FieldType.ID_NUMBER, 18, new Prefill(PrefillSource.ID_CARD, null, "ID_NUMBER")),
            f("address", FieldType.ADDRESS, 100, new Prefill(PrefillSource.ID_CARD, null, "ADDRESS")),
            f("account", FieldType.TEXT, 20, new Prefill(PrefillSource.SHARED_DATA, null, "housingFund.accountNumber")),
            f("phone", FieldType.PHONE, 11, new Prefill(PrefillSource.NONE, null, null))));

    @Test
    void fieldsArePrefilledFromCardLicenceAndSharedDataAndTheRestLeftEmpty() throws Exception {
        JsonNode licence = new ObjectMapper().readTree("{\"holder\":{\"name\":{\"zh\":\"王建国\",\"en\":\"WANG Jianguo\"},\"idNumber\":\"150202198503120016\"}}");
        Map<String, String> v = FormPrefill.values(FORM,
                Map.of(IdCardField.NAME, "王建国", IdCardField.ID_NUMBER, "150202198503120016", IdCardField.ADDRESS, " 内蒙古自治区包头市东河区和平路12号 "),
                Map.of("REAL_ESTATE_CERT", licence), Map.of("housingFund.accountNumber", "150200123456789"));
        assertEquals(Map.of("name", "王建国", "idNumber", "150202198503120016", "address", "内蒙古自治区包头市东河区和平路12号",
                "account", "150200123456789"), v);
        assertEquals(List.of("name", "idNumber", "address", "account"), List.copyOf(v.keySet()), "form order");
        FormRules.Result r = FormRules.check(FORM, v, LocalDate.of(2026, 12, 1));
        assertEquals(List.of(new FormRules.FieldError("phone", org.zizhu.forms.FieldRule.REQUIRED)), r.errors(), "only the phone is left to type");
    }

    @Test
    void missingSourcesLeaveFieldsEmpty() {
        Map<String, String> v = FormPrefill.values(FORM, Map.of(), Map.of(), Map.of());
        assertTrue(v.isEmpty());
        assertTrue(FormPrefill.values(FORM, null, null, null).isEmpty());
    }
}
