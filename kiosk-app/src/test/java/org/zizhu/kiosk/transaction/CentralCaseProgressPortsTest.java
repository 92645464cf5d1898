package org.zizhu.kiosk.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.CentralSimulator;
import org.zizhu.device.camera.face.FaceCapture;
import org.zizhu.device.camera.sim.SyntheticScenes;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.flow.CaseProgressEvent;
import org.zizhu.kiosk.flow.CaseProgressFlow;
import org.zizhu.kiosk.flow.CaseProgressPorts.Case;
import org.zizhu.kiosk.flow.CaseProgressPorts.Cases;
import org.zizhu.kiosk.flow.CaseProgressPorts.Stage;
import org.zizhu.kiosk.flow.CaseProgressState;
import org.zizhu.kiosk.flow.ServicePorts.ServiceException;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Visit;

/**
 * Case progress against central-sim (strict contract): the seeded case and a newly submitted one
 * listed for the verified person (mobile-app login, or card and face), and looked up by number;
 * an unknown number is "none", a face that does not match is refused with its reason.
 */
class CentralCaseProgressPortsTest {
    private static final String RETIREMENT = "12150200MB1C47725K050210200001";
    private static final String WANG = "150202198503120016";   // seeded: face MATCH, case ZW-20250301-000001
    private static final String ZHAO = "150202200109160052";   // seeded: face NO_MATCH
    private static final String SEEDED = "ZW-20250301-000001";

    @TempDir
    Path data;
    CentralSimulator central;
    final AtomicInteger faces = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        central = CentralSimulator.builder().https(false).start();
        // The cases are what is under test, not the application: they are opened with the
        // short formless draft (the application's content is checked in EveryApplicationItemTest).
        central.residents().formsRequired(false);
    }

    @AfterEach
    void stop() {
        central.close();
    }

    private CentralCaseProgressPorts ports(KioskRuntime rt) {
        return new CentralCaseProgressPorts(rt.services(), timeout -> {
            faces.incrementAndGet();
            // A drawn resident in front of the simulated camera, through the real quality checks.
            return FaceCapture.withDefaults().assess(SyntheticScenes.face(640, 480, 0.35, 1.0));
        }, new Messages());
    }

    /** Opens a case for WANG with the formless draft; returns its case number. */
    private static String submitForWang(KioskRuntime rt) throws Exception {
        var one = rt.services().oneCertificate();
        var submission = one.submit(one.draft(RETIREMENT, WANG, null, List.of(), null));
        assertFalse(submission.queued());
        return submission.receipt().orElseThrow().caseNumber();
    }

    @Test
    void theVerifiedPersonsCasesNewestFirstWithStepsAndDates() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            String fresh = submitForWang(rt);
            CentralCaseProgressPorts ports = ports(rt);

            Cases byApp = ports.casesOf(Resident.fromMobileApp("QRDEMO-wangjianguo-0001"));
            assertEquals(0, faces.get(), "a mobile-app login needs no face");
            assertEquals("王建国", byApp.holder().name(), "the centre names the person");
            List<String> numbers = byApp.cases().stream().map(Case::caseNumber).toList();
            assertEquals(fresh, numbers.get(0), "newest first: " + numbers);
            assertTrue(numbers.contains(SEEDED), numbers.toString());

            Case latest = byApp.cases().get(0);
            assertEquals(RETIREMENT, latest.itemCode());
            assertNotNull(latest.itemName(), "the item's name from the catalogue");
            assertTrue(latest.itemName().complete());
            assertEquals(Stage.SUBMITTED, latest.stage());
            assertEquals(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(org.zizhu.kiosk.catalog.CatalogJson.item(central.catalog().item(RETIREMENT).orElseThrow()).promisedDays()),
                    latest.promisedBy(), "the promised time limit");
            assertEquals(1, latest.steps().size());

            Case seeded = byApp.cases().stream().filter(c -> c.caseNumber().equals(SEEDED)).findFirst().orElseThrow();
            assertEquals(Stage.IN_REVIEW, seeded.stage());
            assertEquals(List.of(Stage.SUBMITTED, Stage.ACCEPTED, Stage.IN_REVIEW), seeded.steps().stream().map(s -> s.stage()).toList());
            assertTrue(seeded.steps().get(0).at().isBefore(seeded.steps().get(2).at()), "each step with its date");
            assertEquals("申请已提交", seeded.steps().get(0).note().zh());
            assertEquals(seeded.steps().get(0).at(), seeded.submittedAt());

            Cases byCard = ports.casesOf(new Resident("王建国", WANG, Resident.Source.ID_CARD, null));
            assertEquals(1, faces.get(), "a card holder's face is checked");
            assertEquals(numbers, byCard.cases().stream().map(Case::caseNumber).toList());
            assertEquals(List.of(), central.contractViolations());
        }
    }

    @Test
    void aCaseByItsNumberAndAnUnknownNumberIsNone() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            String fresh = submitForWang(rt);
            CentralCaseProgressPorts ports = ports(rt);
            Case c = ports.caseByNumber(fresh).orElseThrow();
            assertEquals(fresh, c.caseNumber());
            assertEquals(RETIREMENT, c.itemCode());
            // central-sim's back office moves a case one step each time it is looked at.
            assertEquals(Stage.ACCEPTED, c.stage());
            assertEquals(List.of(Stage.SUBMITTED, Stage.ACCEPTED), c.steps().stream().map(s -> s.stage()).toList());
            assertEquals(Stage.IN_REVIEW, ports.caseByNumber(fresh).orElseThrow().stage());

            assertTrue(ports.caseByNumber("ZW-20991231-999999").isEmpty());
            ServiceException bad = assertThrows(ServiceException.class, () -> ports.caseByNumber("zw-1"));
            assertFalse(bad.retryable());
            assertEquals(List.of(), central.contractViolations());
        }
    }

    @Test
    void aFaceThatDoesNotMatchTheCardIsRefusedWithItsReason() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            ServiceException e = assertThrows(ServiceException.class,
                    () -> ports(rt).casesOf(new Resident("赵磊", ZHAO, Resident.Source.ID_CARD, null)));
            assertFalse(e.retryable());
            assertEquals(new Messages().get(Language.ZH, "error.faceMismatch"), e.residentMessage().zh());
        }
    }

    @Test
    void theFlowOnTheRealPortsFromLoginCodeToACasesSteps() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            String fresh = submitForWang(rt);
            Visit visit = new Visit();
            CaseProgressFlow flow = CaseProgressFlow.start(ports(rt), visit, Runnable::run, Clock.system(ZoneId.of("Asia/Shanghai")));
            flow.qrLogin("QRDEMO-wangjianguo-0001");
            var list = assertInstanceOf(CaseProgressState.CaseList.class, flow.state(), () -> "after login: " + flow.state());
            assertEquals(fresh, list.cases().cases().get(0).caseNumber());
            flow.fire(new CaseProgressEvent.OpenCase(0));
            assertEquals(fresh, assertInstanceOf(CaseProgressState.CaseDetail.class, flow.state()).shown().caseNumber());
            flow.fire(new CaseProgressEvent.Back());
            flow.fire(new CaseProgressEvent.Back());
            flow.fire(new CaseProgressEvent.ChooseNumber());
            flow.fire(new CaseProgressEvent.NumberEntered(fresh.toLowerCase(java.util.Locale.ROOT)));
            var detail = assertInstanceOf(CaseProgressState.CaseDetail.class, flow.state(), () -> "after the number: " + flow.state());
            assertEquals(fresh, detail.shown().caseNumber());
            visit.end("test");
            assertEquals(new CaseProgressState.Ended(), flow.state());
            assertTrue(list.cases().wiped() && detail.from().wiped(), "nothing the query showed outlives the visit");
            assertEquals(List.of(), central.contractViolations());
        }
    }
}
