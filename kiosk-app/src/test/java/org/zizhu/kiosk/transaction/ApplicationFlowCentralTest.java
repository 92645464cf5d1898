package org.zizhu.kiosk.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.CentralSimulator;
import org.zizhu.device.camera.document.DocumentCapture;
import org.zizhu.device.camera.sim.DocumentScene;
import org.zizhu.device.camera.sim.DocumentScenes;
import org.zizhu.forms.FieldRule;
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
import org.zizhu.print.CommitmentLetterData;
import org.zizhu.print.PendingMaterial;
import org.zizhu.print.TemplateData;

/**
 * The application flow end to end against central-sim (strict contract): a mobile-app login, the
 * consented ID-card e-license, a prefilled form completed, a page from a simulated document-camera
 * scene (edge detection and perspective correction for real), a 容缺 commitment with a signature
 * PNG, postal delivery. The centre applies it exactly once and answers with a case number; the
 * receipt goes to a stub printer here (the real receipt printer is exercised by PrintingTest, which
 * prints on CUPS and is not run by this slice). A form the centre refuses comes back with the field
 * and the rule.
 */
class ApplicationFlowCentralTest {
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

    /** Dark strokes on a transparent pad, as the touchscreen gives a drawn signature. */
    private static byte[] signature() {
        return org.zizhu.print.SampleDocuments.signaturePng();
    }

    private record Rig(ApplicationFlow flow, Visit visit, List<TemplateData> printed, AtomicInteger pages) {
    }

    private Rig rig(KioskRuntime rt) throws Exception {
        return rig(rt, Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    private Rig rig(KioskRuntime rt, Clock kioskClock) throws Exception {
        ItemDetail item = CatalogJson.item(central.catalog().item(RETIREMENT).orElseThrow());
        List<TemplateData> printed = new ArrayList<>();
        AtomicInteger pages = new AtomicInteger();
        var ports = new CentralApplicationPorts(rt.services(),
                timeout -> { throw new AssertionError("a mobile-app login needs no face"); },
                // The simulated document camera's A4 scene, corrected by the real capture pipeline.
                timeout -> {
                    pages.incrementAndGet();
                    return Optional.of(DocumentCapture.withDefaults().assess(DocumentScenes.render(DocumentScene.A4_ON_DESK).image()));
                },
                jobs -> jobs.forEach(j -> printed.add(j.data())), new Messages(), Clock.systemDefaultZone());
        Visit visit = new Visit();
        return new Rig(ApplicationFlow.start(item, ports, visit, Runnable::run, kioskClock),
                visit, printed, pages);
    }

    /** Login, consent, form completed (name and ID number prefilled), materials resolved. */
    private static ApplicationState.Materials toMaterials(ApplicationFlow f, String workStart) {
        f.fire(new ApplicationEvent.Identified(Resident.fromMobileApp("QRDEMO-wangjianguo-0001"), null));
        assertInstanceOf(ApplicationState.Consent.class, f.state());
        f.fire(new ApplicationEvent.ConsentGiven(true));
        var form = assertInstanceOf(ApplicationState.FillingForm.class, f.state(), () -> "after consent: " + f.state());
        assertEquals(WANG, form.application().values().get("idNumber"), "免填 from the verified identity");
        assertEquals("王建国", form.application().values().get("name"));
        assertInstanceOf(ApplicationState.FromLicense.class, form.application().materials().get(0), "the ID card e-license: 免提交");
        f.fire(new ApplicationEvent.EditField("workStart", workStart == null ? "1985-07-01" : workStart));
        f.fire(new ApplicationEvent.EditField("kind", "NORMAL"));
        f.fire(new ApplicationEvent.EditField("employer", "包头钢铁（集团）有限责任公司"));
        f.fire(new ApplicationEvent.EditField("address", "内蒙古自治区包头市东河区和平路12号"));
        f.fire(new ApplicationEvent.EditField("phone", "13912345678"));
        f.fire(new ApplicationEvent.SubmitForm());
        return assertInstanceOf(ApplicationState.Materials.class, f.state(), () -> "after the form: " + f.state());
    }

    @Test
    void anApplicationWithFormELicensePageCommitmentAndPostIsAcceptedOnceWithACaseNumber() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            Rig rig = rig(rt);
            ApplicationFlow f = rig.flow();
            toMaterials(f, null);
            f.fire(new ApplicationEvent.CapturePage(1));
            var m = assertInstanceOf(ApplicationState.Materials.class, f.state());
            assertNull(m.message(), () -> "the page was taken: " + m.message());
            var page = assertInstanceOf(ApplicationState.Pages.class, m.application().materials().get(1)).pages().get(0);
            assertTrue(page.size() > 1000 && page.size() <= 300 * 1024, "a readable page of bounded size: " + page.size());
            f.fire(new ApplicationEvent.Commit(2, signature()));
            f.fire(new ApplicationEvent.MaterialsDone());
            assertInstanceOf(ApplicationState.ChoosingDelivery.class, f.state(), () -> "after materials: " + f.state());
            f.fire(new ApplicationEvent.ChoosePost("150202001", "内蒙古自治区包头市东河区和平路街道", "和平路12号3单元501", "王建国", "13912345678"));
            assertInstanceOf(ApplicationState.Confirming.class, f.state());
            f.fire(new ApplicationEvent.ConfirmSubmit());
            f.fire(new ApplicationEvent.ConfirmSubmit()); // a double touch submits nothing twice

            var done = assertInstanceOf(ApplicationState.Done.class, f.state(), () -> "after submitting: " + f.state());
            String caseNumber = done.outcome().reference();
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            String owedName = "视同缴费年限、特殊工种等证明材料（如有）";
            assertEquals(List.of(owedName + ":" + today.plusDays(30)),
                    done.owed().stream().map(o -> o.name() + ":" + o.dueDate()).toList());
            assertNull(done.printProblem());
            assertEquals(1, central.appliedWithKey(f.idempotencyKey()), "exactly one application");
            assertTrue(page.wiped(), "the page left the visit once submitted");
            assertTrue(done.owed().get(0).signature().wiped(), "the signature left the visit once the letter printed");

            assertEquals(2, rig.printed().size(), "the acceptance receipt, then the signed commitment letter");
            AcceptanceReceiptData receipt = (AcceptanceReceiptData) rig.printed().get(0);
            CommitmentLetterData letter = (CommitmentLetterData) rig.printed().get(1);
            assertEquals(caseNumber, letter.caseNumber());
            assertEquals("王建国", letter.applicantName());
            assertEquals(List.of(new PendingMaterial(owedName, today.plusDays(30))), letter.missing());
            org.junit.jupiter.api.Assertions.assertArrayEquals(signature(), letter.signaturePng(), "the drawn signature");
            assertEquals(caseNumber, receipt.caseNumber());
            assertEquals(owedName, receipt.acceptedUnderCommitment().get(0).name());
            assertEquals(today.plusDays(30), receipt.acceptedUnderCommitment().get(0).dueDate());
            assertEquals(List.of("申请人居民身份证:电子证照", "本人人事档案:高拍仪拍照", "退休（职）申请审批表:电子表单",
                            "社会保障卡金融账户:电子证照"),
                    receipt.received().stream().map(r -> r.name() + ":" + r.form()).toList(), "each material as it was provided");

            var status = rt.services().oneCertificate().caseStatus(caseNumber);
            assertEquals(RETIREMENT, status.itemCode());
            assertEquals(done.owed().get(0).dueDate(), status.owed().get(0).dueDate());
            assertEquals(List.of(), central.contractViolations());

            rig.visit().end("test");
            assertEquals(new ApplicationState.Ended(), f.state(), "the visit's end ends the flow");
        }
    }

    @Test
    void aBadFormStaysOnTheFormAndAFormTheCentreRefusesComesBackWithTheFieldAndTheRule() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            // The kiosk's own check first: nothing leaves the kiosk, the field and the rule are named.
            ApplicationFlow own = rig(rt).flow();
            own.fire(new ApplicationEvent.Identified(Resident.fromMobileApp("QRDEMO-wangjianguo-0001"), null));
            own.fire(new ApplicationEvent.ConsentGiven(true));
            own.fire(new ApplicationEvent.EditField("phone", "1391234567"));
            own.fire(new ApplicationEvent.SubmitForm());
            var form = assertInstanceOf(ApplicationState.FillingForm.class, own.state());
            assertEquals(FieldRule.PHONE, form.errors().get("phone"));
            assertEquals(FieldRule.REQUIRED, form.errors().get("workStart"));

            // A mobile-app login that declines the ID-card e-license has no applicant ID number: told at once.
            ApplicationFlow declined = rig(rt).flow();
            declined.fire(new ApplicationEvent.Identified(Resident.fromMobileApp("QRDEMO-wangjianguo-0001"), null));
            declined.fire(new ApplicationEvent.ConsentGiven(false));
            var noId = assertInstanceOf(ApplicationState.Failed.class, declined.state());
            assertEquals(new Messages().format(org.zizhu.kiosk.i18n.Language.ZH, "application.needIdCard"), noId.message().zh());
            assertFalse(noId.canRetry());

            // A kiosk whose clock runs three days ahead takes a start date the centre finds in the future.
            ZoneId cst = ZoneId.of("Asia/Shanghai");
            Clock ahead = Clock.offset(Clock.system(cst), java.time.Duration.ofDays(3));
            Rig rig = rig(rt, ahead);
            ApplicationFlow f = rig.flow();
            toMaterials(f, LocalDate.now(ahead).toString());
            f.fire(new ApplicationEvent.CapturePage(1));
            f.fire(new ApplicationEvent.Commit(2, signature()));
            f.fire(new ApplicationEvent.MaterialsDone());
            f.fire(new ApplicationEvent.ChooseWindow());
            f.fire(new ApplicationEvent.ConfirmSubmit());
            var failed = assertInstanceOf(ApplicationState.Failed.class, f.state(), () -> "after submitting: " + f.state());
            assertEquals("FORM_INVALID", failed.code());
            assertEquals("workStart", failed.fieldErrors().get(0).fieldId());
            assertTrue(failed.message().complete(), "the centre's reason in both languages");
            assertFalse(failed.canRetry());
            assertTrue(rig.printed().isEmpty());
            assertEquals(0, central.appliedWithKey(f.idempotencyKey()));
            f.fire(new ApplicationEvent.FixForm());
            var back = assertInstanceOf(ApplicationState.FillingForm.class, f.state());
            assertEquals(failed.fieldErrors().get(0).rule(), back.errors().get("workStart"));
            assertEquals(0L, rt.outbox().depth(), "a refusal is not queued for retry");
            assertEquals(List.of(), central.contractViolations());
        }
    }
}
