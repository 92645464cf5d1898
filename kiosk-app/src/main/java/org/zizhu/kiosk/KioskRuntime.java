package org.zizhu.kiosk;

import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zizhu.device.StatusTracker;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.catalog.Catalog;
import org.zizhu.kiosk.catalog.CatalogJson;
import org.zizhu.kiosk.catalog.CatalogStore;
import org.zizhu.kiosk.catalog.CatalogSync;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.central.HeartbeatSender;
import org.zizhu.kiosk.central.LinkState;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.db.Database;

/**
 * Everything the kiosk runs besides the screens: database, catalogue cache and sync, link to
 * the centre, heartbeats, devices. Background work runs on one scheduler thread so it never
 * blocks the UI; the screens read the current {@link Catalog} and listen for changes.
 */
public final class KioskRuntime implements AutoCloseable {
    public static final String VERSION = "0.1.0";
    private static final Logger log = LoggerFactory.getLogger(KioskRuntime.class);

    private final KioskConfig config;
    private final Database db;
    private final CatalogStore store;
    private final LinkState link = new LinkState();
    private final CentralClient client;
    private final CatalogSync sync;
    private final HeartbeatSender heartbeat;
    private final AtomicReference<Catalog> catalog = new AtomicReference<>(Catalog.empty());
    private final List<Consumer<Catalog>> catalogListeners = new CopyOnWriteArrayList<>();
    private final List<StatusTracker> devices = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kiosk-background");
        t.setDaemon(true);
        return t;
    });

    private KioskRuntime(KioskConfig config, Database db) {
        this.config = config;
        this.db = db;
        this.store = new CatalogStore(db);
        this.client = new CentralClient(URI.create(config.get(ConfigKey.CENTRAL_URL)), config.get(ConfigKey.TERMINAL_ID),
                config.millis(ConfigKey.CENTRAL_CONNECT_TIMEOUT_MS), config.millis(ConfigKey.CENTRAL_REQUEST_TIMEOUT_MS), link);
        this.sync = new CatalogSync(client, store);
        this.heartbeat = new HeartbeatSender(client, VERSION, () -> catalog.get().version(), () -> List.copyOf(devices));
    }

    /** Opens the database and the cached catalogue; does not touch the network yet. */
    public static KioskRuntime open(KioskConfig config) throws SQLException, IOException {
        Database db = Database.open(config.dataDir().resolve("kiosk.db"));
        KioskRuntime rt = new KioskRuntime(config, db);
        rt.catalog.set(rt.store.load());
        return rt;
    }

    /** Starts background work: catalogue sync now and periodically, heartbeats. */
    public void startBackground() {
        long syncEvery = config.seconds(ConfigKey.CATALOG_SYNC_INTERVAL_S).toSeconds();
        scheduler.scheduleWithFixedDelay(this::syncQuietly, 0, syncEvery, TimeUnit.SECONDS);
        // While offline, retry the link sooner than the normal interval.
        scheduler.scheduleWithFixedDelay(() -> {
            if (link.status() != LinkState.Status.ONLINE) {
                syncQuietly();
            }
        }, 15, 15, TimeUnit.SECONDS);
        long hb = config.seconds(ConfigKey.HEARTBEAT_INTERVAL_S).toSeconds();
        scheduler.scheduleWithFixedDelay(() -> guard(heartbeat::send), 2, hb, TimeUnit.SECONDS);
    }

    /** Syncs once now; returns the result. Used by the scheduler and by diagnostics. */
    public CatalogSync.Result syncNow() throws CentralException, CatalogJson.InvalidCatalogException, SQLException {
        CatalogSync.Result r = sync.sync();
        if (r.changed() || catalog.get().isEmpty()) {
            Catalog c = store.load();
            catalog.set(c);
            for (Consumer<Catalog> l : catalogListeners) {
                l.accept(c);
            }
        }
        return r;
    }

    private void syncQuietly() {
        try {
            syncNow();
        } catch (CentralException e) {
            log.info("catalogue sync skipped: {}", e.getMessage());
        } catch (CatalogJson.InvalidCatalogException e) {
            log.warn("catalogue from the centre rejected, keeping version {}: {}", catalog.get().version(), e.getMessage());
        } catch (SQLException | RuntimeException e) {
            EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "catalog-sync", "error", e.getClass().getSimpleName());
            log.error("catalogue sync failed", e);
        }
    }

    private static void guard(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "background", "error", e.getClass().getSimpleName());
            log.error("background task failed", e);
        }
    }

    public KioskConfig config() {
        return config;
    }

    public Catalog catalog() {
        return catalog.get();
    }

    public void onCatalogChange(Consumer<Catalog> l) {
        catalogListeners.add(l);
    }

    public LinkState link() {
        return link;
    }

    public CentralClient client() {
        return client;
    }

    public CatalogStore catalogStore() {
        return store;
    }

    public HeartbeatSender heartbeat() {
        return heartbeat;
    }

    public Database database() {
        return db;
    }

    public void addDevice(StatusTracker t) {
        devices.add(t);
    }

    public List<StatusTracker> devices() {
        return List.copyOf(devices);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            db.close();
        } catch (SQLException e) {
            log.warn("closing database", e);
        }
    }
}
