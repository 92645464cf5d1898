package org.zizhu.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.zizhu.kiosk.flow.keyboard.CandidateSource;
import org.zizhu.kiosk.flow.keyboard.KeyboardMode;
import org.zizhu.kiosk.flow.keyboard.KeyboardState;
import org.zizhu.kiosk.flow.keyboard.PinyinIndex;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;

/** The keyboard control, headless under Monocle, on the real pinyin index: touches in, field text out. */
class ChineseKeyboardUiTest {
    private static PinyinIndex index;
    private final FxRobot robot = new FxRobot();
    private ChineseKeyboard keyboard;

    @BeforeAll
    static void buildIndex() {
        index = PinyinIndex.load();
    }

    private void show(CandidateSource source, KeyboardState initial) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            keyboard = new ChineseKeyboard(new Messages(), Language.ZH, source, initial, 61);
            Scene scene = new Scene(new StackPane(keyboard), 1280, 800);
            scene.getStylesheets().add(KioskApplication.class.getResource("kiosk.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void typeKeys(String letters) {
        for (char c : letters.toCharArray()) {
            robot.clickOn("#kb-key-" + c);
        }
    }

    /** Touches the candidate showing {@code text}, paging forward to it if needed. */
    private void pick(String text) {
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
        throw new AssertionError(text + " not among the candidates");
    }

    private String shown(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void typesANameWithPinyinAndCandidates() throws Exception {
        show(index, KeyboardState.start(KeyboardMode.PINYIN, "", 20));
        AtomicReference<String> done = new AtomicReference<>();
        robot.interact(() -> keyboard.setOnDone(done::set));

        typeKeys("zhang");
        assertEquals("zhang", shown("#kb-pinyin"));
        pick("张");
        assertEquals("张", keyboard.state().text());
        assertEquals("", shown("#kb-pinyin"));

        typeKeys("san");
        String first = robot.lookup("#kb-cand-0").queryAs(Button.class).getText();
        robot.clickOn("#kb-cand-0");
        assertEquals("张" + first, keyboard.state().text());
        assertEquals("张" + first, shown("#kb-text"));

        robot.clickOn("#kb-done");
        assertEquals("张" + first, done.get());
    }

    @Test
    void typesAMultiSyllablePlaceName() throws Exception {
        show(index, KeyboardState.start(KeyboardMode.PINYIN, "内蒙古", 20));
        typeKeys("baotou");
        assertEquals("包头", robot.lookup("#kb-cand-0").queryAs(Button.class).getText());
        robot.clickOn("#kb-cand-0");
        assertEquals("内蒙古包头", shown("#kb-text"));
    }

    @Test
    void digitPadTypesAPhoneNumberUpToTheFieldLength() throws Exception {
        show(index, KeyboardState.start(KeyboardMode.PINYIN, "", 11));
        robot.clickOn("#kb-mode-digits");
        assertTrue(robot.lookup("#kb-digit-0").queryAs(Button.class).isVisible());
        assertFalse(robot.lookup("#kb-candidates").query().isVisible());
        for (char c : "138004712345".toCharArray()) { // one digit too many
            robot.clickOn("#kb-digit-" + c);
        }
        assertEquals("13800471234", shown("#kb-text"));
        assertEquals(new Messages().format(Language.ZH, "keyboard.notice.full", 11), shown("#kb-notice"));
        robot.clickOn("#kb-backspace");
        assertEquals("1380047123", keyboard.state().text());
    }

    @Test
    void lettersPadTypesCapitalsAndKeysAreTouchSized() throws Exception {
        show(index, KeyboardState.start(KeyboardMode.PINYIN, "", 18));
        robot.clickOn("#kb-mode-letters");
        assertEquals("Q", robot.lookup("#kb-key-q").queryAs(Button.class).getText());
        typeKeys("ab");
        assertEquals("AB", keyboard.state().text());
        for (String id : List.of("#kb-key-q", "#kb-space", "#kb-done", "#kb-mode-pinyin")) {
            Button b = robot.lookup(id).queryAs(Button.class);
            assertTrue(b.getHeight() >= 60 && b.getWidth() >= 60, id + " " + b.getWidth() + "x" + b.getHeight());
        }
    }

    @Test
    void lettersTypedWhileTheIndexBuildsGetCandidatesWhenItIsReady() throws Exception {
        CompletableFuture<PinyinIndex> building = new CompletableFuture<>();
        show(CandidateSource.whenReady(building), KeyboardState.start(KeyboardMode.PINYIN, "", 20));
        robot.interact(() -> keyboard.refreshWhenReady(building));
        typeKeys("lv");
        assertEquals(new Messages().get(Language.ZH, "keyboard.loading"), shown("#kb-notice"));
        assertFalse(robot.lookup("#kb-cand-0").queryAs(Button.class).isVisible());
        building.complete(index);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(keyboard.state().candidates().stream().anyMatch(c -> c.text().equals("吕")));
        pick("吕");
        assertEquals("吕", keyboard.state().text());
    }
}
