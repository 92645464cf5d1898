package org.zizhu.kiosk.config;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Every configuration key the kiosk reads, with its default and the rule its value must meet.
 * {@code config/kiosk.properties.example} documents the same keys (a test keeps them in step).
 */
public enum ConfigKey {
    TERMINAL_ID("terminal.id", "ZZ-DEV-0001", Type.TERMINAL_ID, "This terminal's id at the centre (letters, digits, . _ -)."),
    TERMINAL_LOCATION_CODE("terminal.locationCode", "150202", Type.LOCATION_CODE, "Where the terminal stands: the 6-digit administrative division code (GB/T 2260; 150202 is Donghe District, Baotou). Sent with every e-license request as the national sharing interface's audit element."),
    CENTRAL_URL("central.url", "https://127.0.0.1:8443/api/v1", Type.URL, "Base URL of the central platform API: https:// is mutual TLS after enrolment; http:// is the plain development mode (no client authentication; demos and tests only)."),
    CENTRAL_CONNECT_TIMEOUT_MS("central.connectTimeoutMs", "3000", Type.millis(100, 60_000), "TCP/TLS connect timeout."),
    CENTRAL_REQUEST_TIMEOUT_MS("central.requestTimeoutMs", "8000", Type.millis(200, 120_000), "Whole-request timeout for calls the resident waits on."),
    DATA_DIR("data.dir", "var/zizhu", Type.PATH, "Directory for the SQLite database and logs (created if missing)."),
    LOG_LEVEL("log.level", "INFO", Type.oneOf("TRACE", "DEBUG", "INFO", "WARN", "ERROR"), "Root log level."),
    CATALOG_SYNC_INTERVAL_S("catalog.syncIntervalSeconds", "900", Type.seconds(10, 86_400), "How often to check the centre for a new catalogue version."),
    HEARTBEAT_INTERVAL_S("heartbeat.intervalSeconds", "60", Type.seconds(5, 3_600), "How often to send a heartbeat with device health."),
    UI_LANGUAGE("ui.language", "zh", Type.oneOf("zh", "en", "mn"), "Language shown after start and after every idle reset: zh Chinese, en English, mn traditional Mongolian (drawn with ui.mongolianFont)."),
    UI_MONGOLIAN_FONT("ui.mongolianFont", "/usr/share/fonts/truetype/noto/NotoSansMongolian-Regular.ttf", Type.PATH,
            "Font for traditional Mongolian, shaped by HarfBuzz (Debian fonts-noto-core). Missing: Mongolian is offered no more and the kiosk logs why."),
    UI_BILINGUAL_MONGOLIAN("ui.bilingualMongolian", "false", Type.BOOLEAN,
            "Attract screen and print-out headings in Mongolian and Chinese (Mongolian first/above), as Inner Mongolia's rules for bilingual public text ask."),
    UI_IDLE_TIMEOUT_S("ui.idleTimeoutSeconds", "90", Type.seconds(10, 3_600), "Untouched this long, the kiosk wipes the session and shows the attract screen."),
    UI_FULLSCREEN("ui.fullscreen", "true", Type.BOOLEAN, "Full-screen kiosk window (false for development windows and screenshots)."),
    UI_WIDTH("ui.width", "1920", Type.range(640, 7680), "Window width when not full screen, in pixels."),
    UI_HEIGHT("ui.height", "1080", Type.range(480, 4320), "Window height when not full screen, in pixels."),
    UI_SCREEN_DIAGONAL_INCH("ui.screenDiagonalInches", "21.5", Type.decimal(7, 100), "Physical screen size; touch targets are sized to at least 15 mm on it."),
    UI_ELDER_MODE_DEFAULT("ui.elderModeDefault", "false", Type.BOOLEAN, "Elder mode (larger type and targets, fewer items, doubled idle timeout) at the start of every visit; the resident can still switch it off."),
    DEVICE_MODE("device.mode", "simulated", Type.oneOf("simulated", "real"), "Default for every device: simulators speaking the real protocols, or the real hardware (real: the production checks of ProductionGuard apply at start)."),
    IDCARD_MODE("device.idcard.mode", "default", Type.oneOf("default", "simulated", "real", "off"), "Resident ID card reader (SAM serial)."),
    IDCARD_PORT("device.idcard.port", "/dev/serial/by-id/usb-idcard-reader", Type.TEXT, "Serial port of a real reader; use the stable /dev/serial/by-id path."),
    IDCARD_BAUD("device.idcard.baud", "115200", Type.oneOf("115200", "57600", "38400", "19200", "9600"), "Reader baud rate."),
    RECEIPT_MODE("device.receipt.mode", "default", Type.oneOf("default", "simulated", "real", "off"), "ESC/POS receipt printer."),
    RECEIPT_TARGET("device.receipt.target", "tcp://127.0.0.1:9100", Type.TEXT, "Receipt printer: tcp://HOST:PORT, serial:/dev/..., or usb:/dev/usb/lp0."),
    RECEIPT_PAPER_MM("device.receipt.paperMm", "80", Type.oneOf("80", "58"), "Receipt paper width."),
    A4_QUEUE("device.a4.queue", "zizhu-a4", Type.TEXT, "CUPS queue of the A4 printer."),
    A4_MODE("device.a4.mode", "default", Type.oneOf("default", "simulated", "real", "off"), "A4 printer through CUPS."),
    CAMERA_MODE("device.camera.mode", "default", Type.oneOf("default", "simulated", "real", "off"), "Camera (face capture and QR scanning)."),
    CAMERA_DEVICE("device.camera.device", "/dev/video0", Type.TEXT, "V4L2 device of a real camera."),
    SMARTCARD_MODE("device.smartcard.mode", "default", Type.oneOf("default", "simulated", "real", "off"), "PC/SC smart-card reader (technician cards)."),
    GPIO_MODE("device.gpio.mode", "default", Type.oneOf("default", "simulated", "real", "off"), "GPIO: lights, help button, tamper switch, fan."),
    GPIO_PIN_MAP("device.gpio.pinMap", "/etc/zizhu/gpio.properties", Type.TEXT, "Pin map file for real GPIO (gpio.provider, gpio.pin.<role> ...; see docs/gpio.md)."),
    SMARTCARD_READER_PATTERN("device.smartcard.readerPattern", ".*", Type.TEXT, "Regular expression selecting the PC/SC reader by name."),
    SMARTCARD_ISSUER_KEY("device.smartcard.issuerKey", "none", Type.TEXT, "Base64 public key of the centre that issues technician cards ('none' disables technician login on real hardware; the demo issuer's key is refused with device.mode=real)."),
    METRICS_PORT("ops.metricsPort", "9464", Type.range(0, 65535), "Prometheus metrics at http://ops.metricsHost:PORT/metrics; 0 turns it off."),
    METRICS_HOST("ops.metricsHost", "127.0.0.1", Type.TEXT, "Address the metrics endpoint listens on (loopback unless operators scrape over the network)."),
    PRINT_FONT("print.font", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", Type.TEXT, "TrueType CJK font embedded in printed documents."),
    CENTRAL_ENROLMENT_CODE("central.enrolmentCode", "DEMO-0000-0001", new Type("empty, or a code like ABCD-EFGH-JKLM",
            v -> v.isEmpty() || v.matches("[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){2,5}") ? null : "must be empty or a code like ABCD-EFGH-JKLM"),
            "One-time enrolment code used on first start when no credentials exist (empty: enrol only by 'diag enrol'). The default is central-sim's reusable demo code, refused with device.mode=real."),
    CENTRAL_CA_FINGERPRINT("central.caFingerprint", "", new Type("empty, or the SHA-256 of the centre CA certificate (64 hex digits, ':' allowed)",
            v -> v.isEmpty() || v.replace(":", "").matches("[0-9A-Fa-f]{64}") ? null : "must be empty or 64 hex digits"),
            "Pins the centre CA: at enrolment the server must prove, in the TLS handshake and before the code is sent, that its chain"
                    + " includes and verifies up to the CA with this fingerprint. Empty: the first CA seen is trusted and recorded as the pin"
                    + " (demo; with device.mode=real only if central.trustOnFirstUse=true)."),
    CENTRAL_TRUST_ON_FIRST_USE("central.trustOnFirstUse", "false", Type.BOOLEAN,
            "Lab set-ups only: with device.mode=real and an empty central.caFingerprint, trust the first centre CA seen at enrolment"
                    + " and pin it from then on. False: such a kiosk refuses to start."),
    CENTRAL_RETRY_ATTEMPTS("central.retryAttempts", "3", Type.range(1, 6), "Attempts for a call a resident waits on (retries only transient failures, within central.requestTimeoutMs)."),
    OUTBOX_BACKOFF_BASE_MS("outbox.backoffBaseMs", "1000", Type.millis(50, 60_000), "First outbox redelivery delay; doubles per failed attempt, with jitter."),
    OUTBOX_BACKOFF_MAX_S("outbox.backoffMaxSeconds", "300", Type.seconds(1, 86_400), "Longest outbox redelivery delay."),
    OUTBOX_RETAIN_DELIVERED_DAYS("outbox.retainDeliveredDays", "7", Type.range(0, 365), "Days to keep delivered outbox rows (body already wiped) for diagnostics."),
    EVALUATION_CALLBACK_HOURS("evaluation.callbackHours", "48", Type.range(1, 720), "A bad rating is called back within this many hours (told to the resident)."),
    EVALUATION_CORRECTION_DAYS("evaluation.correctionDays", "15", Type.range(1, 365), "A bad rating's correction is finished within this many natural days."),
    // Voice guidance (espeak-ng, played by an ALSA player): off in normal mode, on in elder mode.
    VOICE_ENABLED("voice.enabled", "false", Type.BOOLEAN, "Speak every screen's main prompt and play the cues (elder mode turns the voice on whatever this says)."),
    VOICE_VOLUME("voice.volume", "70", Type.range(0, 100), "Volume at start and after every session, 0-100 (the resident changes it in the top bar)."),
    VOICE_PLAYER("voice.player", "aplay -q -D {device} -", new Type("a command that plays a WAV from standard input; {device} is replaced by voice.device",
            v -> {
                if (v.isBlank()) {
                    return "must not be empty";
                }
                int quotes = 0;
                for (char c : v.toCharArray()) {
                    quotes += c == '\'' ? 1 : 0;
                }
                return quotes % 2 == 0 ? null : "has an unbalanced quote";
            }),
            "Player command, words split at spaces ('...' keeps spaces); it gets the WAV on standard input. A player that fails (no sound card) is logged; the kiosk goes on silently."),
    VOICE_DEVICE("voice.device", "default", Type.TEXT, "ALSA device for the player's {device} (aplay -L lists them; 'null' discards the sound)."),
    // Signed updates with rollback (docs/updates.md).
    UPDATE_ENABLED("update.enabled", "true", Type.BOOLEAN, "Poll the centre for this terminal's target release and install it when no resident is using the kiosk (needs update.publicKey)."),
    UPDATE_PUBLIC_KEY("update.publicKey", "/usr/share/zizhu/release-key.pub", Type.PATH,
            "The vendor's Ed25519 release signing key (PEM), pinned by the package. A release whose manifest it did not sign is refused before anything is installed; without the file, updates are off."),
    UPDATE_HOME("update.home", "/opt/zizhu", Type.PATH, "Where releases are installed (releases/<version>, the current link); ZIZHU_HOME overrides it for zizhu update."),
    UPDATE_POLL_INTERVAL_S("update.pollIntervalSeconds", "900", Type.seconds(1, 86_400), "How often to ask the centre for the target release."),
    UPDATE_TRIAL_DEADLINE_S("update.trialDeadlineSeconds", "300", Type.seconds(5, 3_600),
            "A newly switched version must be healthy (READY, probes held, a heartbeat accepted) within this; otherwise it exits and the guard rolls back."),
    UPDATE_HEALTHY_ROUNDS("update.healthyRounds", "3", Type.range(1, 100), "Consecutive passing rounds of the watchdog's health probes a version on trial needs before it commits."),
    UPDATE_RESTART_COMMAND("update.restartCommand", "systemctl restart --no-block zizhu-kiosk.service", Type.TEXT,
            "Run by zizhu update install after switching current (words split at spaces). --no-block: the restart is queued, not waited for (a stop of up to 90 s and a start of up to 120 s would outlast the installer's wait)."),
    UPDATE_MAX_RELEASE_MB("update.maxReleaseMegabytes", "512", Type.range(1, 4_096), "Largest release accepted: the tarball and, separately, its unpacked content.");

    /**
     * The keys the commissioning wizard binds devices with (data.dir/commissioned.properties,
     * layered over the main file by {@link KioskConfig#withCommissioned()}); no other key may be there.
     */
    public static final Set<ConfigKey> COMMISSIONED = java.util.Collections.unmodifiableSet(java.util.EnumSet.of(
            IDCARD_PORT, IDCARD_BAUD, RECEIPT_TARGET, A4_QUEUE, CAMERA_DEVICE, SMARTCARD_READER_PATTERN, GPIO_PIN_MAP));

    private final String key;
    private final String defaultValue;
    private final Type type;
    private final String description;

    ConfigKey(String key, String defaultValue, Type type, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.type = type;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Returns null if the value is acceptable, else what is wrong with it. */
    String check(String value) {
        return type.check(value);
    }

    /** Null if {@code value} meets this key's rule, else what is wrong with it (the wizard checks before it writes). */
    public String problem(String value) {
        return value == null ? "must not be missing" : type.check(value);
    }

    public String rule() {
        return type.rule;
    }

    /** A value rule: a check and a human description for messages. */
    static final class Type {
        static final Type TEXT = new Type("any non-empty text", v -> v.isBlank() ? "must not be empty" : null);
        static final Type PATH = new Type("a file system path", v -> v.isBlank() ? "must not be empty" : null);
        static final Type BOOLEAN = oneOf("true", "false");
        static final Type TERMINAL_ID = new Type("1-64 letters, digits, '.', '_' or '-'",
                v -> v.matches("[A-Za-z0-9._-]{1,64}") ? null : "must be 1-64 letters, digits, '.', '_' or '-'");
        static final Type LOCATION_CODE = new Type("a 6-digit administrative division code (GB/T 2260)",
                v -> v.matches("[1-8][0-9]{5}") ? null : "must be 6 digits, the first 1-8");
        static final Type URL = new Type("an http:// or https:// URL", v -> {
            try {
                URI u = new URI(v);
                String s = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                if (!s.equals("http") && !s.equals("https") || u.getHost() == null) {
                    return "must be an http:// or https:// URL with a host";
                }
                return null;
            } catch (Exception e) {
                return "is not a valid URL";
            }
        });

        final String rule;
        private final java.util.function.Function<String, String> checker;

        Type(String rule, java.util.function.Function<String, String> checker) {
            this.rule = rule;
            this.checker = checker;
        }

        String check(String v) {
            return checker.apply(v.strip());
        }

        static Type oneOf(String... values) {
            Set<String> allowed = Set.of(values);
            String rule = "one of " + String.join(", ", values);
            return new Type(rule, v -> allowed.contains(v) ? null : "must be " + rule);
        }

        static Type range(long min, long max) {
            return new Type("an integer from " + min + " to " + max, v -> {
                try {
                    long n = Long.parseLong(v);
                    return n < min || n > max ? "must be from " + min + " to " + max : null;
                } catch (NumberFormatException e) {
                    return "must be an integer from " + min + " to " + max;
                }
            });
        }

        static Type millis(long min, long max) {
            return range(min, max);
        }

        static Type seconds(long min, long max) {
            return range(min, max);
        }

        static Type decimal(double min, double max) {
            return new Type("a number from " + min + " to " + max, v -> {
                try {
                    double d = Double.parseDouble(v);
                    return d < min || d > max || Double.isNaN(d) ? "must be from " + min + " to " + max : null;
                } catch (NumberFormatException e) {
                    return "must be a number from " + min + " to " + max;
                }
            });
        }
    }
}
