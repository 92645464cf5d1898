package org.zizhu.kiosk.flow;

import java.util.Optional;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/**
 * The face check's live guide, as the runtime provides it over the camera: the newest frame and
 * prompt while a face capture runs, empty otherwise (no capture, no camera, no frame yet). The
 * flows ask it only in their face-check states, so the screens reach it through the flow they
 * render and never import the devices. Fast and bounded: it never waits for the camera.
 */
@FunctionalInterface
public interface FaceGuideSource {
    /** A source that never has a picture (no camera; tests). */
    FaceGuideSource NONE = Optional::empty;

    /** The newest guide, a fresh copy the caller owns and should {@link FaceGuideView#wipe()}. */
    Optional<FaceGuideView> latest();

    /**
     * {@code source}'s guide, or empty when it fails: the guide is a help only, a failing one
     * costs the resident the picture, never the face check. {@code where} names the flow in the log.
     */
    static Optional<FaceGuideView> askSafely(FaceGuideSource source, String where) {
        try {
            return source.latest();
        } catch (RuntimeException e) {
            EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", where, "error", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
