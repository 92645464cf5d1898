package org.zizhu.kiosk.session;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/**
 * One resident's visit. Everything personal that the kiosk obtains during it (the ID card
 * identity, a face image, fetched e-licenses) is registered here and wiped when the session
 * ends — by the resident finishing or leaving for the home screen, by the idle timeout, or by
 * the kiosk stopping — so personal data never outlives the transaction that needed it.
 */
public final class Visit {
    private final String id = UUID.randomUUID().toString();
    private final List<Wipeable> personal = new ArrayList<>();
    private boolean ended;

    /** An opaque id for logs and the one-rating-per-visit rule; carries no personal data. */
    public String id() {
        return id;
    }

    /** Registers personal data to wipe at the end; returns it for chaining. */
    public synchronized <T extends Wipeable> T hold(T data) {
        if (ended) {
            data.wipe();
            throw new IllegalStateException("session already ended");
        }
        personal.add(data);
        return data;
    }

    public synchronized boolean ended() {
        return ended;
    }

    /** Wipes everything held; idempotent. */
    public void end(String reason) {
        List<Wipeable> toWipe;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            toWipe = new ArrayList<>(personal);
            personal.clear();
        }
        int failures = 0;
        for (Wipeable w : toWipe) {
            try {
                w.wipe();
            } catch (RuntimeException e) {
                failures++;
            }
        }
        EventLog.event(EventId.SESSION_ENDED, failures == 0 ? Outcome.SUCCESS : Outcome.FAILURE,
                "session", id, "reason", reason, "wiped", toWipe.size(), "wipeFailures", failures);
    }
}
