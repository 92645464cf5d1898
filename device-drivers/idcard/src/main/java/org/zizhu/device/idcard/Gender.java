package org.zizhu.device.idcard;

/** Gender codes per GB/T 2261.1 as stored on the card. */
public enum Gender {
    UNKNOWN('0', "未知"),
    MALE('1', "男"),
    FEMALE('2', "女"),
    UNSPECIFIED('9', "未说明");

    private final char code;
    private final String chineseName;

    Gender(char code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    public char code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The gender for a code character, or null if it is not a GB/T 2261.1 code. */
    public static Gender ofCode(char c) {
        for (Gender g : values()) {
            if (g.code == c) {
                return g;
            }
        }
        return null;
    }
}
