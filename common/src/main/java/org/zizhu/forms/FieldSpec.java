package org.zizhu.forms;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a form field accepts, as the catalogue defines it: the parts of a field definition
 * that decide validity (labels and prefill sources are the kiosk's business). Optional rule
 * parts are null when absent.
 *
 * @param pattern an anchored regular expression for TEXT fields (compiled here, so a bad one
 *                fails when the catalogue is read, not when a resident types)
 */
public record FieldSpec(FieldType type, int maxLength, boolean required, Integer minLength, Pattern pattern,
                        BigDecimal min, BigDecimal max, Integer decimals, DateWindow when, Integer maxSpanDays,
                        Set<String> choices) {
    public FieldSpec {
        Objects.requireNonNull(type, "type");
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1");
        }
        choices = choices == null ? Set.of() : Set.copyOf(choices);
        if (type == FieldType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("a CHOICE field needs choices");
        }
        if (type == FieldType.NUMBER && (min == null || max == null || decimals == null)) {
            throw new IllegalArgumentException("a NUMBER field needs min, max and decimals");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min exceeds max");
        }
        if (type == FieldType.DATE_RANGE && (maxSpanDays == null || maxSpanDays < 1)) {
            throw new IllegalArgumentException("a DATE_RANGE field needs maxSpanDays");
        }
    }

    /** A spec with only type, length and required-ness (tests and simple fields). */
    public static FieldSpec of(FieldType type, int maxLength, boolean required) {
        return new FieldSpec(type, maxLength, required, null, null, null, null, null, null, null, null);
    }
}
