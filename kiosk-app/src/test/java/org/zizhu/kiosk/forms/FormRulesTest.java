package org.zizhu.kiosk.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zizhu.forms.DateWindow;
import org.zizhu.forms.FieldRule;
import org.zizhu.forms.FieldType;
import org.zizhu.kiosk.catalog.CatalogModel.FieldValidation;
import org.zizhu.kiosk.catalog.CatalogModel.FormChoice;
import org.zizhu.kiosk.catalog.CatalogModel.FormDefinition;
import org.zizhu.kiosk.catalog.CatalogModel.FormField;
import org.zizhu.kiosk.catalog.CatalogModel.Prefill;
import org.zizhu.kiosk.catalog.CatalogModel.PrefillSource;
import org.zizhu.kiosk.forms.FormRules.FieldError;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.i18n.Text;

/** A filled form against its definition: good values pass, each bad one is named with its field and rule. */
public class FormRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final Prefill NONE = new Prefill(PrefillSource.NONE, null, null);
    private static final FieldValidation NO_RULE = new FieldValidation(null, null, null, null, null, null, null);

    static FormField field(String id, FieldType type, int max, boolean required, FieldValidation rule, List<FormChoice> choices) {
        return new FormField(id, type, new Text("标签" + id, "Label " + id), max, required, rule, choices, NONE);
    }

    /** A residence-permit style form with one field of every type. */
    public static FormDefinition form() {
        return new FormDefinition(new Text("居住证申领登记表", "Residence permit application"), List.of(
                new FormField("name", FieldType.CHINESE_TEXT, new Text("姓名", "Name"), 30, true,
                        new FieldValidation(2, null, null, null, null, null, null), List.of(),
                        new Prefill(PrefillSource.ID_CARD, null, "NAME")),
                field("idNumber", FieldType.ID_NUMBER, 18, true, NO_RULE, null),
                field("phone", FieldType.PHONE, 11, true, NO_RULE, null),
                field("employerCode", FieldType.USCC, 18, false, NO_RULE, null),
                field("since", FieldType.DATE, 10, true, new FieldValidation(null, null, null, null, null, DateWindow.PAST_OR_TODAY, null), null),
                field("lease", FieldType.DATE_RANGE, 21, false, new FieldValidation(null, null, null, null, null, null, 1830), null),
                field("rent", FieldType.NUMBER, 9, false, new FieldValidation(null, null, new BigDecimal("100"), new BigDecimal("50000"), 2, null, null), null),
                field("basis", FieldType.CHOICE, 20, true, NO_RULE, List.of(new FormChoice("EMPLOYMENT", new Text("就业", "Work")),
                        new FormChoice("STUDY", new Text("就读", "Study")))),
                field("address", FieldType.ADDRESS, 100, true, new FieldValidation(6, null, null, null, null, null, null), null),
                field("account", FieldType.TEXT, 20, false, new FieldValidation(null, "^[0-9]{12,20}$", null, null, null, null, null), null)));
    }

    static Map<String, String> good() {
        Map<String, String> v = new HashMap<>();
        v.put("name", "阿依古丽·买买提");
        v.put("idNumber", "11010519491231002X");
        v.put("phone", "13912345678");
        v.put("employerCode", "91350100M000100Y43");
        v.put("since", "2025-03-01");
        v.put("lease", "2025-03-01/2027-02-28");
        v.put("rent", "1800.50");
        v.put("basis", "EMPLOYMENT");
        v.put("address", "内蒙古自治区包头市昆都仑区钢铁大街88号");
        v.put("account", "150200123456789");
        return v;
    }

    @Test
    void aWellFilledFormPasses() {
        FormRules.Result r = FormRules.check(form(), good(), TODAY);
        assertEquals(List.of(), r.errors());
        assertEquals(List.of(), r.warnings());
        assertTrue(r.acceptable());
        Map<String, String> required = new HashMap<>(good());
        List.of("employerCode", "lease", "rent", "account").forEach(required::remove);
        assertTrue(FormRules.check(form(), required, TODAY).acceptable(), "optional fields may be left empty");
    }

    @Test
    void eachBadValueIsNamedByFieldAndRuleInFormOrder() {
        Map<String, String> v = good();
        v.put("name", "Ayguli");
        v.put("idNumber", "110105194912310021");
        v.put("phone", "1391234567");
        v.put("employerCode", "91350100M000100I43");
        v.put("since", "2026-12-02");
        v.put("lease", "2027-02-28/2025-03-01");
        v.put("rent", "1800.505");
        v.put("basis", "HOLIDAY");
        v.remove("address");
        v.put("account", "ABC");
        v.put("favouriteColour", "红");
        FormRules.Result r = FormRules.check(form(), v, TODAY);
        assertEquals(List.of(new FieldError("favouriteColour", FieldRule.UNKNOWN_FIELD),
                new FieldError("name", FieldRule.NOT_CHINESE),
                new FieldError("idNumber", FieldRule.ID_NUMBER_CHECK),
                new FieldError("phone", FieldRule.PHONE),
                new FieldError("employerCode", FieldRule.USCC_FORMAT),
                new FieldError("since", FieldRule.DATE_IN_FUTURE),
                new FieldError("lease", FieldRule.RANGE_ORDER),
                new FieldError("rent", FieldRule.NUMBER_DECIMALS),
                new FieldError("basis", FieldRule.CHOICE),
                new FieldError("address", FieldRule.REQUIRED),
                new FieldError("account", FieldRule.PATTERN)), r.errors());
        assertEquals(Optional.of(FieldRule.PHONE), r.errorFor("phone"));
        assertEquals(Optional.empty(), r.errorFor("basis2"));
    }

    @Test
    void moreBadValues() {
        assertEquals(Optional.of(FieldRule.ID_NUMBER_FORMAT), FormRules.checkField(form().field("idNumber").orElseThrow(), "11010519491231002x", TODAY));
        assertEquals(Optional.of(FieldRule.TOO_SHORT), FormRules.checkField(form().field("name").orElseThrow(), "王", TODAY));
        assertEquals(Optional.of(FieldRule.TOO_LONG), FormRules.checkField(form().field("name").orElseThrow(), "王".repeat(31), TODAY));
        assertEquals(Optional.of(FieldRule.RANGE_TOO_LONG), FormRules.checkField(form().field("lease").orElseThrow(), "2020-01-01/2025-12-31", TODAY));
        assertEquals(Optional.of(FieldRule.DATE_FORMAT), FormRules.checkField(form().field("since").orElseThrow(), "2025-02-29", TODAY));
        assertEquals(Optional.of(FieldRule.NUMBER_RANGE), FormRules.checkField(form().field("rent").orElseThrow(), "50", TODAY));
        assertEquals(Optional.of(FieldRule.NUMBER_FORMAT), FormRules.checkField(form().field("rent").orElseThrow(), "一千", TODAY));
        assertEquals(Optional.of(FieldRule.NOT_CHINESE), FormRules.checkField(form().field("address").orElseThrow(), "88 Steel Street", TODAY));
        assertEquals(Optional.of(FieldRule.BAD_CHARACTERS), FormRules.checkField(form().field("address").orElseThrow(), "包头市\u0000昆区钢铁大街", TODAY));
    }

    @Test
    void aCreditCodeFailingOnlyItsCheckCharacterIsAWarning() {
        Map<String, String> v = good();
        v.put("employerCode", "91350100M000100Y44");
        FormRules.Result r = FormRules.check(form(), v, TODAY);
        assertTrue(r.acceptable());
        assertEquals(List.of(new FieldError("employerCode", FieldRule.USCC_CHECK)), r.warnings());
    }

    @Test
    void everyRuleHasAMessageNamingTheFieldInBothLanguages() {
        Messages m = new Messages();
        for (FieldRule rule : FieldRule.values()) {
            for (Language lang : Language.values()) {
                // Mongolian's bundle is partial by design: a rule it lacks is shown in Chinese.
                assertTrue(lang == Language.MN || m.has(lang, "form.rule." + rule.name()), rule + " " + lang);
                assertTrue(m.format(lang, "form.rule." + rule.name(), "联系电话").contains("联系电话"), rule + " " + lang);
            }
        }
    }
}
