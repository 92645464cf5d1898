package org.zizhu.device.idcard;

/** Line speeds the SAM module supports, with the PARA byte of the set-baud command (60 xx). */
public enum SamBaud {
    B115200(115200, 0x00),
    B57600(57600, 0x01),
    B38400(38400, 0x02),
    B19200(19200, 0x03),
    B9600(9600, 0x04);

    private final int bitsPerSecond;
    private final int code;

    SamBaud(int bitsPerSecond, int code) {
        this.bitsPerSecond = bitsPerSecond;
        this.code = code;
    }

    public int bitsPerSecond() {
        return bitsPerSecond;
    }

    public int code() {
        return code;
    }

    /** Nanoseconds one byte takes on the wire at 8N1 (start + 8 data + stop = 10 bits). */
    public long nanosPerByte() {
        return 10_000_000_000L / bitsPerSecond;
    }

    public static SamBaud of(int bitsPerSecond) {
        for (SamBaud b : values()) {
            if (b.bitsPerSecond == bitsPerSecond) {
                return b;
            }
        }
        throw new IllegalArgumentException("unsupported baud " + bitsPerSecond + " (115200, 57600, 38400, 19200 or 9600)");
    }

    public static SamBaud ofCode(int code) {
        for (SamBaud b : values()) {
            if (b.code == code) {
                return b;
            }
        }
        return null;
    }
}
