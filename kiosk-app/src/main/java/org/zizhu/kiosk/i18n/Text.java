package org.zizhu.kiosk.i18n;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.zizhu.kiosk.i18n.Language;

/** Text in Chinese and English, as the centre sends it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Text(String zh, String en) {
    public String in(Language lang) {
        String v = lang == Language.EN ? en : zh;
        return v == null || v.isBlank() ? (zh == null ? "" : zh) : v;
    }

    public boolean complete() {
        return zh != null && !zh.isBlank() && en != null && !en.isBlank();
    }
}
