package org.zizhu.kiosk.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.CentralSimulator;
import org.zizhu.device.camera.document.DocumentCapture;
import org.zizhu.device.camera.face.FaceCapture;
import org.zizhu.device.camera.sim.DocumentScene;
import org.zizhu.device.camera.sim.DocumentScenes;
import org.zizhu.device.camera.sim.SyntheticScenes;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.catalog.CatalogJson;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.flow.ApplicationEvent;
import org.zizhu.kiosk.flow.ApplicationFlow;
import org.zizhu.kiosk.flow.ApplicationState;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Visit;
import org.zizhu.print.AcceptanceReceiptData;
import org.zizhu.print.TemplateData;

/**
 * 亮证 end to end against central-sim (strict contract both ways): a card holder declines the
 * consent, so the ID-card e-license material is not fetched; they show it from the government app
 * (the simulator's code for their license, as the app would display it), the centre resolves it
 * once for them (audited as APPLICATION_MATERIAL with the application's key), and the application
 * is accepted with that material as an e-license. Someone else's license and a used code are
 * refused in the resident's words, the material still to be provided.
 */
class ShownLicenseApplicationCentralTest {
    private static final String RETIREMENT = "12150200MB1C47725K050210200001";
    private static final String WANG = "150202198503120016";
    private static final String ZHAO = "150203199007210021";
    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");

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

    private String license(String idNumber, String type) {
        return central.seed().residents().stream().filter(r -> r.idNumber().equals(idNumber)).findFirst().orElseThrow()
                .licenses().stream().filter(l -> l.type().type().equals(type)).findFirst().orElseThrow().licenseId();
    }

    @Test
    void aResidentWhoDeclinedTheConsentShowsTheIdCardELicenseAndTheApplicationIsAcceptedWithIt() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            ItemDetail item = CatalogJson.item(central.catalog().item(RETIREMENT).orElseThrow());
            BufferedImage face = SyntheticScenes.face(640, 480, 0.35, 1.0);
            List<TemplateData> printed = new ArrayList<>();
            var ports = new CentralApplicationPorts(rt.services(),
                    timeout -> FaceCapture.withDefaults().assess(face),
                    timeout -> Optional.of(DocumentCapture.withDefaults().assess(DocumentScenes.render(DocumentScene.A4_ON_DESK).image())),
                    jobs -> jobs.forEach(j -> printed.add(j.data())), new Messages(), Clock.systemDefaultZone());
            Visit visit = new Visit();
            ApplicationFlow f = ApplicationFlow.start(item, ports, visit, Runnable::run, Clock.system(CST));
            LocalDate today = LocalDate.now(CST);

            f.fire(new ApplicationEvent.Identified(new Resident("王建国", WANG, Resident.Source.ID_CARD, today.plusYears(5)),
                    today.minusYears(5)));
            assertInstanceOf(ApplicationState.Consent.class, f.state());
            f.fire(new ApplicationEvent.ConsentGiven(false));
            var form = assertInstanceOf(ApplicationState.FillingForm.class, f.state(), () -> "after declining: " + f.state());
            assertNull(form.application().authorisationId(), "no consent, no authorisation");
            assertInstanceOf(ApplicationState.Unresolved.class, form.application().materials().get(0), "not fetched");
            f.fire(new ApplicationEvent.EditField("workStart", "1985-07-01"));
            f.fire(new ApplicationEvent.EditField("kind", "NORMAL"));
            f.fire(new ApplicationEvent.EditField("employer", "包头钢铁（集团）有限责任公司"));
            f.fire(new ApplicationEvent.EditField("address", "内蒙古自治区包头市东河区和平路12号"));
            f.fire(new ApplicationEvent.EditField("phone", "13912345678"));
            f.fire(new ApplicationEvent.SubmitForm());
            assertInstanceOf(ApplicationState.Materials.class, f.state(), () -> "after the form: " + f.state());

            // Someone else's license: NOT_HOLDER, said in the resident's words; the material still owed.
            f.fire(new ApplicationEvent.ShowLicense(0));
            assertTrue(f.wantsLicenseCode());
            f.licenseCodeShown(central.residents().showLicenseCode(license(ZHAO, "ID_CARD"), Duration.ofMinutes(5)));
            var notHers = assertInstanceOf(ApplicationState.Materials.class, f.state());
            assertEquals(new Messages().format(org.zizhu.kiosk.i18n.Language.ZH, "application.shownNotHolder"), notHers.message().zh());
            assertInstanceOf(ApplicationState.Unresolved.class, notHers.application().materials().get(0));

            // Their own household register: genuine and theirs, but not what this material needs.
            f.fire(new ApplicationEvent.ShowLicense(0));
            f.licenseCodeShown(central.residents().showLicenseCode(license(WANG, "HOUSEHOLD_REGISTER"), Duration.ofMinutes(5)));
            var wrong = assertInstanceOf(ApplicationState.Materials.class, f.state());
            assertTrue(wrong.message().zh().contains(item.materials().get(0).name().zh()), wrong.message().zh());
            assertInstanceOf(ApplicationState.Unresolved.class, wrong.application().materials().get(0));

            // Their ID-card e-license: taken as the material.
            String card = license(WANG, "ID_CARD");
            String code = central.residents().showLicenseCode(card, Duration.ofMinutes(5));
            f.fire(new ApplicationEvent.ShowLicense(0));
            f.licenseCodeShown(code);
            var shown = assertInstanceOf(ApplicationState.Materials.class, f.state());
            assertNull(shown.message(), () -> "taken: " + shown.message());
            assertEquals(new ApplicationState.FromLicense(card), shown.application().materials().get(0));
            var audit = central.residents().audit().accesses();
            assertEquals("resolveShownLicense", audit.get(audit.size() - 1).operation());

            f.fire(new ApplicationEvent.ShowLicense(0));
            assertInstanceOf(ApplicationState.Materials.class, f.state(), "provided: nothing more to show");

            f.fire(new ApplicationEvent.CapturePage(1));
            f.fire(new ApplicationEvent.Commit(2, org.zizhu.print.SampleDocuments.signaturePng()));
            f.fire(new ApplicationEvent.MaterialsDone());
            if (f.state() instanceof ApplicationState.ChoosingDelivery) {
                f.fire(new ApplicationEvent.ChooseWindow());
            }
            f.fire(new ApplicationEvent.ConfirmSubmit());
            var done = assertInstanceOf(ApplicationState.Done.class, f.state(), () -> "after submitting: " + f.state());
            assertEquals(1, central.appliedWithKey(f.idempotencyKey()), "exactly one application");
            assertTrue(done.received().contains(new ApplicationState.Received(item.materials().get(0).name().zh(),
                    ApplicationState.Provided.E_LICENSE)), () -> "received: " + done.received());
            AcceptanceReceiptData receipt = (AcceptanceReceiptData) printed.get(0);
            assertEquals(item.materials().get(0).name().zh() + ":电子证照",
                    receipt.received().get(0).name() + ":" + receipt.received().get(0).form());
            assertEquals(List.of(), central.contractViolations());
            visit.end("test");
            assertEquals(new ApplicationState.Ended(), f.state());
        }
    }

    @Test
    void aUsedCodeIsRefusedInTheResidentsWords() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            ItemDetail item = CatalogJson.item(central.catalog().item(RETIREMENT).orElseThrow());
            BufferedImage face = SyntheticScenes.face(640, 480, 0.35, 1.0);
            var ports = new CentralApplicationPorts(rt.services(), timeout -> FaceCapture.withDefaults().assess(face),
                    timeout -> Optional.empty(), jobs -> { }, new Messages(), Clock.systemDefaultZone());
            ApplicationFlow f = ApplicationFlow.start(item, ports, new Visit(), Runnable::run, Clock.system(CST));
            LocalDate today = LocalDate.now(CST);
            f.fire(new ApplicationEvent.Identified(new Resident("王建国", WANG, Resident.Source.ID_CARD, today.plusYears(5)),
                    today.minusYears(5)));
            f.fire(new ApplicationEvent.ConsentGiven(false));
            f.fire(new ApplicationEvent.EditField("workStart", "1985-07-01"));
            f.fire(new ApplicationEvent.EditField("kind", "NORMAL"));
            f.fire(new ApplicationEvent.EditField("employer", "包头钢铁（集团）有限责任公司"));
            f.fire(new ApplicationEvent.EditField("address", "内蒙古自治区包头市东河区和平路12号"));
            f.fire(new ApplicationEvent.EditField("phone", "13912345678"));
            f.fire(new ApplicationEvent.SubmitForm());
            String code = central.residents().showLicenseCode(license(WANG, "ID_CARD"), Duration.ofMinutes(5));
            var access = new org.zizhu.kiosk.services.OneCertificateService.Access(item.code(), item.name().zh(), "TXN-ELSEWHERE",
                    org.zizhu.kiosk.services.OneCertificateService.Purpose.SELF_SERVICE_PRINT);
            var session = rt.services().identity().verifyFace(WANG, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF,
                    (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9}).session().orElseThrow();
            rt.services().oneCertificate().shownLicense(session, code, access); // used once elsewhere
            f.fire(new ApplicationEvent.ShowLicense(0));
            f.licenseCodeShown(code);
            var used = assertInstanceOf(ApplicationState.Materials.class, f.state());
            assertEquals(new Messages().format(org.zizhu.kiosk.i18n.Language.EN, "application.shownUnknown"), used.message().en());
            assertInstanceOf(ApplicationState.Unresolved.class, used.application().materials().get(0));
            assertEquals(List.of(), central.contractViolations());
        }
    }
}
