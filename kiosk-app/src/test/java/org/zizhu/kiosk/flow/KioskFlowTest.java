package org.zizhu.kiosk.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.catalog.Catalog;
import org.zizhu.kiosk.catalog.CatalogModel;
import org.zizhu.kiosk.catalog.CatalogModel.Audience;
import org.zizhu.kiosk.catalog.CatalogModel.Group;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.catalog.CatalogModel.ItemSummary;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.flow.CaseProgressPorts.Case;
import org.zizhu.kiosk.flow.CaseProgressPorts.Cases;
import org.zizhu.kiosk.flow.CaseProgressPorts.Stage;
import org.zizhu.kiosk.session.Resident;

/**
 * The terminal's state machine without JavaFX or devices: the device port and the backend are
 * hand-driven fakes, work runs inline, the clock is moved by hand.
 */
class KioskFlowTest {
    static final Duration IDLE = Duration.ofSeconds(90);


    static ItemDetail item(String code, CatalogModel.Handling... handling) {
        return new ItemDetail(code, new Text("事项" + code, "Item " + code), null, Audience.PERSON, null, "employment", true, 1,
                List.of(handling), null, null, null, null, null, null, null, null, List.of(), null, List.of(), null, null,
                null, null, null, null, null, null, null, null, null, List.of(), "rev", "https://x/guide/" + code);
    }

    static final ItemDetail IMMEDIATE = item("I1", CatalogModel.Handling.GUIDE, CatalogModel.Handling.IMMEDIATE,
            CatalogModel.Handling.QUEUE);
    /** An item that takes an application (申报), also 一证通办: the application flow starts, not the transaction. */
    static final ItemDetail APPLICATION = item("A1", CatalogModel.Handling.GUIDE, CatalogModel.Handling.ONE_CERTIFICATE,
            CatalogModel.Handling.SUBMISSION);
    static final ItemDetail GUIDE_ONLY = item("G1", CatalogModel.Handling.GUIDE, CatalogModel.Handling.APPOINTMENT);

    static Catalog catalog() {
        var groups = List.of(new Group("employment", Audience.PERSON, 1, new Text("就业创业", "Employment")));
        var items = List.of(
                new ItemSummary("I1", IMMEDIATE.name(), Audience.PERSON, "employment", true, 1, IMMEDIATE.handling(), List.of(), "rev"),
                new ItemSummary("G1", GUIDE_ONLY.name(), Audience.PERSON, "employment", true, 2, GUIDE_ONLY.handling(), List.of(), "rev"));
        return new Catalog("v7", groups, items, Map.of("I1", IMMEDIATE, "G1", GUIDE_ONLY));
    }

    /** The runtime's side: catalogue, link, device health. */
    static final class FakeBackend implements KioskBackend {
        final List<DeviceHealth> devices = new CopyOnWriteArrayList<>();
        final List<Runnable> onChange = new ArrayList<>();
        boolean offline;
        int syncs;

        @Override
        public Catalog catalog() {
            return KioskFlowTest.catalog();
        }

        @Override
        public boolean offline() {
            return offline;
        }

        @Override
        public String linkStatus() {
            return offline ? "OFFLINE" : "ONLINE";
        }

        @Override
        public List<DeviceHealth> devices() {
            return devices;
        }

        @Override
        public void syncNow() {
            syncs++;
        }

        @Override
        public void onChange(Runnable r) {
            onChange.add(r);
        }
    }

    /** The device side, driven by hand: events go out through {@link #events}, lights and scans are recorded. */
    static final class FakeDevices implements TerminalDevices {
        TerminalEvents events;
        boolean latched;
        TamperReset resetAnswer = TamperReset.CLEARED;
        final List<StatusLight> lights = new ArrayList<>();
        final List<LoginCodeWatch> watches = new ArrayList<>();
        final List<Duration> limits = new ArrayList<>();
        final List<boolean[]> scansStopped = new ArrayList<>();

        @Override
        public void addListener(TerminalEvents e) {
            events = e;
        }

        @Override
        public boolean canReadIdCards() {
            return true;
        }

        @Override
        public boolean hasTamperSwitch() {
            return true;
        }

        @Override
        public boolean tamperLatched() {
            return latched;
        }

        @Override
        public TamperReset resetTamper() {
            return resetAnswer;
        }

        @Override
        public Optional<MaintenanceFlow.Authenticator> technicianAuthenticator() {
            return Optional.of(pin -> new String(pin).equals("1234")
                    ? new MaintenanceFlow.Result(true, "T-1", "TECHNICIAN", "", "")
                    : new MaintenanceFlow.Result(false, "", "", "PIN 错误", "Wrong PIN"));
        }

        @Override
        public void showLight(StatusLight light) {
            lights.add(light);
        }

        StatusLight light() {
            return lights.get(lights.size() - 1);
        }

        @Override
        public LoginScan watchForLoginCode(LoginCodeWatch watch, Duration limit) {
            watches.add(watch);
            limits.add(limit);
            boolean[] stopped = {false};
            scansStopped.add(stopped);
            return () -> stopped[0] = true;
        }

        @Override
        public LoginScan watchForCaseCode(CaseCodeWatch watch, Duration limit) {
            return watchForLoginCode(watch, limit); // recorded alike: a case-code watch is a login-code watch too
        }
    }

    /** Printing and queue tickets, answering at once. */
    static final class FakeDesk implements GuideDesk {
        boolean printOk = true;
        final List<String> printed = new ArrayList<>();

        @Override
        public boolean canPrintGuides() {
            return true;
        }

        @Override
        public boolean canTakeTickets() {
            return true;
        }

        @Override
        public boolean printGuide(ItemDetail item, Language language) {
            printed.add(item.code() + "/" + language);
            return printOk;
        }

        @Override
        public Ticket takeTicket(ItemDetail item) {
            return new Ticket(new Text("已取号 A001", "Ticket A001"), ticketPrints);
        }

        boolean ticketPrints = true;
    }

    /**
     * Service ports that fetch one e-license type (so a card read stops at the consent step) and
     * take no fee; anything else would be a test bug. A proxy, so the test does not restate the
     * whole port.
     */
    static ServicePorts ports() {
        return (ServicePorts) Proxy.newProxyInstance(ServicePorts.class.getClassLoader(), new Class<?>[] {ServicePorts.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "licenseTypesFor" -> List.of("residence-permit");
                    case "amountDue" -> 0L;
                    case "forEnterprise" -> false; // a person's item
                    case "toString" -> "test ports";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> throw new AssertionError("not expected in this test: " + method.getName());
                });
    }

    /**
     * Service ports for an item without e-licenses or fee: a card read performs at once and prints
     * (inline), so the transaction reaches DONE; {@code prints} counts the print-outs.
     */
    static ServicePorts printingPorts(List<String> prints) {
        return (ServicePorts) Proxy.newProxyInstance(ServicePorts.class.getClassLoader(), new Class<?>[] {ServicePorts.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "licenseTypesFor" -> List.of();
                    case "amountDue" -> 0L;
                    case "forEnterprise" -> false; // a person's item
                    case "perform" -> new ServicePorts.Outcome() {
                        @Override
                        public Text title() {
                            return new Text("证明", "Certificate");
                        }

                        @Override
                        public String reference() {
                            return "C-1";
                        }

                        @Override
                        public void wipe() {
                        }
                    };
                    case "print" -> prints.add("certificate");
                    case "toString" -> "printing ports";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> throw new AssertionError("not expected in this test: " + method.getName());
                });
    }

    /** Application ports that verify the resident as they are; anything else would be a test bug. */
    static ApplicationPorts applications() {
        return (ApplicationPorts) Proxy.newProxyInstance(ApplicationPorts.class.getClassLoader(),
                new Class<?>[] {ApplicationPorts.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "prepare" -> new ApplicationPorts.Prepared((Resident) args[1], null, List.of());
                    case "toString" -> "test application ports";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> throw new AssertionError("not expected in this test: " + method.getName());
                });
    }

    /** Case lookups: the resident's one case, nothing by number. */
    static CaseProgressPorts cases() {
        return new CaseProgressPorts() {
            @Override
            public Cases casesOf(Resident resident) {
                return new Cases(resident, List.of(new Case("ZW-20261201-000101", "A1", null, Stage.IN_REVIEW,
                        Instant.parse("2026-12-01T02:00:00Z"), null, List.of(), List.of())));
            }

            @Override
            public Optional<Case> caseByNumber(String caseNumber) {
                return Optional.empty();
            }
        };
    }

    private final ManualClock clock = new ManualClock(ZoneId.of("Asia/Shanghai"));
    private final FakeBackend backend = new FakeBackend();
    private final FakeDevices devices = new FakeDevices();
    private final FakeDesk desk = new FakeDesk();
    private final KioskFlow flow = new KioskFlow(Language.ZH, IDLE, clock, Runnable::run, Runnable::run);
    private final List<KioskMode> told = new CopyOnWriteArrayList<>();

    {
        flow.addListener(told::add);
    }

    private void start() {
        flow.started(new KioskParts(backend, devices, ports(), applications(), cases(), desk));
    }

    private static Resident resident() {
        return new Resident("王建国", "110101199003071233", Resident.Source.ID_CARD, LocalDate.of(2036, 1, 1));
    }

    @Test
    void startsInStartingWhereATouchIsNoVisitThenServesOnTheAttractScreen() {
        assertInstanceOf(KioskMode.Starting.class, flow.mode());
        flow.touch();
        assertEquals(BrowseState.Screen.ATTRACT, flow.browse().state().screen(), "a touch while starting starts no visit");
        assertFalse(flow.ready());

        start();
        assertTrue(flow.ready());
        assertInstanceOf(KioskMode.Attract.class, flow.mode());
        assertInstanceOf(KioskMode.Attract.class, told.get(told.size() - 1), "listeners get the new mode");
        assertEquals(StatusLight.READY, devices.light());
        assertEquals("ATTRACT", flow.mode().shown());
    }

    @Test
    void aFailedStartUpIsOutOfServiceForGood() {
        flow.startFailed();
        assertEquals(new KioskMode.OutOfService(KioskMode.OutOfService.Reason.START_FAILED), flow.mode());
        assertTrue(flow.outOfService());
        start(); // a late report cannot bring it into service
        assertInstanceOf(KioskMode.OutOfService.class, flow.mode());
        assertFalse(flow.ready());
        flow.touch();
        assertEquals(BrowseState.Screen.ATTRACT, flow.browse().state().screen());
    }

    @Test
    void anAlarmLatchedBeforeTheStartKeepsTheKioskOutOfService() {
        devices.latched = true;
        start();
        assertEquals(new KioskMode.OutOfService(KioskMode.OutOfService.Reason.TAMPER), flow.mode());
        assertTrue(flow.ready(), "started, but serving no one");
        assertEquals(StatusLight.OUT_OF_SERVICE, devices.light());
    }

    @Test
    void aTouchBrowsesAndTheIdleTimeoutReturnsToAttract() {
        start();
        flow.touch();
        assertInstanceOf(KioskMode.Browse.class, flow.mode());
        flow.browse().openItem("G1");
        KioskMode.Browse b = assertInstanceOf(KioskMode.Browse.class, flow.mode());
        assertEquals(BrowseState.Screen.GUIDE, b.browse().screen());
        assertEquals("GUIDE", flow.mode().shown());

        clock.plus(IDLE.minusSeconds(1));
        flow.tick();
        assertInstanceOf(KioskMode.Browse.class, flow.mode());
        clock.plus(Duration.ofSeconds(1));
        flow.tick();
        assertInstanceOf(KioskMode.Attract.class, flow.mode());
    }

    @Test
    void browseViewListsWhatTheStateSaysFromTheCatalogue() {
        start();
        flow.touch();
        BrowseView home = flow.browseView();
        assertEquals(BrowseView.Listing.HIGH_FREQUENCY, home.listing());
        assertEquals(List.of("I1", "G1"), home.items().stream().map(ItemSummary::code).toList());
        assertEquals(1, home.groups().size());
        assertFalse(home.catalogEmpty());
        flow.browse().chooseGroup("employment");
        assertEquals(BrowseView.Listing.GROUP, flow.browseView().listing());
        assertEquals("Employment", flow.browseView().groupName().en());
        flow.browse().openItem("I1");
        assertSame(IMMEDIATE, flow.browseView().detail());
    }

    @Test
    void aTransactionGetsTheCardAsAResidentAndHomeEndsIt() {
        start();
        flow.touch();
        flow.browse().openItem("I1");
        flow.startService(IMMEDIATE);
        KioskMode.Transaction t = assertInstanceOf(KioskMode.Transaction.class, flow.mode());
        assertSame(IMMEDIATE, t.item());
        assertEquals("SERVICE_INSERT_CARD", t.shown());
        assertEquals(StatusLight.BUSY, devices.light());
        assertEquals(List.of(KioskFlow.LOGIN_SCAN_LIMIT), devices.limits, "the camera watches for a login code, with a limit");
        assertTrue(devices.watches.get(0).wanted());
        assertTrue(devices.watches.get(0).accepting());

        devices.events.residentCardRead(resident(), LocalDate.of(2016, 1, 1));
        assertEquals(ServiceFlow.Step.CONSENT, flow.service().view().step());
        assertEquals("王**", flow.service().view().maskedName());
        assertFalse(devices.watches.get(0).wanted(), "identified: the scan is no longer wanted");

        flow.home();
        assertNull(flow.service(), "home ends the transaction");
        assertTrue(devices.scansStopped.get(0)[0], "and stops its scan");
        assertInstanceOf(KioskMode.Browse.class, flow.mode());
        assertEquals(BrowseState.Screen.HOME, flow.browse().state().screen());
        assertEquals(StatusLight.READY, devices.light());
    }

    @Test
    void anApplicationItemStartsTheApplicationWhichGetsTheCardAndEndsWithTheVisit() {
        start();
        flow.touch();
        assertTrue(flow.guideActions(APPLICATION).start(), "an application item has a start button");
        flow.startService(APPLICATION);
        KioskMode.Application a = assertInstanceOf(KioskMode.Application.class, flow.mode());
        assertSame(APPLICATION, a.item());
        assertNull(flow.service(), "not the service transaction");
        assertEquals("APPLICATION_AWAITINGCARD", a.shown());
        assertEquals(StatusLight.BUSY, devices.light());
        assertTrue(devices.watches.get(0).wanted(), "the camera watches for a login code");

        Resident r = resident();
        devices.events.residentCardRead(r, LocalDate.of(2016, 1, 1));
        ApplicationFlow app = flow.application();
        assertInstanceOf(ApplicationState.FillingForm.class, app.state(), "verified (inline worker): the form");
        assertFalse(devices.watches.get(0).wanted(), "identified: the scan is no longer wanted");

        flow.home();
        assertNull(flow.application(), "home ends the application");
        assertInstanceOf(ApplicationState.Ended.class, app.state(), "and the visit's end ends its flow");
        assertEquals("", r.maskedName(), "the card's data went with the visit");
        assertEquals(BrowseState.Screen.HOME, flow.browse().state().screen());
    }

    @Test
    void whileTheCentreWorksOnAnApplicationNeitherHomeNorTheIdleTimerEndsTheVisit() {
        List<Runnable> queued = new ArrayList<>();
        KioskFlow k = new KioskFlow(Language.ZH, IDLE, clock, queued::add, Runnable::run);
        FakeDevices d = new FakeDevices();
        k.started(new KioskParts(backend, d, ports(), applications(), cases(), desk));
        k.touch();
        k.startService(APPLICATION);
        d.events.residentCardRead(resident(), LocalDate.of(2016, 1, 1));
        assertInstanceOf(ApplicationState.Preparing.class, k.application().state());
        assertTrue(k.application().busy());

        k.home();
        assertNotNull(k.application(), "home waits for the centre");
        clock.plus(IDLE.plusSeconds(5));
        k.tick();
        assertInstanceOf(KioskMode.Application.class, k.mode(), "the idle timer too");

        queued.remove(0).run(); // the centre answers
        assertInstanceOf(ApplicationState.FillingForm.class, k.application().state());
        k.home();
        assertNull(k.application());
    }

    @Test
    void theIdleCountdownNeverShowsWhileTheCentreWorksAndElderModeWaitsForAResidentScreen() {
        flow.toggleElderMode();
        assertFalse(flow.elderMode(), "starting: no resident, no elder mode");
        assertTrue(flow.idleCountdown().isEmpty());

        List<Runnable> queued = new ArrayList<>();
        KioskFlow k = new KioskFlow(Language.ZH, IDLE, clock, queued::add, Runnable::run);
        FakeDevices d = new FakeDevices();
        k.started(new KioskParts(backend, d, ports(), applications(), cases(), desk));
        k.toggleElderMode();
        assertTrue(k.elderMode(), "the button starts the visit in elder mode");
        assertEquals(BrowseState.Screen.HOME, k.browse().state().screen());
        k.startService(APPLICATION);
        d.events.residentCardRead(resident(), LocalDate.of(2016, 1, 1));
        assertTrue(k.application().busy());
        Duration elderIdle = IDLE.multipliedBy(BrowseFlow.ELDER_TIMEOUT_FACTOR);
        for (int i = 0; i < 3; i++) {
            clock.plus(elderIdle.minusSeconds(1));
            k.tick();
            assertTrue(k.idleCountdown().isEmpty(), "busy: no countdown, the visit is kept alive");
        }
        assertInstanceOf(KioskMode.Application.class, k.mode());

        queued.remove(0).run(); // the centre answers: the resident's time runs again
        clock.plus(elderIdle.minusSeconds(5));
        assertEquals(5, k.idleCountdown().orElseThrow());
        k.moreTime();
        assertTrue(k.idleCountdown().isEmpty(), "more time: the timer starts afresh");
        assertTrue(k.elderMode(), "still elder mode");
    }

    @Test
    void caseProgressStartsFromHomeScansForReceiptsAndCardsAndEndsWithTheVisit() {
        start();
        assertTrue(flow.offersCaseProgress());
        flow.startCaseProgress();
        assertNull(flow.task(), "not from the attract screen: no visit yet");
        flow.touch();
        flow.startCaseProgress();
        CaseProgressFlow c = flow.caseProgress();
        assertNotNull(c);
        KioskMode.CaseProgress m = assertInstanceOf(KioskMode.CaseProgress.class, flow.mode());
        assertEquals("CASES_CHOOSING", m.shown());
        assertEquals(StatusLight.BUSY, devices.light());
        assertInstanceOf(TerminalDevices.CaseCodeWatch.class, devices.watches.get(0), "the camera looks for receipts too");
        flow.startCaseProgress();
        assertSame(c, flow.caseProgress(), "one query at a time");

        devices.events.residentCardRead(resident(), LocalDate.of(2016, 1, 1));
        var list = assertInstanceOf(CaseProgressState.CaseList.class, c.state(), () -> "after the card: " + c.state());
        assertEquals(1, list.cases().size());

        flow.home();
        assertNull(flow.caseProgress());
        assertTrue(list.cases().wiped(), "the list went with the visit");
        assertEquals(BrowseState.Screen.HOME, flow.browse().state().screen());
    }

    @Test
    void withoutApplicationPortsAnApplicationItemHasNoStartButton() {
        KioskFlow k = new KioskFlow(Language.ZH, IDLE, clock, Runnable::run, Runnable::run);
        k.started(new KioskParts(backend, new FakeDevices(), ports(), null, null, desk));
        assertFalse(k.guideActions(APPLICATION).start());
        k.touch();
        k.startService(APPLICATION);
        assertNull(k.task(), "nothing started");
    }

    @Test
    void aLoginCodeSeenByTheCameraIdentifiesTheResident() {
        start();
        flow.touch();
        flow.startService(IMMEDIATE);
        devices.watches.get(0).token("QRDEMO-0001");
        assertEquals(ServiceFlow.Step.CONSENT, flow.service().view().step());
    }

    @Test
    void aCardProblemIsShownAndACardWithoutATransactionIsWipedAtOnce() {
        start();
        Resident stray = resident();
        devices.events.residentCardRead(stray, null);
        assertEquals("", stray.maskedName(), "no transaction keeps it: wiped");

        flow.touch();
        flow.startService(IMMEDIATE);
        devices.events.cardProblem();
        assertEquals(ServiceFlow.Step.CARD_PROBLEM, flow.service().view().step());
    }

    @Test
    void finishingTheTransactionEndsTheVisit() {
        start();
        flow.touch();
        flow.startService(IMMEDIATE);
        flow.finishTransaction();
        assertNull(flow.service());
        assertInstanceOf(KioskMode.Attract.class, flow.mode());
        assertTrue(devices.scansStopped.get(0)[0]);
    }

    @Test
    void theIdleTimeoutEndsAnIdleTransaction() {
        start();
        flow.touch();
        flow.startService(IMMEDIATE);
        clock.plus(IDLE);
        flow.tick();
        assertNull(flow.service(), "the visit ended with its transaction");
        assertInstanceOf(KioskMode.Attract.class, flow.mode());
    }

    /** What the update agent asks before it lets the installer restart the kiosk (UpdateAgentTest: it waits while this is true). */
    @Test
    void theKioskIsInUseFromTheFirstTouchUntilTheVisitEndsSoAnUpdateNeverCutsIt() {
        assertFalse(flow.inUse(), "starting: no one can be using it");
        start();
        assertFalse(flow.inUse(), "the attract screen: free");
        flow.touch();
        assertTrue(flow.inUse(), "a resident browses");
        flow.browse().openItem("I1");
        flow.startService(IMMEDIATE);
        devices.events.residentCardRead(resident(), LocalDate.of(2016, 1, 1));
        assertTrue(flow.inUse(), "a resident's transaction");
        clock.plus(IDLE.minusSeconds(1));
        flow.tick();
        assertTrue(flow.inUse(), "not yet idle long enough");
        clock.plus(Duration.ofSeconds(1));
        flow.tick();
        assertInstanceOf(KioskMode.Attract.class, flow.mode());
        assertFalse(flow.inUse(), "the visit ended: an update may install now");
    }

    @Test
    void theTamperSwitchEndsTheVisitAndLatchesUntilATechnicianResetsIt() {
        start();
        flow.touch();
        flow.startService(IMMEDIATE);
        devices.events.residentCardRead(resident(), null);
        Resident held = resident();
        devices.events.tamperChanged(true);
        assertEquals(new KioskMode.OutOfService(KioskMode.OutOfService.Reason.TAMPER), flow.mode());
        assertNull(flow.service(), "the transaction ended");
        assertEquals(BrowseState.Screen.ATTRACT, flow.browse().state().screen());
        assertEquals(StatusLight.OUT_OF_SERVICE, devices.light());
        devices.events.residentCardRead(held, null);
        assertEquals("", held.maskedName());

        devices.events.tamperChanged(false);
        assertTrue(flow.outOfService(), "closing the door does not clear the alarm");
        flow.touch();
        assertEquals(BrowseState.Screen.ATTRACT, flow.browse().state().screen(), "no visit while out of service");
        flow.startService(IMMEDIATE);
        assertNull(flow.service(), "no transaction while out of service");

        devices.resetAnswer = TerminalDevices.TamperReset.DOOR_OPEN;
        flow.resetTamper();
        assertTrue(flow.outOfService());
        assertEquals("tamper.doorOpen", flow.transientNotice());
        devices.resetAnswer = TerminalDevices.TamperReset.SWITCH_UNREADABLE;
        flow.resetTamper();
        assertEquals("tamper.switchUnreadable", flow.transientNotice());
        devices.resetAnswer = TerminalDevices.TamperReset.CLEARED;
        flow.resetTamper();
        assertFalse(flow.outOfService());
        assertInstanceOf(KioskMode.Attract.class, flow.mode());
        assertEquals(StatusLight.READY, devices.light());
    }

    @Test
    void aTechnicianCardOpensMaintenanceOverWhatTheKioskReturnsTo() {
        start();
        devices.events.technicianCardInserted();
        KioskMode.Maintenance m = assertInstanceOf(KioskMode.Maintenance.class, flow.mode());
        assertInstanceOf(KioskMode.Attract.class, m.underneath());
        assertSame(flow.maintenance(), m.flow());
        assertEquals(MaintenanceFlow.Step.PIN_ENTRY, m.flow().view().step());
        flow.touch();
        assertEquals(BrowseState.Screen.ATTRACT, flow.browse().state().screen(), "a technician's touch is no visit");

        for (char c : "9999".toCharArray()) {
            int before = told.size();
            flow.maintenance().digit(c);
            assertEquals(before + 1, told.size(), "every keypad step is shown");
        }
        int before = told.size();
        flow.maintenance().submit();
        assertEquals("Wrong PIN", flow.maintenance().view().messageEn());
        assertTrue(told.size() >= before + 2, "checking, then the refusal with its message, are shown");
        for (char c : "1234".toCharArray()) {
            flow.maintenance().digit(c);
        }
        flow.maintenance().submit();
        assertEquals(MaintenanceFlow.Step.OPEN, flow.maintenance().view().step());
        MaintenanceView v = flow.maintenanceView();
        assertEquals("v7", v.catalogVersion());
        assertEquals(2, v.catalogSize());
        assertEquals("ONLINE", v.linkStatus());
        assertTrue(v.canResetTamper());
        flow.syncNow();
        assertEquals(1, backend.syncs);

        devices.events.tamperChanged(true);
        m = assertInstanceOf(KioskMode.Maintenance.class, flow.mode(), "the technician stays in maintenance");
        assertInstanceOf(KioskMode.OutOfService.class, m.underneath());
        assertEquals(StatusLight.OUT_OF_SERVICE, devices.light());

        devices.events.technicianCardRemoved();
        assertInstanceOf(KioskMode.OutOfService.class, flow.mode());
        devices.events.technicianCardInserted();
        flow.maintenance().close();
        assertInstanceOf(KioskMode.OutOfService.class, flow.mode());
    }

    @Test
    void theHelpButtonShowsOnTheBarAndTheLightForAWhile() {
        start();
        devices.events.helpRequested();
        assertEquals("help.called", flow.noticeKey());
        assertEquals(StatusLight.HELP_REQUESTED, devices.light());
        int toldBefore = told.size();
        clock.plus(KioskFlow.HELP_SHOWN);
        flow.tick();
        assertNull(flow.noticeKey());
        assertFalse(flow.helpCalled());
        assertEquals(StatusLight.READY, devices.light());
        assertTrue(told.size() > toldBefore, "the window is told to take the notice down");
    }

    @Test
    void aDeviceFaultShowsOnTheLightAtTheNextTick() {
        start();
        backend.devices.add(new DeviceHealth("receipt-printer", "HARDWARE_ERROR", "cutter-jammed", false, true));
        flow.tick();
        assertEquals(StatusLight.FAULT, devices.light());
        backend.devices.clear();
        flow.tick();
        assertEquals(StatusLight.READY, devices.light());
        assertEquals(List.of(StatusLight.READY, StatusLight.FAULT, StatusLight.READY), devices.lights,
                "the light is set when it changes, not at every tick");
    }

    @Test
    void printingAGuideAndTakingATicketSayHowItWentForAWhile() {
        start();
        flow.touch();
        flow.printGuide(IMMEDIATE);
        assertEquals(List.of("I1/ZH"), desk.printed);
        assertEquals("print.done", flow.transientNotice());
        desk.printOk = false;
        flow.printGuide(IMMEDIATE);
        assertEquals("print.failed", flow.transientNotice());

        flow.takeTicket(IMMEDIATE);
        assertEquals("queue.result", flow.transientNotice());
        assertEquals("已取号 A001", flow.noticeText().zh());
        clock.plus(KioskFlow.NOTICE_SHOWN);
        flow.tick();
        assertNull(flow.transientNotice());
        assertNull(flow.noticeText());

        flow.takeTicket(GUIDE_ONLY); // takes no queue tickets
        assertNull(flow.transientNotice());
    }

    @Test
    void guideActionsFollowTheItemAndWhatTheKioskCanDo() {
        assertEquals(GuideActions.NONE, flow.guideActions(IMMEDIATE), "nothing while starting");
        start();
        assertEquals(new GuideActions(true, false, true, true), flow.guideActions(IMMEDIATE));
        assertEquals(new GuideActions(false, true, false, true), flow.guideActions(GUIDE_ONLY));

        KioskFlow browseOnly = new KioskFlow(Language.ZH, IDLE, clock, Runnable::run, Runnable::run);
        browseOnly.started(new KioskParts(backend, null, null, null, null, null));
        assertEquals(GuideActions.NONE, browseOnly.guideActions(IMMEDIATE));
        browseOnly.touch();
        browseOnly.startService(IMMEDIATE);
        assertNull(browseOnly.service(), "a kiosk without devices performs nothing");
        assertTrue(browseOnly.startableItem().isEmpty());
        assertEquals(Optional.of(IMMEDIATE), flow.startableItem());
        assertTrue(flow.payableItem().isEmpty(), "no fee in this catalogue");
    }

    @Test
    void theCatalogueOrTheLinkChangingTellsTheWindow() {
        start();
        int before = told.size();
        backend.offline = true;
        backend.onChange.forEach(Runnable::run);
        assertEquals(before + backend.onChange.size(), told.size(), "every change is told");
        assertTrue(flow.offline());
    }

    @Test
    void closingEndsTheVisitAndStartsNoNewOne() {
        start();
        flow.touch();
        flow.startService(IMMEDIATE);
        Resident r = resident();
        devices.events.residentCardRead(r, null);
        flow.close(Duration.ofSeconds(1));
        assertTrue(flow.closing());
        assertNull(flow.service());
        assertEquals("", r.maskedName(), "the visit's personal data is wiped");
        flow.touch();
        assertInstanceOf(KioskMode.Attract.class, flow.mode());
        flow.home();
        assertInstanceOf(KioskMode.Attract.class, flow.mode(), "home while stopping goes nowhere");
    }

    @Test
    void theDemoConsoleOpensAnImmediateItemOnlyWhileServing() {
        assertFalse(flow.openImmediateItem());
        start();
        assertTrue(flow.openImmediateItem());
        assertEquals("I1", flow.browse().state().itemCode());
    }

    @Test
    void anIdCardLeftOnTheReaderWhenTheVisitEndsIsRemindedOnTheAttractScreenUntilRemoved() {
        start();
        flow.touch();
        flow.startService(IMMEDIATE);
        devices.events.residentCardRead(resident(), LocalDate.of(2016, 1, 1));
        assertEquals(List.of(), flow.reminderKeys(), "the card is in use: no reminder during the visit");

        int before = told.size();
        flow.finishTransaction();
        assertInstanceOf(KioskMode.Attract.class, flow.mode());
        assertEquals(List.of(KioskFlow.REMIND_ID_CARD), flow.reminderKeys(), "the visit ended with the card on the reader");
        assertTrue(told.size() > before, "the window is told to show it");
        clock.plus(Duration.ofMinutes(10));
        flow.tick();
        assertEquals(List.of(KioskFlow.REMIND_ID_CARD), flow.reminderKeys(), "no time limit: until the card is taken");
        flow.touch();
        assertEquals(List.of(KioskFlow.REMIND_ID_CARD), flow.reminderKeys(), "a new visit still shows it");

        before = told.size();
        devices.events.cardRemoved();
        assertEquals(List.of(), flow.reminderKeys(), "the reader reports the card gone");
        assertTrue(told.size() > before, "the window is told to take it down");
    }

    @Test
    void homeTheIdleTimeoutAndAFailedReadLeaveTheCardRemindedToo() {
        start();
        flow.touch();
        flow.startService(IMMEDIATE);
        devices.events.residentCardRead(resident(), LocalDate.of(2016, 1, 1));
        flow.home();
        assertEquals(BrowseState.Screen.HOME, flow.browse().state().screen());
        assertEquals(List.of(KioskFlow.REMIND_ID_CARD), flow.reminderKeys(), "home during a transaction ends the visit");
        devices.events.cardRemoved();

        flow.startService(IMMEDIATE);
        devices.events.cardProblem(); // unreadable, but on the reader
        clock.plus(IDLE);
        flow.tick();
        assertInstanceOf(KioskMode.Attract.class, flow.mode());
        assertEquals(List.of(KioskFlow.REMIND_ID_CARD), flow.reminderKeys(), "the idle timeout ended the visit");
        devices.events.cardRemoved();
        assertEquals(List.of(), flow.reminderKeys());
    }

    @Test
    void aCardTakenBeforeTheVisitEndsIsNotReminded() {
        start();
        flow.touch();
        flow.startService(IMMEDIATE);
        devices.events.residentCardRead(resident(), LocalDate.of(2016, 1, 1));
        devices.events.cardRemoved();
        flow.finishTransaction();
        assertInstanceOf(KioskMode.Attract.class, flow.mode());
        assertEquals(List.of(), flow.reminderKeys());
        flow.touch();
        flow.browse().openItem("G1");
        flow.browse().home();
        assertEquals(List.of(), flow.reminderKeys(), "browsing home is no visit end");
    }

    @Test
    void aCertificatePrintedForTheResidentIsRemindedPastTheAttractScreenForAWhile() {
        List<String> prints = new ArrayList<>();
        KioskFlow k = new KioskFlow(Language.ZH, IDLE, clock, Runnable::run, Runnable::run);
        FakeDevices d = new FakeDevices();
        k.started(new KioskParts(backend, d, printingPorts(prints), applications(), cases(), desk));
        k.touch();
        k.startService(IMMEDIATE);
        assertEquals(List.of(), k.reminderKeys());
        d.events.residentCardRead(resident(), LocalDate.of(2016, 1, 1));
        assertEquals(ServiceFlow.Step.DONE, k.service().view().step(), "performed and printed (inline)");
        assertEquals(List.of("certificate"), prints);
        assertEquals(List.of(KioskFlow.REMIND_PRINTOUT), k.reminderKeys());
        k.service().toRating();
        assertEquals(List.of(KioskFlow.REMIND_PRINTOUT), k.reminderKeys(), "the rating screen keeps it");

        k.finishTransaction();
        assertInstanceOf(KioskMode.Attract.class, k.mode());
        assertEquals(List.of(KioskFlow.REMIND_ID_CARD, KioskFlow.REMIND_PRINTOUT), k.reminderKeys(),
                "the card first, then the print-out, on the attract screen");
        d.events.cardRemoved();
        clock.plus(KioskFlow.PRINT_REMINDER_SHOWN.minusSeconds(1));
        k.tick();
        assertEquals(List.of(KioskFlow.REMIND_PRINTOUT), k.reminderKeys());
        clock.plus(Duration.ofSeconds(1));
        k.tick();
        assertEquals(List.of(), k.reminderKeys(), "the print reminder ends with the clock");
    }

    @Test
    void aPrintedGuideOrTicketIsRemindedAFailedPrintIsNot() {
        start();
        flow.touch();
        desk.printOk = false;
        flow.printGuide(IMMEDIATE);
        assertEquals(List.of(), flow.reminderKeys(), "nothing came out");
        desk.ticketPrints = false;
        flow.takeTicket(IMMEDIATE);
        assertEquals(List.of(), flow.reminderKeys(), "a ticket number not printed: nothing to take");

        desk.ticketPrints = true;
        flow.takeTicket(IMMEDIATE);
        assertEquals(List.of(KioskFlow.REMIND_PRINTOUT), flow.reminderKeys());
        clock.plus(KioskFlow.PRINT_REMINDER_SHOWN);
        flow.tick();
        assertEquals(List.of(), flow.reminderKeys());

        desk.printOk = true;
        flow.printGuide(IMMEDIATE);
        assertEquals(List.of(KioskFlow.REMIND_PRINTOUT), flow.reminderKeys());
    }

    @Test
    void theHelpKeyCallsStaffLikeTheHelpButton() {
        start();
        flow.touch();
        flow.callHelp();
        assertTrue(flow.helpCalled());
        assertEquals("help.called", flow.noticeKey());
        assertEquals(StatusLight.HELP_REQUESTED, devices.light());
        clock.plus(KioskFlow.HELP_SHOWN);
        flow.tick();
        assertFalse(flow.helpCalled());
        assertEquals(StatusLight.READY, devices.light());
    }

    @Test
    void remindersAreFactsOfThePureTransitionFunction() {
        Instant t0 = Instant.parse("2026-12-01T02:00:00Z");
        KioskState.Facts f = new KioskState.Facts(KioskState.Phase.SERVING, BrowseState.attract(Language.ZH), false, null,
                false, null, null, null, false, KioskState.Reminders.NONE, false, null);
        KioskState.Facts visiting = KioskState.next(f, new KioskState.Input.BrowseChanged(
                BrowseState.attract(Language.ZH).withScreen(BrowseState.Screen.HOME)));
        KioskState.Facts placed = KioskState.next(visiting, new KioskState.Input.CardPlaced());
        assertEquals(new KioskState.Reminders(true, false, null), placed.reminders());
        KioskState.Facts ended = KioskState.next(placed, new KioskState.Input.BrowseChanged(BrowseState.attract(Language.ZH)));
        assertTrue(ended.reminders().cardLeft());
        assertFalse(placed.reminders().cardLeft(), "the old facts are unchanged");
        KioskState.Facts again = KioskState.next(ended, new KioskState.Input.BrowseChanged(BrowseState.attract(Language.ZH)));
        assertEquals(ended.reminders(), again.reminders());
        assertEquals(KioskState.Reminders.NONE, KioskState.next(ended, new KioskState.Input.CardRemoved()).reminders());

        KioskState.Facts printed = KioskState.next(f, new KioskState.Input.Printed(t0.plusSeconds(30)));
        assertTrue(KioskState.next(printed, new KioskState.Input.Tick(t0.plusSeconds(29))).reminders().printShown(t0.plusSeconds(29)));
        assertNull(KioskState.next(printed, new KioskState.Input.Tick(t0.plusSeconds(30))).reminders().printUntil());
    }

    @Test
    void theTransitionFunctionIsPure() {
        KioskState.Facts f = new KioskState.Facts(KioskState.Phase.STARTING, BrowseState.attract(Language.ZH), false, null,
                false, null, null, null, false, KioskState.Reminders.NONE, false, null);
        KioskState.Facts tampered = KioskState.next(f, new KioskState.Input.TamperOpened());
        assertFalse(f.tampered(), "the old facts are unchanged");
        assertEquals(new KioskMode.OutOfService(KioskMode.OutOfService.Reason.TAMPER), KioskState.modeOf(tampered));
        assertEquals(KioskState.next(tampered, new KioskState.Input.Started(false, null)),
                KioskState.next(tampered, new KioskState.Input.Started(false, null)), "same input, same facts");
        KioskState.Facts serving = KioskState.next(tampered, new KioskState.Input.Started(false, null));
        assertTrue(serving.tampered(), "a start-up that found no latch does not clear one seen meanwhile");
        assertEquals(KioskState.Phase.SERVING, serving.phase());
        assertNotNull(KioskState.modeOf(serving));
        // A transaction cannot begin before start-up has finished.
        assertNull(KioskState.next(f, new KioskState.Input.TransactionBegun(new KioskState.Tx(null, IMMEDIATE))).tx());
    }

    /**
     * The update hold: granted on the attract screen, refused during a visit; while held no
     * transaction begins and the screen says "updating"; a tick past its end releases it.
     */
    @Test
    void anUpdateHoldIsGrantedOnlyWhenNobodyUsesTheTerminalAndEndsByItself() {
        Instant t0 = Instant.parse("2026-12-02T10:00:00Z");
        KioskState.Facts starting = new KioskState.Facts(KioskState.Phase.STARTING, BrowseState.attract(Language.ZH), false, null,
                false, null, null, null, false, KioskState.Reminders.NONE, false, null);
        KioskState.Facts idle = KioskState.next(starting, new KioskState.Input.Started(false, null));
        KioskState.Input.UpdateHold hold = new KioskState.Input.UpdateHold(t0.plusSeconds(180));

        KioskState.Facts visiting = KioskState.next(idle, new KioskState.Input.BrowseChanged(BrowseState.attract(Language.ZH).withScreen(BrowseState.Screen.HOME)));
        assertEquals(visiting, KioskState.next(visiting, hold), "a resident browsing keeps the terminal");

        KioskState.Facts held = KioskState.next(idle, hold);
        KioskMode.OutOfService updating = new KioskMode.OutOfService(KioskMode.OutOfService.Reason.UPDATING);
        assertEquals(updating, KioskState.modeOf(held));
        KioskState.Facts touched = KioskState.next(held, new KioskState.Input.BrowseChanged(BrowseState.attract(Language.ZH).withScreen(BrowseState.Screen.HOME)));
        assertEquals(updating, KioskState.modeOf(touched), "a touch while held shows the same screen");
        assertNull(KioskState.next(touched, new KioskState.Input.TransactionBegun(new KioskState.Tx(null, IMMEDIATE))).tx(),
                "no transaction begins while held");
        assertEquals(updating, KioskState.modeOf(KioskState.next(held, new KioskState.Input.Tick(t0.plusSeconds(179)))));
        assertEquals(new KioskMode.Attract(idle.browse()), KioskState.modeOf(KioskState.next(held, new KioskState.Input.Tick(t0.plusSeconds(180)))),
                "no restart came: the kiosk serves again");
    }

    @Test
    void aTerminalNotYetEnrolledServesNoOneUntilCommissioned() {
        KioskState.Facts starting = new KioskState.Facts(KioskState.Phase.STARTING, BrowseState.attract(Language.ZH), false, null,
                false, null, null, null, false, KioskState.Reminders.NONE, false, null);
        MaintenanceFlow technician = new MaintenanceFlow(pin -> null, Runnable::run);
        KioskState.Facts awaiting = KioskState.next(KioskState.next(starting, new KioskState.Input.Started(false, technician)),
                new KioskState.Input.Commissioning(true));
        KioskMode.OutOfService setUp = new KioskMode.OutOfService(KioskMode.OutOfService.Reason.NOT_COMMISSIONED);
        assertEquals(setUp, KioskState.modeOf(awaiting));
        assertEquals(new KioskMode.Starting(), KioskState.modeOf(KioskState.next(starting, new KioskState.Input.Commissioning(true))),
                "while starting it says starting");
        assertNull(KioskState.next(awaiting, new KioskState.Input.TransactionBegun(new KioskState.Tx(null, IMMEDIATE))).tx(),
                "no transaction begins");
        KioskState.Facts tech = KioskState.next(awaiting, new KioskState.Input.MaintenanceChanged(true));
        assertEquals(setUp, KioskState.modeOf(tech) instanceof KioskMode.Maintenance mm ? mm.underneath() : null,
                "the technician's card opens maintenance (and the wizard) over it");
        KioskState.Facts enrolled = KioskState.next(awaiting, new KioskState.Input.Commissioning(false));
        assertEquals(new KioskMode.Attract(enrolled.browse()), KioskState.modeOf(enrolled), "enrolled: residents are invited");
        KioskState.Facts tamperedToo = KioskState.next(awaiting, new KioskState.Input.TamperOpened());
        assertEquals(new KioskMode.OutOfService(KioskMode.OutOfService.Reason.TAMPER), KioskState.modeOf(tamperedToo),
                "an open door is the stronger reason");
    }

    /** The status light's rule, as a table: mode, help called, hardware error -> light. */
    @Test
    void statusLightTable() {
        BrowseState attract = BrowseState.attract(Language.ZH);
        BrowseState home = attract.withScreen(BrowseState.Screen.HOME);
        KioskMode starting = new KioskMode.Starting();
        KioskMode idle = new KioskMode.Attract(attract);
        KioskMode browsing = new KioskMode.Browse(home);
        KioskMode serving = new KioskMode.Transaction(home, null, IMMEDIATE);
        KioskMode tamper = new KioskMode.OutOfService(KioskMode.OutOfService.Reason.TAMPER);
        KioskMode failed = new KioskMode.OutOfService(KioskMode.OutOfService.Reason.START_FAILED);
        Object[][] table = {
                // mode, help, hardware error, light
                {idle, false, false, StatusLight.READY},
                {browsing, false, false, StatusLight.READY},
                {serving, false, false, StatusLight.BUSY},
                {starting, false, false, StatusLight.BUSY},
                {idle, false, true, StatusLight.FAULT},
                {serving, false, true, StatusLight.FAULT},
                {idle, true, false, StatusLight.HELP_REQUESTED},
                {serving, true, true, StatusLight.HELP_REQUESTED},
                {tamper, false, false, StatusLight.OUT_OF_SERVICE},
                {tamper, true, true, StatusLight.OUT_OF_SERVICE},
                {failed, true, false, StatusLight.OUT_OF_SERVICE},
                {new KioskMode.Maintenance(null, idle), false, false, StatusLight.READY},
                {new KioskMode.Maintenance(null, serving), false, false, StatusLight.BUSY},
                {new KioskMode.Maintenance(null, tamper), true, false, StatusLight.OUT_OF_SERVICE},
                {new KioskMode.Maintenance(null, idle), true, false, StatusLight.HELP_REQUESTED},
        };
        for (Object[] row : table) {
            assertEquals(row[3], StatusLight.of((KioskMode) row[0], (Boolean) row[1], (Boolean) row[2]),
                    () -> row[0] + " help=" + row[1] + " fault=" + row[2]);
        }
    }
}
