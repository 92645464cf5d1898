package org.zizhu.kiosk.flow;

import java.util.Arrays;
import java.util.Objects;

/**
 * The face check as the screen shows it while the camera is still looking: the newest frame as a
 * small JPEG and what the resident should do now. The picture is the resident's face: shown,
 * never kept (the screen zeroes the bytes once decoded) and never in a log ({@link #toString()}
 * gives only the size).
 *
 * @param jpeg   the newest frame, scaled down for the preview (the receiver owns this copy)
 * @param prompt what the resident should change, or that the picture is good
 */
public record FaceGuideView(byte[] jpeg, Prompt prompt) {
    public FaceGuideView {
        Objects.requireNonNull(jpeg, "jpeg");
        Objects.requireNonNull(prompt, "prompt");
    }

    /** What the resident is asked, in the order they can act on it; each a message key {@code face.prompt.*}. */
    public enum Prompt {
        /** Nobody in the picture. */
        NO_FACE("face.prompt.noFace"),
        /** The picture is too dark. */
        MORE_LIGHT("face.prompt.moreLight"),
        /** Glare or back light. */
        LESS_LIGHT("face.prompt.lessLight"),
        /** The face is too small: step closer. */
        CLOSER("face.prompt.closer"),
        /** The face is off the middle of the picture: into the oval, facing the camera. */
        LOOK_STRAIGHT("face.prompt.lookStraight"),
        /** The picture is blurred: hold still. */
        HOLD("face.prompt.hold"),
        /** The picture is good: it is being taken. */
        OK("face.prompt.ok");

        private final String key;

        Prompt(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** True when the picture is good (the screen draws the oval green). */
    public boolean ok() {
        return prompt == Prompt.OK;
    }

    /** Zeroes the picture (the receiver is done with it). */
    public void wipe() {
        Arrays.fill(jpeg, (byte) 0);
    }

    @Override
    public String toString() {
        return "FaceGuideView[" + jpeg.length + " bytes, " + prompt + "]";
    }
}
