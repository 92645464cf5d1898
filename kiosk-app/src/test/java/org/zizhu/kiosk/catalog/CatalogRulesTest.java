package org.zizhu.kiosk.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.catalog.CatalogModel.Fee;
import org.zizhu.kiosk.catalog.CatalogModel.Handling;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.catalog.CatalogModel.Material;
import org.zizhu.kiosk.catalog.CatalogModel.MaterialKind;
import org.zizhu.kiosk.catalog.CatalogModel.TimeLimit;

/** The domain rules the catalogue model answers: consent, fee, promised days, materials kept on file. */
public class CatalogRulesTest {
    public static Material material(String name, String eLicenseType, boolean missingAllowed) {
        return new Material(new Text(name, name), eLicenseType == null ? MaterialKind.COPY : MaterialKind.E_LICENSE, null, null,
                null, 1, null, false, eLicenseType, false, missingAllowed);
    }

    public static ItemDetail item(List<Handling> handling, Fee fee, List<Material> materials, TimeLimit promised) {
        return new ItemDetail("C1", new Text("开具证明", "Certificate"), null, CatalogModel.Audience.PERSON, null, "g", true, 1,
                handling, null, new Text("某局", "Bureau"), null, null, promised, null, null, fee, materials, null, List.of(),
                null, null, null, null, null, null, null, new Text("一楼大厅", "Hall 1"), null, null, null, List.of(), "r",
                "https://guide.example:8443/guide/C1");
    }

    @Test
    void eLicensesAreFetchedOnlyForOneCertificateItemsOnceEachInMaterialOrder() {
        List<Material> ms = List.of(material("户口簿", "HOUSEHOLD", false), material("身份证", "ID_CARD", false),
                material("户口簿复印件", "HOUSEHOLD", false), material("照片", null, false), material("空", " ", false));
        assertEquals(List.of("HOUSEHOLD", "ID_CARD"), item(List.of(Handling.ONE_CERTIFICATE), null, ms, null).eLicenseTypes());
        assertEquals(List.of(), item(List.of(Handling.IMMEDIATE), null, ms, null).eLicenseTypes());
    }

    @Test
    void feeIsCollectedOnlyForPaymentItemsWithAFixedChargedAmount() {
        Fee fee = new Fee(true, null, null, 2000L);
        assertEquals(2000, item(List.of(Handling.PAYMENT), fee, List.of(), null).amountDueFen());
        assertEquals(0, item(List.of(Handling.IMMEDIATE), fee, List.of(), null).amountDueFen(), "not collected at the kiosk");
        assertEquals(0, item(List.of(Handling.PAYMENT), new Fee(false, null, null, 2000L), List.of(), null).amountDueFen());
        assertEquals(0, item(List.of(Handling.PAYMENT), new Fee(true, null, null, null), List.of(), null).amountDueFen());
        assertEquals(0, item(List.of(Handling.PAYMENT), new Fee(true, null, null, -5L), List.of(), null).amountDueFen());
        assertEquals(0, item(List.of(Handling.PAYMENT), null, List.of(), null).amountDueFen());
    }

    @Test
    void promisedDaysAreAtLeastOneAndMaterialsLeftOutAreNotReceived() {
        assertEquals(1, item(List.of(), null, List.of(), new TimeLimit(0, null)).promisedDays());
        assertEquals(1, item(List.of(), null, List.of(), null).promisedDays());
        assertEquals(5, item(List.of(), null, List.of(), new TimeLimit(5, null)).promisedDays());
        Material kept = material("身份证", "ID_CARD", false);
        assertEquals(List.of(kept), item(List.of(), null, List.of(kept, material("承诺", null, true)), null).receivedMaterials());
        assertTrue(item(List.of(Handling.IMMEDIATE), null, List.of(), null).issuedImmediately());
        assertFalse(item(List.of(Handling.SUBMISSION), null, List.of(), null).issuedImmediately());
    }
}
