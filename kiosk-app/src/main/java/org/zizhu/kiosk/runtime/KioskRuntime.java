package org.zizhu.kiosk.runtime;

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
import org.zizhu.kiosk.ops.HeartbeatSender;
import org.zizhu.kiosk.ops.MetricsServer;
import org.zizhu.kiosk.central.LinkState;
import org.zizhu.kiosk.config.ConfigException;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.central.RemoteConfigSync;
import org.zizhu.kiosk.central.TerminalCredentials;
import org.zizhu.kiosk.db.Database;
import org.zizhu.kiosk.enrol.CaPin;
import org.zizhu.kiosk.enrol.Enrolment;
import org.zizhu.kiosk.outbox.Backoff;
import org.zizhu.kiosk.outbox.Outbox;
import org.zizhu.kiosk.outbox.OutboxCipher;
import org.zizhu.kiosk.outbox.OutboxDrainer;
import org.zizhu.kiosk.services.CentralServices;
import org.zizhu.threads.DaemonThreads;

/**
 * Everything the kiosk runs besides the screens: database, catalogue cache and sync, link to
 * the centre, heartbeats, devices. Background work runs on one scheduler thread so it never
 * blocks the UI; the screens read the current {@link Catalog} and listen for changes.
 */
public final class KioskRuntime implements AutoCloseable, MetricsServer.Source {
    public static final String VERSION = "0.1.0";
    /**
     * The version the centre sees in heartbeats: the installed release's own (the package's or an
     * update's, so the centre can tell whether a target was reached), or {@link #VERSION} in a
     * build tree.
     */
    public static final String RUNNING_VERSION = org.zizhu.kiosk.update.UpdateLayout.runningRelease().orElse(VERSION);
    private static final Logger log = LoggerFactory.getLogger(KioskRuntime.class);

    private final KioskConfig config;
    private final Database db;
    private final CatalogStore store;
    private final LinkState link = new LinkState();
    private final CentralClient client;
    private final CatalogSync sync;
    private final HeartbeatSender heartbeat;
    private final Outbox outbox;
    private final OutboxDrainer drainer;
    private final CentralServices services;
    private final RemoteConfigSync remoteConfig;
    private final java.util.Optional<org.zizhu.kiosk.update.UpdateAgent> updates;
    private final AtomicReference<Catalog> catalog = new AtomicReference<>(Catalog.empty());
    private final List<Consumer<Catalog>> catalogListeners = new CopyOnWriteArrayList<>();
    private final List<StatusTracker> devices = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("kiosk-background"));

    private KioskRuntime(KioskConfig config, Database db) throws IOException {
        this.config = config;
        this.db = db;
        this.store = new CatalogStore(db);
        this.client = new CentralClient(URI.create(config.get(ConfigKey.CENTRAL_URL)), config.get(ConfigKey.TERMINAL_ID),
                config.millis(ConfigKey.CENTRAL_CONNECT_TIMEOUT_MS), config.millis(ConfigKey.CENTRAL_REQUEST_TIMEOUT_MS), link);
        this.sync = new CatalogSync(client, store);
        this.heartbeat = new HeartbeatSender(client, RUNNING_VERSION, () -> catalog.get().version(), () -> List.copyOf(devices));
        // Central link, outbox and services (issue 6): mutual TLS once enrolled, durable outbox, typed services.
        client.retryPolicy(config.getInt(ConfigKey.CENTRAL_RETRY_ATTEMPTS), java.time.Duration.ofMillis(100));
        loadCredentials();
        this.outbox = new Outbox(db, OutboxCipher.open(config.dataDir()), java.time.Clock.systemUTC());
        this.drainer = new OutboxDrainer(outbox, client, new Backoff(config.millis(ConfigKey.OUTBOX_BACKOFF_BASE_MS),
                config.seconds(ConfigKey.OUTBOX_BACKOFF_MAX_S)), java.time.Clock.systemUTC());
        this.services = new CentralServices(client, outbox, java.time.Duration.ofHours(config.getInt(ConfigKey.EVALUATION_CALLBACK_HOURS)),
                java.time.Duration.ofDays(config.getInt(ConfigKey.EVALUATION_CORRECTION_DAYS)), java.time.Clock.systemUTC(),
                config.get(ConfigKey.TERMINAL_LOCATION_CODE), config.dataDir().resolve("trust-list.json"));
        this.remoteConfig = new RemoteConfigSync(client, db);
        this.updates = openUpdates(config, client);
        heartbeat.outboxDepth(() -> {
            try {
                return outbox.depth();
            } catch (SQLException e) {
                return -1L;
            }
        });
    }

    /**
     * The update agent, when updates are on and the pinned release key can be read (a kiosk
     * without the key never installs anything: it says so once in the log).
     */
    private static java.util.Optional<org.zizhu.kiosk.update.UpdateAgent> openUpdates(KioskConfig config, CentralClient client) {
        if (!config.getBoolean(ConfigKey.UPDATE_ENABLED)) {
            return java.util.Optional.empty();
        }
        java.security.PublicKey key;
        try {
            key = org.zizhu.update.ReleaseSigning.readPublicKey(java.nio.file.Path.of(config.get(ConfigKey.UPDATE_PUBLIC_KEY)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            EventLog.event(EventId.UPDATE_CHECK, Outcome.FAILURE, "reason", "no-release-key", "error", e.getClass().getSimpleName());
            return java.util.Optional.empty();
        }
        var layout = org.zizhu.kiosk.update.UpdateLayout.of(config, System.getenv());
        return java.util.Optional.of(new org.zizhu.kiosk.update.UpdateAgent(layout, client, key, layout.currentVersion().orElse(null),
                config.getInt(ConfigKey.UPDATE_MAX_RELEASE_MB) * (1L << 20), config.seconds(ConfigKey.UPDATE_POLL_INTERVAL_S),
                java.time.Duration.ofMinutes(30), java.time.Clock.systemUTC()));
    }

    private void loadCredentials() throws IOException {
        if (!client.usesTls()) {
            log.warn("central.url is plain HTTP: development mode without client authentication");
            return;
        }
        var creds = TerminalCredentials.load(config.dataDir());
        if (creds.isPresent()) {
            try {
                client.useCredentials(creds.get());
                EventLog.event(EventId.CREDENTIALS_LOADED, Outcome.SUCCESS, "terminalId", creds.get().terminalId(),
                        "notAfter", creds.get().notAfter().toString());
            } catch (java.security.GeneralSecurityException e) {
                EventLog.event(EventId.CREDENTIALS_LOADED, Outcome.FAILURE, "error", e.getClass().getSimpleName());
                throw new IOException("terminal credentials cannot be used: " + e.getMessage(), e);
            }
        }
    }

    /** Opens the database and the cached catalogue; does not touch the network yet. */
    public static KioskRuntime open(KioskConfig config) throws SQLException, IOException {
        Database db = Database.open(config.dataDir().resolve("kiosk.db"));
        KioskRuntime rt = new KioskRuntime(RemoteConfigSync.applyStored(db, config), db);
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
        scheduler.scheduleWithFixedDelay(() -> guard(this::enqueueHeartbeat), 2, hb, TimeUnit.SECONDS);
        String code = config.get(ConfigKey.CENTRAL_ENROLMENT_CODE);
        if (client.usesTls() && !client.ready() && !code.isEmpty()) {
            // First start: enrol with the configured code, retrying until the centre answers.
            scheduler.schedule(new Runnable() {
                @Override
                public void run() {
                    if (client.ready()) {
                        return;
                    }
                    try {
                        enrol(code);
                    } catch (CentralException e) {
                        log.warn("enrolment failed ({}), retrying in 60 s", e.getMessage());
                        if (e.retryable()) {
                            scheduler.schedule(this, 60, TimeUnit.SECONDS);
                        }
                    } catch (ConfigException e) {
                        log.error("enrolment refused: {}", e.getMessage());
                    } catch (IOException | RuntimeException e) {
                        log.error("enrolment failed", e);
                    }
                }
            }, 0, TimeUnit.SECONDS);
        }
        scheduler.scheduleWithFixedDelay(() -> guard(this::housekeepCentral), 30, 3_600, TimeUnit.SECONDS);
        drainer.start();
        updates.ifPresent(org.zizhu.kiosk.update.UpdateAgent::start);
    }

    private void enqueueHeartbeat() {
        try {
            heartbeat.enqueue(outbox);
        } catch (SQLException e) {
            throw new IllegalStateException("heartbeat not queued", e);
        }
    }

    private void housekeepCentral() {
        try {
            outbox.pruneDelivered(java.time.Instant.now().minus(java.time.Duration.ofDays(config.getInt(ConfigKey.OUTBOX_RETAIN_DELIVERED_DAYS))));
            if (client.ready()) {
                remoteConfig.fetch(config);
            }
        } catch (CentralException e) {
            log.info("remote configuration not fetched: {}", e.getMessage());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Enrols this terminal with a technician's one-time code (mutual TLS mode only). Refused
     * with a {@link ConfigException}, before any connection, when no centre CA can be pinned
     * and the configuration does not allow trust on first use.
     */
    public Enrolment.Result enrol(String code) throws CentralException, IOException, ConfigException {
        Enrolment.Result r = new Enrolment(client, config.dataDir(), CaPin.forEnrolment(config)).enrol(code);
        syncQuietly();
        return r;
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

    @Override
    public int catalogItems() {
        return catalog().size();
    }

    public Catalog catalog() {
        return catalog.get();
    }

    public void onCatalogChange(Consumer<Catalog> l) {
        catalogListeners.add(l);
    }

    @Override
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

    /** The typed central API for the screens (identity, one-certificate, payments, ...). */
    public CentralServices services() {
        return services;
    }

    /** The durable store-and-forward queue (depth, dead letters). */
    public Outbox outbox() {
        return outbox;
    }

    public OutboxDrainer drainer() {
        return drainer;
    }

    /** The background updater (absent when updates are off or no release key is pinned). */
    public java.util.Optional<org.zizhu.kiosk.update.UpdateAgent> updates() {
        return updates;
    }

    /** Tells the updater when the terminal is in use (it installs only while this says no). */
    public void updatesWaitWhile(java.util.function.BooleanSupplier inUse) {
        updates.ifPresent(a -> a.inUseBy(inUse));
    }

    public RemoteConfigSync remoteConfig() {
        return remoteConfig;
    }

    public void addDevice(StatusTracker t) {
        devices.add(t);
    }

    @Override
    public List<StatusTracker> devices() {
        return List.copyOf(devices);
    }

    @Override
    public void close() {
        updates.ifPresent(org.zizhu.kiosk.update.UpdateAgent::close);
        drainer.close();
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
