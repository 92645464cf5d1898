package org.zizhu.kiosk.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.CentralSimulator;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.catalog.CatalogJson;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.forms.FormRules;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.services.OneCertificateService;
import org.zizhu.kiosk.services.OneCertificateService.Commitment;
import org.zizhu.kiosk.services.OneCertificateService.Delivery;
import org.zizhu.kiosk.services.OneCertificateService.MaterialRef;
import org.zizhu.kiosk.services.OneCertificateService.PostalAddress;
import org.zizhu.kiosk.services.ResidentSession;

/**
 * The kiosk's client submits a complete application (form checked by FormRules first, an
 * e-license, captured pages, a signed 容缺 commitment, shared data, postal delivery) to
 * central-sim in strict contract mode, reads the receipt and the resident's case list, and
 * gets the centre's machine code and field errors for a refused form.
 */
class ApplicationClientTest {
    private static final String RETIREMENT = "12150200MB1C47725K050210200001";
    private static final String WANG = "150202198503120016";

    @TempDir
    Path data;
    CentralSimulator central;

    @BeforeEach
    void start() throws Exception {
        central = CentralSimulator.builder().https(false).start();
    }

    @AfterEach
    void stop() {
        central.close();
    }

    private static byte[] image(String format, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(w / 2, h / 2, 0, 200);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    private static Map<String, String> form() {
        Map<String, String> f = new HashMap<>();
        f.put("name", "王建国");
        f.put("idNumber", WANG);
        f.put("workStart", "1985-07-01");
        f.put("kind", "NORMAL");
        f.put("employer", "包头钢铁（集团）有限责任公司");
        f.put("address", "内蒙古自治区包头市东河区和平路12号");
        f.put("phone", "13912345678");
        return f;
    }

    @Test
    void aCompleteApplicationIsAcceptedOnceAndShowsInTheResidentsCases() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            OneCertificateService one = rt.services().oneCertificate();
            ResidentSession wang = rt.services().identity().qrLogin("QRDEMO-wangjianguo-0001");
            ItemDetail item = CatalogJson.item(central.catalog().item(RETIREMENT).orElseThrow());
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            assertTrue(FormRules.check(item.form(), form(), today).acceptable());

            var owed = item.committableMaterials().get(0);
            List<MaterialRef> materials = List.of(
                    MaterialRef.eLicense("申请人居民身份证", "1.2.156.3005.2.111.11150200MB1532145Q.1985001001.001.3"),
                    MaterialRef.captured("本人人事档案", List.of(image("jpg", 620, 877), image("jpg", 620, 877))),
                    MaterialRef.committed(owed.name().zh(), new Commitment(today.plusDays(owed.missingDueDays()), Instant.now(), image("png", 240, 80))),
                    MaterialRef.shared("社会保障卡金融账户"));
            Delivery post = Delivery.post(new PostalAddress("150202001", "内蒙古自治区包头市东河区和平路街道", "和平路12号3单元501", "王建国"), "13912345678");
            var draft = one.application(UUID.randomUUID().toString(), RETIREMENT, WANG, null, form(), materials, post, "王建国", "13912345678");
            assertFalse(draft.toString().contains("王建国") || draft.toString().contains(WANG), "no personal data in the draft's text");

            var first = one.submit(draft);
            var again = one.submit(draft);
            var receipt = first.receipt().orElseThrow();
            assertEquals(receipt.caseNumber(), again.receipt().orElseThrow().caseNumber());
            assertEquals(1, central.appliedWithKey(draft.idempotencyKey()));
            assertEquals("POST", receipt.delivery());
            assertEquals(List.of(new OneCertificateService.OwedMaterial(owed.name().zh(), today.plusDays(30))), receipt.owed());

            var mine = one.myCases(wang);
            var found = mine.stream().filter(c -> c.caseNumber().equals(receipt.caseNumber())).findFirst().orElseThrow();
            assertEquals("企业职工基本养老保险待遇申领（退休申请）", found.itemName().zh());
            assertEquals(receipt.owed(), found.owed());
            assertEquals(receipt.promisedBy(), found.promisedBy());
            assertEquals(List.of(), central.contractViolations());
        }
    }

    @Test
    void aRefusedFormComesBackWithTheCentresCodeAndFields() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            OneCertificateService one = rt.services().oneCertificate();
            Map<String, String> bad = form();
            bad.put("idNumber", "150202198503120017");
            var draft = one.application(UUID.randomUUID().toString(), RETIREMENT, WANG, null, bad,
                    List.of(MaterialRef.eLicense("申请人居民身份证", "1.2.156.3005.2.111.11150200MB1532145Q.1985001001.001.3")),
                    Delivery.WINDOW, null, "13912345678");
            CentralException e = assertThrows(CentralException.class, () -> one.submit(draft));
            assertEquals(CentralException.Kind.REJECTED, e.kind());
            assertEquals("FORM_INVALID", e.code());
            assertEquals(List.of("idNumber:ID_NUMBER_CHECK"), e.fieldErrors());
            assertTrue(e.residentMessage().zh().contains("表单"));

            Map<String, String> good = form();
            var missing = one.application(UUID.randomUUID().toString(), RETIREMENT, WANG, null, good,
                    List.of(MaterialRef.eLicense("申请人居民身份证", "1.2.156.3005.2.111.11150200MB1532145Q.1985001001.001.3")),
                    Delivery.WINDOW, null, "13912345678");
            CentralException m = assertThrows(CentralException.class, () -> one.submit(missing));
            assertEquals("MATERIAL_MISSING", m.code());
            assertEquals(List.of(), m.fieldErrors());
            assertEquals(0L, rt.outbox().depth(), "a refusal is not queued for retry");
            assertEquals(List.of(), central.contractViolations());
        }
    }

    @Test
    void incompleteApplicationsAreStoppedBeforeTheyLeaveTheKiosk() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            OneCertificateService one = rt.services().oneCertificate();
            String key = UUID.randomUUID().toString();
            assertThrows(IllegalArgumentException.class, () -> one.application(key, RETIREMENT, WANG, null, form(),
                    List.of(MaterialRef.captured("本人人事档案", List.of(new byte[]{1, 2, 3}))), Delivery.WINDOW, null, "13912345678"),
                    "not a JPEG");
            assertThrows(IllegalArgumentException.class, () -> one.application(key, RETIREMENT, WANG, null, form(),
                    List.of(new MaterialRef("视同缴费年限、特殊工种等证明材料（如有）", OneCertificateService.MaterialSource.MISSING_COMMITTED, null)),
                    Delivery.WINDOW, null, "13912345678"), "a commitment without a signature");
            assertThrows(IllegalArgumentException.class, () -> one.application(key, RETIREMENT, WANG, null, form(), List.of(),
                    Delivery.post(null, "13912345678"), null, "13912345678"), "post without an address");
            assertThrows(IllegalArgumentException.class, () -> one.application(key, RETIREMENT, WANG, null, form(), List.of(),
                    Delivery.WINDOW, null, null), "no contact");
        }
    }
}
