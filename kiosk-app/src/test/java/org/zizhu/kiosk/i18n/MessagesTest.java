package org.zizhu.kiosk.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.i18n.Text;

/**
 * Chinese and English have every message, with the same placeholders: no screen falls back to a
 * key. Mongolian is partial by design (a native translator's work in progress) but must have
 * what the issue names (attract, home, guide headings, the transaction steps, the rating and
 * every button), and nothing the others lack.
 */
class MessagesTest {
    /**
     * The keys the Mongolian bundle must have: each prefix (ending in a dot) covers a screen or a
     * kind of text the issue names; the others are single keys, buttons. A new key under one of them fails this test until it is translated.
     */
    static final List<String> MONGOLIAN_REQUIRED = List.of("app.", "attract.", "startup.", "home.", "nav.", "lang.", "guide.",
            "handling.", "kind.", "service.", "rating.", "queue.", "appointment.", "outcome.", "help.", "reminder.", "elder.",
            "idle.", "outOfService.", "face.", "offline.", "notice.unknown", "application.step.", "cases.stage.",
            // buttons of the application and case screens
            "application.title", "application.submitForm", "application.retake", "application.deletePage", "application.commit",
            "application.uncommit", "application.materialsDone", "application.window", "application.post", "application.submit",
            "application.fixForm", "application.back", "application.keyboardCancel", "application.captureButton",
            "application.sign", "application.noticeSign", "application.deliveryNext", "application.printRetry",
            "application.finish", "application.leave", "application.cancel", "application.tapToFill",
            "cases.title", "cases.choose", "cases.byCard", "cases.byQr", "cases.byNumber", "cases.search", "cases.steps",
            "cases.retry", "cases.back", "cases.finish", "keyboard.space", "keyboard.backspace", "keyboard.clear",
            "keyboard.done", "keyboard.prev", "keyboard.next");

    private static Properties bundle(Language l) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/messages_" + l.locale().getLanguage() + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyLanguageFileHasEveryKeyWithTheSamePlaceholders() throws IOException {
        Properties zh = bundle(Language.ZH);
        for (Language l : Language.values()) {
            Properties p = bundle(l);
            if (l == Language.MN) {
                TreeSet<String> extra = new TreeSet<>(p.stringPropertyNames());
                extra.removeAll(zh.stringPropertyNames());
                assertEquals(new TreeSet<>(), extra, "Mongolian keys the Chinese bundle lacks");
                TreeSet<String> missing = new TreeSet<>();
                for (String k : zh.stringPropertyNames()) {
                    if (MONGOLIAN_REQUIRED.stream().anyMatch(r -> r.endsWith(".") ? k.startsWith(r) : k.equals(r)) && !p.containsKey(k) && !zh.getProperty(k).isEmpty()) {
                        missing.add(k);
                    }
                }
                assertEquals(new TreeSet<>(), missing, "Mongolian keys the issue requires");
            } else {
                assertEquals(new TreeSet<>(zh.stringPropertyNames()), new TreeSet<>(p.stringPropertyNames()), "keys of " + l);
            }
            TreeMap<String, Long> want = new TreeMap<>();
            TreeMap<String, Long> got = new TreeMap<>();
            for (String k : p.stringPropertyNames()) {
                want.put(k, placeholders(zh.getProperty(k)));
                got.put(k, placeholders(p.getProperty(k)));
            }
            assertEquals(want, got, "placeholders of " + l);
        }
    }

    private static long placeholders(String s) {
        return s.split("%s", -1).length - 1L;
    }

    @Test
    void textFromTheBundlesPutsArgumentsInEachLanguage() {
        Messages m = new Messages();
        Text issued = Text.of(m, "queue.issued", "A012", 3);
        assertEquals(new Text("已取号 A012，前面还有 3 人，请取走号票", "Ticket A012, 3 ahead of you. Please take your ticket.",
                m.format(Language.MN, "queue.issued", "A012", 3)), issued);
        assertTrue(issued.mn().startsWith("A012 "), issued.mn());
        assertEquals(new Text("本事项需提交纸质材料「户口簿」，请到窗口办理",
                        "This item needs the paper material \"Household register\"; please go to a service window"),
                Text.of(m, "error.paperMaterial", new Text("户口簿", "Household register")));
        assertEquals(new Text("no.such.key", "no.such.key"), Text.of(m, "no.such.key"));
    }

    @Test
    void mongolianFallsBackToChineseForWhatItLacksAndKeepsItsOwn() {
        Messages m = new Messages();
        assertEquals(m.get(Language.ZH, "cases.numberExample"), m.get(Language.MN, "cases.numberExample"));
        assertFalse(m.has(Language.MN, "cases.numberExample"));
        String home = m.get(Language.MN, "nav.home");
        assertTrue(home.codePoints().anyMatch(c -> c >= 0x1820 && c <= 0x18AF), home);
        Text t = Text.of(m, "nav.home");
        assertEquals(home, t.in(Language.MN));
        assertEquals(m.get(Language.ZH, "cases.numberExample"), Text.of(m, "cases.numberExample").in(Language.MN));
        assertEquals("户口簿", new Text("户口簿", "Household register").in(Language.MN));
    }
}
