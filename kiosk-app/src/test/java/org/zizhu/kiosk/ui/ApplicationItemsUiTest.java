package org.zizhu.kiosk.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.zizhu.central.CentralSimulator;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.catalog.CatalogModel.FormField;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.flow.ApplicationEvent;
import org.zizhu.kiosk.flow.ApplicationFlow;
import org.zizhu.kiosk.flow.ApplicationState;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.transaction.CentralServicePorts;

/**
 * Every item of the seeded catalogue that takes an application can be started from its guide
 * screen and reaches its electronic form on the real window: the start button, a mobile-app
 * login shown to the simulated camera, the consent, the centre's verification. One kiosk for all
 * items (started once: the per-item part is what is under test).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationItemsUiTest {
    /** The seeded catalogue's application (申报) items: the issue names twenty-one. */
    static final int SEEDED_APPLICATION_ITEMS = 21;
    /** central-sim's seeded login token of resident 150202198503120016, as the government app shows it. */
    static final String LOGIN_QR = "zizhu:login:v1:QRDEMO-wangjianguo-0001";

    @org.junit.jupiter.api.io.TempDir
    static Path data;
    private CentralSimulator central;
    private KioskRuntime runtime;
    private DeviceHub hub;
    private KioskApplication app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    void startKiosk() throws Exception {
        central = CentralSimulator.builder().start();
        runtime = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data));
        runtime.syncNow();
        hub = DeviceHub.start(runtime.config());
        hub.trackers().forEach(runtime::addDevice);
        PrintService printing = new PrintService(hub.receiptPrinter().orElse(null), hub.a4Printer().orElse(null));
        CentralServicePorts ports = new CentralServicePorts(runtime.services(), hub, printing);
        FxToolkit.registerPrimaryStage();
        app = (KioskApplication) FxToolkit.setupApplication(() -> new KioskApplication(runtime, hub, ports, printing));
        await().atMost(Duration.ofSeconds(30)).until(() -> app.ready());
    }

    @AfterAll
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        hub.close();
        runtime.close();
        central.close();
    }

    /** central-sim's seeded e-business license of 包头市鹿城智联科技有限公司 (legal representative 150202198503120016). */
    private static final String LUCHENG_QR = "ZZEBL1:91150203MA0N7LC8XD:20210315:A1874FD52C21B457";

    List<String> applicationItems() {
        return runtime.catalog().items().stream().map(s -> runtime.catalog().detail(s.code()).orElseThrow())
                .filter(ItemDetail::takesApplication).map(ItemDetail::code).toList();
    }

    Stream<String> items() {
        return applicationItems().stream();
    }

    @Test
    void theSeededCatalogueHasItsTwentyOneApplicationItems() {
        assertEquals(SEEDED_APPLICATION_ITEMS, applicationItems().size(), () -> "application items: " + applicationItems());
    }

    @ParameterizedTest
    @MethodSource("items")
    void eachApplicationItemStartsFromItsGuideAndReachesItsForm(String code) throws Exception {
        ItemDetail item = runtime.catalog().detail(code).orElseThrow();
        robot.interact(() -> {
            app.kiosk().home(); // ends the previous item's visit
            app.flow().touch();
            app.flow().openItem(code);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#guide-start");
        ApplicationFlow flow = app.application();
        assertNotNull(flow, "the start button starts an application");
        assertInstanceOf(ApplicationState.AwaitingCard.class, flow.state());
        hub.simulators().camera().orElseThrow().showQr(LOGIN_QR);
        await().atMost(Duration.ofSeconds(20)).until(() -> !(flow.state() instanceof ApplicationState.AwaitingCard
                || flow.state() instanceof ApplicationState.VerifyingPerson));
        if (flow.state() instanceof ApplicationState.ChoosingEnterprise) {
            // An enterprise's item: he is 鹿城智联's legal representative and shows its e-business-license QR code.
            hub.simulators().camera().orElseThrow().showQr(LUCHENG_QR);
            await().atMost(Duration.ofSeconds(20)).until(() -> !(flow.state() instanceof ApplicationState.ChoosingEnterprise
                    || flow.state() instanceof ApplicationState.IdentifyingEnterprise));
        }
        hub.simulators().camera().orElseThrow().showTestPattern();
        if (flow.state() instanceof ApplicationState.Consent) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#app-consent-yes");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !(flow.state() instanceof ApplicationState.Preparing));
        WaitForAsyncUtils.waitForFxEvents();
        var form = assertInstanceOf(ApplicationState.FillingForm.class, flow.state(), () -> code + ": " + flow.state()
                + (flow.state() instanceof ApplicationState.Failed f ? " " + f.message() : ""));
        for (FormField f : item.form().fields()) {
            var card = f.prefill() == null ? java.util.Optional.<org.zizhu.kiosk.catalog.CatalogModel.IdCardField>empty()
                    : f.prefill().idCardField();
            if (card.isPresent() && card.get() == org.zizhu.kiosk.catalog.CatalogModel.IdCardField.ID_NUMBER) {
                assertEquals("150202198503120016", form.application().values().get(f.id()),
                        code + ": 免填 — the ID number the centre verified");
            }
            Node row = robot.lookup("#app-field-" + f.id()).query();
            assertNotNull(row, code + ": the form shows field " + f.id());
            assertTrue(row.isVisible() && row.getScene() != null, code + ": field " + f.id() + " shown");
        }
        assertNotNull(robot.lookup("#app-form-next").query(), code + ": the form can be submitted");
        // Checked as a whole before it goes on: an empty required field is named.
        robot.interact(() -> flow.fire(new ApplicationEvent.SubmitForm()));
        if (item.form().fields().stream().anyMatch(f -> f.required() && !form.application().values().containsKey(f.id()))) {
            var refused = assertInstanceOf(ApplicationState.FillingForm.class, flow.state());
            assertTrue(!refused.errors().isEmpty(), code + ": the missing required fields are named");
        }
    }
}
