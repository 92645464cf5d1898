package org.zizhu.ids;

/**
 * Check characters of the identifiers the kiosk, its devices and the centre handle
 * (shared/reference/domain.md): the 18-character resident ID number, the unified social credit
 * code and the electronic license identifier. One implementation for the card reader, the
 * kiosk's service client and central-sim.
 */
public final class IdChecks {
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final String LICENSE_PREFIX = "1.2.156.3005.2.";

    private IdChecks() {
    }

    /** Check character of a resident ID number from its first 17 digits. */
    public static char idCheckChar(CharSequence first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("need the first 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at position " + (i + 1));
            }
            sum += (c - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11);
    }

    /** True for an 18-character resident ID number (residence permits included) with a correct check character. */
    public static boolean validIdNumber(String id) {
        if (id == null || id.length() != 18 || !id.matches("[0-9]{17}[0-9X]")) {
            return false;
        }
        return idCheckChar(id.subSequence(0, 17)) == id.charAt(17);
    }

    /**
     * True when the unified social credit code's check character is right. Some early codes fail
     * the check: callers warn rather than reject (domain.md).
     */
    public static boolean validCreditCode(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CREDIT_ALPHABET.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * CREDIT_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CREDIT_ALPHABET.charAt(check == 31 ? 0 : check) == code.charAt(17);
    }

    /**
     * True for a mainland mobile number: 11 digits, 1 then 3..9 (the numbering plan's mobile
     * blocks; 12x is unassigned to mobiles, landlines have area codes).
     */
    public static boolean validMobileNumber(String phone) {
        if (phone == null || phone.length() != 11 || phone.charAt(0) != '1' || phone.charAt(1) < '3' || phone.charAt(1) > '9') {
            return false;
        }
        for (int i = 2; i < 11; i++) {
            if (phone.charAt(i) < '0' || phone.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** ISO 7064 MOD 37,36 check character over digits and upper-case letters. */
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
                throw new IllegalArgumentException("not 0-9A-Z at position " + (i + 1));
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

    /** True for {@code 1.2.156.3005.2.<type>.<issuer>.<serial>.<version>.<check>} with a correct check character. */
    public static boolean validLicenseId(String id) {
        if (id == null || id.length() > 120 || !id.startsWith(LICENSE_PREFIX)) {
            return false;
        }
        String[] f = id.substring(LICENSE_PREFIX.length()).split("\\.", -1);
        if (f.length != 5 || f[0].isEmpty() || f[1].isEmpty() || f[2].isEmpty() || !f[3].matches("[0-9]{3}")
                || f[4].length() != 1) {
            return false;
        }
        String middle = f[0] + f[1] + f[2] + f[3];
        if (middle.isEmpty() || !middle.matches("[0-9A-Z]+")) {
            return false;
        }
        return mod3736(middle) == f[4].charAt(0);
    }
}
