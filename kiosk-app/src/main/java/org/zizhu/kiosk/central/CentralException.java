package org.zizhu.kiosk.central;

import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.i18n.Text;

/**
 * A failed call to the centre, classified by what the kiosk should do about it and carrying a
 * message fit for a resident.
 */
public final class CentralException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** No connection could be made or it was dropped: the link is down. */
        UNREACHABLE,
        /** No answer in time. */
        TIMEOUT,
        /** The centre answered 5xx: try again later. */
        UNAVAILABLE,
        /** The centre refused the request (4xx): retrying the same request will not help. */
        REJECTED,
        /** The answer was not what the contract promises. */
        BAD_RESPONSE,
        /** This terminal has no credentials for the centre yet (mutual TLS): a technician must enrol it. */
        NOT_ENROLLED
    }

    private final Kind kind;
    private final int status;
    private final transient Text residentMessage;

    private final String code;
    private final java.util.List<String> fieldErrors;

    public CentralException(Kind kind, int status, String detail, Text residentMessage, Throwable cause) {
        this(kind, status, detail, residentMessage, cause, "", java.util.List.of());
    }

    /**
     * A refusal with the centre's machine code (e.g. {@code FORM_INVALID}, {@code MATERIAL_MISSING})
     * and, for a form, each field and rule as {@code field:RULE}.
     */
    public CentralException(Kind kind, int status, String detail, Text residentMessage, Throwable cause, String code,
                            java.util.List<String> fieldErrors) {
        super(kind + (status > 0 ? " (HTTP " + status + ")" : "") + ": " + detail, cause);
        this.kind = kind;
        this.status = status;
        this.residentMessage = residentMessage != null ? residentMessage : defaultMessage(kind);
        this.code = code == null ? "" : code;
        this.fieldErrors = fieldErrors == null ? java.util.List.of() : java.util.List.copyOf(fieldErrors);
    }

    /** The centre's machine code for an answered error; empty when there was none (no answer, bad answer). */
    public String code() {
        return code;
    }

    /** For a refused form, each field and the rule it breaks as {@code field:RULE}; otherwise empty. */
    public java.util.List<String> fieldErrors() {
        return fieldErrors;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    /** True when the same request may succeed later (link or server trouble, or enrolment still to come). */
    public boolean retryable() {
        return kind != Kind.REJECTED || status == 401 || status == 408 || status == 429;
    }

    /** True when retrying at once, within the resident's wait, may help: the link hiccuped or the centre was busy. */
    public boolean transientFailure() {
        return kind == Kind.UNREACHABLE || kind == Kind.UNAVAILABLE || (kind == Kind.REJECTED && status == 429);
    }

    /** True when this means the link to the centre is down rather than a refused request. */
    public boolean linkDown() {
        return kind == Kind.UNREACHABLE || kind == Kind.TIMEOUT;
    }

    public Text residentMessage() {
        return residentMessage;
    }

    /**
     * What the resident is told when the centre said nothing better: words from the bundles
     * ({@code central.error.<kind>}), loaded once when first needed.
     */
    private static Text defaultMessage(Kind kind) {
        return Text.of(Bundles.MESSAGES, "central.error." + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    private static final class Bundles {
        static final Messages MESSAGES = new Messages();
    }
}
