package org.zizhu.kiosk.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.zizhu.central.CentralSimulator;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.flow.ServiceFlow;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.printing.PrintingTest;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.transaction.CentralServicePorts;

/**
 * An enterprise 马上办 item on the simulated terminal (企业一码): the legal representative's
 * mobile-app login code and then the enterprise's electronic business license QR code, both
 * shown to the camera simulator (ffmpeg), the enterprise step on screen, consent, the
 * certificate issued by central-sim in the enterprise's name and printed on A4 through CUPS
 * with the acting person masked. Needs ffmpeg and the CUPS stack.
 */
class EnterpriseUiTest {
    private static final String SOCIAL_INSURANCE = "12150200MB1C47725K200201000001";
    /** central-sim's seeded e-business license of 包头市鹿城智联科技有限公司 (legal representative 150202198503120016). */
    private static final String LUCHENG_QR = "ZZEBL1:91150203MA0N7LC8XD:20210315:A1874FD52C21B457";

    @TempDir
    Path data;
    private CentralSimulator central;
    private KioskRuntime runtime;
    private DeviceHub hub;
    private KioskApplication app;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        hub.close();
        runtime.close();
        central.close();
    }

    @Test
    void theEnterpriseIsChosenByItsBusinessLicenseQrCodeAndTheCertificateIsPrintedInItsName() throws Exception {
        central = CentralSimulator.builder().start();
        runtime = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data));
        runtime.syncNow();
        hub = DeviceHub.start(runtime.config());
        hub.trackers().forEach(runtime::addDevice);
        PrintService printing = new PrintService(hub.receiptPrinter().orElse(null), hub.a4Printer().orElse(null));
        CentralServicePorts ports = new CentralServicePorts(runtime.services(), hub, printing);
        FxToolkit.registerPrimaryStage();
        app = (KioskApplication) FxToolkit.setupApplication(() -> new KioskApplication(runtime, hub, ports, printing));

        robot.interact(() -> {
            app.flow().touch();
            app.flow().openItem(SOCIAL_INSURANCE);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#guide-start");
        var camera = hub.simulators().camera().orElseThrow();
        camera.showQr("zizhu:login:v1:QRDEMO-wangjianguo-0001");
        await().atMost(Duration.ofSeconds(30)).until(() -> app.service().view().step() == ServiceFlow.Step.ENTERPRISE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#enterprise-code").tryQuery().isPresent(), "the code can be typed too");

        camera.showQr(LUCHENG_QR);
        await().atMost(Duration.ofSeconds(30)).until(() -> app.service().view().step() == ServiceFlow.Step.CONSENT);
        assertEquals(List.of("BUSINESS_LICENSE", "ID_CARD"), app.service().view().licenseTypes());
        Instant before = Instant.now();
        robot.interact(() -> app.service().consent(true));
        await().atMost(Duration.ofSeconds(90)).until(() -> app.service().view().step() == ServiceFlow.Step.DONE
                || app.service().view().step() == ServiceFlow.Step.FAILED);
        ServiceFlow.View done = app.service().view();
        assertEquals(ServiceFlow.Step.DONE, done.step(), () -> "failed: " + done.centralMessage());
        Path pdf = PrintingTest.spooled(before, "certificate");
        // The page printed is the sealed OFD the office issued for the enterprise (its QR carries the
        // exact bytes' SHA-256); what that page says and how it is masked is checked in
        // EnterpriseTransactionCentralTest and SealedDocumentPrintTest.
        String link = org.zizhu.kiosk.printing.SealedDocumentPrintTest.verificationLinkOn(pdf);
        assertTrue(link.endsWith("/verify/" + done.reference() + "?h=" + central.sealing().lookup(done.reference()).orElseThrow().sha256()), link);
        assertEquals(List.of(), central.contractViolations());
    }

    /**
     * An enterprise's application (申报) on the same terminal: the login code, then the
     * enterprise's QR code routed by the terminal to the application's enterprise step (rendered
     * with the transaction's pieces), and the consent for the enterprise. The rest of the
     * application is EnterpriseApplicationCentralTest's.
     */
    @Test
    void anApplicationForTheEnterpriseTakesItsQrCodeToo() throws Exception {
        central = CentralSimulator.builder().start();
        runtime = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data));
        runtime.syncNow(); // the whole catalogue, the application items with it
        hub = DeviceHub.start(runtime.config());
        hub.trackers().forEach(runtime::addDevice);
        PrintService printing = new PrintService(hub.receiptPrinter().orElse(null), hub.a4Printer().orElse(null));
        CentralServicePorts ports = new CentralServicePorts(runtime.services(), hub, printing);
        FxToolkit.registerPrimaryStage();
        app = (KioskApplication) FxToolkit.setupApplication(() -> new KioskApplication(runtime, hub, ports, printing));
        await().atMost(Duration.ofSeconds(30)).until(() -> app.ready()); // the application's ports are wired then

        robot.interact(() -> {
            app.flow().touch();
            app.flow().openItem(CHANGE);
        });
        WaitForAsyncUtils.waitForFxEvents();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#guide-start").tryQuery().isPresent();
        });
        robot.interact(() -> ((javafx.scene.control.Button) robot.lookup("#guide-start").query()).fire());
        await().atMost(Duration.ofSeconds(30)).until(() -> app.application() != null);
        var camera = hub.simulators().camera().orElseThrow();
        camera.showQr("zizhu:login:v1:QRDEMO-wangjianguo-0001");
        await().atMost(Duration.ofSeconds(30)).until(() -> app.application().state()
                instanceof org.zizhu.kiosk.flow.ApplicationState.ChoosingEnterprise);
        WaitForAsyncUtils.waitForFxEvents();
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#enterprise-code").tryQuery().isPresent());

        camera.showQr(LUCHENG_QR);
        await().atMost(Duration.ofSeconds(30)).until(() -> app.application().state()
                instanceof org.zizhu.kiosk.flow.ApplicationState.Consent);
        var consent = (org.zizhu.kiosk.flow.ApplicationState.Consent) app.application().state();
        assertEquals("91150203MA0N7LC8XD", consent.enterprise().creditCode());
        assertEquals(List.of("BUSINESS_LICENSE", "ID_CARD"), consent.licenseTypes());
        assertEquals(List.of(), central.contractViolations());
    }

    /** 企业变更登记: an application for an existing enterprise. */
    private static final String CHANGE = "11150200MB1534142X010300200001";
}
