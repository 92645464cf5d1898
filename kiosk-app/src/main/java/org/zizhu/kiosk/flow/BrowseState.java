package org.zizhu.kiosk.flow;

import org.zizhu.kiosk.catalog.CatalogModel.Audience;
import org.zizhu.kiosk.i18n.Language;

/**
 * What the resident sees, as a value: the screen, the language, and the home screen's filter
 * (audience, group or search query) or the open item. Screens render exactly this.
 */
public record BrowseState(Screen screen, Language language, Audience audience, String groupId, String query,
                          String itemCode, String notice) {
    public enum Screen { ATTRACT, HOME, GUIDE }

    static BrowseState attract(Language lang) {
        return new BrowseState(Screen.ATTRACT, lang, Audience.PERSON, null, "", null, null);
    }

    BrowseState withScreen(Screen s) {
        return new BrowseState(s, language, audience, groupId, query, itemCode, null);
    }

    BrowseState withLanguage(Language l) {
        return new BrowseState(screen, l, audience, groupId, query, itemCode, notice);
    }

    BrowseState withAudience(Audience a) {
        return new BrowseState(Screen.HOME, language, a, null, "", null, null);
    }

    BrowseState withGroup(String g) {
        return new BrowseState(Screen.HOME, language, audience, g, "", null, null);
    }

    BrowseState withQuery(String q) {
        return new BrowseState(Screen.HOME, language, audience, null, q, null, null);
    }

    BrowseState withItem(String code) {
        return new BrowseState(Screen.GUIDE, language, audience, groupId, query, code, null);
    }

    BrowseState withNotice(String n) {
        return new BrowseState(screen, language, audience, groupId, query, itemCode, n);
    }
}
