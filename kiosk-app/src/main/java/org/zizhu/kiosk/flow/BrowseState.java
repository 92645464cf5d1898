package org.zizhu.kiosk.flow;

import org.zizhu.kiosk.catalog.CatalogModel.Audience;
import org.zizhu.kiosk.i18n.Language;

/**
 * What the resident sees, as a value: the screen, the language, and the home screen's filter
 * (audience, group or search query) or the open item. Screens render exactly this.
 *
 * <p>{@code elderMode} (长辈模式) is the visit's choice of larger type, bigger targets, fewer
 * items and doubled timeouts; it belongs to the visit, so every change of screen keeps it and
 * only the end of the visit returns it to the configured default.
 */
public record BrowseState(Screen screen, Language language, Audience audience, String groupId, String query,
                          String itemCode, String notice, boolean elderMode) {
    public enum Screen { ATTRACT, HOME, GUIDE }

    static BrowseState attract(Language lang) {
        return attract(lang, false);
    }

    static BrowseState attract(Language lang, boolean elderMode) {
        return new BrowseState(Screen.ATTRACT, lang, Audience.PERSON, null, "", null, null, elderMode);
    }

    BrowseState withElderMode(boolean on) {
        return new BrowseState(screen, language, audience, groupId, query, itemCode, notice, on);
    }

    BrowseState withScreen(Screen s) {
        return new BrowseState(s, language, audience, groupId, query, itemCode, null, elderMode);
    }

    BrowseState withLanguage(Language l) {
        return new BrowseState(screen, l, audience, groupId, query, itemCode, notice, elderMode);
    }

    BrowseState withAudience(Audience a) {
        return new BrowseState(Screen.HOME, language, a, null, "", null, null, elderMode);
    }

    BrowseState withGroup(String g) {
        return new BrowseState(Screen.HOME, language, audience, g, "", null, null, elderMode);
    }

    BrowseState withQuery(String q) {
        return new BrowseState(Screen.HOME, language, audience, null, q, null, null, elderMode);
    }

    BrowseState withItem(String code) {
        return new BrowseState(Screen.GUIDE, language, audience, groupId, query, code, null, elderMode);
    }

    BrowseState withNotice(String n) {
        return new BrowseState(screen, language, audience, groupId, query, itemCode, n, elderMode);
    }
}
