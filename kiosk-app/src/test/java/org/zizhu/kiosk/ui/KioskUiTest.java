package org.zizhu.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.zizhu.central.CentralSimulator;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.catalog.CatalogModel.ItemSummary;
import org.zizhu.kiosk.flow.BrowseState;

/** The real JavaFX UI, headless under Monocle, fed by central-sim over loopback HTTP. */
class KioskUiTest {
    /** Every guide element of 004 article 9 has a node with this id suffix on the guide screen. */
    static final List<String> GUIDE_ELEMENTS = List.of("name", "code", "type", "audience", "legalBasis",
            "implementingBody", "acceptanceConditions", "statutoryTimeLimit", "promisedTimeLimit", "resultName",
            "resultSample", "fee", "feeBasis", "missingMaterialAcceptance", "channels", "reviewCriteria", "scope",
            "appointment", "onlinePayment", "delivery", "place", "hours", "enquiries", "complaints");

    @TempDir
    Path data;
    private CentralSimulator central;
    private KioskRuntime runtime;
    private KioskApplication app;
    private final FxRobot robot = new FxRobot();

    private void startKiosk(String url) throws Exception {
        runtime = KioskRuntime.open(TestKiosk.config(url, data));
        FxToolkit.registerPrimaryStage();
        app = (KioskApplication) FxToolkit.setupApplication(() -> new KioskApplication(runtime));
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

    @Test
    void opensAnItemAndShowsEveryGuideElementFlowChartAndQr() throws Exception {
        central = CentralSimulator.builder().start();
        startKiosk(central.baseUrl());
        runtime.syncNow();
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#attract-touch");
        assertEquals(BrowseState.Screen.HOME, app.flow().state().screen());
        ItemSummary first = runtime.catalog().highFrequency(org.zizhu.kiosk.catalog.CatalogModel.Audience.PERSON, 1).get(0);
        robot.clickOn("#item-" + css(first.code()));
        assertEquals(BrowseState.Screen.GUIDE, app.flow().state().screen());

        ItemDetail d = runtime.catalog().detail(first.code()).orElseThrow();
        for (String element : GUIDE_ELEMENTS) {
            Label v = node("#guide-" + element, Label.class);
            assertNotNull(v, element);
            assertFalse(v.getText().isBlank(), element + " is empty");
        }
        assertEquals(d.name().zh(), node("#guide-name", Label.class).getText());
        assertEquals(d.legalBasis().zh(), node("#guide-legalBasis", Label.class).getText());
        Pane materials = node("#guide-materials", Pane.class);
        assertEquals(d.materials().size(), materials.getChildren().size() - 1, "one box per material");
        for (int i = 1; i <= d.materials().size(); i++) {
            Label attrs = (Label) ((Pane) robot.lookup("#material-" + i).query()).getChildren().get(1);
            assertTrue(attrs.getText().contains("来源渠道") && attrs.getText().contains("份数"), attrs.getText());
        }
        for (var step : d.process()) {
            assertNotNull(robot.lookup("#flow-step-" + step.id()).query(), "flow chart box for " + step.id());
        }
        assertEquals(d.guideUrl(), node("#guide-qr", ImageView.class).getUserData());
        assertEquals(d.guideUrl(), decodeShown(node("#guide-qr", ImageView.class).getImage()), "the code on the screen is the guide's address");

        robot.clickOn("#lang-switch");
        assertEquals(d.name().en(), node("#guide-name", Label.class).getText());
        robot.clickOn("#nav-back");
        assertEquals(BrowseState.Screen.HOME, app.flow().state().screen());
        assertEquals(List.of(), central.contractViolations());
    }

    @Test
    void touchTargetsAreAtLeastFifteenMillimetres() throws Exception {
        central = CentralSimulator.builder().start();
        startKiosk(central.baseUrl());
        runtime.syncNow();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#attract-touch");
        UiMetrics m = new UiMetrics(1280, 800, 21.5);
        Set<Node> buttons = robot.lookup(".button").queryAll();
        assertTrue(buttons.size() > 10);
        for (Node b : buttons) {
            if (b.isVisible() && b instanceof Button button) {
                assertTrue(button.getHeight() >= m.minTouchPx() - 0.5, button.getId() + " height " + button.getHeight());
            }
        }
    }

    @Test
    void groupsAndSearchFilterTheHomeScreen() throws Exception {
        central = CentralSimulator.builder().start();
        startKiosk(central.baseUrl());
        runtime.syncNow();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#attract-touch");
        robot.clickOn("#audience-enterprise");
        var group = runtime.catalog().groups(org.zizhu.kiosk.catalog.CatalogModel.Audience.ENTERPRISE).get(0);
        robot.clickOn("#group-" + group.id());
        Pane items = node("#home-items", Pane.class);
        assertEquals(runtime.catalog().inGroup(group.id()).size(), items.getChildren().size());

        // No keyboard on a terminal: the field opens the on-screen pad, whose pending pinyin
        // letters the search button commits as they are.
        assertFalse(robot.lookup("#search-pad").query().isVisible(), "the pad opens on a touch, not before");
        robot.clickOn("#search-field");
        assertTrue(robot.lookup("#search-pad").query().isVisible());
        for (int i = 0; i < 4; i++) {
            robot.clickOn("#kb-key-z");
        }
        robot.clickOn("#search-button");
        assertNotNull(robot.lookup("#home-no-results").query());
        assertEquals("zzzz", node("#search-field", javafx.scene.control.TextField.class).getText());
    }

    @Test
    void offlineKioskBrowsesItsCachedCatalogueAndShowsBanner() throws Exception {
        central = CentralSimulator.builder().start();
        String url = central.baseUrl();
        try (KioskRuntime first = KioskRuntime.open(TestKiosk.config(url, data))) {
            first.syncNow();
        }
        central.close();
        central = null;

        startKiosk(url);
        assertThrowsCentral();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(node("#offline-banner", Label.class).isVisible(), "offline banner shown");
        robot.clickOn("#attract-touch");
        ItemSummary first = runtime.catalog().items().get(0);
        robot.interact(() -> app.flow().openItem(first.code()));
        assertEquals(BrowseState.Screen.GUIDE, app.flow().state().screen());
        assertFalse(node("#guide-acceptanceConditions", Label.class).getText().isBlank());
    }

    @Test
    void firstStartWithNoCentreAndNoCacheSaysSoInsteadOfCrashing() throws Exception {
        startKiosk("http://127.0.0.1:9/api/v1");
        assertThrowsCentral();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#attract-touch");
        assertNotNull(robot.lookup("#home-no-catalog").query());
        assertTrue(node("#offline-banner", Label.class).isVisible());
    }

    private void assertThrowsCentral() {
        try {
            runtime.syncNow();
            throw new AssertionError("sync should fail with the centre down");
        } catch (org.zizhu.kiosk.central.CentralException expected) {
            assertTrue(expected.linkDown());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Item codes may contain characters CSS ids need escaped. */
    static String css(String id) {
        return id.replaceAll("([^A-Za-z0-9_-])", "\\\\$1");
    }

    /** What a reader makes of a QR code image on the screen (the kiosk's own scanner over its pixels), or null. */
    static String decodeShown(javafx.scene.image.Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        picture.setRGB(0, 0, w, h, argb, 0, w);
        return new org.zizhu.device.camera.qr.QrScanner().decode(picture);
    }
}
