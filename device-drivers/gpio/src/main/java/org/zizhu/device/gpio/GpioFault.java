package org.zizhu.device.gpio;

import org.zizhu.device.DeviceFault;

/** Why the GPIO board has the status it has; tags are those heartbeats and tests read. */
public enum GpioFault implements DeviceFault {
    /** The Pi4J context or a pin could not be set up. */
    INIT_FAILED("gpio-init-failed"),
    /** The cabinet door is open. */
    TAMPER_OPEN("tamper-open"),
    /** The door was opened and closed again; only a technician's reset clears the alarm. */
    TAMPER_CLOSED_AWAITING_RESET("tamper-closed-awaiting-reset");

    private final String tag;

    GpioFault(String tag) {
        this.tag = tag;
    }

    @Override
    public String tag() {
        return tag;
    }
}
