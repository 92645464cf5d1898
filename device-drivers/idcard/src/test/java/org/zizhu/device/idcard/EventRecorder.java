package org.zizhu.device.idcard;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.DeviceStatusEvent;
import org.zizhu.device.StatusTracker;

/** Collects reader events and status changes for assertions. */
final class EventRecorder implements IdCardListener {
    final BlockingQueue<IdCardEvent> events = new LinkedBlockingQueue<>();
    final BlockingQueue<DeviceStatusEvent> statuses = new LinkedBlockingQueue<>();

    @Override
    public void onEvent(IdCardEvent event) {
        events.add(event);
    }

    void watch(StatusTracker tracker) {
        tracker.addListener(statuses::add);
    }

    <T extends IdCardEvent> T next(Class<T> type, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (true) {
            long left = end - System.currentTimeMillis();
            IdCardEvent e = events.poll(Math.max(0, left), TimeUnit.MILLISECONDS);
            assertNotNull(e, "no " + type.getSimpleName() + " within " + timeoutMs + " ms");
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
    }

    /** Waits for the tracker to reach a status (checks the current one first). */
    DeviceStatusEvent awaitStatus(StatusTracker tracker, DeviceStatus wanted, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (true) {
            DeviceStatusEvent e = statuses.poll(10, TimeUnit.MILLISECONDS);
            if (e != null && e.current() == wanted) {
                return e;
            }
            if (e == null && tracker.status() == wanted) {
                // The tracker may be updated a moment before its listener queues the event: give
                // the event a short while to arrive before saying it was reached earlier (null).
                DeviceStatusEvent late = statuses.poll(500, TimeUnit.MILLISECONDS);
                if (late == null) {
                    return null;
                }
                if (late.current() == wanted) {
                    return late;
                }
                continue;
            }
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("status " + wanted + " not reached within " + timeoutMs + " ms; now "
                        + tracker.status() + " " + tracker.detail());
            }
        }
    }
}
