package org.zizhu.device;

/**
 * Why a device is not {@link DeviceStatus#ONLINE}, typed. Each driver has its own enum of faults
 * implementing this (paper end, port lost, tamper open ...), so the kiosk maps a fault to the
 * resident's or technician's words from its message bundles ({@code device.fault.<tag>}) and the
 * heartbeat reports the tag; drivers never carry display text.
 */
public interface DeviceFault {
    /** Short machine-readable reason, lower-case with dashes, e.g. {@code paper-end}; never personal data. */
    String tag();

    /** Faults every kind of device can have. */
    enum Common implements DeviceFault {
        /** No fault: the status says all there is. */
        NONE(""),
        /** Nothing at the configured port or path. */
        NOT_FOUND("not-found"),
        /** The device was there and went away (unplugged, socket closed). */
        CONNECTION_LOST("connection-lost"),
        /** The device is there but did not answer within its deadline. */
        NO_RESPONSE("no-response"),
        /** The driver was stopped (the kiosk is closing). */
        STOPPED("stopped"),
        /** Starting the device failed; the log has the cause. */
        START_FAILED("start-failed");

        private final String tag;

        Common(String tag) {
            this.tag = tag;
        }

        @Override
        public String tag() {
            return tag;
        }
    }
}
