package org.zizhu.print.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.zizhu.print.TemplateDataException;

/** Validation and formatting helpers for the data records; errors name the field, never its value. */
public final class Req {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private Req() {
    }

    public static String text(String field, String v) {
        if (v == null || v.isBlank()) {
            throw new TemplateDataException(field, "missing");
        }
        if (v.length() > 5000) {
            throw new TemplateDataException(field, "longer than 5000 characters");
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (Character.isISOControl(ch) && ch != '\n') {
                throw new TemplateDataException(field, "contains a control character");
            }
        }
        return v.strip();
    }

    public static String optional(String field, String v) {
        return v == null || v.isBlank() ? "" : text(field, v);
    }

    public static <T> T present(String field, T v) {
        if (v == null) {
            throw new TemplateDataException(field, "missing");
        }
        return v;
    }

    public static <T> List<T> list(String field, List<T> v) {
        if (v == null) {
            throw new TemplateDataException(field, "missing (use an empty list for none)");
        }
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i) == null) {
                throw new TemplateDataException(field + "[" + i + "]", "missing");
            }
        }
        return List.copyOf(v);
    }

    public static int positive(String field, int v) {
        if (v <= 0) {
            throw new TemplateDataException(field, "must be positive");
        }
        return v;
    }

    /** Checks the shape of an 18-character ID number (digits, last may be X) without logging it. */
    public static String idNumber(String field, String v) {
        text(field, v);
        String s = v.strip().toUpperCase(java.util.Locale.ROOT);
        if (!s.matches("[0-9]{17}[0-9X]") && !s.matches("[0-9]{15}")) {
            throw new TemplateDataException(field, "not an 18-digit (or old 15-digit) ID number");
        }
        return s;
    }

    public static String url(String field, String v) {
        text(field, v);
        if (!v.strip().matches("(?i)https?://\\S+")) {
            throw new TemplateDataException(field, "not an http(s) URL");
        }
        return v.strip();
    }

    public static String date(LocalDate d) {
        return DATE.format(d);
    }

    public static String dateTime(LocalDateTime d) {
        return DATE_TIME.format(d);
    }
}
