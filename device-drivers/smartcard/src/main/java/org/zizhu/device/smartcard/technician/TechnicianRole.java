package org.zizhu.device.smartcard.technician;

/**
 * What a technician card unlocks. The code is the byte in the certificate (tag 5F4C). Screens word
 * the role from the kiosk's bundles ({@code device.technician.role.<NAME>}); {@link #nameEn()} is
 * for technicians' tools.
 */
public enum TechnicianRole {
    /** Field technician: device set-up, self-tests, enrolment. */
    TECHNICIAN(0x01, "technician"),
    /** Operations staff: health screens, consumables, logs. */
    OPERATOR(0x02, "operator");

    private final int code;
    private final String nameEn;

    TechnicianRole(int code, String nameEn) {
        this.code = code;
        this.nameEn = nameEn;
    }

    public int code() {
        return code;
    }

    /** English name for tools and logs, e.g. {@code technician}. */
    public String nameEn() {
        return nameEn;
    }

    /** The role for a certificate byte; throws for unknown codes (the card is then rejected). */
    public static TechnicianRole ofCode(int code) {
        for (TechnicianRole r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        throw new IllegalArgumentException(String.format("unknown role code %02X", code));
    }
}
