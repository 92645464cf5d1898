package org.zizhu.kiosk.central;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.config.ConfigException;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.db.Database;

/**
 * Remote configuration: the centre may override a small allow-listed set of keys (intervals,
 * idle timeout, language, evaluation deadlines, log level), never anything that changes where
 * the terminal connects or what it trusts. Overrides are fetched with their version, checked by
 * the same rules as the file, stored in SQLite, and applied at the next start.
 */
public final class RemoteConfigSync {
    private static final Logger log = LoggerFactory.getLogger(RemoteConfigSync.class);
    public static final Set<ConfigKey> ALLOWED = Set.of(ConfigKey.HEARTBEAT_INTERVAL_S, ConfigKey.CATALOG_SYNC_INTERVAL_S,
            ConfigKey.UI_IDLE_TIMEOUT_S, ConfigKey.UI_LANGUAGE, ConfigKey.EVALUATION_CALLBACK_HOURS,
            ConfigKey.EVALUATION_CORRECTION_DAYS, ConfigKey.LOG_LEVEL);

    private final CentralClient client;
    private final Database db;

    public RemoteConfigSync(CentralClient client, Database db) {
        this.client = client;
        this.db = db;
    }

    /** Fetches and stores the overrides; returns the version. Invalid or unknown entries are skipped and logged. */
    public long fetch(KioskConfig current) throws CentralException, SQLException {
        JsonNode r = client.call(CentralClient.Call.get("/terminals/" + URLEncoder.encode(client.terminalId(), StandardCharsets.UTF_8) + "/config",
                "/terminals/{id}/config")).body();
        long version = r.path("version").asLong();
        Map<String, String> ok = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = r.path("overrides").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            ConfigKey k = allowed(e.getKey());
            if (k == null) {
                log.warn("remote config key {} is not allowed; ignored", e.getKey());
                continue;
            }
            try {
                current.with(k, e.getValue().asText());
                ok.put(k.key(), e.getValue().asText().strip());
            } catch (ConfigException ex) {
                log.warn("remote config value rejected: {}", ex.getMessage());
            }
        }
        long now = System.currentTimeMillis();
        db.inTransaction(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM remote_config");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO remote_config (config_key, value, version, fetched_at) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, String> e : ok.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.setLong(3, version);
                    ps.setLong(4, now);
                    ps.executeUpdate();
                }
            }
            return null;
        });
        EventLog.event(EventId.REMOTE_CONFIG_FETCHED, Outcome.SUCCESS, "version", version, "keys", ok.size());
        return version;
    }

    /** The file configuration with the stored overrides applied (each re-checked). */
    public static KioskConfig applyStored(Database db, KioskConfig config) throws SQLException {
        Map<String, String> stored = db.withConnection(c -> {
            Map<String, String> m = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT config_key, value FROM remote_config");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getString(2));
                }
            }
            return m;
        });
        KioskConfig out = config;
        for (Map.Entry<String, String> e : stored.entrySet()) {
            ConfigKey k = allowed(e.getKey());
            if (k == null) {
                continue;
            }
            try {
                out = out.with(k, e.getValue());
            } catch (ConfigException ex) {
                log.warn("stored remote config value rejected: {}", ex.getMessage());
            }
        }
        return out;
    }

    private static ConfigKey allowed(String name) {
        for (ConfigKey k : ALLOWED) {
            if (k.key().equals(name)) {
                return k;
            }
        }
        return null;
    }
}
