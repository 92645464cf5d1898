package org.zizhu.device.printer.escpos;

import org.zizhu.device.DeviceFault;

/**
 * Why the receipt printer is not plainly ONLINE, from its DLE EOT answers or its link. The tags
 * are the strings heartbeats, the maintenance screen and tests have always seen; a lost, silent
 * or missing printer uses {@link DeviceFault.Common} ({@code connection-lost}, {@code no-response},
 * {@code not-found}).
 */
public enum ReceiptFault implements DeviceFault {
    /** Paper end, or the printer stopped because of it (USER_ERROR). */
    PAPER_END("paper-end"),
    /** Still prints (ONLINE); the roll needs changing soon. */
    PAPER_NEAR_END("paper-near-end"),
    COVER_OPEN("cover-open"),
    CUTTER_ERROR("cutter-error"),
    HEAD_TEMPERATURE_OR_VOLTAGE("head-temperature-or-voltage"),
    UNRECOVERABLE_ERROR("unrecoverable-error"),
    /** The printer says it is offline but answers status. */
    OFFLINE("offline"),
    /** BUSY while a job is being sent. */
    PRINTING("printing"),
    /** The network printer refused or did not take the connection in time, or its host is unknown. */
    UNREACHABLE("unreachable");

    private final String tag;

    ReceiptFault(String tag) {
        this.tag = tag;
    }

    @Override
    public String tag() {
        return tag;
    }
}
