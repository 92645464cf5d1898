package org.zizhu.kiosk.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.catalog.CatalogModel.Audience;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.flow.ServiceFlow.Step;
import org.zizhu.kiosk.flow.SpokenPrompt.Moment;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Visit;

/** The spoken prompt and the cue of every mode, over real flows driven by their events. */
class SpokenPromptTest {
    private static final Messages M = new Messages();
    private static final BrowseState HOME = new BrowseState(BrowseState.Screen.HOME, Language.ZH, Audience.PERSON, null, "", null, null, false);

    private static Text key(String key) {
        return Text.of(M, key);
    }

    private static Optional<Text> say(KioskMode mode) {
        return SpokenPrompt.of(mode, null, M);
    }

    private static Optional<Cue> cue(Moment before, KioskMode now) {
        return SpokenPrompt.cue(before, SpokenPrompt.moment(now));
    }

    private static BrowseView view(BrowseState s, boolean empty, ItemDetail detail) {
        return new BrowseView(s, List.of(), BrowseView.Listing.HIGH_FREQUENCY, null, List.of(), empty, detail);
    }

    @Test
    void theKiosksOwnScreensSayTheirMainMessage() {
        assertEquals(Optional.of(key("startup.starting")), say(new KioskMode.Starting()));
        assertEquals(Optional.of(key("attract.touch")), say(new KioskMode.Attract(BrowseState.attract(Language.ZH))));
        assertEquals("轻触屏幕开始办事", say(new KioskMode.Attract(BrowseState.attract(Language.EN))).orElseThrow().in(Language.ZH));
        assertEquals(Optional.of(key("outOfService.title")),
                say(new KioskMode.OutOfService(KioskMode.OutOfService.Reason.TAMPER)));
        MaintenanceFlow technician = new MaintenanceFlow(pin -> null, Runnable::run);
        assertEquals(Optional.empty(), say(new KioskMode.Maintenance(technician, new KioskMode.Starting())),
                "a technician at work is not talked to");
    }

    @Test
    void browsingSaysChooseAServiceTheGuidesItemOrThatThereIsNoCatalogue() {
        assertEquals(Optional.of(key("voice.home")), SpokenPrompt.of(new KioskMode.Browse(HOME), view(HOME, false, null), M));
        assertEquals(Optional.of(key("home.noCatalog")), SpokenPrompt.of(new KioskMode.Browse(HOME), view(HOME, true, null), M));
        ItemDetail item = ServiceFlowTest.item();
        BrowseState guide = new BrowseState(BrowseState.Screen.GUIDE, Language.ZH, Audience.PERSON, null, "", item.code(), null, false);
        Text said = SpokenPrompt.of(new KioskMode.Browse(guide), view(guide, false, item), M).orElseThrow();
        assertEquals(item.name().in(Language.ZH) + "，办事指南", said.in(Language.ZH));
        assertEquals(item.name().in(Language.EN) + ": service guide", said.in(Language.EN));
    }

    @Test
    void aTransactionSaysItsStepAndCuesTheCardTheEndAndAFailure() {
        ServiceFlowTest.ScriptedPorts ports = new ServiceFlowTest.ScriptedPorts();
        ItemDetail item = ServiceFlowTest.item();
        ServiceFlow flow = ServiceFlow.transaction(item, ports, new Visit(), Runnable::run, new ManualScheduler(), ServiceFlowTest.CLOCK);
        KioskMode waiting = new KioskMode.Transaction(HOME, flow, item);
        assertEquals(Optional.of(key("service.insertCard")), say(waiting));
        assertEquals(Optional.empty(), cue(SpokenPrompt.moment(new KioskMode.Browse(HOME)), waiting), "opening the step is no cue");

        // The mode holds the live flow: the window keeps the moment it rendered last, so do we.
        Moment before = SpokenPrompt.moment(waiting);
        flow.identityRead(new Resident("张三", "11010519491231002X", Resident.Source.ID_CARD, LocalDate.of(2030, 1, 1)),
                LocalDate.of(2020, 1, 1));
        assertEquals(Step.CONSENT, flow.view().step());
        assertEquals(Optional.of(key("service.consent")), say(waiting));
        assertEquals(Optional.of(Cue.CARD_READ), cue(before, waiting));
        Moment consent = SpokenPrompt.moment(waiting);
        assertEquals(Optional.empty(), cue(consent, waiting), "the same screen again: no second sound");
        assertFalse(say(waiting).orElseThrow().in(Language.ZH).contains("张"), "the name is shown, never spoken");

        flow.consent(true);
        assertEquals(Optional.of(key("service.done")), say(waiting));
        assertEquals(Optional.of(Cue.DONE), cue(consent, waiting));

        ServiceFlow failing = ServiceFlow.transaction(item, ports, new Visit(), Runnable::run, new ManualScheduler(), ServiceFlowTest.CLOCK);
        ports.types = List.of();
        ports.failPrint = true;
        KioskMode failed = new KioskMode.Transaction(HOME, failing, item);
        Moment start = SpokenPrompt.moment(failed);
        failing.identityRead(new Resident("张三", "11010519491231002X", Resident.Source.ID_CARD, null), null);
        assertEquals(Step.FAILED, failing.view().step());
        assertEquals(Optional.of(Cue.ERROR), cue(start, failed));
        String zh = say(failed).orElseThrow().in(Language.ZH);
        assertTrue(zh.startsWith(M.get(Language.ZH, failing.view().messageKey())), zh);
        if (failing.view().centralMessage() != null) {
            assertTrue(zh.endsWith(failing.view().centralMessage().in(Language.ZH)), "the reason follows: " + zh);
        }
    }

    @Test
    void aCardHoldersFaceCheckAsksToLookAtTheCameraAndALoginCodeDoesNot() throws Exception {
        ServiceFlowTest.ScriptedPorts ports = new ServiceFlowTest.ScriptedPorts();
        ports.types = List.of();
        ItemDetail item = ServiceFlowTest.item();
        List<Runnable> queued = new java.util.ArrayList<>();
        ServiceFlow card = ServiceFlow.transaction(item, ports, new Visit(), queued::add, new ManualScheduler(), ServiceFlowTest.CLOCK);
        card.identityRead(new Resident("张三", "11010519491231002X", Resident.Source.ID_CARD, null), null);
        assertEquals(Step.WORKING, card.view().step());
        assertEquals(Optional.of(key("face.spoken")), say(new KioskMode.Transaction(HOME, card, item)));
        ServiceFlow app = ServiceFlow.transaction(item, ports, new Visit(), queued::add, new ManualScheduler(), ServiceFlowTest.CLOCK);
        app.qrLogin("token-1");
        assertEquals(Step.WORKING, app.view().step());
        assertEquals(Optional.of(key("service.working")), say(new KioskMode.Transaction(HOME, app, item)));

        ItemDetail applied = ApplicationStepsTest.item(ApplicationStepsTest.RETIREMENT);
        ApplicationFlow f = ApplicationFlow.start(applied, new ApplicationFlowTest.Stub(), new Visit(), queued::add,
                ApplicationFlowTest.CLOCK);
        f.fire(new ApplicationEvent.Identified(new Resident("王建国", ApplicationStepsTest.WANG, Resident.Source.ID_CARD, null), null));
        f.fire(new ApplicationEvent.ConsentGiven(true));
        assertInstanceOf(ApplicationState.Preparing.class, f.state());
        assertEquals(Optional.of(key("face.spoken")), say(new KioskMode.Application(HOME, f, applied)));
    }

    @Test
    void anApplicationSaysItsStateAndCuesTheCard() throws Exception {
        ItemDetail item = ApplicationStepsTest.item(ApplicationStepsTest.RETIREMENT);
        ApplicationFlow f = ApplicationFlow.start(item, new ApplicationFlowTest.Stub(), new Visit(), Runnable::run,
                ApplicationFlowTest.CLOCK);
        var awaiting = assertInstanceOf(ApplicationState.AwaitingCard.class, f.state());
        KioskMode mode = new KioskMode.Application(HOME, f, item);
        assertEquals(Optional.of(key(awaiting.messageKey())), say(mode));
        Moment before = SpokenPrompt.moment(mode);
        f.fire(new ApplicationEvent.Identified(new Resident("王建国", ApplicationStepsTest.WANG, Resident.Source.ID_CARD, null), null));
        assertInstanceOf(ApplicationState.Consent.class, f.state());
        assertEquals(Optional.of(key("application.consentTitle")), say(mode));
        assertEquals(Optional.of(Cue.CARD_READ), cue(before, mode));
        Moment consent = SpokenPrompt.moment(mode);
        f.fire(new ApplicationEvent.ConsentGiven(true));
        assertEquals(Optional.of(key("application.fillForm")), say(mode));
        assertEquals(Optional.empty(), cue(consent, mode), "a next step is not a cue");
    }

    @Test
    void aCaseQuerySaysItsMessageAndNeverTheHoldersName() {
        CaseProgressFlowTest.ManualWorker worker = new CaseProgressFlowTest.ManualWorker();
        CaseProgressFlow f = CaseProgressFlow.start(new CaseProgressFlowTest.FakePorts(), new Visit(), worker, CaseProgressFlowTest.CLOCK);
        KioskMode mode = new KioskMode.CaseProgress(HOME, f);
        assertEquals(Optional.of(key("cases.choose")), say(mode));
        f.fire(new CaseProgressEvent.ChooseCard());
        var awaiting = assertInstanceOf(CaseProgressState.AwaitingIdentity.class, f.state());
        assertEquals(Optional.of(key(awaiting.messageKey())), say(mode));
        Moment card = SpokenPrompt.moment(mode);
        f.fire(new CaseProgressEvent.Identified(new Resident("王建国", ApplicationStepsTest.WANG, Resident.Source.ID_CARD, null), null));
        var loading = assertInstanceOf(CaseProgressState.Loading.class, f.state());
        assertEquals(Optional.of(key(loading.messageKey())), say(mode));
        assertEquals(Optional.of(Cue.CARD_READ), cue(card, mode));
        worker.runAll();
        var list = assertInstanceOf(CaseProgressState.CaseList.class, f.state());
        Text said = say(mode).orElseThrow();
        assertEquals(list.cases().cases().isEmpty() ? key("cases.none") : Text.of(M, "cases.count", list.cases().cases().size()), said);
        assertFalse(said.in(Language.ZH).contains("王"), said.in(Language.ZH));
    }
}
