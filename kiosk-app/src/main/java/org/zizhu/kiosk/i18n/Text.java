package org.zizhu.kiosk.i18n;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;

/** Text in Chinese and English, as the centre sends it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Text(String zh, String en) {
    /**
     * A message from the bundles in every language: how the kiosk's own resident text is made
     * (never written out in code). An argument that is itself a {@code Text} is put in in the
     * same language.
     */
    public static Text of(Messages messages, String key, Object... args) {
        return new Text(format(messages, Language.ZH, key, args), format(messages, Language.EN, key, args));
    }

    private static String format(Messages messages, Language lang, String key, Object... args) {
        Object[] in = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            in[i] = args[i] instanceof Text t ? t.in(lang) : args[i];
        }
        return messages.format(lang, key, in);
    }

    public String in(Language lang) {
        String v = lang == Language.EN ? en : zh;
        return v == null || v.isBlank() ? (zh == null ? "" : zh) : v;
    }

    public boolean complete() {
        return zh != null && !zh.isBlank() && en != null && !en.isBlank();
    }
}
