package org.zizhu.kiosk.catalog;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.zizhu.kiosk.catalog.CatalogModel.Audience;
import org.zizhu.kiosk.catalog.CatalogModel.Group;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.catalog.CatalogModel.ItemSummary;

/** An immutable catalogue version held in memory for the screens: groups, items, search. */
public final class Catalog {
    private final String version;
    private final List<Group> groups;
    private final List<ItemSummary> items;
    private final Map<String, ItemDetail> details;

    public Catalog(String version, List<Group> groups, List<ItemSummary> items, Map<String, ItemDetail> details) {
        this.version = version;
        this.groups = groups.stream().sorted(Comparator.comparingInt(Group::order)).toList();
        this.items = items.stream().sorted(Comparator.comparingInt(ItemSummary::rank).thenComparing(ItemSummary::code)).toList();
        this.details = Map.copyOf(details);
    }

    public static Catalog empty() {
        return new Catalog(null, List.of(), List.of(), Map.of());
    }

    /** Null when no catalogue has ever been synced. */
    public String version() {
        return version;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public int size() {
        return items.size();
    }

    public List<Group> groups(Audience audience) {
        return groups.stream().filter(g -> g.audience() == audience).toList();
    }

    public List<ItemSummary> items() {
        return items;
    }

    /** High-frequency items of an audience, most used first. */
    public List<ItemSummary> highFrequency(Audience audience, int limit) {
        return items.stream().filter(i -> i.audience() == audience && i.highFrequency()).limit(limit).toList();
    }

    public List<ItemSummary> inGroup(String groupId) {
        return items.stream().filter(i -> i.group().equals(groupId)).toList();
    }

    public Optional<ItemDetail> detail(String code) {
        return Optional.ofNullable(details.get(code));
    }

    public Optional<Group> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /**
     * Items whose name (either language), code or keywords contain every word of the query,
     * case- and width-insensitively. An empty query finds nothing.
     */
    public List<ItemSummary> search(String query) {
        String q = normalise(query);
        if (q.isBlank()) {
            return List.of();
        }
        String[] words = q.split("\\s+");
        Function<ItemSummary, String> hay = i -> normalise(i.name().zh() + " " + i.name().en() + " " + i.code() + " "
                + String.join(" ", i.keywords()));
        Map<ItemSummary, String> index = items.stream().collect(Collectors.toMap(Function.identity(), hay, (a, b) -> a, java.util.LinkedHashMap::new));
        return index.entrySet().stream().filter(e -> {
            for (String w : words) {
                if (!e.getValue().contains(w)) {
                    return false;
                }
            }
            return true;
        }).map(Map.Entry::getKey).toList();
    }

    static String normalise(String s) {
        if (s == null) {
            return "";
        }
        // NFKC folds full-width letters/digits typed on a Chinese keyboard into ASCII.
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }
}
