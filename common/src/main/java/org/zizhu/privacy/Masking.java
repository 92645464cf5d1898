package org.zizhu.privacy;

/**
 * Masks personal values for logs, screens and print-outs. Everything that shows an ID number
 * or a name outside the resident's own session goes through here.
 */
public final class Masking {
    private Masking() {
    }

    /** {@code 11010519491231002X} becomes {@code 1101**********002X}; short values are fully starred. */
    public static String idNumber(String id) {
        if (id == null || id.isEmpty()) {
            return "";
        }
        int n = id.length();
        if (n <= 8) {
            return "*".repeat(n);
        }
        return id.substring(0, 4) + "*".repeat(n - 8) + id.substring(n - 4);
    }

    /** Keeps the first character (the surname for most Chinese names) and stars the rest. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int first = name.offsetByCodePoints(0, 1);
        int rest = name.codePointCount(first, name.length());
        return name.substring(0, first) + "*".repeat(Math.max(rest, 1));
    }
}
