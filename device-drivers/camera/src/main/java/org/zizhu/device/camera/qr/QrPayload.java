package org.zizhu.device.camera.qr;

/**
 * A QR payload in one of Zizhu's own formats (see docs/camera.md, "QR payloads"). Values are
 * syntactically checked only: whether a login token or an order is genuine is for the central
 * platform to say. {@code toString()} masks the secret parts so a payload can be logged by mistake
 * without leaking a credential.
 */
public sealed interface QrPayload {
    /** Short machine name of the kind, e.g. {@code login}. */
    String kind();

    /** {@code zizhu:login:v1:<token>}: the resident's mobile app shows this to log in at the kiosk. */
    record LoginCode(String token) implements QrPayload {
        @Override
        public String kind() {
            return "login";
        }

        @Override
        public String toString() {
            return "LoginCode[token=" + mask(token) + "]";
        }
    }

    /** {@code zizhu:pay:v1:<orderId>:<nonce>}: the payment app's confirmation for a kiosk order. */
    record PaymentCode(String orderId, String nonce) implements QrPayload {
        @Override
        public String kind() {
            return "pay";
        }

        @Override
        public String toString() {
            return "PaymentCode[orderId=" + orderId + ", nonce=" + mask(nonce) + "]";
        }
    }

    /**
     * {@code https://<host>/cases/<caseNumber>}: the status link an acceptance receipt (受理回执)
     * prints as its QR code. Only the case number is for use: the kiosk looks it up at its own
     * centre and never follows the link; {@code host} is kept for the log and a check by the
     * caller. The case number ties the case to its applicant, so toString masks it.
     */
    record CaseLink(String host, String caseNumber) implements QrPayload {
        @Override
        public String kind() {
            return "case";
        }

        @Override
        public String toString() {
            return "CaseLink[host=" + host + ", caseNumber=" + mask(caseNumber) + "]";
        }
    }

    /**
     * {@code ZZEBL1:<credit code>:<yyyymmdd>:<MAC>}: an enterprise's electronic business license
     * (电子营业执照) as central-sim issues it (see the centre's contract, identifyEnterprise). The
     * kiosk passes the whole payload on; only the centre can tell a genuine one.
     */
    record EBusinessLicense(String payload) implements QrPayload {
        @Override
        public String kind() {
            return "e-business-license";
        }

        @Override
        public String toString() {
            return "EBusinessLicense[" + mask(payload) + "]";
        }
    }

    /**
     * {@code ZZELIC:1:<32 base32 chars>}: the e-license code the government app shows (亮证). The
     * kiosk passes the whole payload on to the centre, which resolves it once for the license's
     * holder; the code is a bearer secret while it lives, so toString masks it.
     */
    record ShownLicense(String payload) implements QrPayload {
        @Override
        public String kind() {
            return "shown-license";
        }

        @Override
        public String toString() {
            return "ShownLicense[" + mask(payload) + "]";
        }
    }

    /** Keeps four characters so a technician can tell codes apart, stars the rest. */
    static String mask(String secret) {
        if (secret == null) {
            return "";
        }
        return secret.length() <= 4 ? "****" : secret.substring(0, 4) + "*".repeat(secret.length() - 4);
    }
}
