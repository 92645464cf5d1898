package org.zizhu.device.printer.escpos;

import org.zizhu.device.DeviceFault;
import org.zizhu.device.DeviceStatus;

/**
 * The printer's answers to {@code DLE EOT 1..4}, decoded. Every answer byte has bits 1 and 4
 * set and bits 0 and 7 clear; anything else is not a status byte.
 */
public record EscPosStatus(boolean offline, boolean coverOpen, boolean stoppedByPaperEnd, boolean error,
                           boolean cutterError, boolean unrecoverable, boolean headError,
                           boolean paperNearEnd, boolean paperEnd) {

    /** True for a byte shaped like a real-time status answer. */
    public static boolean isStatusByte(int b) {
        return (b & 0x93) == 0x12;
    }

    /** Decodes the answers to n = 1, 2, 3 and 4. */
    public static EscPosStatus decode(int s1, int s2, int s3, int s4) {
        return new EscPosStatus(
                (s1 & 0x08) != 0,
                (s2 & 0x04) != 0,
                (s2 & 0x20) != 0,
                (s2 & 0x40) != 0,
                (s3 & 0x08) != 0,
                (s3 & 0x20) != 0,
                (s3 & 0x40) != 0,
                (s4 & 0x0C) != 0,
                (s4 & 0x60) != 0);
    }

    /** Paper sensor only ({@code DLE EOT 4}): used between chunks of a job. */
    public static EscPosStatus paperOnly(int s4) {
        return decode(0x12, 0x12, 0x12, s4);
    }

    /** True when a job can be sent now. */
    public boolean ready() {
        return deviceStatus().usable();
    }

    /** The common status, most specific cause first (paper end also sets the offline bit). */
    public DeviceStatus deviceStatus() {
        if (paperEnd || stoppedByPaperEnd || coverOpen) {
            return DeviceStatus.USER_ERROR;
        }
        if (cutterError || unrecoverable || headError || error) {
            return DeviceStatus.HARDWARE_ERROR;
        }
        if (offline) {
            return DeviceStatus.OFFLINE;
        }
        return DeviceStatus.ONLINE;
    }

    /** Why the status is what it is, most specific first; {@link DeviceFault.Common#NONE} when all is well. */
    public DeviceFault fault() {
        if (paperEnd || stoppedByPaperEnd) {
            return ReceiptFault.PAPER_END;
        }
        if (coverOpen) {
            return ReceiptFault.COVER_OPEN;
        }
        if (cutterError) {
            return ReceiptFault.CUTTER_ERROR;
        }
        if (headError) {
            return ReceiptFault.HEAD_TEMPERATURE_OR_VOLTAGE;
        }
        if (unrecoverable || error) {
            return ReceiptFault.UNRECOVERABLE_ERROR;
        }
        if (offline) {
            return ReceiptFault.OFFLINE;
        }
        if (paperNearEnd) {
            return ReceiptFault.PAPER_NEAR_END;
        }
        return DeviceFault.Common.NONE;
    }

    /** The fault's tag, e.g. {@code paper-end}; empty when all is well. */
    public String detail() {
        return fault().tag();
    }
}
