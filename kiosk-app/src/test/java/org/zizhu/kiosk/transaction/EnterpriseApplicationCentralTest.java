package org.zizhu.kiosk.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.CentralSimulator;
import org.zizhu.device.camera.document.DocumentCapture;
import org.zizhu.device.camera.sim.DocumentScene;
import org.zizhu.device.camera.sim.DocumentScenes;
import org.zizhu.device.printer.escpos.ReceiptPaper;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.catalog.CatalogJson;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.flow.ApplicationEvent;
import org.zizhu.kiosk.flow.ApplicationFlow;
import org.zizhu.kiosk.flow.ApplicationState;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.session.Visit;
import org.zizhu.print.AcceptanceReceiptData;
import org.zizhu.print.PrintTemplates;
import org.zizhu.print.TemplateData;
import org.zizhu.print.escpos.ReceiptEncoder;
import org.zizhu.print.receipt.ReceiptLayout;

/**
 * An enterprise's application (申报) end to end against central-sim (strict contract both ways):
 * an agent logs in with the mobile app, shows the enterprise's e-business-license QR code, consents
 * for the enterprise (its business license, verified against the enterprise as holder, and her own
 * ID card, which names the applicant), the form starts with the enterprise's name and code, the
 * paper materials come from the simulated document camera, and the application goes to the centre
 * with {@code enterprise.creditCode}: the case is the enterprise's, the receipt in its name with
 * her as 经办人, masked. A person without authority is refused in the kiosk's words and chooses again.
 */
class EnterpriseApplicationCentralTest {
    /** 企业变更登记: the form names the enterprise; its business license is a material. */
    private static final String CHANGE = "11150200MB1534142X010300200001";
    private static final String LUCHENG = "91150203MA0N7LC8XD";
    private static final String LUCHENG_NAME = "包头市鹿城智联科技有限公司";
    private static final String RARE_EARTH = "91150200MA0Q2XT315";
    /** 李秀英, 鹿城's agent until 2030-12-31. */
    private static final String LI = "150203199007210021";
    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    private static final PrintTemplates TEMPLATES = PrintTemplates.builtIn();

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

    private CentralApplicationPorts ports(KioskRuntime rt, List<TemplateData> printed) {
        var desk = DocumentScenes.render(DocumentScene.A4_ON_DESK).image();
        return new CentralApplicationPorts(rt.services(),
                timeout -> { throw new AssertionError("a mobile-app login needs no face"); },
                timeout -> Optional.of(DocumentCapture.withDefaults().assess(desk)),
                jobs -> jobs.forEach(job -> {
                    // What the receipt printer would get: the template filled and encoded to ESC/POS.
                    ReceiptEncoder.encode(ReceiptLayout.layout(TEMPLATES.fill(job.data()), ReceiptPaper.MM80));
                    printed.add(job.data());
                }), new Messages(), Clock.system(CST));
    }

    @Test
    void anAgentAppliesForTheEnterpriseAndTheCaseAndReceiptAreInItsName() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            List<TemplateData> printed = new ArrayList<>();
            ItemDetail item = CatalogJson.item(central.catalog().item(CHANGE).orElseThrow());
            Visit visit = new Visit();
            ApplicationFlow f = ApplicationFlow.start(item, ports(rt, printed), visit, Runnable::run, Clock.system(CST));
            assertTrue(f.forEnterprise());
            f.qrLogin("QRDEMO-lixiuying-00002");
            assertInstanceOf(ApplicationState.ChoosingEnterprise.class, f.state(), () -> "after the login: " + f.state());
            assertTrue(f.choosingEnterprise() && f.wantsLoginCode(), "the camera looks for the enterprise's QR code");

            f.enterpriseQrScanned(central.seed().enterprise(LUCHENG).orElseThrow().qrPayload());
            var consent = assertInstanceOf(ApplicationState.Consent.class, f.state(), () -> "after the QR code: " + f.state());
            assertEquals(List.of("BUSINESS_LICENSE", "ID_CARD"), consent.licenseTypes());
            assertEquals("AGENT", consent.enterprise().role().name());
            f.fire(new ApplicationEvent.ConsentGiven(true));

            var form = assertInstanceOf(ApplicationState.FillingForm.class, f.state(), () -> "after consent: " + f.state());
            Map<String, String> values = form.application().values();
            assertEquals(LUCHENG_NAME, values.get("entityName"), "免填: the enterprise's name");
            assertEquals(LUCHENG, values.get("creditCode"), "免填: the enterprise's code");
            assertEquals(LI, values.get("agentIdNumber"), "the applicant from her own sealed ID-card e-license");
            assertEquals("李秀英", values.get("agentName"));
            // The business license is the enterprise's, fetched under its consent and checked against it as holder.
            assertInstanceOf(ApplicationState.FromLicense.class, form.application().materials().get(1));

            LocalDate today = LocalDate.now(CST);
            for (var e : Map.of("change", item.form().field("change").orElseThrow().choices().get(0).value(),
                    "before", "包头市东河区和平路12号", "after", "包头市昆都仑区钢铁大街88号",
                    "resolutionDate", today.minusDays(10).toString(), "phone", "13912345678").entrySet()) {
                f.fire(new ApplicationEvent.EditField(e.getKey(), e.getValue()));
            }
            f.fire(new ApplicationEvent.SubmitForm());
            var materials = assertInstanceOf(ApplicationState.Materials.class, f.state(), () -> "after the form: " + f.state());
            for (int i = 0; i < item.materials().size(); i++) {
                if (materials.application().materials().get(i) instanceof ApplicationState.Unresolved) {
                    f.fire(new ApplicationEvent.CapturePage(i));
                    materials = assertInstanceOf(ApplicationState.Materials.class, f.state());
                }
            }
            f.fire(new ApplicationEvent.MaterialsDone());
            if (item.offersPostalDelivery()) {
                assertInstanceOf(ApplicationState.ChoosingDelivery.class, f.state());
                f.fire(new ApplicationEvent.ChooseWindow());
            }
            assertInstanceOf(ApplicationState.Confirming.class, f.state(), () -> "after the materials: " + f.state());
            f.fire(new ApplicationEvent.ConfirmSubmit());

            var done = assertInstanceOf(ApplicationState.Done.class, f.state(), () -> "after submitting: " + f.state());
            assertNull(done.printProblem());
            String caseNumber = done.outcome().reference();
            assertEquals(Optional.of(LUCHENG), central.enterprises().caseHolder(caseNumber), "the enterprise's case");
            assertEquals(Optional.of("AGENT"), central.enterprises().caseActorRole(caseNumber));
            assertEquals(1, central.appliedWithKey(f.idempotencyKey()));

            AcceptanceReceiptData receipt = assertInstanceOf(AcceptanceReceiptData.class, printed.get(0));
            assertEquals(LUCHENG_NAME, receipt.enterpriseName());
            assertEquals(LUCHENG, receipt.enterpriseCreditCode());
            @SuppressWarnings("unchecked")
            Map<String, Object> applicant = (Map<String, Object>) receipt.toModel().get("applicant");
            assertEquals("1502**********0021", applicant.get("idMasked"), "the acting person, masked");
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            for (var b : TEMPLATES.fill(receipt).blocks(org.zizhu.print.Output.RECEIPT)) {
                if (b instanceof org.zizhu.print.Block.Field field) {
                    fields.put(field.label(), field.value());
                }
            }
            assertEquals(LUCHENG_NAME, fields.get("申请单位"));
            assertEquals(LUCHENG, fields.get("统一社会信用代码"));
            assertEquals("李**", fields.get("经办人"), "the person who acted, masked as on every receipt");
            assertEquals("1502**********0021", fields.get("证件号码"));
            assertTrue(!fields.containsKey("申请人"), "the enterprise applied, not the person");

            visit.end("test");
            assertTrue(consent.enterprise().wiped(), "the enterprise identity goes with the visit");
            assertEquals(List.of(), central.contractViolations());
        }
    }

    @Test
    void aPersonWithoutAuthorityIsRefusedInTheKiosksWordsAndMayChooseAgain() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            ItemDetail item = CatalogJson.item(central.catalog().item(CHANGE).orElseThrow());
            ApplicationFlow f = ApplicationFlow.start(item, ports(rt, new ArrayList<>()), new Visit(), Runnable::run,
                    Clock.system(CST));
            Messages m = new Messages();
            f.qrLogin("QRDEMO-lixiuying-00002");
            f.fire(new ApplicationEvent.EnterpriseCodeTyped(RARE_EARTH));
            var refused = assertInstanceOf(ApplicationState.ChoosingEnterprise.class, f.state());
            assertEquals("enterprise.refused", refused.messageKey());
            assertEquals(m.get(Language.ZH, "enterprise.refused.NO_AUTHORITY"), refused.message().in(Language.ZH));

            f.fire(new ApplicationEvent.EnterpriseCodeTyped(LUCHENG));
            assertInstanceOf(ApplicationState.Consent.class, f.state(), () -> "an agent in date: " + f.state());
            assertEquals(List.of(), central.contractViolations());
        }
    }

    /**
     * The centre checks the authority again when the application arrives (it may come from the
     * outbox later): an application naming an enterprise the person may not act for is refused,
     * in the words the enterprise step uses, and opens no case.
     */
    @Test
    void anApplicationForAnEnterpriseThePersonMayNotActForIsRefusedInTheKiosksWords() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            ItemDetail item = CatalogJson.item(central.catalog().item(CHANGE).orElseThrow());
            var notHers = new org.zizhu.kiosk.session.EnterpriseIdentity(RARE_EARTH, "包头稀土新材料股份有限公司", "Rare Earth",
                    "JOINT_STOCK_COMPANY", "股份有限公司", org.zizhu.kiosk.session.EnterpriseIdentity.Role.AGENT,
                    LocalDate.of(2030, 12, 31), true, "none", "none", java.time.Instant.now().plusSeconds(600));
            List<ApplicationState.Resolution> materials = item.materials().stream()
                    .map(m -> m.kind() == org.zizhu.kiosk.catalog.CatalogModel.MaterialKind.FORM
                            ? (ApplicationState.Resolution) new ApplicationState.ByForm() : new ApplicationState.Shared())
                    .toList();
            var app = new ApplicationState.Application(Map.of("phone", "13912345678"), materials,
                    ApplicationState.DeliveryChoice.WINDOW, null, null, notHers);
            int cases = central.residents().caseCount();
            var result = ports(rt, new ArrayList<>()).submit(item, new org.zizhu.kiosk.session.Resident("李秀英", LI,
                    org.zizhu.kiosk.session.Resident.Source.ID_CARD, LocalDate.of(2036, 1, 1)), app, java.util.UUID.randomUUID().toString());
            var refused = assertInstanceOf(org.zizhu.kiosk.flow.ApplicationPorts.Refused.class, result);
            assertEquals("NO_AUTHORITY", refused.code());
            assertEquals(new Messages().get(Language.ZH, "enterprise.refused.NO_AUTHORITY"), refused.message().in(Language.ZH));
            assertEquals(cases, central.residents().caseCount(), "no case opened");
            assertEquals(List.of(), central.contractViolations());
        }
    }
}
