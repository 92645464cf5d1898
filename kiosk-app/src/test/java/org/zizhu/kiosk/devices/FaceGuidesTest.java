package org.zizhu.kiosk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zizhu.device.camera.face.FaceCapture;
import org.zizhu.device.camera.face.FaceGuide;
import org.zizhu.device.camera.face.FaceQualityIssue;
import org.zizhu.device.camera.sim.SyntheticScenes;
import org.zizhu.kiosk.flow.FaceGuideView;
import org.zizhu.kiosk.flow.FaceGuideView.Prompt;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.i18n.Language;

/** The driver's verdict on a frame, worded as what the resident should do now. */
class FaceGuidesTest {
    private static final Optional<FaceGuide.Area> CENTRED = Optional.of(new FaceGuide.Area(0.32, 0.25, 0.36, 0.5));
    private static final Optional<FaceGuide.Area> AT_THE_EDGE = Optional.of(new FaceGuide.Area(0.0, 0.25, 0.3, 0.5));

    private static Prompt prompt(FaceQualityIssue issue, Optional<FaceGuide.Area> face) {
        return FaceGuides.prompt(new FaceGuide(Optional.ofNullable(issue), face));
    }

    @Test
    void eachIssueAsksForWhatTheResidentCanChange() {
        assertEquals(Prompt.MORE_LIGHT, prompt(FaceQualityIssue.TOO_DARK, Optional.empty()));
        assertEquals(Prompt.LESS_LIGHT, prompt(FaceQualityIssue.TOO_BRIGHT, Optional.empty()));
        assertEquals(Prompt.NO_FACE, prompt(FaceQualityIssue.NO_FACE, Optional.empty()));
        assertEquals(Prompt.CLOSER, prompt(FaceQualityIssue.FACE_TOO_SMALL, CENTRED));
        assertEquals(Prompt.HOLD, prompt(FaceQualityIssue.BLURRED, CENTRED));
        assertEquals(Prompt.OK, prompt(null, CENTRED));
    }

    @Test
    void aFaceOffTheMiddleIsAskedToLookStraightIntoTheOval() {
        assertEquals(Prompt.LOOK_STRAIGHT, prompt(FaceQualityIssue.BLURRED, AT_THE_EDGE));
        assertEquals(Prompt.LOOK_STRAIGHT, prompt(FaceQualityIssue.BLURRED, Optional.of(new FaceGuide.Area(0.32, 0.0, 0.36, 0.4))));
        // Too far is said first (coming closer changes where the face is anyway); an accepted frame is OK wherever it was.
        assertEquals(Prompt.CLOSER, prompt(FaceQualityIssue.FACE_TOO_SMALL, AT_THE_EDGE));
        assertEquals(Prompt.OK, prompt(null, AT_THE_EDGE));
    }

    @Test
    void theSimulatorsScenesGiveTheirPrompts() {
        FaceCapture capture = FaceCapture.withDefaults();
        assertEquals(Prompt.MORE_LIGHT, FaceGuides.prompt(capture.guide(SyntheticScenes.face(640, 480, 0.35, 0.2))));
        assertEquals(Prompt.NO_FACE, FaceGuides.prompt(capture.guide(SyntheticScenes.emptyRoom(640, 480))));
        assertEquals(Prompt.CLOSER, FaceGuides.prompt(capture.guide(SyntheticScenes.face(640, 480, 0.12, 1.0))));
        assertEquals(Prompt.HOLD, FaceGuides.prompt(capture.guide(
                SyntheticScenes.blurred(SyntheticScenes.face(640, 480, 0.35, 1.0), 6))));
        assertEquals(Prompt.OK, FaceGuides.prompt(capture.guide(SyntheticScenes.face(640, 480, 0.35, 1.0))));
    }

    @Test
    void everyIssueHasAPromptAndEveryPromptBothLanguages() {
        Set<Prompt> reached = EnumSet.noneOf(Prompt.class);
        for (FaceQualityIssue i : FaceQualityIssue.values()) {
            reached.add(prompt(i, CENTRED));
            reached.add(prompt(i, AT_THE_EDGE));
            reached.add(prompt(i, Optional.empty()));
        }
        reached.add(prompt(null, CENTRED));
        assertEquals(EnumSet.allOf(Prompt.class), reached, "a prompt no verdict leads to");
        Messages messages = new Messages();
        for (Prompt p : Prompt.values()) {
            for (Language l : Language.values()) {
                String text = messages.get(l, p.key());
                assertFalse(text.isBlank() || text.equals(p.key()), l + " " + p.key());
            }
        }
    }

    @Test
    void theSourceHandsOnTheNewestPictureWithItsPrompt() {
        byte[] jpeg = {1, 2, 3};
        FaceGuides source = new FaceGuides(() -> Optional.of(new DeviceHub.LiveFace(jpeg,
                new FaceGuide(Optional.of(FaceQualityIssue.NO_FACE), Optional.empty()))));
        FaceGuideView v = source.latest().orElseThrow();
        assertEquals(Prompt.NO_FACE, v.prompt());
        assertFalse(v.ok());
        assertEquals("FaceGuideView[3 bytes, NO_FACE]", v.toString(), "the picture is never in a log");
        v.wipe();
        assertTrue(java.util.Arrays.equals(new byte[3], v.jpeg()));
        assertEquals(Optional.empty(), new FaceGuides(Optional::empty).latest());
    }
}
