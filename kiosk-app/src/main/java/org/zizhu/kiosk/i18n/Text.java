package org.zizhu.kiosk.i18n;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Text in Chinese and English, as the centre sends it, and in traditional Mongolian where there
 * is one ({@code mn} null otherwise: the catalogue has no Mongolian yet, and a Mongolian screen
 * shows such text in Chinese).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Text(String zh, String en, String mn) {
    @JsonCreator
    public Text(@JsonProperty("zh") String zh, @JsonProperty("en") String en, @JsonProperty("mn") String mn) {
        this.zh = zh;
        this.en = en;
        this.mn = mn == null || mn.isBlank() ? null : mn;
    }

    /** Text with no Mongolian. */
    public Text(String zh, String en) {
        this(zh, en, null);
    }

    /**
     * A message from the bundles in every language: how the kiosk's own resident text is made
     * (never written out in code). An argument that is itself a {@code Text} is put in in the
     * same language. The Mongolian is there only when the Mongolian bundle has the key.
     */
    public static Text of(Messages messages, String key, Object... args) {
        return new Text(format(messages, Language.ZH, key, args), format(messages, Language.EN, key, args),
                messages.has(Language.MN, key) ? format(messages, Language.MN, key, args) : null);
    }

    private static String format(Messages messages, Language lang, String key, Object... args) {
        Object[] in = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            in[i] = args[i] instanceof Text t ? t.in(lang) : args[i];
        }
        return messages.format(lang, key, in);
    }

    /** The text in {@code lang}; English or Mongolian that is missing falls back to Chinese. */
    public String in(Language lang) {
        String v = switch (lang) {
            case EN -> en;
            case MN -> mn;
            case ZH -> zh;
        };
        return v == null || v.isBlank() ? (zh == null ? "" : zh) : v;
    }

    /** Chinese and English are both there (Mongolian is optional everywhere). */
    public boolean complete() {
        return zh != null && !zh.isBlank() && en != null && !en.isBlank();
    }
}
