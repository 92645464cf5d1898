package org.zizhu.kiosk.i18n;

import java.util.Locale;

/** Display languages. Chinese is the default after every session reset. */
public enum Language {
    ZH(Locale.SIMPLIFIED_CHINESE), EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public static Language of(String code) {
        return "en".equalsIgnoreCase(code) ? EN : ZH;
    }
}
