package org.zizhu.device.camera;

import org.zizhu.device.DeviceFault;

/** Why the camera has the status it has; tags are those heartbeats and tests read. */
public enum CameraFault implements DeviceFault {
    /** ONLINE: frames flow (not a fault: says why it is online). */
    STREAMING("streaming"),
    /** The capture command (ffmpeg) is not installed or cannot be started. */
    CAPTURE_COMMAND_NOT_FOUND("capture-command-not-found"),
    /** The capture process ended before any frame and said the device is missing. */
    NO_DEVICE("no-device"),
    /** The capture process ended; it is started again after a backoff. */
    PROCESS_EXITED("process-exited"),
    /** No frame within the stall timeout: the process was killed and is started again. */
    STALLED("stalled");

    private final String tag;

    CameraFault(String tag) {
        this.tag = tag;
    }

    @Override
    public String tag() {
        return tag;
    }
}
