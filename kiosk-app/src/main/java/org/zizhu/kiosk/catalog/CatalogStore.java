package org.zizhu.kiosk.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.catalog.CatalogModel.Index;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.db.Database;

/** The catalogue cached in SQLite: one consistent version, replaced atomically by a sync. */
public final class CatalogStore {
    private static final Logger log = LoggerFactory.getLogger(CatalogStore.class);
    private final Database db;

    public CatalogStore(Database db) {
        this.db = db;
    }

    /** Stored revision of every cached item. */
    public Map<String, String> revisions() throws SQLException {
        return db.withConnection(c -> {
            Map<String, String> m = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT code, revision FROM catalog_item")) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getString(2));
                }
            }
            return m;
        });
    }

    public Optional<String> version() throws SQLException {
        return db.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM catalog_meta WHERE id = 1")) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    public Optional<Instant> syncedAt() throws SQLException {
        return db.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT synced_at FROM catalog_meta WHERE id = 1")) {
                return rs.next() ? Optional.of(Instant.parse(rs.getString(1))) : Optional.empty();
            }
        });
    }

    /**
     * Replaces the cached catalogue in one transaction: the new index, the changed items, and
     * removal of items the centre no longer lists.
     */
    public void replace(JsonNode indexJson, Index index, Map<String, JsonNode> changedDetails) throws SQLException {
        db.inTransaction(c -> {
            try (PreparedStatement meta = c.prepareStatement(
                    "INSERT INTO catalog_meta (id, version, synced_at, index_json) VALUES (1, ?, ?, ?) "
                            + "ON CONFLICT(id) DO UPDATE SET version = excluded.version, synced_at = excluded.synced_at, index_json = excluded.index_json")) {
                meta.setString(1, index.version());
                meta.setString(2, Instant.now().toString());
                meta.setString(3, indexJson.toString());
                meta.executeUpdate();
            }
            try (PreparedStatement up = c.prepareStatement(
                    "INSERT INTO catalog_item (code, revision, detail_json) VALUES (?, ?, ?) "
                            + "ON CONFLICT(code) DO UPDATE SET revision = excluded.revision, detail_json = excluded.detail_json")) {
                for (Map.Entry<String, JsonNode> e : changedDetails.entrySet()) {
                    up.setString(1, e.getKey());
                    up.setString(2, e.getValue().path("revision").asText());
                    up.setString(3, e.getValue().toString());
                    up.addBatch();
                }
                up.executeBatch();
            }
            java.util.Set<String> keep = new java.util.HashSet<>();
            index.items().forEach(i -> keep.add(i.code()));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT code FROM catalog_item");
                 PreparedStatement del = c.prepareStatement("DELETE FROM catalog_item WHERE code = ?")) {
                java.util.List<String> gone = new java.util.ArrayList<>();
                while (rs.next()) {
                    if (!keep.contains(rs.getString(1))) {
                        gone.add(rs.getString(1));
                    }
                }
                for (String code : gone) {
                    del.setString(1, code);
                    del.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * Loads the cached catalogue. Rows that no longer parse (a damaged file, an old format) are
     * skipped with a logged event rather than taking the kiosk down.
     */
    public Catalog load() throws SQLException {
        return db.withConnection(c -> {
            String indexText;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT index_json FROM catalog_meta WHERE id = 1")) {
                if (!rs.next()) {
                    return Catalog.empty();
                }
                indexText = rs.getString(1);
            }
            Index index;
            try {
                index = CatalogJson.index(CatalogJson.JSON.readTree(indexText));
            } catch (JsonProcessingException | CatalogJson.InvalidCatalogException e) {
                EventLog.event(EventId.CATALOG_CACHE_OPENED, Outcome.FAILURE, "reason", "index unreadable");
                log.warn("cached catalogue index unreadable; starting empty", e);
                return Catalog.empty();
            }
            Map<String, ItemDetail> details = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT code, detail_json FROM catalog_item")) {
                while (rs.next()) {
                    try {
                        details.put(rs.getString(1), CatalogJson.item(CatalogJson.JSON.readTree(rs.getString(2))));
                    } catch (JsonProcessingException | CatalogJson.InvalidCatalogException e) {
                        EventLog.event(EventId.CATALOG_CACHE_OPENED, Outcome.FAILURE, "reason", "item unreadable", "code", rs.getString(1));
                    }
                }
            }
            // Only items with a readable guide are offered.
            var items = index.items().stream().filter(i -> details.containsKey(i.code())).toList();
            EventLog.event(EventId.CATALOG_CACHE_OPENED, Outcome.SUCCESS, "version", index.version(), "items", items.size());
            return new Catalog(index.version(), index.groups(), items, details);
        });
    }
}
