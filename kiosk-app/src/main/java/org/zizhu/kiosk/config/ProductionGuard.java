package org.zizhu.kiosk.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.zizhu.device.smartcard.sim.DemoCards;
import org.zizhu.device.smartcard.technician.EcKeys;

/**
 * What a kiosk on real hardware ({@code device.mode=real}) must not start with: a secret that
 * is published for the demo (central-sim's enrolment code, the demo technician-card issuer), a
 * security device left simulated (the smart-card reader that checks technician cards, the GPIO
 * that watches the tamper switch), or no pinned centre CA. Each is a {@link Violation} naming
 * the key to change; {@code kiosk run} refuses to start on any and {@code diag config} prints
 * the same list. The demo (simulated devices) is not checked: it runs on exactly these values.
 */
public final class ProductionGuard {
    /** central-sim's reusable enrolment code, published in its seed data and the default of {@code central.enrolmentCode}. */
    static final String DEMO_ENROLMENT_CODE = "DEMO-0000-0001";

    private ProductionGuard() {
    }

    /** One reason a configuration is not fit for production: the key, what is wrong, what to do. */
    public record Violation(String key, String problem, String fix) {
        public String message() {
            return key + ": " + problem + "; " + fix;
        }
    }

    /** Every violation of the configuration; empty unless {@code device.mode=real}. */
    public static List<Violation> check(KioskConfig config) {
        List<Violation> v = new ArrayList<>();
        if (!config.get(ConfigKey.DEVICE_MODE).equals("real")) {
            return v;
        }
        if (config.get(ConfigKey.CENTRAL_CA_FINGERPRINT).isEmpty() && !config.getBoolean(ConfigKey.CENTRAL_TRUST_ON_FIRST_USE)) {
            v.add(new Violation(ConfigKey.CENTRAL_CA_FINGERPRINT.key(),
                    "empty, so enrolment would trust whatever server answers first",
                    "set the centre CA's SHA-256 from the enrolment sheet (lab set-ups only: central.trustOnFirstUse=true)"));
        }
        if (config.get(ConfigKey.CENTRAL_ENROLMENT_CODE).equalsIgnoreCase(DEMO_ENROLMENT_CODE)) {
            v.add(new Violation(ConfigKey.CENTRAL_ENROLMENT_CODE.key(),
                    "is central-sim's published demo code (also the default when the key is absent)",
                    "set the one-time code from operations, or set it empty and enrol with 'scripts/kiosk diag enrol --code CODE'"));
        }
        if (isDemoIssuer(config.get(ConfigKey.SMARTCARD_ISSUER_KEY))) {
            v.add(new Violation(ConfigKey.SMARTCARD_ISSUER_KEY.key(),
                    "is the demo technician-card issuer, whose private key is published: anyone can make cards it accepts",
                    "set the centre's technician-card issuer public key (or none to disable technician login)"));
        }
        if (config.deviceMode(ConfigKey.SMARTCARD_MODE).equals("simulated")) {
            v.add(new Violation(ConfigKey.SMARTCARD_MODE.key(),
                    "simulated: technician cards would be checked against the published demo issuer",
                    "set it to default or real (off disables technician login)"));
        }
        if (config.deviceMode(ConfigKey.GPIO_MODE).equals("simulated")) {
            v.add(new Violation(ConfigKey.GPIO_MODE.key(),
                    "simulated: the tamper switch is not watched",
                    "set it to default or real, with device.gpio.pinMap naming the terminal's pin map"));
        } else if (config.deviceMode(ConfigKey.GPIO_MODE).equals("real") && mockGpioProvider(Path.of(config.get(ConfigKey.GPIO_PIN_MAP)))) {
            v.add(new Violation("gpio.provider in " + config.get(ConfigKey.GPIO_PIN_MAP) + " (" + ConfigKey.GPIO_PIN_MAP.key() + ")",
                    "mock: the tamper switch is simulated",
                    "set gpio.provider=gpiod in that file"));
        }
        return List.copyOf(v);
    }

    /**
     * For start-up: returns if the configuration may run, else throws naming every violation.
     * Call it before anything is started (devices, database, window).
     */
    public static void enforce(KioskConfig config) throws ConfigException {
        List<Violation> v = check(config);
        if (v.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder(config.source()).append(": not fit for production (device.mode=real):");
        for (Violation x : v) {
            b.append("\n  - ").append(x.message());
        }
        throw new ConfigException(b.toString());
    }

    private static boolean isDemoIssuer(String base64) {
        if (base64.equalsIgnoreCase("none")) {
            return false;
        }
        PublicKey key;
        try {
            key = EcKeys.publicKeyFromBase64(base64);
        } catch (IllegalArgumentException e) {
            return false; // not a key at all: the smart-card reader reports that when it starts
        }
        return Arrays.equals(key.getEncoded(), DemoCards.demoIssuerKeys().getPublic().getEncoded());
    }

    /** True if the pin map names the mock provider. A missing or unreadable file is the GPIO's own start-up error. */
    private static boolean mockGpioProvider(Path pinMap) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(pinMap)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return p.getProperty("gpio.provider", "").strip().toLowerCase(Locale.ROOT).equals("mock");
    }
}
