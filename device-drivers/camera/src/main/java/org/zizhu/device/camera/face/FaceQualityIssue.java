package org.zizhu.device.camera.face;

/**
 * Why a frame is not good enough for face verification: a reason, not text. The kiosk words it
 * for the resident from its message bundles ({@code device.face.<name>}); {@link #description()}
 * is English for technicians (tools, logs).
 */
public enum FaceQualityIssue {
    TOO_DARK("Too dark, please move closer to the screen"),
    TOO_BRIGHT("Too bright, please avoid strong light or step back a little"),
    NO_FACE("No face found, please look straight at the camera"),
    FACE_TOO_SMALL("Please come closer so your face fills the frame"),
    BLURRED("The picture is blurred, please hold still");

    private final String description;

    FaceQualityIssue(String description) {
        this.description = description;
    }

    /** English for technicians (diag and sim tools); residents get the kiosk's bundle text. */
    public String description() {
        return description;
    }
}
