package org.zizhu.kiosk.flow;

import java.util.Locale;
import org.zizhu.ids.IdChecks;

/**
 * How the resident named the enterprise they act for: the unified social credit code typed on
 * the keyboard, or the payload of its electronic business license QR code (电子营业执照) as the
 * camera read it. The kiosk does not interpret the QR payload: the centre verifies and resolves it.
 */
public sealed interface EnterpriseChoice {
    /** How the choice is named in logs ("typed", "scanned"); never the code or the payload. */
    String how();

    record Typed(String creditCode) implements EnterpriseChoice {
        @Override
        public String how() {
            return "typed";
        }
    }

    record Scanned(String qrPayload) implements EnterpriseChoice {
        @Override
        public String how() {
            return "scanned";
        }

        @Override
        public String toString() {
            return "Scanned[" + (qrPayload == null ? 0 : qrPayload.length()) + " chars]";
        }
    }

    /** What the kiosk makes of a typed code before the centre sees it. */
    enum CodeCheck {
        /** 18 characters of the code's alphabet with a correct check character. */
        VALID,
        /**
         * Well formed but the check character fails: some early codes do (domain.md), so the
         * resident is warned and may send it; the centre's register decides.
         */
        CHECK_CHAR_FAILS,
        /** Not 18 characters of the code's alphabet: cannot be a credit code, refused here. */
        MALFORMED
    }

    /** Upper-cases and strips spaces, as a resident types a code read off a paper licence. */
    static String normalise(String typed) {
        return typed == null ? "" : typed.replace(" ", "").replace("\u3000", "").toUpperCase(Locale.ROOT);
    }

    /** The check of a normalised code (GB 32100: the alphabet has no I, O, S, V, Z). */
    static CodeCheck check(String code) {
        if (code == null || !code.matches("[0-9A-HJ-NP-RTUW-Y]{18}")) {
            return CodeCheck.MALFORMED;
        }
        return IdChecks.validCreditCode(code) ? CodeCheck.VALID : CodeCheck.CHECK_CHAR_FAILS;
    }
}
