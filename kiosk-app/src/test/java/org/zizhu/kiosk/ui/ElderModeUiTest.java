package org.zizhu.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.zizhu.central.CentralSimulator;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.flow.BrowseState;
import org.zizhu.kiosk.runtime.KioskRuntime;

/** Elder mode and the idle countdown on the real window, headless under Monocle. */
class ElderModeUiTest {
    /** The test screen: 1280x800 at 21.5 inches (see {@link #config}). */
    private static final UiMetrics SCREEN = new UiMetrics(1280, 800, 21.5);

    @TempDir
    Path data;
    private CentralSimulator central;
    private KioskRuntime runtime;
    private KioskApplication app;
    private final FxRobot robot = new FxRobot();

    private KioskConfig config(String url, String... extra) throws Exception {
        Properties p = new Properties();
        p.setProperty("central.url", url);
        p.setProperty("data.dir", data.toString());
        p.setProperty("terminal.id", "T-TEST-1");
        p.setProperty("central.connectTimeoutMs", "500");
        p.setProperty("central.requestTimeoutMs", "2000");
        p.setProperty("ui.fullscreen", "false");
        p.setProperty("ui.width", "1280");
        p.setProperty("ui.height", "800");
        p.setProperty("ui.screenDiagonalInches", "21.5");
        for (int i = 0; i < extra.length; i += 2) {
            p.setProperty(extra[i], extra[i + 1]);
        }
        return KioskConfig.from(p, "test");
    }

    private void startKiosk(String... extra) throws Exception {
        central = CentralSimulator.builder().start();
        runtime = KioskRuntime.open(config(central.baseUrl(), extra));
        FxToolkit.registerPrimaryStage();
        app = (KioskApplication) FxToolkit.setupApplication(() -> new KioskApplication(runtime));
        WaitForAsyncUtils.waitForFxEvents();
        runtime.syncNow();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        if (runtime != null) {
            runtime.close();
        }
        if (central != null) {
            central.close();
        }
    }

    private <T extends Node> T node(String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    /** Visible with all its ancestors (the hidden countdown bar's button is not on screen). */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private Node windowRoot() {
        return robot.lookup(".kiosk-root").query();
    }

    @Test
    void theElderButtonScalesTypeAndTargetsForTheVisitAndTheVisitsEndUndoesIt() throws Exception {
        startKiosk();
        robot.clickOn("#attract-touch");
        assertFalse(windowRoot().getStyleClass().contains("elder"));
        double normalFont = node("#group-all", Button.class).getFont().getSize();
        double normalTile = robot.lookup(".tile-name").queryAs(Label.class).getFont().getSize();
        int normalItems = node("#home-items", javafx.scene.layout.Pane.class).getChildren().size();

        robot.clickOn("#elder-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.kiosk().elderMode());
        assertTrue(windowRoot().getStyleClass().contains("elder"), "the window root carries .elder");
        Button all = node("#group-all", Button.class);
        assertTrue(all.getFont().getSize() >= 1.5 * normalFont, all.getFont().getSize() + " vs " + normalFont);
        assertTrue(all.getFont().getSize() >= 24, "body text at least 24 px (18 pt)");
        assertTrue(node("#home-heading", Label.class).getFont().getSize() >= 40, "headings at least 40 px (30 pt)");
        Label tile = robot.lookup(".tile-name").queryAs(Label.class);
        assertTrue(tile.getFont().getSize() >= 1.5 * normalTile, tile.getFont().getSize() + " vs " + normalTile);
        assertTrue(node("#home-items", javafx.scene.layout.Pane.class).getChildren().size() < normalItems,
                "fewer items on the elder home screen");
        double twentyMm = SCREEN.elderMinTouchPx();
        assertTrue(twentyMm >= SCREEN.mm(20));
        int checked = 0;
        for (Node n : robot.lookup(".button").queryAll()) {
            if (shown(n) && n instanceof Button b) {
                assertTrue(b.getHeight() >= twentyMm - 0.5, b.getId() + " height " + b.getHeight() + " < " + twentyMm);
                checked++;
            }
        }
        assertTrue(checked > 5, "buttons checked: " + checked);
        assertEquals("退出长辈模式", node("#elder-toggle", Button.class).getText());

        robot.clickOn("#elder-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(windowRoot().getStyleClass().contains("elder"), "the same button switches it off");
        robot.clickOn("#elder-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> app.kiosk().finishTransaction());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(BrowseState.Screen.ATTRACT, app.flow().state().screen());
        assertFalse(windowRoot().getStyleClass().contains("elder"), "the next resident starts in the default mode");
    }

    @Test
    void elderModeCanBeTheConfiguredDefault() throws Exception {
        startKiosk("ui.elderModeDefault", "true");
        assertTrue(windowRoot().getStyleClass().contains("elder"), "on the attract screen already");
        robot.clickOn("#attract-touch");
        assertTrue(app.kiosk().elderMode());
        assertEquals("退出长辈模式", node("#elder-toggle", Button.class).getText());
    }

    @Test
    void theCountdownAppearsBeforeTheIdleTimeoutAndMoreTimeKeepsTheVisit() throws Exception {
        // The shortest timeout the configuration allows (10 s) warns for its last 5 s.
        startKiosk("ui.idleTimeoutSeconds", "10");
        assertFalse(node("#idle-countdown", Node.class).isVisible(), "no countdown on the attract screen");
        robot.clickOn("#attract-touch");
        assertFalse(node("#idle-countdown", Node.class).isVisible(), "just touched");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> node("#idle-countdown", Node.class).isVisible());
        String text = node("#idle-countdown-text", Label.class).getText();
        assertTrue(text.startsWith("还剩 ") && text.contains("秒将返回首页，需要更多时间吗？"), text);
        Button more = node("#idle-more-time", Button.class);
        assertEquals("继续办理", more.getText());
        assertTrue(more.getHeight() >= SCREEN.minTouchPx());
        // fire(), not a click: a click's press is a touch anywhere, which alone restarts the timer.
        robot.interact(more::fire);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !node("#idle-countdown", Node.class).isVisible());
        assertEquals(BrowseState.Screen.HOME, app.flow().state().screen(), "the visit goes on");
    }
}
