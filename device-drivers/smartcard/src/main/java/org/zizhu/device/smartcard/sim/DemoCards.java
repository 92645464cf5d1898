package org.zizhu.device.smartcard.sim;

import java.security.KeyPair;
import java.time.Clock;
import java.time.LocalDate;
import org.zizhu.device.smartcard.technician.EcKeys;
import org.zizhu.device.smartcard.technician.IssuerTrust;
import org.zizhu.device.smartcard.technician.TechnicianCardIssuer;
import org.zizhu.device.smartcard.technician.TechnicianRole;

/**
 * The virtual cards of the demo and the SIM tool, all issued by one fixed
 * <strong>DEMO issuer key</strong> whose private half is published right here. A kiosk trusts
 * it only when configured with {@link #demoIssuerTrust()} explicitly (demo/simulator mode);
 * a production kiosk trusts the centre's real issuer key and would reject every card below.
 *
 * <p>Demo PIN of every technician card: {@value #DEMO_PIN}.
 */
public final class DemoCards {
    /** The PIN of the demo technician and operator cards. Demo only. */
    public static final String DEMO_PIN = "123456";
    public static final int DEMO_PIN_TRIES = 3;

    // DEMO ONLY. Generated with: openssl ecparam -name prime256v1 -genkey | openssl pkcs8 -topk8 -nocrypt -outform DER | base64
    private static final String DEMO_ISSUER_PRIVATE =
            "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgYBy1aGc3qz0VWYIoojy2iF/G0L3v7y8XqtL/PSgb1sehRANCAATD9a8ZIGIp"
            + "QI4plLMK3z7uDSx9K6nkIcVVfzLyoX8KNmr3s3R9ugRhRLv/YOebsM7Mg6EKECKc4+eHHi4Paznw";
    private static final String DEMO_ISSUER_PUBLIC =
            "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEw/WvGSBiKUCOKZSzCt8+7g0sfSup5CHFVX8y8qF/CjZq97N0fboEYUS7/2Dnm7DOzIOhChAinOPnhx4uD2s58A==";

    private DemoCards() {
    }

    /** The card kinds the SIM tool and the demo offer. */
    public enum Kind { TECHNICIAN, OPERATOR, BLOCKED, FORGED, SSCARD, GARBAGE }

    public static KeyPair demoIssuerKeys() {
        return new KeyPair(EcKeys.publicKeyFromBase64(DEMO_ISSUER_PUBLIC), EcKeys.privateKeyFromBase64(DEMO_ISSUER_PRIVATE));
    }

    public static TechnicianCardIssuer demoIssuer() {
        return new TechnicianCardIssuer(demoIssuerKeys());
    }

    /** What a demo or simulator kiosk trusts. Never configure this on a production kiosk. */
    public static IssuerTrust demoIssuerTrust() {
        return IssuerTrust.of(EcKeys.publicKeyFromBase64(DEMO_ISSUER_PUBLIC));
    }

    public static CardApplet create(Kind kind) {
        return create(kind, Clock.systemDefaultZone());
    }

    public static CardApplet create(Kind kind, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        char[] pin = DEMO_PIN.toCharArray();
        return switch (kind) {
            case TECHNICIAN -> new TechnicianCardApplet("technician",
                    demoIssuer().issue("T-0001", TechnicianRole.TECHNICIAN, today.minusYears(1), today.plusYears(2)), pin, DEMO_PIN_TRIES);
            case OPERATOR -> new TechnicianCardApplet("operator",
                    demoIssuer().issue("OP-0042", TechnicianRole.OPERATOR, today.minusYears(1), today.plusYears(2)), pin, DEMO_PIN_TRIES);
            case BLOCKED -> new TechnicianCardApplet("blocked",
                    demoIssuer().issue("T-0666", TechnicianRole.TECHNICIAN, today.minusYears(1), today.plusYears(2)), pin, DEMO_PIN_TRIES).block();
            // Same shape, but signed by an issuer nobody trusts.
            case FORGED -> new TechnicianCardApplet("forged",
                    TechnicianCardIssuer.withNewKey().issue("T-0001", TechnicianRole.TECHNICIAN, today.minusYears(1), today.plusYears(2)),
                    pin, DEMO_PIN_TRIES);
            case SSCARD -> new SocialSecurityCardApplet("A12345678", "440300", today.minusYears(3), today.plusYears(7));
            case GARBAGE -> new GarbageApplet(System.nanoTime());
        };
    }
}
