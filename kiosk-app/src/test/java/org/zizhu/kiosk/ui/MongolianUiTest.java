package org.zizhu.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.zizhu.central.CentralSimulator;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.catalog.CatalogModel;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.flow.BrowseState;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.runtime.KioskRuntime;

/**
 * A Mongolian reader finds and starts an item in Mongolian (issue 12), in the real window under
 * Monocle: the language key is there in its own script, and every Mongolian label on screen is
 * drawn as shaped text (a picture: JavaFX alone would draw the letters unjoined), in columns
 * except in the top bar. The shaping itself is proved against HarfBuzz in the shaping module.
 */
class MongolianUiTest {
    @TempDir
    Path data;
    private CentralSimulator central;
    private KioskRuntime runtime;
    private KioskApplication app;
    private final FxRobot robot = new FxRobot();
    private final Messages messages = new Messages();

    private void startKiosk(KioskConfig config) throws Exception {
        runtime = KioskRuntime.open(config);
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

    private Labeled labeled(String id) {
        Labeled l = robot.lookup("#" + id).queryAs(Labeled.class);
        assertNotNull(l, id);
        return l;
    }

    /** The label shows its Mongolian as a shaped picture, not as JavaFX text; returns the picture. */
    private Image drawnMongolian(String id, String key) {
        Labeled l = labeled(id);
        assertEquals(messages.get(Language.MN, key), l.getText(), id + " keeps its text");
        assertTrue(messages.has(Language.MN, key), key + " is in the Mongolian bundle");
        assertEquals(ContentDisplay.GRAPHIC_ONLY, l.getContentDisplay(), id);
        assertTrue(l.getGraphic() instanceof ImageView, id + " graphic " + l.getGraphic());
        Image img = ((ImageView) l.getGraphic()).getImage();
        assertTrue(img.getWidth() > 4 && img.getHeight() > 4, id + " picture " + img.getWidth() + "x" + img.getHeight());
        return img;
    }

    @Test
    void aMongolianReaderFindsAndStartsAnItemInMongolian() throws Exception {
        central = CentralSimulator.builder().start();
        startKiosk(TestKiosk.config(central.baseUrl(), data));

        robot.clickOn("#attract-touch");
        Image key = drawnMongolian("lang-mn", "lang.mn");
        assertTrue(key.getWidth() > key.getHeight(), "the top bar's key is one horizontal line");
        robot.clickOn("#lang-mn");
        assertEquals(Language.MN, app.flow().state().language());
        assertFalse(robot.lookup("#lang-mn").query().isVisible(), "no key for the language on screen");

        Image home = drawnMongolian("nav-home", "nav.home");
        assertTrue(home.getWidth() > home.getHeight(), "top bar: horizontal");
        Image heading = drawnMongolian("home-heading", "home.highFrequency");
        assertTrue(heading.getWidth() > heading.getHeight(), "the item list is laid out in rows: its heading is a line");
        snapshot("mongolian-home");

        CatalogModel.ItemSummary first = runtime.catalog().highFrequency(CatalogModel.Audience.PERSON, 1).get(0);
        robot.clickOn("#item-" + first.code().replaceAll("([^A-Za-z0-9_-])", "\\\\$1"));
        assertEquals(BrowseState.Screen.GUIDE, app.flow().state().screen());
        // The catalogue has no Mongolian: the item's own text stays Chinese, drawn by JavaFX.
        Labeled name = labeled("guide-name");
        assertEquals(runtime.catalog().detail(first.code()).orElseThrow().name().zh(), name.getText());
        assertNull(name.getGraphic());
        Image backKey = drawnMongolian("nav-back", "nav.back");
        assertTrue(backKey.getHeight() > backKey.getWidth(), "the guide's actions are columns: " + backKey.getWidth() + "x" + backKey.getHeight());
        snapshot("mongolian-guide");
        if (robot.lookup("#guide-start").tryQuery().isPresent()) {
            drawnMongolian("guide-start", "guide.start");
        }

        robot.clickOn("#lang-switch");
        assertEquals(Language.ZH, app.flow().state().language());
        Labeled back = labeled("nav-back");
        assertEquals(messages.get(Language.ZH, "nav.back"), back.getText());
        assertNull(back.getGraphic(), "Chinese is JavaFX text again");
    }

    @Test
    void theAttractScreenIsBilingualWithMongolianAboveWhenConfigured() throws Exception {
        central = CentralSimulator.builder().start();
        startKiosk(TestKiosk.config(central.baseUrl(), data).with(ConfigKey.UI_BILINGUAL_MONGOLIAN, "true"));
        Image title = drawnMongolian("attract-title-mn", "attract.title");
        assertTrue(title.getWidth() > title.getHeight(), "horizontal in a horizontal layout");
        Labeled mn = labeled("attract-touch-mn");
        Labeled zh = labeled("attract-touch");
        assertEquals(messages.get(Language.ZH, "attract.touch"), zh.getText());
        double mnY = mn.localToScene(mn.getBoundsInLocal()).getMinY();
        double zhY = zh.localToScene(zh.getBoundsInLocal()).getMinY();
        assertTrue(mnY < zhY, "Mongolian above Chinese: " + mnY + " vs " + zhY);
        assertEquals(zh.getFont().getSize(), mn.getFont().getSize(), "both scripts at the same size");
        snapshot("bilingual-attract");
    }

    @Test
    void mongolianAsTheConfiguredLanguageWritesTheAttractScreenInColumnsFromTheLeft() throws Exception {
        central = CentralSimulator.builder().start();
        startKiosk(TestKiosk.config(central.baseUrl(), data).with(ConfigKey.UI_LANGUAGE, "mn"));
        assertEquals(Language.MN, app.flow().state().language());
        Image touch = drawnMongolian("attract-touch", "attract.touch");
        assertTrue(touch.getHeight() > touch.getWidth(), "a column: " + touch.getWidth() + "x" + touch.getHeight());
        Labeled title = robot.lookup(".attract-title").queryAs(Labeled.class);
        Labeled prompt = labeled("attract-touch");
        assertTrue(title.localToScene(title.getBoundsInLocal()).getMinX() < prompt.localToScene(prompt.getBoundsInLocal()).getMinX(),
                "the title's columns stand left of the prompt's: read first");
        snapshot("mongolian-attract");
    }

    /** The screen as a PNG under target/ (for a look by eye; the assertions above are the test). */
    private void snapshot(String name) throws Exception {
        Path dir = Path.of("target", "ui-snapshots");
        Files.createDirectories(dir);
        WaitForAsyncUtils.waitForFxEvents();
        var img = WaitForAsyncUtils.asyncFx(() -> app.flow() == null ? null
                : robot.window(0).getScene().snapshot(null)).get();
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name + ".png").toFile());
    }
}
