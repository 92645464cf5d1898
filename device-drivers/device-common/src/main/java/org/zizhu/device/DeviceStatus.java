package org.zizhu.device;

/**
 * The one status vocabulary every device reports, after CEN XFS4IoT's common device status.
 * Screens, heartbeats and the status light all read this, never a driver's private state.
 */
public enum DeviceStatus {
    /** Connected and ready for work. */
    ONLINE,
    /** Configured and present, but not answering (powered off, link down, paused queue). */
    OFFLINE,
    /** Nothing at the configured port or path. */
    NO_DEVICE,
    /** The device answered and reported a fault it cannot clear by itself. */
    HARDWARE_ERROR,
    /** A fault a person can clear: paper out, cover open, card inserted the wrong way. */
    USER_ERROR,
    /** Working on a job; still healthy. */
    BUSY,
    /** Tampering or a suspicious card/document was detected. */
    FRAUD_ATTEMPT;

    /** True when the device can take a new job now. */
    public boolean usable() {
        return this == ONLINE || this == BUSY;
    }
}
