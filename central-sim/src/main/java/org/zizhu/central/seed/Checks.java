package org.zizhu.central.seed;

/** Check characters of the identifiers the centre hands out (shared/reference/domain.md). */
public final class Checks {
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    private Checks() {
    }

    /** True for an 18-char resident ID number with a correct check char. */
    public static boolean validIdNumber(String id) {
        if (id == null || !id.matches("[0-9]{17}[0-9X]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11) == id.charAt(17);
    }

    /** ISO 7064 MOD 37,36 check char over digits and upper-case letters. */
    public static char mod3736(String s) {
        int p = 36;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int v;
            if (c >= '0' && c <= '9') {
                v = c - '0';
            } else if (c >= 'A' && c <= 'Z') {
                v = c - 'A' + 10;
            } else {
                throw new IllegalArgumentException("not 0-9A-Z: " + c);
            }
            p = (p + v) % 36;
            if (p == 0) {
                p = 36;
            }
            p = (2 * p) % 37;
        }
        int check = (37 - p) % 36;
        return (char) (check < 10 ? '0' + check : 'A' + check - 10);
    }

    /** True for {@code 1.2.156.3005.2.<type>.<issuer>.<serial>.<version>.<check>} with a correct check char. */
    public static boolean validLicenseId(String id) {
        if (id == null || !id.startsWith("1.2.156.3005.2.")) {
            return false;
        }
        String[] f = id.substring("1.2.156.3005.2.".length()).split("\\.", -1);
        if (f.length != 5 || !f[3].matches("[0-9]{3}") || f[4].length() != 1) {
            return false;
        }
        String middle = f[0] + f[1] + f[2] + f[3];
        if (!middle.matches("[0-9A-Z]+")) {
            return false;
        }
        return mod3736(middle) == f[4].charAt(0);
    }

    /** Masks an ID number for display and print-outs: {@code 1101**********002X}. */
    public static String maskIdNumber(String id) {
        return id.substring(0, 4) + "**********" + id.substring(14);
    }
}
