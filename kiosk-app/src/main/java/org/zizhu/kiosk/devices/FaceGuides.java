package org.zizhu.kiosk.devices;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.zizhu.device.camera.face.FaceGuide;
import org.zizhu.kiosk.flow.FaceGuideSource;
import org.zizhu.kiosk.flow.FaceGuideView;
import org.zizhu.kiosk.flow.FaceGuideView.Prompt;

/**
 * The flows' {@link FaceGuideSource} over the device hub's running face capture: the newest frame
 * as it is, and the driver's verdict turned into what the resident should do now.
 */
public final class FaceGuides implements FaceGuideSource {
    /**
     * How far the face's centre may sit from the picture's centre, as a fraction of the picture's
     * width (height), before the resident is asked to face the camera: the screen's oval guide is
     * centred and about this much wider than a face at arm's length.
     */
    static final double OFF_CENTRE_X = 0.15;
    static final double OFF_CENTRE_Y = 0.2;

    private final Supplier<Optional<DeviceHub.LiveFace>> live;

    public FaceGuides(DeviceHub hub) {
        this(hub::liveFace);
    }

    FaceGuides(Supplier<Optional<DeviceHub.LiveFace>> live) {
        this.live = Objects.requireNonNull(live, "live");
    }

    @Override
    public Optional<FaceGuideView> latest() {
        return live.get().map(f -> new FaceGuideView(f.jpeg(), prompt(f.guide())));
    }

    /**
     * The prompt for a frame's verdict, in the order the resident can act on it: light first (a
     * face cannot be judged in the dark), then being in the picture, near enough, in the middle of
     * it, and still. An accepted frame is OK wherever the face was.
     */
    public static Prompt prompt(FaceGuide guide) {
        if (guide.ok()) {
            return Prompt.OK;
        }
        return switch (guide.issue().orElseThrow()) {
            case TOO_DARK -> Prompt.MORE_LIGHT;
            case TOO_BRIGHT -> Prompt.LESS_LIGHT;
            case NO_FACE -> Prompt.NO_FACE;
            case FACE_TOO_SMALL -> Prompt.CLOSER;
            // Off the middle matters more than a blur: a resident moving there blurs anyway.
            case BLURRED -> offCentre(guide) ? Prompt.LOOK_STRAIGHT : Prompt.HOLD;
        };
    }

    private static boolean offCentre(FaceGuide guide) {
        return guide.face().map(a -> Math.abs(a.centreX() - 0.5) > OFF_CENTRE_X
                || Math.abs(a.centreY() - 0.5) > OFF_CENTRE_Y).orElse(false);
    }
}
