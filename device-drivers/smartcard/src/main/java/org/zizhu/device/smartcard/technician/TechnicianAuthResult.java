package org.zizhu.device.smartcard.technician;

import java.util.Objects;
import org.zizhu.device.smartcard.SmartCardException;

/**
 * The outcome of a technician card login: a reason the maintenance screen words from its bundles.
 * Only {@link Ok} unlocks maintenance mode. No variant carries the PIN or key material.
 */
public sealed interface TechnicianAuthResult {
    /** Short stable code for logs and JSON, e.g. {@code wrong-pin}. */
    String code();

    /**
     * English for technicians (diag tool, logs). The maintenance screen words the outcome from the
     * kiosk's message bundles ({@code device.technician.<code>}): drivers return reasons, not text.
     */
    String description();

    default boolean success() {
        return this instanceof Ok;
    }

    /** PIN accepted and the card proved it holds the key the centre certified. */
    record Ok(String technicianId, TechnicianRole role, String cardSerialHex) implements TechnicianAuthResult {
        public Ok {
            Objects.requireNonNull(technicianId, "technicianId");
            Objects.requireNonNull(role, "role");
        }

        public String code() {
            return "ok";
        }

        public String description() {
            return "Verified: " + role.nameEn() + " " + technicianId + ". Maintenance mode unlocked.";
        }

        @Override
        public String toString() {
            return "Ok[role=" + role + ", card=" + cardSerialHex + "]";
        }
    }

    /** The card refused the PIN; {@code retriesLeft} more tries before it blocks. */
    record WrongPin(int retriesLeft) implements TechnicianAuthResult {
        public String code() {
            return "wrong-pin";
        }

        public String description() {
            return "Wrong PIN. " + retriesLeft + (retriesLeft == 1 ? " try" : " tries") + " left.";
        }
    }

    /** The PIN is blocked on the card (too many wrong PINs). */
    record Blocked() implements TechnicianAuthResult {
        public String code() {
            return "blocked";
        }

        public String description() {
            return "This card's PIN is blocked. Contact the centre to unblock or replace it.";
        }
    }

    /** Not a Zizhu technician card (no application, unreadable certificate). */
    record NotATechnicianCard(String detail) implements TechnicianAuthResult {
        public String code() {
            return "not-a-technician-card";
        }

        public String description() {
            return "This is not a maintenance card. Insert a technician or operator card.";
        }
    }

    /** The card claims to be a technician card but is not one the centre issued. */
    record Forged(String detail) implements TechnicianAuthResult {
        public String code() {
            return "forged";
        }

        public String description() {
            return "This card failed the centre's authenticity check and was refused. The event has been logged.";
        }
    }

    /** A genuine card outside its validity period. */
    record Expired(java.time.LocalDate validUntil) implements TechnicianAuthResult {
        public String code() {
            return "expired";
        }

        public String description() {
            return "This card is expired or not yet valid. Contact the centre for a new card.";
        }
    }

    /** A genuine card the centre has withdrawn. */
    record Revoked() implements TechnicianAuthResult {
        public String code() {
            return "revoked";
        }

        public String description() {
            return "This card has been revoked by the centre and cannot be used.";
        }
    }

    /** The reader or card failed (no card, removed, timeout, garbage); nothing was decided. */
    record ReaderError(SmartCardException.Reason reason, String detail) implements TechnicianAuthResult {
        public String code() {
            return "reader-error";
        }

        public String description() {
            return switch (reason) {
                case NO_CARD -> "Please insert a maintenance card.";
                case CARD_REMOVED -> "The card was removed while being read. Please insert it again.";
                case NO_READER, SERVICE_UNAVAILABLE -> "The card reader is unavailable. Check its connection.";
                case TIMEOUT -> "The card did not respond. Please insert it again.";
                default -> "The card could not be read. Please insert it again.";
            };
        }
    }
}
