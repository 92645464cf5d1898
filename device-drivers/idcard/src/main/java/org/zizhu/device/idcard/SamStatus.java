package org.zizhu.device.idcard;

import org.zizhu.device.DeviceStatus;

/**
 * The SAM module's status byte (SW3) as a typed result. Every code listed in the vendor
 * documentation has a constant; anything else maps to {@link #UNRECOGNISED} and the raw byte
 * stays available in {@link SamReply#sw3()}.
 */
public enum SamStatus implements org.zizhu.device.DeviceFault {
    SUCCESS(0x90, "success"),
    FIND_CARD_SUCCESS(0x9F, "find card: a card is in the field"),
    CHECKSUM_ERROR(0x10, "reader received a frame with a wrong checksum"),
    LENGTH_ERROR(0x11, "reader received a frame with a wrong length"),
    BAD_COMMAND(0x21, "unknown command or bad parameter"),
    PRIVILEGE_ERROR(0x23, "operation not permitted (privilege)"),
    UNKNOWN_ERROR(0x24, "unknown error in the reader"),
    CARD_AUTH_SAM_FAILED(0x31, "card could not authenticate the SAM"),
    SAM_AUTH_CARD_FAILED(0x32, "SAM could not authenticate the card"),
    VERIFICATION_ERROR(0x33, "information verification error"),
    UNKNOWN_CARD_TYPE(0x40, "unknown card type"),
    READ_FAILED(0x41, "reading the card failed"),
    RANDOM_FAILED(0x47, "getting a random number failed"),
    SAM_SELF_TEST_FAILED(0x60, "SAM self-test failed"),
    SAM_NOT_AUTHORISED(0x66, "SAM not authorised"),
    FIND_CARD_FAILED(0x80, "find card: no card in the field"),
    SELECT_CARD_FAILED(0x81, "select card failed"),
    FIELD_EMPTY(0x91, "the requested field is empty on the card"),
    /** A code the documentation does not list; see {@link SamReply#sw3()} for the byte. */
    UNRECOGNISED(-1, "status code not in the documented table");

    private static final SamStatus[] BY_CODE = new SamStatus[256];

    static {
        for (SamStatus s : values()) {
            if (s.code >= 0) {
                BY_CODE[s.code] = s;
            }
        }
    }

    private final int code;
    private final String meaning;

    SamStatus(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The SW3 byte, 0..255, or -1 for {@link #UNRECOGNISED}. */
    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** True for 0x90 and 0x9F, the two "it worked" answers. */
    public boolean isSuccess() {
        return this == SUCCESS || this == FIND_CARD_SUCCESS;
    }

    /** Maps a status byte (any int; only the low 8 bits count) to its constant. */
    public static SamStatus fromCode(int sw3) {
        SamStatus s = BY_CODE[sw3 & 0xFF];
        return s == null ? UNRECOGNISED : s;
    }

    /**
     * The common device status a reader reports after this answer to a health probe
     * (SAM status / SAM id). Card-related failures leave the reader itself healthy.
     */
    public DeviceStatus deviceStatusOnProbe() {
        return switch (this) {
            case SUCCESS, FIND_CARD_SUCCESS, FIND_CARD_FAILED, SELECT_CARD_FAILED, READ_FAILED,
                 CARD_AUTH_SAM_FAILED, SAM_AUTH_CARD_FAILED, VERIFICATION_ERROR, UNKNOWN_CARD_TYPE,
                 RANDOM_FAILED, FIELD_EMPTY, CHECKSUM_ERROR, LENGTH_ERROR -> DeviceStatus.ONLINE;
            default -> DeviceStatus.HARDWARE_ERROR;
        };
    }

    /** Short machine-readable tag for logs and status details, e.g. {@code sam-0x41}. */
    @Override
    public String tag() {
        return code < 0 ? "sam-unrecognised" : String.format("sam-0x%02x", code);
    }
}
