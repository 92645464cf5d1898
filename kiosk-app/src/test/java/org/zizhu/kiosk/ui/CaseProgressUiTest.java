package org.zizhu.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.zizhu.kiosk.flow.CaseProgressFlow;
import org.zizhu.kiosk.flow.CaseProgressPorts;
import org.zizhu.kiosk.flow.CaseProgressState;
import org.zizhu.kiosk.flow.KioskFlow;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Visit;

/** The case progress screens, headless under Monocle, on fake ports: touches in, the case's steps out. */
class CaseProgressUiTest {
    static final String NUMBER = "ZW-20250301-000001";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private final FxRobot robot = new FxRobot();
    private final Messages msg = new Messages();
    private final List<String> lookedUp = new ArrayList<>();
    private final AtomicInteger homes = new AtomicInteger();
    private CaseProgressFlow flow;
    private Visit visit;
    private StackPane root;
    private CaseProgressScreens screens;

    static CaseProgressPorts.Case aCase(String number, CaseProgressPorts.Stage stage, String item) {
        Instant at = Instant.parse("2025-03-01T09:12:00Z");
        List<CaseProgressPorts.Step> steps = new ArrayList<>();
        steps.add(new CaseProgressPorts.Step(CaseProgressPorts.Stage.SUBMITTED, at, new Text("申请已提交", "Application submitted")));
        if (stage != CaseProgressPorts.Stage.SUBMITTED) {
            steps.add(new CaseProgressPorts.Step(CaseProgressPorts.Stage.ACCEPTED, at.plus(Duration.ofDays(1)), new Text("已受理", "Accepted")));
            steps.add(new CaseProgressPorts.Step(stage, at.plus(Duration.ofDays(2)), null));
        }
        return new CaseProgressPorts.Case(number, "12150200MB1C47725K050210200001", new Text(item, "Retirement approval"), stage, at,
                LocalDate.parse("2025-03-21"), steps, List.of(new CaseProgressPorts.Owed("户口簿", LocalDate.parse("2027-01-15"))));
    }

    private final CaseProgressPorts ports = new CaseProgressPorts() {
        @Override
        public Cases casesOf(Resident resident) {
            return new Cases(new Resident("王建国", "150202198503120016", resident.source(), null),
                    List.of(aCase("ZW-20261201-000102", CaseProgressPorts.Stage.SUBMITTED, "城乡居民养老保险待遇申领"),
                            aCase(NUMBER, CaseProgressPorts.Stage.IN_REVIEW, "企业职工退休审批")));
        }

        @Override
        public Optional<Case> caseByNumber(String caseNumber) {
            lookedUp.add(caseNumber);
            return NUMBER.equals(caseNumber) ? Optional.of(aCase(NUMBER, CaseProgressPorts.Stage.IN_REVIEW, "企业职工退休审批"))
                    : Optional.empty();
        }
    };

    private void show() throws Exception {
        visit = new Visit();
        flow = CaseProgressFlow.start(ports, visit, Runnable::run, CLOCK);
        Screens base = new Screens(new KioskFlow(Language.ZH, Duration.ofMinutes(2), CLOCK, Runnable::run, Runnable::run), msg,
                new UiMetrics(1920, 1080, 21.5));
        screens = new CaseProgressScreens(msg, base);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            root = new StackPane();
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(KioskApplication.class.getResource("kiosk.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            rerender();
        });
        // As the kiosk does: every new state is drawn on the FX thread.
        flow.addListener(s -> Platform.runLater(this::rerender));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void rerender() {
        root.getChildren().setAll(screens.render(Language.ZH, flow, homes::incrementAndGet));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private String label(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Every label's text under the node with {@code id}, in order. */
    private String texts(String id) {
        StringBuilder sb = new StringBuilder();
        collect(robot.lookup(id).query(), sb);
        return sb.toString();
    }

    private static void collect(Node n, StringBuilder sb) {
        if (n instanceof Label l) {
            sb.append(l.getText()).append('|');
        }
        if (n instanceof Button b && b.getGraphic() != null) {
            collect(b.getGraphic(), sb);
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, sb));
        }
    }

    private void type(String text) {
        for (char c : text.toCharArray()) {
            if (Character.isLetter(c)) {
                robot.clickOn("#kb-mode-letters");
                robot.clickOn("#kb-key-" + Character.toLowerCase(c));
            } else {
                robot.clickOn("#kb-mode-digits");
                robot.clickOn("#kb-digit-" + (c == '-' ? "dash" : String.valueOf(c)));
            }
        }
    }

    @Test
    void typesACaseNumberOnThePadAndSeesItsStepsWithDates() throws Exception {
        show();
        assertTrue(robot.lookup("#case-by-card").tryQuery().isPresent());
        assertTrue(robot.lookup("#case-by-qr").tryQuery().isPresent());
        robot.clickOn("#case-by-number");
        assertInstanceOf(CaseProgressState.EnteringNumber.class, flow.state());
        assertTrue(robot.lookup("#case-number-field").tryQuery().isPresent());
        assertFalse(robot.lookup("#kb-mode-pinyin").query().isVisible(), "no pinyin for a case number");

        type("ZW-2025");
        assertEquals("ZW-2025", label("#kb-text"));
        robot.clickOn("#case-search");
        assertEquals(msg.get(Language.ZH, "cases.numberFormat"), label("#case-message"), "a clear message");
        assertEquals("ZW-2025", label("#kb-text"), "what was typed stays to be corrected");
        assertEquals(List.of(), lookedUp);

        type("0301-000001");
        robot.clickOn("#kb-done"); // the pad's own done key looks it up too
        assertEquals(List.of(NUMBER), lookedUp);
        assertInstanceOf(CaseProgressState.CaseDetail.class, flow.state());
        assertEquals("办件编号：" + NUMBER, label("#case-detail-number"));
        assertEquals("审查中", label("#case-stage"));
        // Steps oldest first, each with its date and time in the kiosk's zone; what is still to come after them.
        String first = texts("#case-step-0");
        assertTrue(first.contains("已提交") && first.contains("2025-03-01 17:12"), first);
        String current = texts("#case-step-2");
        assertTrue(current.contains("审查中") && current.contains("2025-03-03 17:12"), current);
        assertTrue(texts("#case-upcoming-0").contains("审批通过"), texts("#case-upcoming-0"));
        assertTrue(texts("#case-upcoming-1").contains("已办结"));
        assertTrue(robot.lookup("#case-upcoming-2").tryQuery().isEmpty());
        assertTrue(label("#case-promised").contains("2025-03-21") && label("#case-promised").contains("已超期"), label("#case-promised"));
        assertTrue(label("#case-owed-0").contains("户口簿") && label("#case-owed-0").contains("2027-01-15"), label("#case-owed-0"));

        robot.clickOn("#case-back");
        assertEquals(new CaseProgressState.Choosing(null), flow.state());
        assertTrue(robot.lookup("#case-by-number").tryQuery().isPresent());
    }

    @Test
    void theVerifiedPersonsListOpensACaseAndFinishingWipesIt() throws Exception {
        show();
        robot.clickOn("#case-by-card");
        assertEquals(msg.get(Language.ZH, "cases.insertCard"), label("#case-message"));
        robot.interact(() -> flow.qrLogin("QRDEMO-wangjianguo-0001"));
        WaitForAsyncUtils.waitForFxEvents();
        var list = assertInstanceOf(CaseProgressState.CaseList.class, flow.state());
        assertEquals("王** 的办件", label("#case-list-title"), "the person named, masked");
        assertTrue(texts("#case-row-0").contains("城乡居民养老保险待遇申领"), texts("#case-row-0"));
        assertTrue(texts("#case-row-1").contains(NUMBER) && texts("#case-row-1").contains("审查中"), texts("#case-row-1"));
        robot.clickOn("#case-row-1");
        assertEquals("办件编号：" + NUMBER, label("#case-detail-number"));
        robot.clickOn("#case-back");
        assertTrue(robot.lookup("#case-row-0").tryQuery().isPresent(), "back to the list");

        robot.clickOn("#case-home");
        assertEquals(1, homes.get());
        assertEquals(new CaseProgressState.Ended(), flow.state());
        assertTrue(list.cases().wiped(), "finishing wipes the list");
    }
}
