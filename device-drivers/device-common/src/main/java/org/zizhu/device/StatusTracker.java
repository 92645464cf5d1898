package org.zizhu.device;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/**
 * Holds one device's current status and tells listeners when it changes, once per change.
 * Thread-safe; a listener that throws is logged and does not stop the others or the driver.
 */
public final class StatusTracker {
    private static final Logger log = LoggerFactory.getLogger(StatusTracker.class);

    private final String deviceId;
    private final Clock clock;
    private final List<DeviceStatusListener> listeners = new CopyOnWriteArrayList<>();
    private DeviceStatus status;
    private String detail = "";
    private DeviceFault fault = DeviceFault.Common.NONE;

    public StatusTracker(String deviceId, DeviceStatus initial) {
        this(deviceId, initial, Clock.systemUTC());
    }

    public StatusTracker(String deviceId, DeviceStatus initial, Clock clock) {
        this.deviceId = deviceId;
        this.status = initial;
        this.clock = clock;
    }

    public String deviceId() {
        return deviceId;
    }

    public synchronized DeviceStatus status() {
        return status;
    }

    public synchronized String detail() {
        return detail;
    }

    /** The typed reason for the status now ({@link DeviceFault.Common#NONE} when there is none). */
    public synchronized DeviceFault fault() {
        return fault;
    }

    /** Sets status and typed reason; the reason's tag becomes the {@link #detail()}. */
    public boolean update(DeviceStatus next, DeviceFault reason) {
        DeviceFault r = reason == null ? DeviceFault.Common.NONE : reason;
        return change(next, r, r.tag());
    }

    public void addListener(DeviceStatusListener listener) {
        listeners.add(listener);
    }

    public void removeListener(DeviceStatusListener listener) {
        listeners.remove(listener);
    }

    /**
     * Sets the status with a free-text reason. Not public: drivers report typed faults
     * ({@link #update(DeviceStatus, DeviceFault)}), so every reason has a tag the kiosk can word;
     * the tracker's own test still drives the detail text directly.
     */
    boolean update(DeviceStatus next, String nextDetail) {
        return change(next, DeviceFault.Common.NONE, nextDetail == null ? "" : nextDetail);
    }

    private boolean change(DeviceStatus next, DeviceFault reason, String d) {
        DeviceStatusEvent event;
        synchronized (this) {
            if (next == status && d.equals(detail) && reason.equals(fault)) {
                return false;
            }
            fault = reason;
            event = new DeviceStatusEvent(deviceId, status, next, d, clock.instant());
            status = next;
            detail = d;
        }
        EventLog.event(EventId.DEVICE_STATUS_CHANGED,
                next.usable() ? Outcome.SUCCESS : Outcome.FAILURE,
                "device", deviceId, "from", String.valueOf(event.previous()), "to", next.name(), "detail", d);
        for (DeviceStatusListener l : listeners) {
            try {
                l.onStatusChange(event);
            } catch (RuntimeException e) {
                log.warn("status listener failed for {}", deviceId, e);
            }
        }
        return true;
    }
}
