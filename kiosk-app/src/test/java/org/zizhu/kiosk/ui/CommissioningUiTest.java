package org.zizhu.kiosk.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.zizhu.central.CentralSimulator;
import org.zizhu.central.seed.SeedData;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.idcard.sim.TestCards;
import org.zizhu.device.printer.sim.SimulatedReceipt;
import org.zizhu.device.smartcard.sim.DemoCards;
import org.zizhu.device.smartcard.sim.VirtualCardConnection;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.flow.CommissioningFlow;
import org.zizhu.kiosk.flow.CommissioningPorts.DeviceRole;
import org.zizhu.kiosk.flow.CommissioningState;
import org.zizhu.kiosk.flow.MaintenanceFlow;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.runtime.KioskRuntime;

/**
 * The commissioning wizard end to end on the simulated devices: a kiosk that is not enrolled (no
 * credentials, no enrolment code configured) opens the wizard after the technician card and PIN;
 * the network and clock check against central-sim over HTTPS, enrolment by a typed one-time code,
 * detection and binding written to commissioned.properties, each device tested with its driver
 * (card read, receipt spooled and decoded, A4 page through CUPS, camera picture, help button and
 * lamp), the report printed and received by central-sim; then a step repeated from the
 * maintenance screen. Needs socat, ffmpeg, pcscd and CUPS (scripts/stacks).
 */
class CommissioningUiTest {
    @TempDir
    Path data;
    private CentralSimulator central;
    private KioskRuntime runtime;
    private DeviceHub hub;
    private KioskApplication app;
    private VirtualCardConnection card;
    private final FxRobot robot = new FxRobot();
    /** Everything logged during the test (events at INFO too): the card test must leave no personal data in it. */
    private final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
    private final ch.qos.logback.classic.Logger rootLogger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ch.qos.logback.classic.Logger eventLogger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("zizhu.events");
    private ch.qos.logback.classic.Level eventLevel;

    @org.junit.jupiter.api.BeforeEach
    void captureLogs() {
        eventLevel = eventLogger.getLevel();
        eventLogger.setLevel(ch.qos.logback.classic.Level.INFO); // successes are INFO; the test configuration logs WARN
        logged.start();
        rootLogger.addAppender(logged);
    }

    /** What was logged, message, key-value pairs and exceptions alike. */
    private String allLogged() {
        List<ch.qos.logback.classic.spi.ILoggingEvent> events;
        synchronized (logged) { // other threads append under the appender's lock (AppenderBase.doAppend)
            events = new java.util.ArrayList<>(logged.list);
        }
        StringBuilder b = new StringBuilder();
        for (var e : events) {
            b.append(e.getFormattedMessage()).append(' ').append(e.getKeyValuePairs()).append(' ').append(e.getMDCPropertyMap());
            if (e.getThrowableProxy() != null) {
                b.append(' ').append(e.getThrowableProxy().getMessage());
            }
            b.append('\n');
        }
        return b.toString();
    }

    @AfterEach
    void stop() throws Exception {
        rootLogger.detachAppender(logged);
        eventLogger.setLevel(eventLevel);
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        if (card != null) {
            card.close();
        }
        if (hub != null) {
            hub.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (central != null) {
            central.close();
        }
    }

    private CommissioningFlow wizard() {
        return app.kiosk().commissioning();
    }

    private void until(Predicate<CommissioningState> p, String what) {
        await(what).atMost(Duration.ofSeconds(30)).until(() -> p.test(wizard().state()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Clicks a button by id. The window re-renders when the catalogue arrives after enrolment or the
     * link changes, so a button looked up a moment before may have just been replaced: then the
     * robot fails to place the pointer (before any click) and the new button is looked up again.
     */
    private void click(String id) {
        for (int attempt = 1; ; attempt++) {
            try {
                robot.clickOn("#" + id);
                break;
            } catch (RuntimeException e) {
                if (attempt == 3 || !(e.getCause() instanceof NullPointerException)) {
                    throw e;
                }
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    private void cont() {
        click("commission-continue");
    }

    @Test
    void aBlankKioskIsCommissionedEndToEndOnTheSimulatedDevices() throws Exception {
        central = CentralSimulator.builder().start();
        central.seed().addEnrolmentCode(new SeedData.EnrolmentCode("ABCD-EFGH-JKLM", null, false));
        KioskConfig config = TestKiosk.config(central.httpsBaseUrl(), data)
                .with(ConfigKey.TERMINAL_ID, "T-COMM-1")
                .with(ConfigKey.CENTRAL_ENROLMENT_CODE, "")
                .with(ConfigKey.CENTRAL_REQUEST_TIMEOUT_MS, "5000");
        runtime = KioskRuntime.open(config);
        hub = DeviceHub.start(config);
        hub.trackers().forEach(runtime::addDevice);
        PrintService printing = new PrintService(hub.receiptPrinter().orElseThrow(), hub.a4Printer().orElseThrow());
        FxToolkit.registerPrimaryStage();
        app = (KioskApplication) FxToolkit.setupApplication(() -> new KioskApplication(runtime, hub, null, printing));
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.smartcard().orElseThrow().status() == DeviceStatus.ONLINE);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.ready() && wizard() != null);
        assertTrue(wizard().firstBoot(), "no credentials and no code: not enrolled");
        // Residents are not invited onto a terminal that cannot reach the centre yet: it says it is being set up.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#screen-out-of-service").tryQuery().isPresent();
        });
        assertEquals(messagesText("outOfService.commissioning.title"), text("out-of-service-title"));

        // Technician card and PIN: maintenance's own authentication opens the wizard.
        card = VirtualCardConnection.vpcd(0);
        card.insert(DemoCards.create(DemoCards.Kind.TECHNICIAN));
        await().atMost(Duration.ofSeconds(10)).until(() -> app.maintenance().view().step() == MaintenanceFlow.Step.PIN_ENTRY);
        WaitForAsyncUtils.waitForFxEvents();
        for (char c : DemoCards.DEMO_PIN.toCharArray()) {
            click("pin-" + c);
        }
        click("pin-ok");

        // 1. Network and time.
        until(s -> s instanceof CommissioningState.NetworkChecked, "network checked");
        assertNotNull(robot.lookup("#screen-commission").query());
        var net = ((CommissioningState.NetworkChecked) wizard().state()).report();
        assertTrue(net.passed(), "centre reachable, clocks agree: " + net);
        assertTrue(text("commission-network-skew").contains("0"), text("commission-network-skew"));
        cont();

        // 2. Enrolment by the typed one-time code (the dashes come by themselves).
        until(s -> s instanceof CommissioningState.EnteringCode, "code pad");
        for (char c : "ABCDEFGHJKLM".toCharArray()) {
            click("commission-key-" + c);
        }
        assertEquals("ABCD-EFGH-JKLM-", text("commission-code"), "the next group may follow");
        click("commission-submit");
        until(s -> s instanceof CommissioningState.Enrolled, "enrolled");
        assertTrue(runtime.client().ready(), "credentials in use");
        assertEquals(1, central.terminals().enrolmentAttempts());
        cont();

        // 3. Detection and binding.
        until(s -> s instanceof CommissioningState.Detected, "devices found");
        var found = wizard().state().progress().found();
        assertTrue(found.stream().anyMatch(f -> f.role() == DeviceRole.IDCARD && f.inUse()), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.role() == DeviceRole.A4 && f.boundName().equals("zizhu-a4")), found.toString());
        assertNotNull(robot.lookup("#commission-found-RECEIPT").query());
        click("commission-bind");
        until(s -> s instanceof CommissioningState.Bound, "bound");
        Path bindings = data.resolve("commissioned.properties");
        Properties written = new Properties();
        try (var r = Files.newBufferedReader(bindings)) {
            written.load(r);
        }
        assertEquals(hub.idcard().orElseThrow().config().portPath(), written.getProperty("device.idcard.port"));
        assertEquals("zizhu-a4", written.getProperty("device.a4.queue"));
        assertTrue(written.getProperty("device.receipt.target").startsWith("tcp://127.0.0.1:"), written.toString());
        assertTrue(written.getProperty("device.smartcard.readerPattern").startsWith("\\Q"), written.toString());
        assertNotNull(robot.lookup("#commission-bindings").query());
        cont();

        // 4. Each device with its driver: a card read, a receipt, an A4 page, a picture, the button and the lamp.
        until(s -> s instanceof CommissioningState.Testing t && t.role() == DeviceRole.IDCARD, "card test");
        assertEquals(messagesText("commission.test.IDCARD"), text("commission-test-prompt"));
        hub.simulators().idcard().orElseThrow().placeCard(TestCards.RESIDENT);
        until(s -> s instanceof CommissioningState.Tested, "card read");
        assertTrue(((CommissioningState.Tested) wizard().state()).result().passed());
        hub.simulators().idcard().orElseThrow().removeCard();
        int receiptsBefore = hub.simulators().receipt().orElseThrow().receipts().size();
        cont();
        until(s -> s instanceof CommissioningState.Tested t && t.role() == DeviceRole.RECEIPT, "receipt test");
        assertTrue(((CommissioningState.Tested) wizard().state()).result().passed(), wizard().state().toString());
        List<SimulatedReceipt> receipts = hub.simulators().receipt().orElseThrow().awaitReceipts(receiptsBefore + 1, Duration.ofSeconds(10));
        assertTrue(receipts.get(receipts.size() - 1).text().contains("打印机测试页"), receipts.get(receipts.size() - 1).text());
        cont();
        until(s -> s instanceof CommissioningState.Tested t && t.role() == DeviceRole.A4, "A4 test");
        assertTrue(((CommissioningState.Tested) wizard().state()).result().passed(), wizard().state().toString());
        cont();
        until(s -> s instanceof CommissioningState.Tested t && t.role() == DeviceRole.CAMERA, "camera test");
        assertTrue(((CommissioningState.Tested) wizard().state()).result().passed(), wizard().state().toString());
        cont();
        until(s -> s instanceof CommissioningState.Testing t && t.role() == DeviceRole.GPIO, "button test");
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.gpio().orElseThrow().light().pattern()
                == org.zizhu.device.gpio.LightPattern.HELP_REQUESTED);
        hub.simulators().gpio().orElseThrow().pressHelp();
        until(s -> s instanceof CommissioningState.Tested t && t.role() == DeviceRole.GPIO, "button pressed");
        assertTrue(((CommissioningState.Tested) wizard().state()).result().passed(), wizard().state().toString());
        assertEquals(CommissioningState.Outcome.PASSED, wizard().state().progress().outcome(CommissioningState.Step.TESTS));
        cont();

        // 5. The report: on the receipt printer, and at the centre.
        until(s -> s instanceof CommissioningState.Reported, "reported");
        var outcome = ((CommissioningState.Reported) wizard().state()).outcome();
        assertTrue(outcome.printed() && outcome.sent(), outcome.toString());
        List<SimulatedReceipt> all = hub.simulators().receipt().orElseThrow().receipts();
        String printed = all.get(all.size() - 1).text();
        assertTrue(printed.contains("终端开通报告") && printed.contains("T-COMM-1"), printed);
        assertTrue(!printed.contains("王小明"), "no card holder on the report");
        List<JsonNode> reports = central.terminals().commissioningReports("T-COMM-1");
        assertEquals(1, reports.size());
        assertEquals(5, reports.get(0).path("tests").size(), "five device tests");
        assertTrue(!reports.get(0).toString().contains("王小明"));
        String log = allLogged();
        assertTrue(log.contains("commissioning-device-test"), "the events were captured:\n" + log);
        for (String personal : List.of("王小明", "110101199003071233", "幸福里", "19900307")) {
            assertTrue(!log.contains(personal), "the test card's data in the log: " + personal);
        }
        assertEquals(List.of(), central.contractViolations());
        click("commission-continue");
        until(s -> s instanceof CommissioningState.Menu, "menu");
        assertEquals(text("commission-outcome-REPORT"), messagesText("commission.outcome.PASSED"));

        // Later, from the maintenance screen: back to the panel, then the wizard's menu, one step again.
        click("commission-close");
        assertNotNull(robot.lookup("#maintenance-commission").query());
        click("maintenance-commission");
        until(s -> s instanceof CommissioningState.Menu, "menu again");
        click("commission-step-NETWORK");
        until(s -> s instanceof CommissioningState.NetworkChecked, "network again");
        cont();
        until(s -> s instanceof CommissioningState.Menu, "back at the menu");
        card.remove();
        await().atMost(Duration.ofSeconds(10)).until(() -> app.maintenance().view().step() == MaintenanceFlow.Step.CLOSED);
        assertInstanceOf(CommissioningState.Closed.class, wizard().state(), "the card out closes the wizard");
        // Enrolled now: the terminal serves residents.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#screen-attract").tryQuery().isPresent();
        });
        assertTrue(robot.lookup("#screen-out-of-service").tryQuery().isEmpty());
    }

    private static String messagesText(String key) {
        return new org.zizhu.kiosk.i18n.Messages().get(org.zizhu.kiosk.i18n.Language.ZH, key);
    }
}
