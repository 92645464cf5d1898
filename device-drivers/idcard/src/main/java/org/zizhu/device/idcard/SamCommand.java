package org.zizhu.device.idcard;

/** The SAM module's commands (CMD, PARA) from the vendor documentation. */
public enum SamCommand {
    RESET_SAM(0x10, 0xFF),
    SAM_STATUS(0x11, 0xFF),
    READ_SAM_ID(0x12, 0xFF),
    FIND_CARD(0x20, 0x01),
    SELECT_CARD(0x20, 0x02),
    READ_TEXT_AND_PHOTO(0x30, 0x01),
    READ_APPENDED_ADDRESS(0x30, 0x03),
    READ_TEXT_PHOTO_FINGERPRINT(0x30, 0x10),
    /** PARA is the baud code, see {@link SamBaud}; the value here is for 115200. */
    SET_BAUD(0x60, 0x00);

    private final int cmd;
    private final int para;

    SamCommand(int cmd, int para) {
        this.cmd = cmd;
        this.para = para;
    }

    public int cmd() {
        return cmd;
    }

    public int para() {
        return para;
    }

    /** The command for a request body (CMD, PARA), or null if it is not one of ours. */
    public static SamCommand of(int cmd, int para) {
        int c0 = cmd & 0xFF;
        int p0 = para & 0xFF;
        if (c0 == SET_BAUD.cmd) {
            return SET_BAUD; // the parameter is the baud code, checked by the caller
        }
        for (SamCommand c : values()) {
            if (c.cmd == c0 && c.para == p0) {
                return c;
            }
        }
        return null;
    }
}
