package org.zizhu.events;

/**
 * The one catalogue of structured log events (after vxsuite's log event catalogue). Every
 * device action and every significant application step logs one of these with an outcome;
 * operators filter logs by the {@code event} field, the kebab-case {@link #id()}. Events are
 * grouped by area below: application, resident ID card, printing, smart card, camera, GPIO,
 * central link and outbox, voice guidance, common. (There are no numeric ids; the groups are only order.)
 *
 * <p>Ids are stable once released: add new ones, never rename one.
 */
public enum EventId {
    // application
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
    SERVICE_STEP("service-step", "a service transaction moved to a new step"),
    ENTERPRISE_IDENTIFIED("enterprise-identified", "the centre confirmed the verified person's authority for an enterprise (role, legal form, how it was chosen; never the person)"),
    ENTERPRISE_REFUSED("enterprise-refused", "the centre refused the person for the enterprise they chose (reason code: NO_AUTHORITY, AUTHORISATION_EXPIRED, ENTERPRISE_UNKNOWN, ENTERPRISE_DEREGISTERED, QR_INVALID); the resident may choose again"),
    LICENSE_SHOWN("license-shown", "亮证: an e-license shown from the government app for an application material was taken (success: its type) or not (failure: reason NOT_HOLDER, LICENSE_QR_UNKNOWN, SEAL_REFUSED, WRONG_TYPE, TIMEOUT, CANCELLED, UNAVAILABLE); never the holder or the code"),
    PINYIN_INDEX("pinyin-index", "the on-screen keyboard's pinyin candidates were indexed off the UI thread (ms, entries), or the build failed: letter and digit pads only"),
    MONGOLIAN_SCRIPT("mongolian-script", "traditional Mongolian: the font opened with HarfBuzz (success), or not (failure: the language is not offered), or a text could not be shaped or had glyphs the font lacks"),
    FIRST_FRAME("first-frame", "the kiosk window drew its first frame (ms since JVM start)"),
    STARTUP_READY("startup-ready", "database, credentials, catalogue and devices opened behind the window (or failed: out of service)"),
    TAMPER_LATCH("tamper-latch", "the persisted tamper alarm was latched (failure), reset by a technician (success) or could not be saved"),
    STOP_REQUESTED("stop-requested", "the service manager asked the kiosk to stop (SIGTERM): orderly stop begins"),
    SERVICE_MANAGER("service-manager", "systemd was told the kiosk is ready or stopping (sd_notify), or the notification could not be sent"),
    WATCHDOG("watchdog", "a health probe failed (failure): the systemd watchdog is not fed, so systemd restarts a kiosk that stays unhealthy; success when health returns"),

    // signed updates (versions, sizes, reasons and file names only)
    UPDATE_CHECK("update-check", "the centre was asked for this terminal's target release (success: target version or none; failure: kind)"),
    UPDATE_DOWNLOAD("update-download", "a release tarball was downloaded (success: bytes, resumedFrom) or the transfer broke off (failure: the .part is kept and resumed next time)"),
    UPDATE_REFUSED("update-refused", "a release was refused before install: signature, manifest, size or SHA-256 does not match the pinned key (reason); nothing installed, reported REFUSED"),
    UPDATE_STAGED("update-staged", "a downloaded release verified against the pinned key and waits in update/staged"),
    UPDATE_DEFERRED("update-deferred", "a staged release waits: a resident is using the kiosk (the install request is written only when no visit is in progress)"),
    UPDATE_INSTALL_REQUESTED("update-install-requested", "update/staged/install-request written: the root installer takes over"),
    UPDATE_INSTALL_STALLED("update-install-stalled", "an install request was not acted on within the hold (the root installer did not run): withdrawn, and the kiosk serves again (version, times)"),
    UPDATE_INSTALLED("update-installed", "zizhu update install re-verified and unpacked a release, wrote pending.json and switched current (success), or refused / failed (failure: reason)"),
    UPDATE_PRUNED("update-pruned", "an old release directory was removed after an install (version)"),
    UPDATE_RESTART("update-restart", "the restart command ran after a switch (exit code)"),
    UPDATE_TRIAL("update-trial", "zizhu update guard counted a start of the version on trial (attempt, of 3)"),
    UPDATE_COMMITTED("update-committed", "the version on trial was healthy in time (READY, watchdog probes held, a heartbeat accepted): last-good written, pending.json removed"),
    UPDATE_TRIAL_FAILED("update-trial-failed", "the version on trial was not healthy by its deadline: the kiosk exits non-zero so the guard rolls back"),
    UPDATE_ROLLED_BACK("update-rolled-back", "zizhu update guard switched current back to the previous version (reason: attempts, deadline, not-switched or pending-unreadable) and recorded the failure"),
    UPDATE_REPORTED("update-reported", "an update outcome (COMMITTED, ROLLED_BACK, REFUSED, FAILED) reached the centre (success) or will be retried (failure)"),

    // resident ID card reader
    IDCARD_READER_CONNECTED("idcard-reader-connected", "SAM reader port opened"),
    IDCARD_READER_RECONNECTED("idcard-reader-reconnected", "SAM reader answered again after its port was lost or it went silent"),
    IDCARD_READER_NOT_ANSWERING("idcard-reader-not-answering", "SAM reader port is open but the reader does not answer or reports a fault"),
    IDCARD_PORT_LOST("idcard-port-lost", "SAM reader serial port disappeared (USB unplugged)"),
    IDCARD_CARD_PLACED("idcard-card-placed", "a card was placed on the reader"),
    IDCARD_CARD_READ("idcard-card-read", "card read and decoded (success) or the read failed (failure)"),
    IDCARD_CARD_REMOVED("idcard-card-removed", "the card left the reader"),
    IDCARD_READER_CLOSED("idcard-reader-closed", "SAM reader driver shut down"),

    // printing
    PRINT_JOB("print-job", "a document was printed"),
    PRINT_JOB_FAILED("print-job-failed", "a print job failed or was interrupted; it can be printed again"),
    PRINT_DATA_INVALID("print-data-invalid", "template data missing or malformed; nothing was printed"),
    PRINTER_CONNECTED("printer-connected", "printer transport opened or CUPS queue reached"),
    PRINTER_SIMULATOR_STARTED("printer-simulator-started", "ESC/POS printer simulator listening"),
    PRINT_JOB_CANCELLED("print-job-cancelled", "a failed A4 job was cancelled in CUPS (success) or CUPS could not confirm it yet (failure: retried before the next job)"),
    PRINT_SPOOL_DOCUMENT_KEPT("print-spool-document-kept", "CUPS kept an ended A4 job's document in its spool: cupsd.conf keeps job files (the kiosk purges each job; set PreserveJobFiles No), or the purge failed (retried at the next status refresh)"),

    // smart card
    SMARTCARD_READER_CONNECTED("smartcard-reader-connected", "PC/SC reader available"),
    SMARTCARD_READER_LOST("smartcard-reader-lost", "PC/SC reader or pcscd went away; retrying by itself"),
    SMARTCARD_CARD_INSERTED("smartcard-card-inserted", "a card was inserted into the PC/SC reader"),
    SMARTCARD_CARD_REMOVED("smartcard-card-removed", "the card was taken out of the PC/SC reader"),
    SMARTCARD_APDU_FAILED("smartcard-apdu-failed", "an APDU exchange failed: timeout, removal, malformed answer or PC/SC error"),
    SMARTCARD_TECHNICIAN_LOGIN("smartcard-technician-login", "technician card login attempted (result, role, card serial; never the PIN)"),
    SMARTCARD_SSCARD_READ("smartcard-sscard-read", "social-security card public data read (masked)"),
    SMARTCARD_VIRTUAL_CARD("smartcard-virtual-card", "a simulated card was inserted into or removed from vpcd"),

    // camera
    CAMERA_STARTED("camera-started", "camera frame source started"),
    CAMERA_STOPPED("camera-stopped", "camera frame source stopped and its ffmpeg process ended"),
    CAMERA_PROCESS_EXITED("camera-process-exited", "the ffmpeg capture process ended; a restart follows after backoff"),
    CAMERA_STALLED("camera-stalled", "no frame within the stall timeout; the ffmpeg process was killed"),
    CAMERA_FRAME_CORRUPT("camera-frame-corrupt", "a JPEG frame or stream bytes could not be decoded and were skipped"),
    CAMERA_QR_READ("camera-qr-read", "a QR code was read and accepted as one of our payloads"),
    CAMERA_QR_REJECTED("camera-qr-rejected", "a QR code was read but is not one of our payloads"),
    CAMERA_FACE_CAPTURE("camera-face-capture", "a face capture attempt finished (quality verdict)"),
    CAMERA_DOCUMENT_CAPTURE("camera-document-capture", "a document-camera page capture finished (quality verdict, no picture)"),

    // GPIO
    GPIO_STARTED("gpio-started", "GPIO context started"),
    GPIO_STOPPED("gpio-stopped", "GPIO context shut down; outputs left in their safe state"),
    GPIO_HELP_PRESSED("gpio-help-pressed", "the help-call button was pressed (debounced)"),
    GPIO_TAMPER_ALARM("gpio-tamper-alarm", "the tamper/door switch opened; kiosk out of service"),
    GPIO_TAMPER_RESET("gpio-tamper-reset", "a technician cleared the tamper alarm (success) or was refused: door open, switch unreadable (failure)"),
    GPIO_LIGHT_PATTERN("gpio-light-pattern", "the status light pattern changed"),
    GPIO_FAN_CHANGED("gpio-fan-changed", "the cabinet fan was switched on or off"),
    GPIO_THERMAL_UNREADABLE("gpio-thermal-unreadable", "the CPU temperature could not be read; fan forced on"),
    GPIO_RELAY_PULSE("gpio-relay-pulse", "the power-cycle relay was pulsed"),
    GPIO_SELF_TEST("gpio-self-test", "each GPIO output was cycled once by a technician"),

    // central link and outbox
    CENTRAL_REQUEST("central-request", "a request to the central platform completed"),
    HEARTBEAT_SENT("heartbeat-sent", "heartbeat delivered to the centre"),
    TERMINAL_ENROLLED("terminal-enrolled", "terminal enrolled with the centre and stored its client certificate"),
    // commissioning (first boot, and repeated from the maintenance screen)
    COMMISSIONING_STEP("commissioning-step", "the technician's commissioning wizard moved to a new state (its name only)"),
    COMMISSIONING_NETWORK("commissioning-network", "commissioning checked the centre over the configured URL and the clock against its Date header (reachable, HTTP status, skew)"),
    COMMISSIONING_PROBE("commissioning-probe", "commissioning probed a device candidate (device, candidate address, answered or why not)"),
    COMMISSIONING_BOUND("commissioning-bound", "commissioning wrote device bindings by stable name to data.dir/commissioned.properties (keys only)"),
    COMMISSIONING_DEVICE_TEST("commissioning-device-test", "commissioning tested a device with its driver (device, passed or why not; never what a card held)"),
    COMMISSIONING_BINDINGS_SET_ASIDE("commissioning-bindings-set-aside", "data.dir/commissioned.properties did not load; it was renamed to commissioned.properties.rejected and the kiosk started on the main file alone, so a bad bindings file cannot keep the terminal in a restart loop (why)"),
    COMMISSIONING_REPORT("commissioning-report", "the commissioning report was printed on the receipt printer and/or accepted by the centre"),
    CREDENTIALS_LOADED("credentials-loaded", "terminal credentials for mutual TLS loaded from the data directory"),
    REMOTE_CONFIG_FETCHED("remote-config-fetched", "remote configuration overrides fetched and stored"),
    OUTBOX_ENQUEUED("outbox-enqueued", "a write was stored durably in the outbox"),
    OUTBOX_DELIVERED("outbox-delivered", "an outbox message was accepted by the centre"),
    OUTBOX_RETRY("outbox-retry", "an outbox delivery failed and was scheduled again"),
    OUTBOX_DEAD_LETTER("outbox-dead-letter", "the centre rejected an outbox message; kept for operators"),
    OUTBOX_DRAINER("outbox-drainer", "the outbox drainer started or stopped"),
    IDENTITY_CHECK("identity-check", "a face verification or QR login completed"),
    SEAL_VERIFIED("seal-verified", "the SM2 seal of a document from the centre was checked"),

    // voice guidance
    VOICE_STARTED("voice-started", "voice guidance set up: speech engine, player command, device, volume, enabled"),
    VOICE_PLAYED("voice-played", "a spoken prompt or cue was played (success; cancelled=true when a newer one cut it short), or could not be synthesised or played (failure: stage, reason; the kiosk goes on without sound)"),

    // common
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
