package org.zizhu.kiosk.central;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Whether the centre is reachable, as seen by the last calls. The UI shows an offline banner
 * from it; every client call reports its outcome here.
 */
public final class LinkState {
    public enum Status { UNKNOWN, ONLINE, OFFLINE }

    private final List<Consumer<Status>> listeners = new CopyOnWriteArrayList<>();
    private volatile Status status = Status.UNKNOWN;
    private volatile Instant lastSuccess;

    public Status status() {
        return status;
    }

    public Instant lastSuccess() {
        return lastSuccess;
    }

    public void addListener(Consumer<Status> l) {
        listeners.add(l);
    }

    void succeeded() {
        lastSuccess = Instant.now();
        set(Status.ONLINE);
    }

    void failed(CentralException e) {
        if (e.linkDown() || e.kind() == CentralException.Kind.UNAVAILABLE) {
            set(Status.OFFLINE);
        }
    }

    private void set(Status s) {
        if (s == status) {
            return;
        }
        status = s;
        for (Consumer<Status> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException ignored) {
                // a broken listener must not break the client
            }
        }
    }
}
