package org.zizhu.central.seed;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The simulator's electronic business license (电子营业执照) QR payload:
 * {@code ZZEBL1:<credit code>:<issued yyyymmdd>:<MAC>}, the MAC being the first 16 hex digits
 * (upper case) of HMAC-SHA256 under the simulator's key over everything before the last colon.
 * The real code is signed by the market regulator and resolved by the centre; the simulator
 * keeps that shape (the kiosk only passes the payload on, the centre verifies it) with a key
 * only the simulator holds, so a payload changed in any character is refused.
 */
public final class EBusinessLicenseQr {
    private static final Pattern SHAPE = Pattern.compile("ZZEBL1:([0-9A-Z]{18}):([0-9]{8}):([0-9A-F]{16})");
    private static final byte[] KEY = "zizhu-sim-e-business-license-v1".getBytes(StandardCharsets.US_ASCII);

    private EBusinessLicenseQr() {
    }

    /** The credit code a well-formed payload with a correct MAC names; empty for anything else. */
    public static Optional<String> verify(String payload) {
        if (payload == null || payload.length() > 64) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(payload);
        if (!m.matches()) {
            return Optional.empty();
        }
        String body = payload.substring(0, payload.lastIndexOf(':'));
        byte[] expected = mac(body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, m.group(3).getBytes(StandardCharsets.US_ASCII)) ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** A payload for a code and issue date (yyyymmdd), as the regulator's app would show it. */
    public static String of(String creditCode, String issuedYyyymmdd) {
        String body = "ZZEBL1:" + creditCode + ":" + issuedYyyymmdd;
        return body + ":" + mac(body);
    }

    private static String mac(String body) {
        try {
            Mac h = Mac.getInstance("HmacSHA256");
            h.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return HexFormat.of().withUpperCase().formatHex(h.doFinal(body.getBytes(StandardCharsets.US_ASCII))).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
