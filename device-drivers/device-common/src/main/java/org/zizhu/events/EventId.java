package org.zizhu.events;

/**
 * The one catalogue of structured log events (after vxsuite's log event catalogue). Every
 * device action and every significant application step logs one of these with an outcome;
 * operators filter logs by {@code event} id. Ranges: 1xx application, 2xx id card,
 * 3xx printing, 4xx smart card, 5xx camera, 6xx GPIO, 7xx central link and outbox, 9xx common.
 *
 * <p>Ids are stable once released: add new ones, never renumber.
 */
public enum EventId {
    // 1xx application
    APP_STARTED("app-started", "kiosk application started"),
    APP_STOPPED("app-stopped", "kiosk application stopped"),
    CONFIG_LOADED("config-loaded", "configuration file read and validated"),
    CONFIG_INVALID("config-invalid", "configuration rejected at start"),
    SESSION_STARTED("session-started", "a resident session began"),
    SESSION_ENDED("session-ended", "a resident session ended and its personal data was wiped"),
    IDLE_TIMEOUT("idle-timeout", "no touch for the idle timeout; returned to attract screen"),
    SCREEN_SHOWN("screen-shown", "a screen was shown"),
    LANGUAGE_CHANGED("language-changed", "resident switched the display language"),
    CATALOG_SYNC("catalog-sync", "catalogue synchronised with the centre"),
    CATALOG_CACHE_OPENED("catalog-cache-opened", "local catalogue cache opened and migrated"),
    DATABASE_MIGRATED("database-migrated", "local database schema migrated"),

    // 2xx resident ID card reader
    IDCARD_READER_CONNECTED("idcard-reader-connected", "SAM reader port opened"),

    // 3xx printing
    PRINT_JOB("print-job", "a document was printed"),

    // 4xx smart card
    SMARTCARD_READER_CONNECTED("smartcard-reader-connected", "PC/SC reader available"),

    // 5xx camera
    CAMERA_STARTED("camera-started", "camera frame source started"),

    // 6xx GPIO
    GPIO_STARTED("gpio-started", "GPIO context started"),

    // 7xx central link and outbox
    CENTRAL_REQUEST("central-request", "a request to the central platform completed"),
    HEARTBEAT_SENT("heartbeat-sent", "heartbeat delivered to the centre"),
    TERMINAL_ENROLLED("terminal-enrolled", "terminal enrolled with the centre and stored its client certificate"),
    CREDENTIALS_LOADED("credentials-loaded", "terminal credentials for mutual TLS loaded from the data directory"),
    REMOTE_CONFIG_FETCHED("remote-config-fetched", "remote configuration overrides fetched and stored"),
    OUTBOX_ENQUEUED("outbox-enqueued", "a write was stored durably in the outbox"),
    OUTBOX_DELIVERED("outbox-delivered", "an outbox message was accepted by the centre"),
    OUTBOX_RETRY("outbox-retry", "an outbox delivery failed and was scheduled again"),
    OUTBOX_DEAD_LETTER("outbox-dead-letter", "the centre rejected an outbox message; kept for operators"),
    OUTBOX_DRAINER("outbox-drainer", "the outbox drainer started or stopped"),
    IDENTITY_CHECK("identity-check", "a face verification or QR login completed"),
    SEAL_VERIFIED("seal-verified", "the SM2 seal of a document from the centre was checked"),

    // 9xx common
    DEVICE_STATUS_CHANGED("device-status-changed", "a device's common status changed"),
    UNEXPECTED_ERROR("unexpected-error", "an unexpected error was caught and contained");

    private final String id;
    private final String description;

    EventId(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }
}
