package org.zizhu.device.smartcard;

/**
 * The ISO 7816-4 status words (SW1 SW2) the kiosk's card applications act on. Anything else is
 * {@link #UNKNOWN}; the raw value is always kept next to it in {@link ResponseApdu#sw()}.
 */
public enum StatusWord {
    SUCCESS(0x9000, "success"),
    /** 61xx: more data available; the PC/SC library fetches it with GET RESPONSE. */
    MORE_DATA(0x6100, "more data available"),
    WARNING_END_OF_FILE(0x6282, "end of file reached before Le bytes"),
    /** 6300: verification failed, no retry count given. */
    VERIFICATION_FAILED(0x6300, "verification failed"),
    /** 63Cx: verification failed, x tries left ({@link ResponseApdu#retriesLeft()}). */
    VERIFICATION_FAILED_RETRIES(0x63C0, "verification failed, retries left"),
    MEMORY_FAILURE(0x6581, "memory failure"),
    WRONG_LENGTH(0x6700, "wrong length"),
    SECURITY_STATUS_NOT_SATISFIED(0x6982, "security status not satisfied"),
    AUTHENTICATION_METHOD_BLOCKED(0x6983, "authentication method blocked"),
    REFERENCE_DATA_NOT_USABLE(0x6984, "reference data not usable"),
    CONDITIONS_NOT_SATISFIED(0x6985, "conditions of use not satisfied"),
    COMMAND_NOT_ALLOWED(0x6986, "command not allowed (no current EF)"),
    WRONG_DATA(0x6A80, "incorrect data field"),
    FUNCTION_NOT_SUPPORTED(0x6A81, "function not supported"),
    FILE_NOT_FOUND(0x6A82, "file or application not found"),
    RECORD_NOT_FOUND(0x6A83, "record not found"),
    WRONG_P1P2(0x6A86, "incorrect P1 P2"),
    REFERENCED_DATA_NOT_FOUND(0x6A88, "referenced data not found"),
    WRONG_P1P2_OFFSET(0x6B00, "wrong parameters (offset outside the EF)"),
    /** 6Cxx: wrong Le; the PC/SC library resends with the right one. */
    WRONG_LE(0x6C00, "wrong Le"),
    INS_NOT_SUPPORTED(0x6D00, "instruction not supported"),
    CLA_NOT_SUPPORTED(0x6E00, "class not supported"),
    NO_PRECISE_DIAGNOSIS(0x6F00, "no precise diagnosis"),
    UNKNOWN(-1, "unknown status word");

    private final int code;
    private final String description;

    StatusWord(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The status word, or its family (for example 0x63C0 for 63Cx); -1 for {@link #UNKNOWN}. */
    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** Maps a raw SW1SW2 (0..0xFFFF) to its meaning; families 61xx, 63Cx and 6Cxx are folded. */
    public static StatusWord of(int sw) {
        int sw1 = (sw >> 8) & 0xFF;
        if (sw1 == 0x61) {
            return MORE_DATA;
        }
        if (sw1 == 0x6C) {
            return WRONG_LE;
        }
        if ((sw & 0xFFF0) == 0x63C0) {
            return VERIFICATION_FAILED_RETRIES;
        }
        for (StatusWord w : values()) {
            if (w.code == sw && w != MORE_DATA && w != WRONG_LE && w != VERIFICATION_FAILED_RETRIES) {
                return w;
            }
        }
        return UNKNOWN;
    }

    public boolean isSuccess() {
        return this == SUCCESS;
    }
}
