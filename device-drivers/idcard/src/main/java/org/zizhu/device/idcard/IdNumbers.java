package org.zizhu.device.idcard;

/**
 * The 18-character citizen identification number check (GB 11643): weights
 * 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 on the first 17 digits, check character
 * {@code "10X98765432"[sum mod 11]}. Residence permits (81/82/83...) and the 2023 foreign
 * permanent resident card (9...) use the same rule.
 */
public final class IdNumbers {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumbers() {
    }

    /** The check character for 17 digits; throws IllegalArgumentException otherwise. */
    public static char checkChar(CharSequence first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at " + i);
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** True for 17 digits followed by the right check character (upper-case X only). */
    public static boolean isValid(String id) {
        if (id == null || id.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return checkChar(id.subSequence(0, 17)) == id.charAt(17);
    }
}
