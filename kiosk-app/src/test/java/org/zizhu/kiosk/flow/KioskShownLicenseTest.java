package org.zizhu.kiosk.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.flow.ApplicationPorts.License;
import org.zizhu.kiosk.flow.ApplicationPorts.Prepared;
import org.zizhu.kiosk.flow.ApplicationPorts.Shown;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.session.Resident;

/**
 * The kiosk routes 亮证: when the application asks for a shown e-license, a camera scan starts for
 * it (with the showing's deadline, taking no login code), its code reaches the application, and
 * the scan is no longer wanted once a code was read.
 */
class KioskShownLicenseTest {
    @Test
    void aShowingStartsAScanWhoseCodeReachesTheApplication() throws Exception {
        ItemDetail retirement = ApplicationStepsTest.item(ApplicationStepsTest.RETIREMENT);
        AtomicReference<String> resolved = new AtomicReference<>();
        ApplicationFlowTest.Stub stub = new ApplicationFlowTest.Stub();
        ApplicationPorts ports = new ApplicationPorts() {
            @Override
            public Prepared prepare(ItemDetail item, Resident resident, List<String> licenseTypes, boolean consented, String ref) {
                return new Prepared(resident, null, List.of());
            }

            @Override
            public ShownResult shownLicense(ItemDetail item, Resident resident, String qrPayload, String ref) {
                resolved.set(qrPayload);
                return new Shown(new License("ID_CARD", ApplicationStepsTest.WANG_CARD_LICENSE, new ObjectMapper().createObjectNode()));
            }

            @Override
            public Image capturePage() {
                return stub.capturePage();
            }

            @Override
            public SubmitResult submit(ItemDetail item, Resident resident, ApplicationState.Application a, String key) {
                return stub.submit(item, resident, a, key);
            }

            @Override
            public void printReceipt(ItemDetail item, Resident resident, ServicePorts.Outcome outcome,
                                     List<ApplicationState.Received> received, List<ApplicationState.Owed> owed) {
            }
        };
        KioskFlowTest.FakeDevices devices = new KioskFlowTest.FakeDevices();
        KioskFlow k = new KioskFlow(Language.ZH, KioskFlowTest.IDLE, new ManualClock(ZoneId.of("Asia/Shanghai")),
                Runnable::run, Runnable::run);
        k.started(new KioskParts(new KioskFlowTest.FakeBackend(), devices, KioskFlowTest.ports(), ports,
                KioskFlowTest.cases(), new KioskFlowTest.FakeDesk()));
        k.touch();
        k.startService(retirement);
        devices.events.residentCardRead(new Resident("王建国", ApplicationStepsTest.WANG, Resident.Source.ID_CARD,
                LocalDate.of(2036, 1, 1)), LocalDate.of(2016, 1, 1));
        ApplicationFlow app = k.application();
        app.fire(new ApplicationEvent.ConsentGiven(false));
        ApplicationStepsTest.filledFields().forEach((f, v) -> app.fire(new ApplicationEvent.EditField(f, v)));
        app.fire(new ApplicationEvent.SubmitForm());
        assertInstanceOf(ApplicationState.Materials.class, app.state());
        int before = devices.watches.size();

        app.fire(new ApplicationEvent.ShowLicense(0));
        assertEquals(before + 1, devices.watches.size(), "a scan for the shown license");
        TerminalDevices.LoginCodeWatch watch = devices.watches.get(before);
        assertEquals(ApplicationSteps.SHOW_LICENSE_LIMIT, devices.limits.get(before), "the scan ends with the showing's deadline");
        assertTrue(watch.wanted());
        assertTrue(watch.acceptingLicenseCode());
        assertFalse(watch.accepting(), "no login codes: the resident is identified");

        watch.licenseCode(ShownLicenseStepsTest.CODE);
        assertEquals(ShownLicenseStepsTest.CODE, resolved.get());
        var m = assertInstanceOf(ApplicationState.Materials.class, app.state());
        assertEquals(new ApplicationState.FromLicense(ApplicationStepsTest.WANG_CARD_LICENSE), m.application().materials().get(0));
        assertFalse(watch.wanted(), "the scan stops once the code was read");
        assertEquals(before + 1, devices.watches.size(), "no new scan without a new showing");
        k.home();
    }
}
