package org.zizhu.kiosk.i18n;

import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * UI strings from {@code i18n/messages_*.properties} (UTF-8). A missing key shows as the key,
 * except in Mongolian: its bundle is partial by design (what a native translator has not yet
 * given stays Chinese, as the catalogue body does), so a key it lacks is taken from Chinese.
 */
public final class Messages {
    private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);

    public Messages() {
        for (Language l : Language.values()) {
            bundles.put(l, ResourceBundle.getBundle("i18n.messages", l.locale(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        }
    }

    public String get(Language lang, String key) {
        Language from = lang == Language.MN && !has(Language.MN, key) ? Language.ZH : lang;
        try {
            return bundles.get(from).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The message with {@code args} put in its {@code %s} places. */
    public String format(Language lang, String key, Object... args) {
        String pattern = get(lang, key);
        return args.length == 0 ? pattern : String.format(lang.locale(), pattern, args);
    }

    /** This language's own bundle has the key (Mongolian's fallback to Chinese not counted). */
    public boolean has(Language lang, String key) {
        return bundles.get(lang).containsKey(key);
    }
}
