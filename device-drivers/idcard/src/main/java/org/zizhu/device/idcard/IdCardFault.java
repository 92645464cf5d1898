package org.zizhu.device.idcard;

import org.zizhu.device.DeviceFault;

/**
 * The ID card reader's own status reasons. The other reasons it reports are typed too: the
 * serial link's ({@link SamLinkException.Reason}: {@code port-not-found}, {@code port-lost},
 * {@code timeout}, {@code corrupt-reply} ...) and the SAM module's own status codes
 * ({@link SamStatus}: {@code sam-0x60} ...). Tags are those heartbeats and tests read.
 */
public enum IdCardFault implements DeviceFault {
    /** BUSY while a placed card is read (not a fault: says why the reader is busy). */
    READING("reading");

    private final String tag;

    IdCardFault(String tag) {
        this.tag = tag;
    }

    @Override
    public String tag() {
        return tag;
    }
}
