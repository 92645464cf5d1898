package org.zizhu.device.idcard;

import java.io.IOException;

/** The serial link to the reader failed: no port, port lost, no answer, or only corrupt answers. */
public final class SamLinkException extends IOException {
    /** Why the link failed; also the reader's typed status fault (tag e.g. {@code port-lost}). */
    public enum Reason implements org.zizhu.device.DeviceFault {
        /** Nothing at the configured path. */
        PORT_NOT_FOUND,
        /** The path exists but could not be opened (permissions, busy). */
        OPEN_FAILED,
        /** The port disappeared (USB unplugged): reads return -1. */
        PORT_LOST,
        /** No complete reply before the read timeout, after all retries. */
        TIMEOUT,
        /** Replies arrived but failed their checksum or did not fit the command, after all retries. */
        CORRUPT_REPLY,
        /** The client was closed. */
        CLOSED;

        @Override
        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public SamLinkException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Short tag for status details and logs, e.g. {@code port-lost}. */
    public String tag() {
        return reason.tag();
    }
}
