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
    PRINT_JOB_FAILED("print-job-failed", "a print job failed or was interrupted; it can be printed again"),
    PRINT_DATA_INVALID("print-data-invalid", "template data missing or malformed; nothing was printed"),
    PRINTER_CONNECTED("printer-connected", "printer transport opened or CUPS queue reached"),
    PRINTER_SIMULATOR_STARTED("printer-simulator-started", "ESC/POS printer simulator listening"),

    // 4xx smart card
    SMARTCARD_READER_CONNECTED("smartcard-reader-connected", "PC/SC reader available"),

    // 5xx camera
    CAMERA_STARTED("camera-started", "camera frame source started"),

    // 6xx GPIO
    GPIO_STARTED("gpio-started", "GPIO context started"),

    // 7xx central link and outbox
    CENTRAL_REQUEST("central-request", "a request to the central platform completed"),
    HEARTBEAT_SENT("heartbeat-sent", "heartbeat delivered to the centre"),

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
