package org.zizhu.forms;

/**
 * The kinds of field an electronic form (电子表单) has. Each implies the shape of its value
 * (always a string on the wire): {@code DATE} is {@code yyyy-MM-dd}, {@code DATE_RANGE} is
 * {@code yyyy-MM-dd/yyyy-MM-dd} (ISO 8601 interval), {@code NUMBER} a plain decimal,
 * {@code CHOICE} one of the field's choice values.
 */
public enum FieldType {
    /** Free text: letters, digits, Chinese, punctuation; an optional anchored pattern narrows it. */
    TEXT,
    /** Chinese characters only (names, places), with the middle dot of minority names (·). */
    CHINESE_TEXT,
    /** 18-character resident ID number with its GB 11643 check character. */
    ID_NUMBER,
    /** Mainland mobile number, 11 digits starting 13..19. */
    PHONE,
    /** Unified social credit code (GB 32100-2015). */
    USCC,
    DATE,
    DATE_RANGE,
    NUMBER,
    CHOICE,
    /** A postal address: free text that must contain Chinese characters. */
    ADDRESS
}
