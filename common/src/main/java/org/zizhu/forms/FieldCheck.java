package org.zizhu.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;
import org.zizhu.ids.IdChecks;

/**
 * Checks one form field's value against its {@link FieldSpec}. Pure: today's date comes from
 * the caller (the kiosk's injected clock, the centre's own date), so the kiosk and the centre
 * judge a form by the same rules and a form the kiosk let through is not refused for a rule
 * the resident never saw.
 */
public final class FieldCheck {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern ID_SHAPE = Pattern.compile("[0-9]{17}[0-9X]");
    private static final Pattern USCC_SHAPE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,6})?");
    /** Middle dots used between the parts of minority names (阿依古丽·买买提). */
    private static final String NAME_DOTS = "·•・";

    private FieldCheck() {
    }

    /** The first rule the value breaks, or empty when it is acceptable (a warning rule may be returned). */
    public static Optional<FieldRule> check(FieldSpec spec, String value, LocalDate today) {
        if (value == null || value.isBlank()) {
            return spec.required() ? Optional.of(FieldRule.REQUIRED) : Optional.empty();
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of(FieldRule.BAD_CHARACTERS);
        }
        int length = value.codePointCount(0, value.length());
        if (length > spec.maxLength()) {
            return Optional.of(FieldRule.TOO_LONG);
        }
        if (spec.minLength() != null && length < spec.minLength()) {
            return Optional.of(FieldRule.TOO_SHORT);
        }
        return switch (spec.type()) {
            case TEXT -> spec.pattern() != null && !spec.pattern().matcher(value).matches()
                    ? Optional.of(FieldRule.PATTERN) : Optional.empty();
            case CHINESE_TEXT -> chineseOnly(value) ? Optional.empty() : Optional.of(FieldRule.NOT_CHINESE);
            case ADDRESS -> value.codePoints().anyMatch(FieldCheck::han) ? Optional.empty() : Optional.of(FieldRule.NOT_CHINESE);
            case ID_NUMBER -> !ID_SHAPE.matcher(value).matches() ? Optional.of(FieldRule.ID_NUMBER_FORMAT)
                    : IdChecks.validIdNumber(value) ? Optional.empty() : Optional.of(FieldRule.ID_NUMBER_CHECK);
            case PHONE -> IdChecks.validMobileNumber(value) ? Optional.empty() : Optional.of(FieldRule.PHONE);
            case USCC -> !USCC_SHAPE.matcher(value).matches() ? Optional.of(FieldRule.USCC_FORMAT)
                    : IdChecks.validCreditCode(value) ? Optional.empty() : Optional.of(FieldRule.USCC_CHECK);
            case DATE -> date(spec, value, today);
            case DATE_RANGE -> range(spec, value, today);
            case NUMBER -> number(spec, value);
            case CHOICE -> spec.choices().contains(value) ? Optional.empty() : Optional.of(FieldRule.CHOICE);
        };
    }

    /** A {@code yyyy-MM-dd} date, or null if the text is not one (February 30th included). */
    public static LocalDate parseDate(String s) {
        if (s == null || s.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(s, DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Optional<FieldRule> date(FieldSpec spec, String value, LocalDate today) {
        LocalDate d = parseDate(value);
        if (d == null) {
            return Optional.of(FieldRule.DATE_FORMAT);
        }
        return window(spec.when(), d, today);
    }

    private static Optional<FieldRule> window(DateWindow when, LocalDate d, LocalDate today) {
        if (when == DateWindow.PAST_OR_TODAY && d.isAfter(today)) {
            return Optional.of(FieldRule.DATE_IN_FUTURE);
        }
        if (when == DateWindow.TODAY_OR_FUTURE && d.isBefore(today)) {
            return Optional.of(FieldRule.DATE_IN_PAST);
        }
        return Optional.empty();
    }

    /** {@code start/end}, both inclusive; the window applies to the start (when the period began or begins). */
    private static Optional<FieldRule> range(FieldSpec spec, String value, LocalDate today) {
        int slash = value.indexOf('/');
        LocalDate start = slash < 0 ? null : parseDate(value.substring(0, slash));
        LocalDate end = slash < 0 ? null : parseDate(value.substring(slash + 1));
        if (start == null || end == null) {
            return Optional.of(FieldRule.DATE_FORMAT);
        }
        if (end.isBefore(start)) {
            return Optional.of(FieldRule.RANGE_ORDER);
        }
        if (spec.maxSpanDays() != null && ChronoUnit.DAYS.between(start, end) > spec.maxSpanDays()) {
            return Optional.of(FieldRule.RANGE_TOO_LONG);
        }
        return window(spec.when(), start, today);
    }

    private static Optional<FieldRule> number(FieldSpec spec, String value) {
        if (!NUMBER.matcher(value).matches()) {
            return Optional.of(FieldRule.NUMBER_FORMAT);
        }
        BigDecimal n = new BigDecimal(value);
        if (spec.decimals() != null && Math.max(n.scale(), 0) > spec.decimals()) {
            return Optional.of(FieldRule.NUMBER_DECIMALS);
        }
        if ((spec.min() != null && n.compareTo(spec.min()) < 0) || (spec.max() != null && n.compareTo(spec.max()) > 0)) {
            return Optional.of(FieldRule.NUMBER_RANGE);
        }
        return Optional.empty();
    }

    private static boolean chineseOnly(String s) {
        boolean any = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (han(cp)) {
                any = true;
            } else if (NAME_DOTS.indexOf(cp) < 0) {
                return false;
            }
        }
        return any;
    }

    private static boolean han(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
