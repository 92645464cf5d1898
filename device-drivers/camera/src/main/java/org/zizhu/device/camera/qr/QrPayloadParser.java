package org.zizhu.device.camera.qr;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accepts only Zizhu's own QR payload formats and rejects everything else with a typed reason.
 * The text comes from an untrusted picture: it is checked for length and characters before any
 * other look, never interpreted (no URL is followed, nothing is decoded or unescaped), and the
 * fields must match strict patterns.
 *
 * <pre>
 *   zizhu:login:v1:&lt;token&gt;           token: base64url, 22..128 chars (at least 128 bits)
 *   zizhu:pay:v1:&lt;orderId&gt;:&lt;nonce&gt;   orderId: [A-Z0-9]{10,32}; nonce: base64url, 16..64 chars
 *   https://&lt;host&gt;/cases/&lt;caseNumber&gt; the acceptance receipt's status link; host: lower-case DNS
 *                                 name or IPv4 with an optional port; caseNumber: [0-9A-Z-], 8..40 chars,
 *                                 no hyphen first or last; nothing else (no user, query, fragment,
 *                                 escapes, dot segments or trailing slash)
 *   ZZEBL1:&lt;code&gt;:&lt;yyyymmdd&gt;:&lt;mac&gt;   an enterprise's electronic business license (central-sim's shape):
 *                                 code [0-9A-Z]{18}, date 8 digits, mac 16 upper-case hex; the centre verifies it
 *   ZZELIC:1:&lt;code&gt;              an e-license shown from the government app (亮证): code 32 base32
 *                                 characters [A-Z2-7]; the centre resolves it once
 * </pre>
 *
 * <p>The status link is the one URL accepted, and only in exactly this shape: the kiosk takes
 * the case number from it and asks its own centre; the link itself is never followed.
 */
public final class QrPayloadParser {
    /** Longer payloads are rejected before parsing. Our longest valid one is 15 + 128 chars. */
    public static final int MAX_LENGTH = 200;
    public static final String PREFIX = "zizhu:";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22,128}");
    private static final Pattern ORDER_ID = Pattern.compile("[A-Z0-9]{10,32}");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern VERSION = Pattern.compile("v[0-9]{1,3}");
    /** A label of a DNS name: lower case letters, digits, inner hyphens. */
    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    /** The receipt's status link, whole: scheme, host (optional port), /cases/, the case number (the contract's CaseNumber, no edge hyphen). */
    private static final Pattern CASE_LINK = Pattern.compile(
            "https://(" + LABEL + "(?:\\." + LABEL + ")*(?::[0-9]{1,5})?)/cases/([0-9A-Z][0-9A-Z-]{6,38}[0-9A-Z])");
    private static final String CASE_LINK_PREFIX = "https://";
    private static final String E_LICENSE_PREFIX = "ZZEBL";
    private static final String SHOWN_LICENSE_PREFIX = "ZZELIC";
    /** The contract's pattern for the app's e-license code, exactly (version 1 only). */
    private static final Pattern SHOWN_LICENSE = Pattern.compile("ZZELIC:1:[A-Z2-7]{32}");
    private static final Pattern E_BUSINESS_LICENSE = Pattern.compile("ZZEBL1:[0-9A-Z]{18}:[0-9]{8}:[0-9A-F]{16}");

    private QrPayloadParser() {
    }

    public static QrReading parse(String text) {
        if (text == null || text.isEmpty()) {
            return rejected(QrRejection.EMPTY, 0);
        }
        int len = text.length();
        if (len > MAX_LENGTH) {
            return rejected(QrRejection.TOO_LONG, len);
        }
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7E) { // printable ASCII only: no spaces, controls, bidi tricks or look-alikes
                return rejected(QrRejection.BAD_CHARACTERS, len);
            }
        }
        if (text.startsWith(CASE_LINK_PREFIX)) {
            Matcher m = CASE_LINK.matcher(text);
            // Any other URL (a payment app's, a look-alike with a query or a user part) stays foreign.
            return m.matches() ? new QrReading.Accepted(new QrPayload.CaseLink(m.group(1), m.group(2)))
                    : rejected(QrRejection.FOREIGN, len);
        }
        if (text.startsWith(SHOWN_LICENSE_PREFIX)) {
            return SHOWN_LICENSE.matcher(text).matches() ? new QrReading.Accepted(new QrPayload.ShownLicense(text))
                    : rejected(QrRejection.MALFORMED, len);
        }
        if (text.startsWith(E_LICENSE_PREFIX)) {
            return E_BUSINESS_LICENSE.matcher(text).matches() ? new QrReading.Accepted(new QrPayload.EBusinessLicense(text))
                    : rejected(QrRejection.MALFORMED, len);
        }
        if (!text.startsWith(PREFIX)) {
            return rejected(QrRejection.FOREIGN, len);
        }
        String[] parts = text.split(":", -1);
        if (parts.length < 3) {
            return rejected(QrRejection.MALFORMED, len);
        }
        String kind = parts[1];
        String version = parts[2];
        if (!kind.equals("login") && !kind.equals("pay")) {
            return rejected(QrRejection.UNKNOWN_KIND, len);
        }
        if (!VERSION.matcher(version).matches()) {
            return rejected(QrRejection.MALFORMED, len);
        }
        if (!version.equals("v1")) {
            return rejected(QrRejection.UNSUPPORTED_VERSION, len);
        }
        if (kind.equals("login")) {
            if (parts.length != 4 || !TOKEN.matcher(parts[3]).matches()) {
                return rejected(QrRejection.MALFORMED, len);
            }
            return new QrReading.Accepted(new QrPayload.LoginCode(parts[3]));
        }
        if (parts.length != 5 || !ORDER_ID.matcher(parts[3]).matches() || !NONCE.matcher(parts[4]).matches()) {
            return rejected(QrRejection.MALFORMED, len);
        }
        return new QrReading.Accepted(new QrPayload.PaymentCode(parts[3], parts[4]));
    }

    private static QrReading rejected(QrRejection reason, int length) {
        return new QrReading.Rejected(reason, length);
    }
}
