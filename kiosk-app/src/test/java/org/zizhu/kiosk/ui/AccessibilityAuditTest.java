package org.zizhu.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.zizhu.kiosk.ui.AccessibilityAudit.Finding;
import org.zizhu.kiosk.ui.AccessibilityAudit.Rule;

/** The audit itself on hand-built nodes: each rule finds what it is meant to, and passes what is fine. */
class AccessibilityAuditTest {
    /** 1920x1080 at 21.5 inches: about 4.03 px/mm, so 15 mm is 61 px and 10 mm 40 px. */
    private static final UiMetrics SCREEN = new UiMetrics(1920, 1080, 21.5);
    private final FxRobot robot = new FxRobot();
    private Stage stage;

    @BeforeEach
    void setUp() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** Shows {@code content} in an 800x600 window, lays it out and audits it. */
    private List<Finding> audit(Pane content, boolean elder) {
        AtomicReference<List<Finding>> found = new AtomicReference<>();
        robot.interact(() -> {
            // White, as the elder screens are (the default stylesheet's root is #f4f4f4).
            content.setStyle("-fx-background-color: white; -fx-font-size: 22px;");
            Scene scene = new Scene(content, 800, 600, Color.WHITE);
            stage.setScene(scene);
            stage.show();
            content.applyCss();
            content.layout();
            found.set(new AccessibilityAudit(SCREEN, elder).check("test", scene));
        });
        return found.get();
    }

    private static Label label(String text, String style) {
        Label l = new Label(text);
        l.setId("l");
        l.setStyle(style);
        return l;
    }

    private static List<Finding> of(List<Finding> all, Rule rule) {
        return all.stream().filter(f -> f.rule() == rule).toList();
    }

    @Test
    void lowContrastTextIsFoundAndDarkTextPasses() {
        // #999 on white is 2.85:1; #595959 on white 7.0:1.
        var findings = audit(new VBox(label("浅灰的字", "-fx-text-fill: #999999; -fx-font-size: 30px;")), false);
        assertEquals(1, of(findings, Rule.CONTRAST).size(), findings.toString());
        assertTrue(of(findings, Rule.CONTRAST).get(0).measured().startsWith("2.85:1"), findings.toString());
        assertTrue(of(audit(new VBox(label("深灰的字", "-fx-text-fill: #595959; -fx-font-size: 30px;")), true),
                Rule.CONTRAST).isEmpty());
    }

    @Test
    void contrastIsMeasuredAgainstTheNearestPaintedAncestor() {
        // White text on a dark blue panel passes; the same text on a pale panel does not.
        VBox dark = new VBox(label("白字", "-fx-text-fill: white; -fx-font-size: 30px;"));
        dark.setStyle("-fx-background-color: #0a2d57;");
        assertTrue(of(audit(new VBox(dark), true), Rule.CONTRAST).isEmpty());
        VBox pale = new VBox(label("白字", "-fx-text-fill: white; -fx-font-size: 30px;"));
        pale.setStyle("-fx-background-color: #ffe082;");
        assertEquals(1, of(audit(new VBox(pale), false), Rule.CONTRAST).size());
    }

    @Test
    void elderModeAsksSevenToOne() {
        // #767676 on white is 4.54:1: enough normally, not in elder mode.
        assertTrue(of(audit(new VBox(label("字", "-fx-text-fill: #767676; -fx-font-size: 40px;")), false), Rule.CONTRAST).isEmpty());
        assertEquals(1, of(audit(new VBox(label("字", "-fx-text-fill: #767676; -fx-font-size: 40px;")), true), Rule.CONTRAST).size());
    }

    @Test
    void aTenMillimetreButtonIsFoundAndAFifteenMillimetreOnePasses() {
        Button small = new Button("小");
        small.setId("small");
        small.setMinSize(40, 40);
        small.setPrefSize(40, 40);
        small.setMaxSize(40, 40);
        small.setStyle("-fx-font-size: 20px; -fx-padding: 0;");
        Button fine = new Button("大");
        fine.setId("fine");
        fine.setMinSize(SCREEN.minTouchPx(), SCREEN.minTouchPx());
        fine.setStyle("-fx-font-size: 20px;");
        var findings = of(audit(new VBox(10, small, fine), false), Rule.TARGET_SIZE);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("#small", findings.get(0).node());
        // In elder mode (20 mm) the 15 mm button falls short too.
        Button fine2 = new Button("大");
        fine2.setId("fine");
        fine2.setMinSize(SCREEN.minTouchPx(), SCREEN.minTouchPx());
        fine2.setStyle("-fx-font-size: 30px;");
        assertEquals(1, of(audit(new VBox(10, fine2), true), Rule.TARGET_SIZE).size());
    }

    @Test
    void aClickableRegionCountsAsATarget() {
        Pane pad = new Pane();
        pad.setId("pad");
        pad.setPrefSize(30, 30);
        pad.setMaxSize(30, 30);
        pad.setOnMouseClicked(e -> { });
        var findings = of(audit(new VBox(pad), false), Rule.TARGET_SIZE);
        assertEquals(List.of("#pad"), findings.stream().map(Finding::node).toList());
    }

    @Test
    void anEllipsizedLabelIsFound() {
        Label cut = label("一个很长很长很长很长很长很长很长很长的事项名称", "-fx-font-size: 30px;");
        cut.setMaxWidth(150);
        var findings = of(audit(new VBox(cut), false), Rule.CUT_OFF);
        assertEquals(1, findings.size(), findings.toString());
        Label whole = label("短名称", "-fx-font-size: 30px;");
        assertTrue(of(audit(new VBox(whole), false), Rule.CUT_OFF).isEmpty());
    }

    @Test
    void wrappedTextTallerThanItsLabelIsFound() {
        Label tall = label("一个很长很长很长很长很长很长很长很长很长很长很长很长的说明", "-fx-font-size: 30px;");
        tall.setWrapText(true);
        tall.setMaxWidth(200);
        tall.setMaxHeight(45);
        var findings = of(audit(new VBox(tall), false), Rule.CUT_OFF);
        assertEquals(1, findings.size(), findings.toString());
    }

    @Test
    void smallTextIsFoundAndElderModeAsksMore() {
        // 12 pt on this screen is 17.1 px; 18 pt 25.6 px; a heading 30 pt 42.7 px.
        assertEquals(1, of(audit(new VBox(label("小字", "-fx-font-size: 14px;")), false), Rule.TEXT_SIZE).size());
        assertTrue(of(audit(new VBox(label("正文", "-fx-font-size: 18px;")), false), Rule.TEXT_SIZE).isEmpty());
        assertEquals(1, of(audit(new VBox(label("正文", "-fx-font-size: 24px;")), true), Rule.TEXT_SIZE).size());
        Label heading = label("标题", "-fx-font-size: 36px;");
        heading.getStyleClass().add("heading");
        assertEquals(1, of(audit(new VBox(heading), true), Rule.TEXT_SIZE).size());
    }

    @Test
    void overlappingTargetsAndNodesOutsideTheWindowAreFound() {
        Button a = placed("a", 10, 10);
        Button b = placed("b", 60, 60);
        Button c = placed("c", 750, 300);
        Pane free = new Pane(a, b, c);
        var findings = audit(free, false);
        assertEquals(List.of("#a / #b"), of(findings, Rule.OVERLAP).stream().map(Finding::node).toList(), findings.toString());
        assertEquals(List.of("#c"), of(findings, Rule.OUTSIDE_WINDOW).stream().map(Finding::node).toList());
    }

    private static Button placed(String id, double x, double y) {
        Button b = new Button(id);
        b.setId(id);
        b.setMinSize(100, 100);
        b.setPrefSize(100, 100);
        b.relocate(x, y);
        return b;
    }

    @Test
    void textDrawnAsAnImageMustFitItsControl() {
        // Traditional Mongolian is drawn as an image: a Labeled with an ImageView and no text.
        Label fits = new Label("", new ImageView(new WritableImage(40, 100)));
        fits.setId("fits");
        fits.setAccessibleText("ᠮᠣᠩᠭᠣᠯ");
        Label cut = new Label("", new ImageView(new WritableImage(40, 300)));
        cut.setId("cut");
        cut.setMinHeight(120);
        cut.setPrefHeight(120);
        cut.setMaxHeight(120);
        var findings = audit(new VBox(fits, cut), false);
        assertEquals(List.of("#cut"), of(findings, Rule.CUT_OFF).stream().map(Finding::node).toList(), findings.toString());
        assertTrue(of(findings, Rule.CONTRAST).isEmpty(), "no text colour to measure");
    }

    @Test
    void theContrastRatioIsWcags() {
        assertEquals(21.0, AccessibilityAudit.ratio(Color.BLACK, Color.WHITE), 0.01);
        assertEquals(4.54, AccessibilityAudit.ratio(Color.web("#767676"), Color.WHITE), 0.01);
    }
}
