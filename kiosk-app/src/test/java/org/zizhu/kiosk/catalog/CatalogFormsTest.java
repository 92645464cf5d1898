package org.zizhu.kiosk.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zizhu.central.catalog.CatalogRepository;
import org.zizhu.central.contract.OpenApiContract;
import org.zizhu.forms.FieldType;
import org.zizhu.kiosk.catalog.CatalogModel.FormField;
import org.zizhu.kiosk.catalog.CatalogModel.IdCardField;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.catalog.CatalogModel.PrefillSource;
import org.zizhu.kiosk.forms.FormRules;

/** The seeded catalogue's electronic forms as the kiosk reads them, and strictness on broken ones. */
public class CatalogFormsTest {
    private static final String RETIREMENT = "12150200MB1C47725K050210200001";
    private static CatalogRepository seed;

    @BeforeAll
    static void load() throws Exception {
        seed = CatalogRepository.load(null, "https://zwfw.example.gov.cn", OpenApiContract.load());
    }

    private static ObjectNode raw(String code) {
        return seed.item(code).orElseThrow().deepCopy();
    }

    @Test
    void everySeededApplicationItemCarriesASoundFormAndNothingElseDoes() throws Exception {
        int forms = 0;
        for (JsonNode s : seed.index().path("items")) {
            ItemDetail d = CatalogJson.item(raw(s.path("code").asText()));
            assertEquals(d.takesApplication(), d.form() != null, d.code());
            if (d.form() == null) {
                continue;
            }
            forms++;
            assertEquals(List.of(), CatalogJson.formProblems(d.form()), d.code());
            assertTrue(d.form().fields().stream().anyMatch(FormField::required), d.code());
            assertTrue(d.form().fields().stream().anyMatch(f -> f.type() == FieldType.PHONE), d.code() + " asks for a contact number");
            d.form().fields().forEach(FormField::spec);
            d.committableMaterials().forEach(m -> assertTrue(m.missingDueDays() >= 1, d.code()));
        }
        assertEquals(21, forms, "the issue's twenty-one application items");
    }

    @Test
    void notificationCommitmentItemsCarryTheConditionsAndTheirGuidesSaySo() throws Exception {
        List<String> withCommitment = new java.util.ArrayList<>();
        for (JsonNode s : seed.index().path("items")) {
            ItemDetail d = CatalogJson.item(raw(s.path("code").asText()));
            if (d.conditionsCommitment().isEmpty()) {
                continue;
            }
            withCommitment.add(d.code());
            assertTrue(d.takesApplication(), d.code());
            String zh = d.conditionsCommitment().get().zh();
            assertTrue(zh.contains("承诺") && zh.contains("法律责任"), d.code() + ": the commitment and the consequence of a false one");
            assertTrue((d.reviewCriteria().zh() + d.promisedTimeLimit().text().zh()).contains("告知承诺"),
                    d.code() + ": the guide says 告知承诺 applies");
        }
        assertEquals(List.of("11150200MB1535080D011030100001", "11150200MB1537556P010770500001"), withCommitment.stream().sorted().toList());
        assertTrue(CatalogJson.item(raw(RETIREMENT)).conditionsCommitment().isEmpty());
        refused(i -> i.putObject("notificationCommitment").put("zh", "本人承诺符合条件"), "notificationCommitment");
        refused(i -> i.putObject("notificationCommitment").put("zh", "承".repeat(601)).put("en", "I commit"), "notificationCommitment");
        // On an item that takes no application there is nothing to commit to.
        ObjectNode tax = raw("11150200MB0C12658U200660100001");
        tax.putObject("notificationCommitment").put("zh", "本人承诺符合条件").put("en", "I commit");
        assertThrows(CatalogJson.InvalidCatalogException.class, () -> CatalogJson.item(tax));
    }

    @Test
    void theRetirementFormPrefillsFromTheCardAndAcceptsAFilledForm() throws Exception {
        ItemDetail d = CatalogJson.item(raw(RETIREMENT));
        assertTrue(d.offersPostalDelivery());
        assertEquals(1, d.committableMaterials().size());
        assertEquals(30, d.committableMaterials().get(0).missingDueDays());
        FormField name = d.form().field("name").orElseThrow();
        assertEquals(PrefillSource.ID_CARD, name.prefill().source());
        assertEquals(IdCardField.NAME, name.prefill().idCardField().orElseThrow());
        assertEquals("退休类别", d.form().field("kind").orElseThrow().label().zh());
        Map<String, String> v = new HashMap<>();
        v.put("name", "王建国");
        v.put("idNumber", "150202198503120016");
        v.put("workStart", "1985-07-01");
        v.put("kind", "NORMAL");
        v.put("employer", "包头钢铁（集团）有限责任公司");
        v.put("address", "内蒙古自治区包头市东河区和平路12号");
        v.put("phone", "13912345678");
        FormRules.Result r = FormRules.check(d.form(), v, LocalDate.of(2026, 12, 1));
        assertEquals(List.of(), r.errors());
        v.put("kind", "EARLY_BIRD");
        assertFalse(FormRules.check(d.form(), v, LocalDate.of(2026, 12, 1)).acceptable());
    }

    private static void refused(Consumer<ObjectNode> change, String expected) {
        ObjectNode item = raw(RETIREMENT);
        change.accept(item);
        CatalogJson.InvalidCatalogException e = assertThrows(CatalogJson.InvalidCatalogException.class, () -> CatalogJson.item(item));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static ObjectNode field(ObjectNode item, int i) {
        return (ObjectNode) item.path("form").path("fields").get(i);
    }

    @Test
    void brokenFormsAreClearErrorsNotCrashes() {
        refused(i -> i.putNull("form"), "form");
        refused(i -> field(i, 0).put("colour", "red"), "form is malformed");
        refused(i -> field(i, 0).put("type", "SHOE_SIZE"), "malformed");
        refused(i -> field(i, 0).put("maxLength", "30"), "malformed");
        refused(i -> ((ObjectNode) field(i, 0).path("rule")).put("pattern", "^[$"), "rule does not fit");
        refused(i -> {
            field(i, 4).put("type", "TEXT");
            ((ObjectNode) field(i, 4).path("rule")).put("pattern", "^([a-z]$");
        }, "pattern does not compile");
        refused(i -> field(i, 3).putNull("choices"), "2..20 choices");
        refused(i -> ((ArrayNode) i.path("form").path("fields")).add(field(i, 0).deepCopy()), "repeated");
        refused(i -> ((ObjectNode) field(i, 1).path("prefill")).put("field", "SHOE_SIZE"), "prefill");
        refused(i -> ((ObjectNode) field(i, 1).path("prefill")).put("field", "NAME"), "prefill"); // a name into an ID-number field
        refused(i -> field(i, 1).put("maxLength", 17), "maxLength");
        refused(i -> ((ObjectNode) field(i, 2).path("rule")).put("maxSpanDays", 5), "rule does not fit");
        refused(i -> ((ObjectNode) i.path("materials").get(2)).putNull("missingDueDays"), "materials");
        refused(i -> ((ObjectNode) i.path("materials").get(0)).put("missingDueDays", 10), "materials");
        ObjectNode immediate = raw("11150200MB0C12658U200660100001");
        immediate.set("form", raw(RETIREMENT).get("form"));
        assertThrows(CatalogJson.InvalidCatalogException.class, () -> CatalogJson.item(immediate), "a form on an item that takes no application");
    }
}
