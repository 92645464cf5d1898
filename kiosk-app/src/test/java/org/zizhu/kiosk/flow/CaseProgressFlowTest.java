package org.zizhu.kiosk.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.flow.CaseProgressEvent.*;
import org.zizhu.kiosk.flow.CaseProgressPorts.Case;
import org.zizhu.kiosk.flow.CaseProgressPorts.Cases;
import org.zizhu.kiosk.flow.CaseProgressPorts.Owed;
import org.zizhu.kiosk.flow.CaseProgressPorts.Stage;
import org.zizhu.kiosk.flow.CaseProgressPorts.Step;
import org.zizhu.kiosk.flow.CaseProgressState.*;
import org.zizhu.kiosk.flow.ServicePorts.ServiceException;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Visit;

/** The case progress machine on fake ports: every transition, the wipe at the end, the number's checks. */
class CaseProgressFlowTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final String WANG = "150202198503120016";
    static final String NUMBER = "ZW-20250301-000001";

    static Case aCase(String number, Stage stage) {
        Instant at = Instant.parse("2025-03-01T09:12:00Z");
        return new Case(number, "11150200MB15296375200930100001", new Text("城乡居民养老保险待遇申领", "Rural pension claim"), stage, at,
                LocalDate.parse("2025-03-21"), List.of(new Step(Stage.SUBMITTED, at, new Text("申请已提交", "Application submitted")),
                new Step(stage, at.plusSeconds(86_400), null)), List.of(new Owed("户口簿", LocalDate.parse("2025-03-15"))));
    }

    /** Answers at once from its tables; fails with {@link #failure} while it is set. */
    static final class FakePorts implements CaseProgressPorts {
        final List<Resident> asked = new ArrayList<>();
        final List<String> looked = new ArrayList<>();
        final List<Cases> given = new ArrayList<>();
        final Map<String, Case> byNumber = new HashMap<>(Map.of(NUMBER, aCase(NUMBER, Stage.IN_REVIEW)));
        ServiceException failure;

        @Override
        public Cases casesOf(Resident resident) throws ServiceException {
            asked.add(resident);
            if (failure != null) {
                throw failure;
            }
            Cases c = new Cases(new Resident("王建国", WANG, resident.source(), null),
                    List.of(aCase("ZW-20261201-000102", Stage.SUBMITTED), aCase(NUMBER, Stage.IN_REVIEW)));
            given.add(c);
            return c;
        }

        @Override
        public Optional<Case> caseByNumber(String caseNumber) throws ServiceException {
            looked.add(caseNumber);
            if (failure != null) {
                throw failure;
            }
            return Optional.ofNullable(byNumber.get(caseNumber));
        }

        FaceGuideSource faceGuides = FaceGuideSource.NONE;

        @Override
        public Optional<FaceGuideView> faceGuide() {
            return faceGuides.latest();
        }
    }

    /** A worker the test runs by hand, so the Loading state can be seen and answers come late. */
    static final class ManualWorker implements Executor {
        final Queue<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            queued.add(r);
        }

        void runAll() {
            while (!queued.isEmpty()) {
                queued.poll().run();
            }
        }
    }

    final FakePorts ports = new FakePorts();
    final Visit visit = new Visit();
    final ManualWorker worker = new ManualWorker();
    final CaseProgressFlow flow = CaseProgressFlow.start(ports, visit, worker, CLOCK);
    final List<CaseProgressState> seen = new ArrayList<>();

    {
        flow.addListener(seen::add);
    }

    static Resident card() {
        return new Resident("王建国", WANG, Resident.Source.ID_CARD, LocalDate.parse("2030-01-01"));
    }

    static void assertWiped(Resident r) {
        assertThrows(IllegalStateException.class, r::name, "wiped");
    }

    @Test
    void byCardTheVerifiedPersonsListThenACaseWithItsStepsAndBack() {
        assertEquals(new Choosing(null), flow.state());
        assertTrue(flow.awaitingIdentity(), "a card is taken on the choices already");
        flow.fire(new ChooseCard());
        assertEquals(new AwaitingIdentity("cases.insertCard"), flow.state());
        assertTrue(flow.awaitingIdentity());
        assertFalse(flow.awaitingCaseCode());

        Resident r = card();
        flow.identityRead(r, LocalDate.parse("2020-01-01"));
        Loading loading = assertInstanceOf(Loading.class, flow.state());
        assertEquals("cases.faceCheck", loading.messageKey(), "a card holder is told to look at the camera");
        assertTrue(flow.busy());
        assertFalse(flow.awaitingIdentity());
        flow.identityRead(card(), null); // a second card while loading: ignored
        worker.runAll();

        CaseList list = assertInstanceOf(CaseList.class, flow.state());
        assertFalse(flow.busy());
        assertSame(ports.given.get(0), list.cases());
        assertEquals("王**", list.cases().holder().maskedName());
        assertEquals(2, list.cases().size());
        assertEquals(LocalDate.parse("2026-12-02"), list.asOf(), "today in the kiosk's zone");
        assertWiped(r); // the centre's holder replaced the card's copy
        assertEquals(List.of(r), ports.asked);

        flow.fire(new OpenCase(2)); // no such row
        assertSame(list, flow.state());
        flow.fire(new OpenCase(1));
        CaseDetail detail = assertInstanceOf(CaseDetail.class, flow.state());
        assertEquals(NUMBER, detail.shown().caseNumber());
        assertTrue(detail.fromList());
        assertEquals(2, detail.shown().steps().size());

        flow.fire(new Back());
        assertInstanceOf(CaseList.class, flow.state());
        flow.fire(new Back());
        assertEquals(new Choosing(null), flow.state());
        assertTrue(list.cases().wiped(), "leaving the list wipes it");
        assertWiped(list.cases().holder());
        assertEquals(List.of(), list.cases().cases());
    }

    @Test
    void theFaceCheckPictureIsAskedForOnlyWhileACardHoldersCasesLoad() {
        ports.faceGuides = () -> Optional.of(new FaceGuideView(new byte[] {1}, FaceGuideView.Prompt.MORE_LIGHT));
        assertFalse(flow.checkingFace());
        assertEquals(Optional.empty(), flow.faceGuide());
        flow.identityRead(card(), LocalDate.parse("2020-01-01"));
        assertTrue(flow.checkingFace());
        assertEquals(FaceGuideView.Prompt.MORE_LIGHT, flow.faceGuide().orElseThrow().prompt());
        worker.runAll();
        assertFalse(flow.checkingFace());
        assertEquals(Optional.empty(), flow.faceGuide());
    }

    @Test
    void aLoginCodeOnTheChoicesListsAtOnceWithoutAFaceCheck() {
        ports.faceGuides = () -> Optional.of(new FaceGuideView(new byte[] {1}, FaceGuideView.Prompt.OK));
        flow.qrLogin("QRDEMO-wangjianguo-0001");
        Loading loading = assertInstanceOf(Loading.class, flow.state());
        assertEquals("cases.loading", loading.messageKey());
        assertFalse(flow.checkingFace());
        assertEquals(Optional.empty(), flow.faceGuide());
        worker.runAll();
        assertInstanceOf(CaseList.class, flow.state());
        assertEquals(Resident.Source.MOBILE_APP, ports.asked.get(0).source());
    }

    @Test
    void aTypedNumberIsCheckedWithAClearMessageThenLookedUp() {
        flow.fire(new ChooseNumber());
        assertEquals(new EnteringNumber("", null), flow.state());
        flow.fire(new NumberEntered("   "));
        assertEquals(new EnteringNumber("", "cases.numberEmpty"), flow.state());
        flow.fire(new NumberEntered("ZW-2025"));
        assertEquals(new EnteringNumber("ZW-2025", "cases.numberFormat"), flow.state(), "too short");
        flow.fire(new NumberEntered("ZW_20250301_000001"));
        assertEquals("cases.numberFormat", ((EnteringNumber) flow.state()).messageKey(), "not a case number's characters");
        flow.fire(new NumberEntered("-ZW20250301000001"));
        assertEquals("cases.numberFormat", ((EnteringNumber) flow.state()).messageKey(), "a hyphen first");
        flow.fire(new NumberEntered("Z".repeat(41)));
        assertEquals("cases.numberFormat", ((EnteringNumber) flow.state()).messageKey(), "too long");
        assertEquals(List.of(), ports.looked, "nothing malformed reaches the centre");

        flow.fire(new NumberEntered(" zw-20250301 -000001 ")); // spaces dropped, capitals made
        assertEquals(new Loading(new ByNumber(NUMBER, false), "cases.loading"), flow.state());
        worker.runAll();
        assertEquals(List.of(NUMBER), ports.looked);
        CaseDetail detail = assertInstanceOf(CaseDetail.class, flow.state());
        assertFalse(detail.fromList());
        assertNull(detail.from().holder(), "a case looked up by number names nobody");
        assertEquals(Stage.IN_REVIEW, detail.shown().stage());

        flow.fire(new Back());
        assertEquals(new Choosing(null), flow.state());
        assertTrue(detail.from().wiped());
    }

    @Test
    void anUnknownNumberSendsTheResidentBackToTheFieldWithTheNumberShown() {
        flow.fire(new ChooseNumber());
        flow.fire(new NumberEntered("ZW-20991231-999999"));
        worker.runAll();
        assertEquals(new EnteringNumber("ZW-20991231-999999", "cases.notFound"), flow.state());
        flow.fire(new Back());
        assertEquals(new Choosing(null), flow.state());
    }

    @Test
    void aReceiptsCodeIsLookedUpAndAnUnknownOneAsksForAnother() {
        assertTrue(flow.awaitingCaseCode(), "a receipt held up on the choices is taken too");
        flow.fire(new ChooseQr());
        assertEquals(new ScanningReceipt("cases.showReceipt"), flow.state());
        assertTrue(flow.awaitingCaseCode());
        assertFalse(flow.awaitingIdentity());
        flow.caseCodeScanned("zw-1");
        assertEquals(new ScanningReceipt("cases.receiptUnreadable"), flow.state(), "checked again here");
        flow.caseCodeScanned("ZW-20991231-999999");
        assertFalse(flow.awaitingCaseCode());
        worker.runAll();
        assertEquals(new ScanningReceipt("cases.notFoundScanned"), flow.state());
        flow.caseCodeScanned(NUMBER);
        worker.runAll();
        assertEquals(NUMBER, assertInstanceOf(CaseDetail.class, flow.state()).shown().caseNumber());
        flow.caseCodeScanned(NUMBER); // the same receipt still held up: not taken on the detail
        assertEquals(2, ports.looked.size());
    }

    @Test
    void aFailureSaysWhyAndARetryableOneIsTriedAgain() {
        Text down = new Text("平台暂时无法连接", "The platform cannot be reached");
        ports.failure = new ServiceException("down", down, true, null);
        Resident r = card();
        flow.identityRead(r, null);
        worker.runAll();
        assertEquals(new Failed(new ByPerson(r), down, true), flow.state());
        ports.failure = null;
        flow.fire(new Retry());
        assertInstanceOf(Loading.class, flow.state());
        worker.runAll();
        assertInstanceOf(CaseList.class, flow.state());
        assertEquals(2, ports.asked.size());
    }

    @Test
    void aRefusalCannotBeRetriedAndBackWipesTheCard() {
        Text mismatch = new Text("人脸与身份证不符", "Your face does not match the ID card");
        ports.failure = new ServiceException("face", mismatch, false, null);
        Resident r = card();
        flow.identityRead(r, null);
        worker.runAll();
        assertEquals(new Failed(new ByPerson(r), mismatch, false), flow.state());
        flow.fire(new Retry());
        assertInstanceOf(Failed.class, flow.state());
        assertEquals(1, ports.asked.size());
        flow.fire(new Back());
        assertEquals(new Choosing(null), flow.state());
        assertWiped(r);
    }

    @Test
    void anUnexpectedErrorInAPortIsARetryableFailure() {
        CaseProgressFlow f = CaseProgressFlow.start(new CaseProgressPorts() {
            @Override
            public Cases casesOf(Resident resident) {
                throw new IllegalStateException("bug");
            }

            @Override
            public Optional<Case> caseByNumber(String caseNumber) {
                throw new IllegalStateException("bug");
            }
        }, new Visit(), Runnable::run, CLOCK);
        f.caseCodeScanned(NUMBER);
        Failed failed = assertInstanceOf(Failed.class, f.state());
        assertTrue(failed.canRetry());
        assertNull(failed.message(), "the screen words it");
    }

    @Test
    void anExpiredCardOrAnUnreadableOneIsRefusedAndWiped() {
        Resident expired = new Resident("王建国", WANG, Resident.Source.ID_CARD, LocalDate.parse("2026-12-01"));
        flow.identityRead(expired, null);
        assertEquals(new AwaitingIdentity("service.cardExpired"), flow.state());
        assertWiped(expired);
        Resident early = card();
        flow.identityRead(early, LocalDate.parse("2026-12-03"));
        assertEquals(new AwaitingIdentity("service.cardNotYetValid"), flow.state());
        assertWiped(early);
        flow.cardReadFailed();
        assertEquals(new AwaitingIdentity("service.cardReadFailed"), flow.state());
        flow.fire(new Back());
        assertEquals(new Choosing(null), flow.state());
        assertEquals(List.of(), ports.asked);
    }

    @Test
    void theVisitsEndEndsTheFlowAndWipesTheList() {
        flow.qrLogin("QRDEMO-wangjianguo-0001");
        worker.runAll();
        flow.fire(new OpenCase(0));
        Cases cases = ports.given.get(0);
        visit.end("idle");
        assertEquals(new Ended(), flow.state());
        assertTrue(cases.wiped());
        assertWiped(cases.holder());
        Resident late = card();
        flow.identityRead(late, null);
        assertEquals(new Ended(), flow.state());
        assertWiped(late);
        flow.fire(new Back());
        flow.fire(new ChooseNumber());
        assertEquals(new Ended(), flow.state(), "nothing moves an ended flow");
    }

    @Test
    void anAnswerThatComesAfterTheVisitEndedIsWiped() {
        Resident r = card();
        flow.identityRead(r, null);
        visit.end("home");
        assertEquals(new Ended(), flow.state());
        assertWiped(r);
        worker.runAll(); // the centre answers late
        assertEquals(new Ended(), flow.state());
        assertTrue(ports.given.get(0).wiped(), "nobody to show it to");
    }

    @Test
    void cancelEndsTheFlowAndWipesWhatItShows() {
        flow.fire(new ChooseNumber());
        flow.fire(new NumberEntered(NUMBER));
        worker.runAll();
        CaseDetail d = assertInstanceOf(CaseDetail.class, flow.state());
        flow.fire(new Cancel());
        assertEquals(new Ended(), flow.state());
        assertTrue(d.from().wiped());
        assertFalse(visit.ended(), "the visit may go on to another service");
        flow.fire(new Cancel());
        assertEquals(new Ended(), flow.state());
    }

    @Test
    void theCameraWatchFollowsTheState() {
        boolean[] current = {true};
        TerminalDevices.CaseCodeWatch watch = flow.codeWatch(() -> current[0]);
        assertTrue(watch.wanted());
        assertTrue(watch.accepting());
        assertTrue(watch.acceptingCaseCode());
        watch.caseNumber(NUMBER);
        assertFalse(watch.accepting());
        assertFalse(watch.acceptingCaseCode());
        worker.runAll();
        flow.fire(new Back());
        watch.token("QRDEMO-wangjianguo-0001");
        assertInstanceOf(Loading.class, flow.state());
        current[0] = false;
        assertFalse(watch.wanted(), "the kiosk moved on");
        current[0] = true;
        flow.fire(new Cancel());
        assertFalse(watch.wanted(), "the flow ended");
    }

    @Test
    void nothingPersonalInStatesOrEventsAsText() {
        flow.qrLogin("QRDEMO-wangjianguo-0001");
        worker.runAll();
        flow.fire(new OpenCase(1));
        List<Object> shown = new ArrayList<>(seen);
        shown.add(new NumberEntered(NUMBER));
        shown.add(new CaseCodeScanned(NUMBER));
        shown.add(new CaseAnswered(NUMBER, aCase(NUMBER, Stage.ACCEPTED)));
        shown.add(new Loading(new ByNumber(NUMBER, true), "cases.loading"));
        shown.add(new EnteringNumber(NUMBER, null));
        for (Object o : shown) {
            String s = o.toString();
            for (String secret : List.of("王建国", WANG, NUMBER, "QRDEMO-wangjianguo-0001")) {
                assertFalse(s.contains(secret), () -> s + " shows " + secret);
            }
        }
        assertEquals(List.of("Loading", "CaseList", "CaseDetail"),
                seen.stream().map(s -> s.getClass().getSimpleName()).toList(), "every new state published once");
    }
}
