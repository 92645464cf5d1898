package org.zizhu.kiosk.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.zizhu.device.idcard.sim.TestCards;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.catalog.CatalogModel;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.flow.ServiceFlow;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.printing.PrintingTest;
import org.zizhu.kiosk.transaction.CentralServicePorts;

/**
 * A whole 马上办 / 一证通办 transaction on the simulated terminal: the resident's ID card on the
 * SAM simulator, a face from the camera simulator (ffmpeg), face verification and e-license
 * authorisation at central-sim, the sealed certificate printed on A4 through CUPS to the
 * ippeveprinter, then the 好差评 rating through the outbox. Needs socat, ffmpeg and the CUPS
 * stack (scripts/test starts it).
 */
class ServiceTransactionUiTest {
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

    private CentralServicePorts startKiosk() throws Exception {
        central = CentralSimulator.builder().start();
        runtime = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data));
        runtime.syncNow();
        hub = DeviceHub.start(runtime.config());
        hub.trackers().forEach(runtime::addDevice);
        PrintService printing = new PrintService(hub.receiptPrinter().orElse(null), hub.a4Printer().orElse(null));
        CentralServicePorts ports = new CentralServicePorts(runtime.services(), hub, printing);
        FxToolkit.registerPrimaryStage();
        app = (KioskApplication) FxToolkit.setupApplication(() -> new KioskApplication(runtime, hub, ports, printing));
        return ports;
    }

    /** Wakes the kiosk and opens an item's guide screen. */
    private void openGuide(String code) {
        robot.interact(() -> {
            app.flow().touch();
            app.flow().openItem(code);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the transaction is DONE or FAILED. */
    private void awaitFinished(int seconds) {
        await().atMost(Duration.ofSeconds(seconds)).until(() -> app.service().view().step() == ServiceFlow.Step.DONE
                || app.service().view().step() == ServiceFlow.Step.FAILED);
    }

    @Test
    void queueTicketIsTakenAtTheCentreAndPrintedOnTheReceiptPrinter() throws Exception {
        startKiosk();
        ItemDetail item = runtime.catalog().items().stream()
                .map(s -> runtime.catalog().detail(s.code()).orElseThrow())
                .filter(d -> d.handling().contains(CatalogModel.Handling.QUEUE)).findFirst().orElseThrow();
        openGuide(item.code());
        robot.clickOn("#guide-queue");
        await().atMost(Duration.ofSeconds(30)).until(() -> "queue.result".equals(app.notice()));
        String text = app.noticeText().zh();
        assertTrue(text.startsWith("已取号 "), text);
        String number = text.substring("已取号 ".length(), text.indexOf('，'));
        var receipt = hub.simulators().receipt().orElseThrow().lastReceipt();
        assertTrue(receipt.text().contains(number), receipt.text());
        assertTrue(receipt.cut());
        WaitForAsyncUtils.waitForFxEvents();
        // Shown with the ticket's notice, and lasting longer than it (KioskFlow.PRINT_REMINDER_SHOWN).
        assertEquals(List.of(org.zizhu.kiosk.flow.KioskFlow.REMIND_PRINTOUT), app.reminders());
        assertEquals("请取走打印材料或回执", robot.lookup("#reminder-printout").queryAs(javafx.scene.control.Label.class).getText());
        assertEquals(List.of(), central.contractViolations());
    }

    @Test
    void mobileAppLoginCodeShownToTheCameraIdentifiesTheResident() throws Exception {
        CentralServicePorts ports = startKiosk();
        ItemDetail item = runtime.catalog().items().stream()
                .map(s -> runtime.catalog().detail(s.code()).orElseThrow())
                .filter(d -> d.handling().contains(CatalogModel.Handling.IMMEDIATE) && !ports.licenseTypesFor(d).isEmpty())
                .findFirst().orElseThrow();
        openGuide(item.code());
        robot.clickOn("#guide-start");
        // central-sim's seeded login token for resident 150202198503120016, as the app would show it.
        hub.simulators().camera().orElseThrow().showQr(
                "zizhu:login:v1:QRDEMO-wangjianguo-0001");
        await().atMost(Duration.ofSeconds(20)).until(() -> app.service().view().step() == ServiceFlow.Step.CONSENT);
        Instant before = Instant.now();
        robot.interact(() -> app.service().consent(true));
        awaitFinished(90);
        ServiceFlow.View done = app.service().view();
        assertEquals(ServiceFlow.Step.DONE, done.step(), () -> "failed: " + done.centralMessage());
        Path pdf = PrintingTest.spooled(before, "certificate");
        assertSealedCertificate(pdf, done.reference());
        assertEquals(List.of(), central.contractViolations());
    }

    @Test
    void feeIsPaidByQrCodeBeforeTheCertificateIsIssued() throws Exception {
        CentralServicePorts ports = startKiosk();
        ItemDetail item = runtime.catalog().items().stream()
                .map(s -> runtime.catalog().detail(s.code()).orElseThrow())
                .filter(d -> d.handling().contains(CatalogModel.Handling.IMMEDIATE) && ports.amountDue(d) > 0)
                .findFirst().orElseThrow();
        openGuide(item.code());
        robot.clickOn("#guide-start");
        java.util.List<ServiceFlow.View> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        app.service().addListener(seen::add);
        hub.simulators().idcard().orElseThrow().placeCard(TestCards.RESIDENT);
        await().atMost(Duration.ofSeconds(15)).until(() -> app.service().view().step() == ServiceFlow.Step.CONSENT);
        robot.interact(() -> app.service().consent(true));
        awaitFinished(90);
        assertEquals(ServiceFlow.Step.DONE, app.service().view().step(), () -> "failed: " + app.service().view().centralMessage());
        ServiceFlow.View paying = seen.stream().filter(v -> v.step() == ServiceFlow.Step.PAYING).findFirst()
                .orElseThrow(() -> new AssertionError("no payment step"));
        assertEquals(ports.amountDue(item), paying.payment().amountFen());
        assertTrue(paying.payment().qrPayload().length() > 8, paying.payment().qrPayload());
        assertEquals(org.zizhu.kiosk.services.PaymentService.Status.PAID,
                runtime.services().payments().status(paying.payment().orderId()).status(), "the centre holds the order as paid");
        int payingIndex = seen.indexOf(paying);
        assertTrue(seen.subList(payingIndex, seen.size()).stream().anyMatch(v -> v.step() == ServiceFlow.Step.PRINTING),
                "performed and printed only after paying");
        assertEquals(List.of(), central.contractViolations());
    }

    @Test
    void appointmentCheckInPrintsThePriorityTicket() throws Exception {
        startKiosk();
        // central-sim's seeded appointment YY2025001 belongs to the holder of login token QRDEMO-wangjianguo-0001.
        ItemDetail item = runtime.catalog().detail("11150200MB1532145Q200510100301").orElseThrow();
        openGuide(item.code());
        robot.clickOn("#guide-check-in");
        assertEquals(ServiceFlow.Step.ENTER_CODE, app.service().view().step());
        // Typed on the on-screen pad: a terminal has no keyboard.
        robot.clickOn("#kb-key-y").clickOn("#kb-key-y");
        for (char c : "2025001".toCharArray()) {
            robot.clickOn("#kb-digit-" + c);
        }
        robot.clickOn("#appointment-confirm");
        assertEquals(ServiceFlow.Step.INSERT_CARD, app.service().view().step());
        hub.simulators().camera().orElseThrow().showQr(
                "zizhu:login:v1:QRDEMO-wangjianguo-0001");
        awaitFinished(60);
        ServiceFlow.View done = app.service().view();
        assertEquals(ServiceFlow.Step.DONE, done.step(), () -> "failed: " + done.centralMessage());
        var receipt = hub.simulators().receipt().orElseThrow().lastReceipt();
        assertTrue(receipt.text().contains(done.reference()), "ticket " + done.reference() + " printed: " + receipt.text());
        assertEquals(List.of(), central.contractViolations());
    }

    @Test
    void immediateCertificateFromIdCardToPrintoutAndRating() throws Exception {
        CentralServicePorts ports = startKiosk();

        ItemDetail item = runtime.catalog().items().stream()
                .map(s -> runtime.catalog().detail(s.code()).orElseThrow())
                .filter(d -> d.handling().contains(CatalogModel.Handling.IMMEDIATE)
                        && d.handling().contains(CatalogModel.Handling.ONE_CERTIFICATE)
                        && !ports.licenseTypesFor(d).isEmpty())
                .findFirst().orElseThrow();
        openGuide(item.code());
        robot.clickOn("#guide-start");
        assertEquals(ServiceFlow.Step.INSERT_CARD, app.service().view().step());

        hub.simulators().idcard().orElseThrow().placeCard(TestCards.RESIDENT);
        await().atMost(Duration.ofSeconds(15)).until(() -> app.service().view().step() == ServiceFlow.Step.CONSENT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("王**", app.service().view().maskedName());
        assertNotNull(robot.lookup("#service-license-types").query());

        Instant before = Instant.now();
        robot.clickOn("#service-agree");
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            ServiceFlow.Step s = app.service().view().step();
            return s == ServiceFlow.Step.DONE || s == ServiceFlow.Step.FAILED;
        });
        ServiceFlow.View done = app.service().view();
        assertEquals(ServiceFlow.Step.DONE, done.step(), () -> "failed: " + done.centralMessage());
        assertTrue(done.reference().startsWith("ZM-"), done.reference());

        Path pdf = PrintingTest.spooled(before, "certificate");
        assertSealedCertificate(pdf, done.reference());

        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#service-to-rating");
        robot.clickOn("#rating-DISSATISFIED");
        assertTrue(robot.lookup("#rating-submit").queryButton().isDisabled(), "a bad rating needs a reason");
        robot.clickOn("#reason-TOO_SLOW");
        robot.clickOn("#rating-submit");
        await().atMost(Duration.ofSeconds(10)).until(() -> app.service().view().step() == ServiceFlow.Step.THANKS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#service-finish");
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(robot.lookup("#screen-attract").query(), "session ended");
        assertEquals("请取走您的身份证", robot.lookup("#reminder-idCard").queryAs(javafx.scene.control.Label.class).getText(),
                "the card is still on the reader: the attract screen says to take it");
        hub.simulators().idcard().orElseThrow().removeCard();
        await().atMost(Duration.ofSeconds(10)).until(() -> !app.reminders().contains(org.zizhu.kiosk.flow.KioskFlow.REMIND_ID_CARD));
        assertEquals(1L, runtime.outbox().depthByKind().getOrDefault(org.zizhu.kiosk.outbox.OutboxKind.EVALUATION, 0L),
                "the rating waits durably in the outbox");
        long applied = central.appliedCounts().size();
        assertTrue(runtime.drainer().drainOnce() >= 1);
        assertEquals(0L, runtime.outbox().depthByKind().getOrDefault(org.zizhu.kiosk.outbox.OutboxKind.EVALUATION, 0L));
        assertTrue(central.appliedCounts().size() > applied, "the centre applied the rating");
        assertTrue(central.appliedCounts().values().stream().allMatch(n -> n == 1), "nothing applied twice: " + central.appliedCounts());
        assertEquals(null, app.service(), "the transaction is gone with the session");
        assertEquals(List.of(), central.contractViolations());
    }

    /**
     * The certificate printed is the sealed OFD the centre issued, rendered: its verification QR
     * code opens the centre's page for this certificate with the SHA-256 of the exact sealed
     * bytes (the masking of the ID number on the rendered page is SealedDocumentPrintTest's).
     */
    private void assertSealedCertificate(Path pdf, String reference) throws Exception {
        String link = org.zizhu.kiosk.printing.SealedDocumentPrintTest.verificationLinkOn(pdf);
        String sha = central.sealing().lookup(reference).orElseThrow().sha256();
        assertTrue(link.endsWith("/verify/" + reference + "?h=" + sha), link);
        assertTrue(PrintingTest.pdftotext(pdf).isBlank(), "the page is the rendered OFD, not re-typeset text");
    }
}
