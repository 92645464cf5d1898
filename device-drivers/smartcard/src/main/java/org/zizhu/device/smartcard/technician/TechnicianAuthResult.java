package org.zizhu.device.smartcard.technician;

import java.util.Objects;
import org.zizhu.device.smartcard.SmartCardException;

/**
 * The outcome of a technician card login, with the messages the maintenance screen shows.
 * Only {@link Ok} unlocks maintenance mode. No variant carries the PIN or key material.
 */
public sealed interface TechnicianAuthResult {
    /** Short stable code for logs and JSON, e.g. {@code wrong-pin}. */
    String code();

    String messageZh();

    String messageEn();

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

        public String messageZh() {
            return "验证通过：" + role.nameZh() + " " + technicianId + "，已进入维护模式。";
        }

        public String messageEn() {
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

        public String messageZh() {
            return "PIN 码错误，还可尝试 " + retriesLeft + " 次。";
        }

        public String messageEn() {
            return "Wrong PIN. " + retriesLeft + (retriesLeft == 1 ? " try" : " tries") + " left.";
        }
    }

    /** The PIN is blocked on the card (too many wrong PINs). */
    record Blocked() implements TechnicianAuthResult {
        public String code() {
            return "blocked";
        }

        public String messageZh() {
            return "此卡 PIN 已锁定，请联系中心解锁或换卡。";
        }

        public String messageEn() {
            return "This card's PIN is blocked. Contact the centre to unblock or replace it.";
        }
    }

    /** Not a Zizhu technician card (no application, unreadable certificate). */
    record NotATechnicianCard(String detail) implements TechnicianAuthResult {
        public String code() {
            return "not-a-technician-card";
        }

        public String messageZh() {
            return "这不是维护人员卡，请插入技术员或运维人员卡。";
        }

        public String messageEn() {
            return "This is not a maintenance card. Insert a technician or operator card.";
        }
    }

    /** The card claims to be a technician card but is not one the centre issued. */
    record Forged(String detail) implements TechnicianAuthResult {
        public String code() {
            return "forged";
        }

        public String messageZh() {
            return "此卡未通过中心签发验证，已拒绝。该事件已记录。";
        }

        public String messageEn() {
            return "This card failed the centre's authenticity check and was refused. The event has been logged.";
        }
    }

    /** A genuine card outside its validity period. */
    record Expired(java.time.LocalDate validUntil) implements TechnicianAuthResult {
        public String code() {
            return "expired";
        }

        public String messageZh() {
            return "此卡已过期或尚未生效，请联系中心换卡。";
        }

        public String messageEn() {
            return "This card is expired or not yet valid. Contact the centre for a new card.";
        }
    }

    /** A genuine card the centre has withdrawn. */
    record Revoked() implements TechnicianAuthResult {
        public String code() {
            return "revoked";
        }

        public String messageZh() {
            return "此卡已被中心注销，不能使用。";
        }

        public String messageEn() {
            return "This card has been revoked by the centre and cannot be used.";
        }
    }

    /** The reader or card failed (no card, removed, timeout, garbage); nothing was decided. */
    record ReaderError(SmartCardException.Reason reason, String detail) implements TechnicianAuthResult {
        public String code() {
            return "reader-error";
        }

        public String messageZh() {
            return switch (reason) {
                case NO_CARD -> "请插入维护人员卡。";
                case CARD_REMOVED -> "读卡过程中卡被取出，请重新插卡。";
                case NO_READER, SERVICE_UNAVAILABLE -> "读卡器不可用，请检查读卡器连接。";
                case TIMEOUT -> "卡片无响应，请重新插卡。";
                default -> "读卡失败，请重新插卡。";
            };
        }

        public String messageEn() {
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
