package org.zizhu.device.smartcard;

import org.zizhu.device.DeviceFault;

/** Why the smart-card reader has the status it has; tags are those heartbeats and tests read. */
public enum SmartCardFault implements DeviceFault {
    /** No PC/SC reader's name matches the configured pattern (unplugged). */
    NO_MATCHING_READER("no-matching-reader"),
    /** pcscd is not running or not reachable; a new context is tried periodically. */
    PCSCD_UNAVAILABLE("pcscd-unavailable"),
    /** PC/SC answered with an error the monitor could not place. */
    PCSC_ERROR("pcsc-error");

    private final String tag;

    SmartCardFault(String tag) {
        this.tag = tag;
    }

    @Override
    public String tag() {
        return tag;
    }
}
