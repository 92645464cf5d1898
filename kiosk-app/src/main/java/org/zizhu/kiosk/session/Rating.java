package org.zizhu.kiosk.session;

import java.util.List;
import java.util.Objects;

/**
 * A 好差评 evaluation given at the kiosk: one per visit ("一次一评"). The two bad levels need
 * at least one reason, because the office must call back within the configured deadline and
 * needs to know what went wrong. The five levels are the central contract's
 * ({@link RatingLevel}).
 */
public record Rating(String sessionId, String itemCode, RatingLevel level, List<String> reasons, String comment) {
    /** Reasons a resident can pick for a bad rating (short, fixed list: no free personal text). */
    public static final List<String> BAD_REASONS = List.of("GUIDE_UNCLEAR", "TOO_SLOW", "MACHINE_FAULT",
            "NOT_ACCEPTED", "ASKED_FOR_MORE_PAPERS", "STAFF_ATTITUDE", "OTHER");

    public Rating {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(level, "level");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        if (level.bad() && reasons.isEmpty()) {
            throw new IllegalArgumentException("a bad rating needs at least one reason");
        }
        for (String r : reasons) {
            if (!BAD_REASONS.contains(r)) {
                throw new IllegalArgumentException("unknown reason " + r);
            }
        }
        comment = comment == null ? "" : comment.strip();
        if (comment.codePointCount(0, comment.length()) > 200) {
            throw new IllegalArgumentException("comment longer than 200 characters");
        }
    }
}
