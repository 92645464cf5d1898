package org.zizhu.device;

/**
 * What every device driver is, whatever it drives: an id for logs and heartbeats, one status in
 * the common vocabulary (with change events through its tracker), and a close that releases the
 * port, process or socket. Device-specific interfaces ({@code IdCardReader}, {@code ReceiptPrinter},
 * {@code A4Printer}, {@code Camera}, {@code Gpio}, {@code SmartCardReader}) extend it, so the
 * kiosk holds interfaces and never a concrete driver or simulator.
 */
public interface Device extends AutoCloseable {
    /** Stable id, e.g. {@code idcard}, {@code receipt}; the same in logs, heartbeats and the console. */
    default String id() {
        return tracker().deviceId();
    }

    /** The device's status now. */
    default DeviceStatus status() {
        return tracker().status();
    }

    /** The status with change events; listeners are told once per change. */
    StatusTracker tracker();

    /** Releases the device; never throws, may be called more than once. */
    @Override
    void close();
}
