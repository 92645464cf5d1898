package org.zizhu.kiosk.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.catalog.CatalogModel;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.flow.ServiceFlow.Step;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Visit;

/** Appointment check-in: its own states (the code first) and its own job (check in, never perform or pay). */
class CheckInFlowTest {
    private final ServiceFlowTest.ScriptedPorts ports = new ServiceFlowTest.ScriptedPorts();
    private final Visit session = new Visit();
    private final ManualScheduler time = new ManualScheduler();
    private final ServiceFlow flow = ServiceFlow.appointmentCheckIn(ServiceFlowTest.item(), ports, session, Runnable::run,
            time, ServiceFlowTest.CLOCK);

    private static Resident resident() {
        return new Resident("张三", "11010519491231002X", Resident.Source.ID_CARD, null);
    }

    @Test
    void codeIsNormalisedOrRefusedByTheTransitionAlone() {
        assertEquals(new Next(new ServiceState.AwaitingCard(new CheckInFlow.CheckIn("YY2025001")), List.of()),
                CheckInFlow.codeEntered("  yy2025001\\t".replace("\\t", "\t")));
        assertEquals(new CheckInFlow.EnterCode("appointment.badCode"), CheckInFlow.codeEntered("YY-1").state());
        assertEquals(new CheckInFlow.EnterCode("appointment.badCode"), CheckInFlow.codeEntered(null).state());
        assertEquals(new CheckInFlow.EnterCode("appointment.badCode"), CheckInFlow.codeEntered("A".repeat(13)).state());
    }

    @Test
    void loginCodeChecksInWithoutConsentEvenForAnELicenseItem() {
        ports.types = List.of("ID_CARD");
        assertFalse(flow.awaitingIdentity(), "the code comes first");
        flow.qrLogin("zizhu:login:v1:T");
        assertEquals(Step.ENTER_CODE, flow.view().step());
        flow.enterCode("YY2025001");
        assertTrue(flow.awaitingIdentity());
        flow.qrLogin("zizhu:login:v1:T");
        assertEquals(Step.DONE, flow.view().step());
        assertEquals(List.of("YY2025001"), ports.checkIns);
        assertEquals(List.of(), ports.paymentKeys);
    }

    @Test
    void failedCheckInIsRetriedAsACheckInAndThenRated() {
        ports.failPerform = 1;
        List<Step> seen = new ArrayList<>();
        flow.addListener(v -> seen.add(v.step()));
        flow.enterCode("YY2025001");
        flow.identityRead(resident(), null);
        assertEquals(Step.FAILED, flow.view().step());
        assertEquals(new Text("平台繁忙", "busy"), flow.view().centralMessage());
        flow.retry();
        assertEquals(Step.DONE, flow.view().step());
        assertEquals(List.of("YY2025001", "YY2025001"), ports.checkIns);
        assertEquals(List.of(Step.INSERT_CARD, Step.WORKING, Step.FAILED, Step.WORKING, Step.PRINTING, Step.DONE), seen);
        flow.toRating();
        flow.rate(org.zizhu.kiosk.session.RatingLevel.SATISFIED, List.of());
        assertEquals(Step.THANKS, flow.view().step());
        assertEquals(1, ports.ratings.size());
    }

    @Test
    void busyWhileTheCentreWorks() {
        List<Runnable> queued = new ArrayList<>();
        ServiceFlow f = ServiceFlow.appointmentCheckIn(ServiceFlowTest.item(), ports, session, queued::add, time, ServiceFlowTest.CLOCK);
        f.enterCode("YY2025001");
        assertFalse(f.busy());
        f.identityRead(resident(), null);
        assertTrue(f.busy());
        assertEquals(Step.WORKING, f.view().step());
        queued.remove(0).run();
        assertEquals(Step.PRINTING, f.view().step());
        queued.remove(0).run();
        assertEquals(Step.DONE, f.view().step());
        assertFalse(f.busy());
    }
}
