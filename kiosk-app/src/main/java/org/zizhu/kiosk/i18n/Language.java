package org.zizhu.kiosk.i18n;

import java.util.Locale;

/**
 * Display languages. Chinese is the default after every session reset. Traditional Mongolian
 * (MN) is drawn by the screens through a shaping engine (JavaFX alone would draw its letters
 * unjoined); its own bundle is partial and a message it lacks shows in Chinese.
 */
public enum Language {
    ZH(Locale.SIMPLIFIED_CHINESE), EN(Locale.ENGLISH), MN(Locale.forLanguageTag("mn"));

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The code in configuration and bundle names: zh, en, mn. */
    public String code() {
        return locale.getLanguage();
    }

    /** The language for a configured code; anything unknown is Chinese. */
    public static Language of(String code) {
        for (Language l : values()) {
            if (l.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
                return l;
            }
        }
        return ZH;
    }
}
