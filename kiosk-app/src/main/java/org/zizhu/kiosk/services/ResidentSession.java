package org.zizhu.kiosk.services;

import java.time.Instant;

/**
 * A verified resident for the length of one kiosk session: the centre's short-lived token
 * (sent as {@code X-Resident-Token}, never logged or stored) and the ID number for
 * submissions. Held in memory only; the session screen drops it at the end or on idle.
 */
public record ResidentSession(String token, String idNumber, String maskedIdNumber, String name, Instant expiresAt) {
    @Override
    public String toString() {
        return "ResidentSession[" + maskedIdNumber + ", expires " + expiresAt + "]";
    }
}
