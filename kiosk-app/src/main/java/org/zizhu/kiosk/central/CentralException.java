package org.zizhu.kiosk.central;

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

    public CentralException(Kind kind, int status, String detail, Text residentMessage, Throwable cause) {
        super(kind + (status > 0 ? " (HTTP " + status + ")" : "") + ": " + detail, cause);
        this.kind = kind;
        this.status = status;
        this.residentMessage = residentMessage != null ? residentMessage : defaultMessage(kind);
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

    private static Text defaultMessage(Kind kind) {
        return switch (kind) {
            case UNREACHABLE, TIMEOUT -> new Text("暂时无法连接政务服务平台，请稍后再试或到窗口办理。",
                    "The government service platform cannot be reached now. Please try later or go to a service window.");
            case UNAVAILABLE -> new Text("政务服务平台繁忙，请稍后再试。", "The platform is busy. Please try again later.");
            case REJECTED -> new Text("平台未受理此请求。", "The platform did not accept this request.");
            case BAD_RESPONSE -> new Text("平台返回的数据有误，已记录，请到窗口办理。",
                    "The platform sent unexpected data; this was logged. Please go to a service window.");
            case NOT_ENROLLED -> new Text("本机尚未完成注册，暂不能办理此业务，请到窗口办理。",
                    "This terminal is not yet enrolled with the platform. Please go to a service window.");
        };
    }
}
