package org.zizhu.kiosk.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.zizhu.central.CentralSimulator;
import org.zizhu.device.camera.sim.DocumentScene;
import org.zizhu.device.idcard.sim.TestCards;
import org.zizhu.device.printer.sim.SimulatedReceipt;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.flow.ApplicationFlow;
import org.zizhu.kiosk.flow.ApplicationState;
import org.zizhu.kiosk.flow.CaseProgressState;
import org.zizhu.kiosk.flow.keyboard.KeyboardState;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.transaction.CentralServicePorts;

/**
 * A whole application (申报) on the simulated terminal, touched as a resident would: the ID card
 * on the SAM simulator and the face from the camera simulator (verified at central-sim), the
 * ID-card and social-security e-licenses fetched with consent, the form prefilled from the card
 * and completed on the Chinese keyboard, the personnel file laid on the document camera
 * (ffmpeg) and corrected by the real pipeline, the 容缺 commitment signed by dragging on the pad,
 * postal delivery to a Baotou street; central-sim receives one complete application, the receipt
 * printer prints the acceptance receipt and the signed 承诺书, and 办件查询 on the home screen
 * finds the case by its number. Needs socat and ffmpeg (scripts/test starts the stacks).
 */
class ApplicationUiTest {
    /** 企业职工基本养老保险待遇申领（退休申请）: form, e-licenses, a paper file, a 容缺 material, post. */
    static final String RETIREMENT = "12150200MB1C47725K050210200001";
    static final String CARD_ADDRESS = "北京市东城区示例街道幸福里1号院3号楼2单元501室";

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

    private void startKiosk() throws Exception {
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

    // ---- touching ------------------------------------------------------------------------

    private Optional<Node> find(String id) {
        return robot.lookup(id).tryQuery();
    }

    private void waitFor(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return find(id).isPresent();
        });
    }

    /**
     * Scrolls the node into view when it sits in a scroll pane, then touches it. The window may
     * draw the screen afresh meanwhile (a reminder ending, the countdown): a node found before
     * that is no longer on the screen, so it is looked up again and the touch tried again.
     */
    private void tap(String id) {
        for (int attempt = 1; ; attempt++) {
            waitFor(id);
            Node n = find(id).orElseThrow();
            robot.interact(() -> {
                for (Parent p = n.getParent(); p != null; p = p.getParent()) {
                    if (p instanceof ScrollPane sp && sp.getContent() != null) {
                        Bounds b = sp.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                        double content = sp.getContent().getBoundsInLocal().getHeight();
                        double view = sp.getViewportBounds().getHeight();
                        if (content > view) {
                            sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 16) / (content - view))));
                        }
                        sp.layout();
                    }
                }
            });
            WaitForAsyncUtils.waitForFxEvents();
            if (n.getScene() == null && attempt < 5) {
                continue; // redrawn while scrolling: the new node
            }
            try {
                robot.clickOn(n);
                WaitForAsyncUtils.waitForFxEvents();
                return;
            } catch (RuntimeException redrawn) {
                if (n.getScene() != null || attempt >= 5) {
                    throw redrawn;
                }
            }
        }
    }

    private String text(String id) {
        waitFor(id);
        Node n = find(id).orElseThrow();
        return n instanceof Label l ? l.getText() : ((Button) n).getText();
    }

    private void digits(String ds) {
        for (char c : ds.toCharArray()) {
            robot.clickOn("#kb-digit-" + (c == '-' ? "dash" : String.valueOf(c)));
        }
    }

    /** Types the pinyin and touches the candidate {@code text}; the kiosk builds its index after start-up, so this waits for it. */
    private void pinyin(String letters, String text) {
        for (char c : letters.toCharArray()) {
            robot.clickOn("#kb-key-" + c);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#kb-cand-0").queryAs(Button.class).isVisible();
        });
        for (int page = 0; page < 10; page++) {
            for (int i = 0; i < KeyboardState.DEFAULT_PAGE_SIZE; i++) {
                Button b = robot.lookup("#kb-cand-" + i).queryAs(Button.class);
                if (b.isVisible() && text.equals(b.getText())) {
                    robot.clickOn(b);
                    return;
                }
            }
            robot.clickOn("#kb-next");
        }
        throw new AssertionError(text + " not among the candidates for " + letters);
    }

    private <T extends ApplicationState> T awaitState(ApplicationFlow flow, Class<T> type, int seconds) {
        await().atMost(Duration.ofSeconds(seconds)).until(() -> type.isInstance(flow.state())
                || flow.state() instanceof ApplicationState.Failed);
        WaitForAsyncUtils.waitForFxEvents();
        return assertInstanceOf(type, flow.state(), () -> "now " + flow.state());
    }

    @Test
    void aResidentSubmitsAnApplicationWithoutPaperAndFollowsItsCase() throws Exception {
        startKiosk();
        ItemDetail item = runtime.catalog().detail(RETIREMENT).orElseThrow();
        robot.interact(() -> {
            app.flow().touch();
            app.flow().openItem(RETIREMENT);
        });
        WaitForAsyncUtils.waitForFxEvents();
        tap("#guide-start");
        ApplicationFlow flow = app.application();
        assertInstanceOf(ApplicationState.AwaitingCard.class, flow.state());

        // The card, the consent, the face verified at the centre: the form, prefilled from the card.
        hub.simulators().idcard().orElseThrow().placeCard(TestCards.RESIDENT);
        awaitState(flow, ApplicationState.Consent.class, 20);
        tap("#app-consent-yes");
        awaitState(flow, ApplicationState.FillingForm.class, 60);
        assertEquals("王小明", text("#app-field-name"));
        assertEquals("110101199003071233", text("#app-field-idNumber"));
        assertEquals(CARD_ADDRESS, text("#app-field-address"), "免填: the address on the card");

        tap("#app-field-kind-NORMAL");
        tap("#app-field-workStart");
        digits("1990-07-01");
        tap("#kb-done");
        tap("#app-field-employer");
        pinyin("baotou", "包头");
        pinyin("gangtie", "钢铁");
        tap("#kb-done");
        waitFor("#app-form-next");
        assertEquals("包头钢铁", text("#app-field-employer"));
        tap("#app-field-phone");
        digits("139123");
        tap("#kb-done");
        assertTrue(text("#app-field-error-phone").contains("联系电话"), "the message names the field");
        tap("#app-field-phone");
        robot.clickOn("#kb-clear");
        digits("13912345678");
        tap("#kb-done");
        tap("#app-form-next");
        var materials = awaitState(flow, ApplicationState.Materials.class, 10);
        assertInstanceOf(ApplicationState.FromLicense.class, materials.application().materials().get(0), "the ID card e-license: 免提交");

        // The personnel file on the document camera, corrected by the real pipeline.
        hub.simulators().camera().orElseThrow().showDocument(DocumentScene.A4_ON_DESK);
        tap("#app-capture-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> flow.state() instanceof ApplicationState.Materials m
                && (m.application().materials().get(1) instanceof ApplicationState.Pages || m.message() != null));
        var paged = assertInstanceOf(ApplicationState.Materials.class, flow.state());
        assertInstanceOf(ApplicationState.Pages.class, paged.application().materials().get(1), () -> "not taken: " + paged.message());
        waitFor("#app-page-1-0");

        // 容缺: the commitment signed on the pad.
        tap("#app-commit-2");
        waitFor("#app-signature-pad");
        Node pad = find("#app-signature-pad").orElseThrow();
        robot.drag(pad, MouseButton.PRIMARY);
        robot.moveBy(120, 40);
        robot.moveBy(120, -60);
        robot.moveBy(-300, 30);
        robot.drop();
        tap("#app-sign");
        await().atMost(Duration.ofSeconds(10)).until(() -> flow.state() instanceof ApplicationState.Materials m
                && m.application().materials().get(2) instanceof ApplicationState.Committed);

        // Postal delivery to a street of Donghe district.
        tap("#app-materials-next");
        awaitState(flow, ApplicationState.ChoosingDelivery.class, 10);
        tap("#app-delivery-post");
        tap("#app-region-150202");
        tap("#app-street-150202001");
        tap("#app-address-detail");
        pinyin("heping", "和平");
        pinyin("lu", "路");
        robot.clickOn("#kb-mode-digits");
        digits("8");
        tap("#kb-done");
        tap("#app-delivery-next");
        awaitState(flow, ApplicationState.Confirming.class, 10);
        tap("#app-confirm");
        var done = awaitState(flow, ApplicationState.Done.class, 60); // the kiosk's clock is the system zone
        assertEquals(null, done.printProblem());
        String caseNumber = done.outcome().reference();
        LocalDate due = LocalDate.now(ZoneId.systemDefault()).plusDays(item.materials().get(2).missingDueDays());

        // The centre has exactly one complete application; the case knows what is owed.
        assertEquals(1, central.appliedWithKey(flow.idempotencyKey()));
        var status = runtime.services().oneCertificate().caseStatus(caseNumber);
        assertEquals(RETIREMENT, status.itemCode());
        assertEquals(due, status.owed().get(0).dueDate());
        assertEquals(List.of(), central.contractViolations());

        // The receipt, then the signed commitment letter, on the receipt printer.
        List<SimulatedReceipt> printed = hub.simulators().receipt().orElseThrow().awaitReceipts(2, Duration.ofSeconds(20));
        String receipt = printed.get(printed.size() - 2).text();
        String owedName = item.materials().get(2).name().zh();
        assertTrue(receipt.contains(caseNumber), receipt);
        String dueShown = due.getYear() + "年" + due.getMonthValue() + "月" + due.getDayOfMonth() + "日";
        assertTrue(receipt.replace("\n", "").contains("前补交") && receipt.replace("\n", "").contains(dueShown),
                "the owed material's due date: " + receipt);
        assertTrue(printed.get(printed.size() - 2).qrCodes().stream().anyMatch(q -> q.endsWith("/cases/" + caseNumber)),
                "a QR code to follow the case");
        assertTrue(receipt.contains("12345"), "the hotline: " + receipt);
        assertFalse(receipt.contains("110101199003071233"), "the ID number masked");
        SimulatedReceipt letter = printed.get(printed.size() - 1);
        assertTrue(letter.text().contains("承诺"), letter.text());
        assertTrue(letter.rasterImages() > 0, "the drawn signature printed on the letter");
        assertTrue(receipt.contains(owedName.substring(0, 4)) || letter.text().contains(owedName.substring(0, 4)),
                "the owed material named");

        // The resident takes the card and the printout: the reminders go (the printout's after its
        // 30 s), so the window is not redrawn under the fingers while the case number is typed.
        tap("#app-finish");
        hub.simulators().idcard().orElseThrow().removeCard();
        await().atMost(Duration.ofSeconds(45)).until(() -> app.reminders().isEmpty());

        // 办件查询 from the home screen, by the case number.
        await().atMost(Duration.ofSeconds(10)).until(() -> app.application() == null);
        robot.interact(() -> app.flow().touch());
        WaitForAsyncUtils.waitForFxEvents();
        tap("#home-cases");
        tap("#case-by-number");
        for (char c : caseNumber.toCharArray()) {
            if (Character.isLetter(c)) {
                tap("#kb-mode-letters");
                tap("#kb-key-" + Character.toLowerCase(c));
            } else {
                tap("#kb-mode-digits");
                tap("#kb-digit-" + (c == '-' ? "dash" : String.valueOf(c)));
            }
        }
        tap("#case-search");
        await().atMost(Duration.ofSeconds(20)).until(() -> app.kiosk().caseProgress() != null
                && app.kiosk().caseProgress().state() instanceof CaseProgressState.CaseDetail);
        assertTrue(text("#case-detail-number").contains(caseNumber), text("#case-detail-number"));
        waitFor("#case-step-0");
        assertTrue(text("#case-owed-0").contains(due.toString()), text("#case-owed-0"));
    }
}
