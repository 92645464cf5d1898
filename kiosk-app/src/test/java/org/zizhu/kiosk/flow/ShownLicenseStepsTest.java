package org.zizhu.kiosk.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zizhu.kiosk.flow.ApplicationStepsTest.WANG;
import static org.zizhu.kiosk.flow.ApplicationStepsTest.WANG_CARD_LICENSE;
import static org.zizhu.kiosk.flow.ApplicationStepsTest.ignored;
import static org.zizhu.kiosk.flow.ApplicationStepsTest.step;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.flow.ApplicationEvent.*;
import org.zizhu.kiosk.flow.ApplicationPorts.Image;
import org.zizhu.kiosk.flow.ApplicationPorts.License;
import org.zizhu.kiosk.flow.ApplicationPorts.SubmitResult;
import org.zizhu.kiosk.flow.ApplicationPorts.NotShown;
import org.zizhu.kiosk.flow.ApplicationPorts.Prepared;
import org.zizhu.kiosk.flow.ApplicationPorts.Shown;
import org.zizhu.kiosk.flow.ApplicationState.*;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Visit;

/**
 * 亮证 on the materials step, the transition function alone (and once through the machine for its
 * deadline): a resident who declined the consent shows the ID-card e-license from the government
 * app; a license of another type, the centre's refusals and no code before the deadline each bring
 * the materials back with a reason, the material still to be provided.
 */
class ShownLicenseStepsTest {
    static final String CODE = "ZZELIC:1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    private final ItemDetail retirement;

    ShownLicenseStepsTest() throws Exception {
        retirement = ApplicationStepsTest.item(ApplicationStepsTest.RETIREMENT);
    }

    /** Identified, consent declined, prepared without e-licenses, form filled: the materials, the ID card (0) unresolved. */
    private Materials declinedMaterials() {
        Resident card = new Resident("王建国", WANG, Resident.Source.ID_CARD, LocalDate.of(2036, 1, 1));
        ApplicationState s = step(retirement, ApplicationSteps.INITIAL, new Identified(card, LocalDate.of(2016, 1, 1))).state();
        var n = step(retirement, s, new ConsentGiven(false));
        assertTrue(n.effects().stream().anyMatch(e -> e instanceof ApplicationEffect.Prepare p && !p.consented()));
        Resident verified = new Resident("王建国", WANG, ApplicationStepsTest.CARD_ADDRESS, Resident.Source.ID_CARD, LocalDate.of(2036, 1, 1));
        FillingForm f = assertInstanceOf(FillingForm.class,
                step(retirement, n.state(), new PreparedAnswer(new Prepared(verified, null, List.of()))).state());
        Materials m = ApplicationStepsTest.filled(retirement, f);
        assertEquals("ID_CARD", retirement.materials().get(0).eLicenseType(), "the item's first material is the ID-card e-license");
        assertInstanceOf(Unresolved.class, m.application().materials().get(0), "not fetched: the consent was declined");
        return m;
    }

    private ShowingLicense showing(Materials m) {
        var n = step(retirement, m, new ShowLicense(0));
        ShowingLicense s = assertInstanceOf(ShowingLicense.class, n.state());
        assertEquals(0, s.material());
        assertFalse(s.checking());
        assertEquals(NOW.plus(ApplicationSteps.SHOW_LICENSE_LIMIT), s.deadline(), "every wait has a deadline");
        assertTrue(n.effects().contains(new ApplicationEffect.AwaitShown(s.deadline())), "the deadline is scheduled");
        return s;
    }

    private ShowingLicense checking(ShowingLicense s) {
        var n = step(retirement, s, new LicenseCodeRead(CODE));
        ShowingLicense c = assertInstanceOf(ShowingLicense.class, n.state());
        assertTrue(c.checking());
        assertTrue(n.effects().stream().anyMatch(e -> e instanceof ApplicationEffect.ResolveShown r && r.payload().equals(CODE)),
                "the centre resolves the code as read");
        return c;
    }

    private static ObjectNode content(String type) {
        ObjectNode c = new ObjectMapper().createObjectNode();
        c.put("type", type);
        c.putObject("holder").put("idNumber", WANG);
        return c;
    }

    @Test
    void aShownLicenseOfTheMaterialsTypeProvidesItAsAnELicense() {
        Materials m = declinedMaterials();
        ShowingLicense c = checking(showing(m));
        assertTrue(ignored(retirement, c, new LicenseCodeRead(CODE)), "one code at a time");
        assertTrue(ignored(retirement, c, new ShowTimedOut(c.deadline())), "the centre answers: the scan's deadline no longer applies");
        assertTrue(ignored(retirement, c, new Back()), "the centre is asked: the answer is waited for");
        Shown shown = new Shown(new License("ID_CARD", WANG_CARD_LICENSE, content("ID_CARD")));
        var n = step(retirement, c, new ShownAnswered(shown));
        Materials after = assertInstanceOf(Materials.class, n.state());
        assertEquals(new FromLicense(WANG_CARD_LICENSE), after.application().materials().get(0));
        assertNull(after.message());
        assertNull(after.messageKey());
        assertTrue(n.effects().contains(new ApplicationEffect.Hold(shown)), "its content is the visit's, wiped with it");
        assertTrue(n.effects().contains(new ApplicationEffect.LogShown(true, "ID_CARD")));
        assertEquals(ApplicationState.Provided.E_LICENSE, ApplicationSteps.received(retirement, after.application()).get(0).how());
        assertTrue(ignored(retirement, after, new ShowLicense(0)), "provided now: nothing more to show");
        shown.wipe();
        assertEquals(0, shown.license().content().size(), "wiping clears the license's content");
    }

    @Test
    void onlyAnELicenseMaterialNotProvidedOtherwiseCanBeShown() {
        Materials m = declinedMaterials();
        assertNull(retirement.materials().get(1).eLicenseType());
        assertTrue(ignored(retirement, m, new ShowLicense(1)), "a paper material has no e-license to show");
        assertTrue(ignored(retirement, m, new ShowLicense(-1)));
        assertTrue(ignored(retirement, m, new ShowLicense(retirement.materials().size())));
        FillingForm consented = ApplicationStepsTest.form(retirement);
        Materials fetched = ApplicationStepsTest.filled(retirement, consented);
        assertInstanceOf(FromLicense.class, fetched.application().materials().get(0));
        assertTrue(ignored(retirement, fetched, new ShowLicense(0)), "fetched under consent already");
    }

    @Test
    void pagesTakenBeforeAreWipedWhenTheLicenseIsShownInstead() {
        Materials m = declinedMaterials();
        var page = new Image(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1});
        Materials paged = assertInstanceOf(Materials.class,
                step(retirement, new Capturing(m.resident(), m.application(), 0, -1), new PageCaptured(0, -1, page)).state());
        ShowingLicense c = checking(showing(paged));
        var n = step(retirement, c, new ShownAnswered(new Shown(new License("ID_CARD", WANG_CARD_LICENSE, content("ID_CARD")))));
        assertInstanceOf(FromLicense.class, ((Materials) n.state()).application().materials().get(0));
        assertTrue(n.effects().contains(new ApplicationEffect.Wipe(page)), "the pages are not sent: wiped");
    }

    @Test
    void aLicenseOfAnotherTypeIsNotTakenAndTheResidentIsToldWhichOneIsNeeded() {
        Materials m = declinedMaterials();
        ShowingLicense c = checking(showing(m));
        Shown other = new Shown(new License("HOUSEHOLD_REGISTER", "1.2.156.3005.2.11100000000013338W.003.4", content("HOUSEHOLD_REGISTER")));
        var n = step(retirement, c, new ShownAnswered(other));
        Materials after = assertInstanceOf(Materials.class, n.state());
        assertInstanceOf(Unresolved.class, after.application().materials().get(0), "still to be provided");
        Text said = after.message();
        assertTrue(said.zh().contains(retirement.materials().get(0).name().zh()), said.zh());
        assertTrue(said.zh().contains("不是"), said.zh());
        assertTrue(said.en().contains("not the one"), said.en());
        assertTrue(n.effects().contains(new ApplicationEffect.Wipe(other)), "a license not taken is wiped at once");
        assertTrue(n.effects().contains(new ApplicationEffect.LogShown(false, "WRONG_TYPE")));
        assertInstanceOf(ShowingLicense.class, step(retirement, after, new ShowLicense(0)).state(), "the resident may show another");
    }

    @Test
    void theCentresRefusalIsShownInTheResidentsWords() {
        Materials m = declinedMaterials();
        for (String reason : List.of("NOT_HOLDER", "LICENSE_QR_UNKNOWN", "SEAL_REFUSED")) {
            Text words = new Text("您出示的电子证照不属于本人", "not yours");
            var n = step(retirement, checking(showing(m)), new ShownAnswered(new NotShown(reason, words)));
            Materials after = assertInstanceOf(Materials.class, n.state());
            assertEquals(words, after.message());
            assertInstanceOf(Unresolved.class, after.application().materials().get(0));
            assertTrue(n.effects().contains(new ApplicationEffect.LogShown(false, reason)), reason);
        }
        var unreachable = step(retirement, checking(showing(m)), new WorkFailed("shown-license", null, true));
        Materials after = assertInstanceOf(Materials.class, unreachable.state());
        assertEquals(new Text("未能办理成功", "This could not be completed"), new Text(after.message().zh(), after.message().en()));
        assertTrue(unreachable.effects().contains(new ApplicationEffect.LogShown(false, "UNAVAILABLE")));
    }

    @Test
    void noCodeBeforeTheDeadlineBringsTheMaterialsBack() {
        Materials m = declinedMaterials();
        ShowingLicense s = showing(m);
        assertTrue(ignored(retirement, s, new ShowTimedOut(s.deadline().minusSeconds(1))), "a stale timer of an earlier showing");
        var n = step(retirement, s, new ShowTimedOut(s.deadline()));
        Materials after = assertInstanceOf(Materials.class, n.state());
        assertEquals("application.showTimedOut", after.messageKey());
        assertInstanceOf(Unresolved.class, after.application().materials().get(0));
        assertTrue(n.effects().contains(new ApplicationEffect.LogShown(false, "TIMEOUT")));
        Materials back = assertInstanceOf(Materials.class, step(retirement, showing(m), new Back()).state());
        assertNull(back.messageKey(), "the resident gave up showing: no complaint");
    }

    @Test
    void theMachineSchedulesTheDeadlineAndTheVisitsEndEndsTheWait() throws Exception {
        ManualScheduler scheduler = new ManualScheduler();
        AtomicReference<String> resolvedWith = new AtomicReference<>();
        AtomicReference<Shown> given = new AtomicReference<>();
        ApplicationFlowTest.Stub stub = new ApplicationFlowTest.Stub();
        ApplicationPorts ports = new ApplicationPorts() {
            @Override
            public Prepared prepare(ItemDetail item, Resident resident, List<String> licenseTypes, boolean consented, String ref) {
                return new Prepared(new Resident("王建国", WANG, Resident.Source.ID_CARD, null), null, List.of());
            }

            @Override
            public ApplicationPorts.ShownResult shownLicense(ItemDetail item, Resident resident, String qrPayload, String ref) {
                resolvedWith.set(qrPayload + "|" + ref);
                given.set(new Shown(new License("ID_CARD", WANG_CARD_LICENSE, content("ID_CARD"))));
                return given.get();
            }

            @Override
            public Image capturePage() {
                return stub.capturePage();
            }

            @Override
            public SubmitResult submit(ItemDetail item, Resident resident, Application application, String key) {
                return stub.submit(item, resident, application, key);
            }

            @Override
            public void printReceipt(ItemDetail item, Resident resident, ServicePorts.Outcome outcome, List<Received> received,
                                     List<Owed> owed) {
            }
        };
        Clock clock = Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));
        Visit visit = new Visit();
        ApplicationFlow f = ApplicationFlow.start(retirement, ports, visit, Runnable::run, scheduler, clock);
        List<ApplicationState> seen = new ArrayList<>();
        f.addListener(seen::add);
        f.fire(new Identified(new Resident("王建国", WANG, Resident.Source.ID_CARD, null), null));
        f.fire(new ConsentGiven(false));
        ApplicationStepsTest.filledFields().forEach((k, v) -> f.fire(new EditField(k, v)));
        f.fire(new SubmitForm());
        f.fire(new ShowLicense(0));
        assertTrue(f.wantsLicenseCode());
        assertFalse(f.busy(), "before a code is read the resident may still go home");
        scheduler.advance(ApplicationSteps.SHOW_LICENSE_LIMIT.minusSeconds(1));
        assertInstanceOf(ShowingLicense.class, f.state());
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals("application.showTimedOut", assertInstanceOf(Materials.class, f.state()).messageKey());
        assertFalse(f.wantsLicenseCode(), "the camera stops looking");

        f.fire(new ShowLicense(0));
        f.licenseCodeShown(CODE);
        assertEquals(CODE + "|" + f.idempotencyKey(), resolvedWith.get(), "the application's key is the business reference");
        Materials after = assertInstanceOf(Materials.class, f.state());
        assertEquals(new FromLicense(WANG_CARD_LICENSE), after.application().materials().get(0));
        scheduler.advance(ApplicationSteps.SHOW_LICENSE_LIMIT); // the earlier showing's timer: nothing happens
        assertEquals(after, f.state());
        assertTrue(seen.stream().anyMatch(st -> st instanceof ShowingLicense sl && sl.checking()), "the centre was waited for");
        assertFalse(given.get().license().content().isEmpty());
        visit.end("idle");
        assertEquals(new Ended(), f.state());
        assertTrue(given.get().license().content().isEmpty(), "the shown license's content is wiped with the visit");
    }
}
