package org.zizhu.device.idcard;

/** The four card kinds a SAM reader reads, told apart by the type flag at byte 248 of the text block. */
public enum CardType {
    /** 居民身份证: flag is a space or empty. */
    RESIDENT_ID(' ', "居民身份证"),
    /** 港澳台居民居住证: flag 'J'. */
    HMT_RESIDENCE_PERMIT('J', "港澳台居民居住证"),
    /** 外国人永久居留身份证 (2017 edition): flag 'I'. */
    FOREIGN_PERMANENT_2017('I', "外国人永久居留身份证(2017版)"),
    /** 外国人永久居留身份证 (2023 edition): flag 'Y'. */
    FOREIGN_PERMANENT_2023('Y', "外国人永久居留身份证(2023版)");

    private final char flag;
    private final String chineseName;

    CardType(char flag, String chineseName) {
        this.flag = flag;
        this.chineseName = chineseName;
    }

    /** The type flag character on the card (a space for the resident ID card). */
    public char flag() {
        return flag;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The type for a flag character, or null if unknown. NUL and space mean a resident ID card. */
    public static CardType ofFlag(char c) {
        return switch (c) {
            case ' ', '\0' -> RESIDENT_ID;
            case 'J' -> HMT_RESIDENCE_PERMIT;
            case 'I' -> FOREIGN_PERMANENT_2017;
            case 'Y' -> FOREIGN_PERMANENT_2023;
            default -> null;
        };
    }
}
