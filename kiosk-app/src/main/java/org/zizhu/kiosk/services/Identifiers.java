package org.zizhu.kiosk.services;

/** Local checks of identifiers before they go to the centre (shared/reference/domain.md). */
public final class Identifiers {
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private Identifiers() {
    }

    public static boolean validIdNumber(String id) {
        if (id == null || !id.matches("[0-9]{17}[0-9X]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return "10X98765432".charAt(sum % 11) == id.charAt(17);
    }

    /** ISO 7064 MOD 37,36 check of an e-license identifier {@code 1.2.156.3005.2.T.I.S.VVV.C}. */
    public static boolean validLicenseId(String id) {
        if (id == null || !id.startsWith("1.2.156.3005.2.")) {
            return false;
        }
        String[] f = id.substring(15).split("\\.", -1);
        if (f.length != 5 || !f[3].matches("[0-9]{3}") || f[4].length() != 1) {
            return false;
        }
        String mid = f[0] + f[1] + f[2] + f[3];
        if (!mid.matches("[0-9A-Z]+")) {
            return false;
        }
        int p = 36;
        for (char c : mid.toCharArray()) {
            int v = c <= '9' ? c - '0' : c - 'A' + 10;
            p = (p + v) % 36;
            if (p == 0) {
                p = 36;
            }
            p = (2 * p) % 37;
        }
        int check = (37 - p) % 36;
        return f[4].charAt(0) == (char) (check < 10 ? '0' + check : 'A' + check - 10);
    }

    /** {@code 1101**********002X}: for screens and print-outs. */
    public static String mask(String idNumber) {
        return idNumber.length() < 8 ? "****" : idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }
}
