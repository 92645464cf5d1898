package org.zizhu.kiosk.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.i18n.Text;

/** Every language file has every message, with the same placeholders: no screen falls back to a key. */
class MessagesTest {
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
            assertEquals(new TreeSet<>(zh.stringPropertyNames()), new TreeSet<>(p.stringPropertyNames()), "keys of " + l);
            TreeMap<String, Long> want = new TreeMap<>();
            TreeMap<String, Long> got = new TreeMap<>();
            for (String k : zh.stringPropertyNames()) {
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
        assertEquals(new Text("已取号 A012，前面还有 3 人，请取走号票", "Ticket A012, 3 ahead of you. Please take your ticket."),
                Text.of(m, "queue.issued", "A012", 3));
        assertEquals(new Text("本事项需提交纸质材料「户口簿」，请到窗口办理",
                        "This item needs the paper material \"Household register\"; please go to a service window"),
                Text.of(m, "error.paperMaterial", new Text("户口簿", "Household register")));
        assertEquals(new Text("no.such.key", "no.such.key"), Text.of(m, "no.such.key"));
    }
}
