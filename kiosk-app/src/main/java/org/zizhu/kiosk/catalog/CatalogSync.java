package org.zizhu.kiosk.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.catalog.CatalogModel.Index;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.catalog.CatalogModel.ItemSummary;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.CentralException;

/**
 * Brings the cached catalogue up to the centre's version: asks for the index with the cached
 * version as ETag, fetches only items whose revision changed, and stores the result in one
 * transaction. Any failure leaves the previous catalogue in place.
 */
public final class CatalogSync {
    private final CentralClient client;
    private final CatalogStore store;

    public record Result(boolean changed, String version, int fetchedItems, int totalItems) {
    }

    public CatalogSync(CentralClient client, CatalogStore store) {
        this.client = client;
        this.store = store;
    }

    public Result sync() throws CentralException, CatalogJson.InvalidCatalogException, SQLException {
        String cached = store.version().orElse(null);
        CentralClient.Answer answer;
        try {
            answer = client.get("/catalog", cached == null ? null : '"' + cached + '"');
        } catch (CentralException e) {
            EventLog.event(EventId.CATALOG_SYNC, Outcome.FAILURE, "kind", e.kind().name());
            throw e;
        }
        if (answer.status() == 304) {
            EventLog.event(EventId.CATALOG_SYNC, Outcome.SUCCESS, "changed", false, "version", cached);
            return new Result(false, cached, 0, store.revisions().size());
        }
        JsonNode indexJson = answer.body();
        Index index;
        try {
            index = CatalogJson.index(indexJson);
        } catch (CatalogJson.InvalidCatalogException e) {
            EventLog.event(EventId.CATALOG_SYNC, Outcome.FAILURE, "kind", "BAD_RESPONSE", "reason", "index");
            throw e;
        }
        Map<String, String> have = store.revisions();
        Map<String, JsonNode> changed = new LinkedHashMap<>();
        for (ItemSummary s : index.items()) {
            if (s.revision().equals(have.get(s.code()))) {
                continue;
            }
            CentralClient.Answer item = client.get("/catalog/items/" + URLEncoder.encode(s.code(), StandardCharsets.UTF_8).replace("+", "%20"), null);
            ItemDetail d;
            try {
                d = CatalogJson.item(item.body());
            } catch (CatalogJson.InvalidCatalogException e) {
                EventLog.event(EventId.CATALOG_SYNC, Outcome.FAILURE, "kind", "BAD_RESPONSE", "code", s.code());
                throw e;
            }
            if (!d.code().equals(s.code()) || !s.revision().equals(d.revision())) {
                EventLog.event(EventId.CATALOG_SYNC, Outcome.FAILURE, "kind", "BAD_RESPONSE", "code", s.code(), "reason", "revision mismatch");
                throw new CatalogJson.InvalidCatalogException("item " + s.code() + " changed during the sync (revision mismatch)", null);
            }
            changed.put(s.code(), item.body());
        }
        store.replace(indexJson, index, changed);
        EventLog.event(EventId.CATALOG_SYNC, Outcome.SUCCESS, "changed", true, "version", index.version(),
                "fetched", changed.size(), "items", index.items().size());
        return new Result(true, index.version(), changed.size(), index.items().size());
    }
}
