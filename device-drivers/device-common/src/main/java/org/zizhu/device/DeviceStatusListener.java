package org.zizhu.device;

/** Receives status change events. Called on the device's own thread: hand off, don't block. */
@FunctionalInterface
public interface DeviceStatusListener {
    void onStatusChange(DeviceStatusEvent event);
}
