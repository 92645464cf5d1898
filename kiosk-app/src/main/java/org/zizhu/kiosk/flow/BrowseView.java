package org.zizhu.kiosk.flow;

import java.util.List;
import org.zizhu.kiosk.catalog.CatalogModel.Group;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.catalog.CatalogModel.ItemSummary;
import org.zizhu.kiosk.i18n.Text;

/**
 * Everything a browse screen shows, looked up in the catalogue by {@link BrowseFlow#view()}, so
 * screens lay out values and never query the catalogue themselves.
 *
 * @param groups the groups of the chosen audience (home screen)
 * @param listing what the item list is: the high-frequency items, a group's or a search's
 * @param groupName the chosen group's name ({@link Listing#GROUP}), else null
 * @param items the items listed on the home screen
 * @param catalogEmpty no catalogue yet (first start without the centre)
 * @param detail the open item (guide screen), else null
 */
public record BrowseView(BrowseState state, List<Group> groups, Listing listing, Text groupName,
                         List<ItemSummary> items, boolean catalogEmpty, ItemDetail detail) {
    /** How many high-frequency items the home screen lists. */
    public static final int HIGH_FREQUENCY_ITEMS = 24;
    /** How many the home screen lists in elder mode: one screen of large tiles, no scrolling. */
    public static final int ELDER_HIGH_FREQUENCY_ITEMS = 6;

    public enum Listing { HIGH_FREQUENCY, GROUP, SEARCH }

    public BrowseView {
        groups = List.copyOf(groups);
        items = List.copyOf(items);
    }
}
