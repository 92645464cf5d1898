package org.zizhu.device.smartcard.sscard;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The public fields of a social-security card the kiosk shows or checks. The card number is
 * held <em>masked</em> only ({@code A1******8}-style); no name or social-security number is
 * read at all. Session data: discard with the session.
 *
 * @param maskedCardNumber card number with all but its first two and last character starred
 * @param regionCode       issuing region, 6-digit administrative division code (行政区划代码)
 * @param issueDate        issue date
 * @param expiryDate       last day of validity
 */
public record SocialSecurityCardInfo(String maskedCardNumber, String regionCode, LocalDate issueDate, LocalDate expiryDate) {
    public SocialSecurityCardInfo {
        Objects.requireNonNull(maskedCardNumber, "maskedCardNumber");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(expiryDate, "expiryDate");
        if (!maskedCardNumber.contains("*")) {
            throw new IllegalArgumentException("card number must be masked");
        }
    }

    /** True if {@code day} lies within issue date .. expiry date. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(issueDate) && !day.isAfter(expiryDate);
    }

    /** Keeps the first two and the last character: {@code A12345678} becomes {@code A1******8}. */
    public static String mask(String cardNumber) {
        if (cardNumber == null || cardNumber.isEmpty()) {
            return "*";
        }
        int n = cardNumber.length();
        if (n <= 4) {
            return "*".repeat(n);
        }
        return cardNumber.substring(0, 2) + "*".repeat(n - 3) + cardNumber.substring(n - 1);
    }
}
