package org.zizhu.forms;

/**
 * The rule a field value broke: the kiosk words it for the resident (one message per rule,
 * naming the field), the centre names it in its refusal. One vocabulary on both sides.
 */
public enum FieldRule {
    REQUIRED,
    TOO_LONG,
    TOO_SHORT,
    /** Control characters (newlines, NUL...) in a one-line value. */
    BAD_CHARACTERS,
    /** Does not match the field's pattern (TEXT). */
    PATTERN,
    /** Not only Chinese characters (CHINESE_TEXT), or no Chinese at all (ADDRESS). */
    NOT_CHINESE,
    ID_NUMBER_FORMAT,
    ID_NUMBER_CHECK,
    PHONE,
    USCC_FORMAT,
    /**
     * The credit code's check character is wrong. Some codes issued early fail the check yet are
     * real (domain.md), so this one is a warning: the kiosk asks the resident to look again, the
     * centre accepts it.
     */
    USCC_CHECK(false),
    DATE_FORMAT,
    DATE_IN_FUTURE,
    DATE_IN_PAST,
    RANGE_ORDER,
    RANGE_TOO_LONG,
    NUMBER_FORMAT,
    NUMBER_DECIMALS,
    NUMBER_RANGE,
    CHOICE,
    /** A value for a field the form does not have. */
    UNKNOWN_FIELD;

    private final boolean blocking;

    FieldRule() {
        this(true);
    }

    FieldRule(boolean blocking) {
        this.blocking = blocking;
    }

    /** False only for warnings a submission may carry. */
    public boolean blocking() {
        return blocking;
    }
}
