package org.zizhu.device.camera.face;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.zizhu.device.camera.sim.SyntheticScenes;

class FaceCaptureTest {
    private final FaceCapture capture = FaceCapture.withDefaults();

    private FaceQualityIssue issueOf(BufferedImage img) {
        FaceCaptureResult r = capture.assess(img);
        return assertInstanceOf(FaceCaptureResult.Rejected.class, r, () -> "expected rejection, metrics " + r.metrics()).issue();
    }

    @Test
    void wellLitSharpFaceIsAcceptedAsBoundedJpeg() throws Exception {
        BufferedImage img = SyntheticScenes.face(640, 480, 0.35, 1.0);
        FaceCaptureResult r = capture.assess(img);
        FaceCaptureResult.Accepted a = assertInstanceOf(FaceCaptureResult.Accepted.class, r, () -> "metrics " + r.metrics());
        CapturedFace face = a.face();
        assertTrue(face.size() <= 60 * 1024, "JPEG bounded: " + face.size());
        assertTrue(face.width() <= 480 && face.height() <= 480);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(face.jpeg()));
        assertNotNull(decoded);
        assertEquals(face.width(), decoded.getWidth());
        assertTrue(face.toString().matches("CapturedFace\\[\\d+x\\d+, \\d+ bytes\\]"), "only the size: " + face);
    }

    @Test
    void tinyJpegLimitShrinksPictureToFit() {
        FaceCapture small = FaceCapture.builder().maxJpegBytes(6 * 1024).build();
        var r = assertInstanceOf(FaceCaptureResult.Accepted.class, small.assess(SyntheticScenes.face(640, 480, 0.35, 1.0)));
        assertTrue(r.face().size() <= 6 * 1024, "size " + r.face().size());
    }

    @Test
    void darkHallIsTooDark() {
        FaceCaptureResult r = capture.assess(SyntheticScenes.face(640, 480, 0.35, 0.2));
        FaceCaptureResult.Rejected rej = assertInstanceOf(FaceCaptureResult.Rejected.class, r);
        assertEquals(FaceQualityIssue.TOO_DARK, rej.issue());
        // The resident's Chinese and English advice is the kiosk's (DeviceReasonTextTest).
        assertTrue(rej.issue().description().startsWith("Too dark"));
        assertTrue(rej.metrics().meanLuma() < 60);
    }

    @Test
    void glareIsTooBright() {
        assertEquals(FaceQualityIssue.TOO_BRIGHT, issueOf(SyntheticScenes.face(640, 480, 0.35, 2.5)));
    }

    @Test
    void movingResidentIsBlurred() {
        BufferedImage sharp = SyntheticScenes.face(640, 480, 0.35, 1.0);
        BufferedImage blurred = SyntheticScenes.blurred(sharp, 6);
        assertEquals(FaceQualityIssue.BLURRED, issueOf(blurred));
    }

    @Test
    void emptyRoomHasNoFace() {
        assertEquals(FaceQualityIssue.NO_FACE, issueOf(SyntheticScenes.emptyRoom(640, 480)));
    }

    @Test
    void residentFarAwayIsTooSmall() {
        assertEquals(FaceQualityIssue.FACE_TOO_SMALL, issueOf(SyntheticScenes.face(640, 480, 0.12, 1.0)));
    }

    @Test
    void detectorIsPluggable() {
        FaceCapture never = FaceCapture.builder().detector(f -> Optional.empty()).build();
        FaceCaptureResult r = never.assess(SyntheticScenes.face(640, 480, 0.35, 1.0));
        assertEquals(FaceQualityIssue.NO_FACE, assertInstanceOf(FaceCaptureResult.Rejected.class, r).issue());
    }

    @Test
    void detectorRegionOutsideTheFrameIsNoFaceNotACrash() {
        FaceCapture odd = FaceCapture.builder().detector(f -> Optional.of(new FaceRegion(5000, 5000, 100, 100))).build();
        assertEquals(FaceQualityIssue.NO_FACE, assertInstanceOf(FaceCaptureResult.Rejected.class,
                odd.assess(SyntheticScenes.face(640, 480, 0.35, 1.0))).issue());
        FaceCapture partly = FaceCapture.builder().detector(f -> Optional.of(new FaceRegion(-100, -100, 500, 500))).build();
        assertInstanceOf(FaceCaptureResult.class, partly.assess(SyntheticScenes.face(640, 480, 0.35, 1.0)));
    }

    @Test
    void wipeZeroesTheJpegAndBlocksFurtherUse() {
        var a = assertInstanceOf(FaceCaptureResult.Accepted.class, capture.assess(SyntheticScenes.face(640, 480, 0.35, 1.0)));
        byte[] bytes = a.face().jpeg();
        a.face().close();
        assertTrue(a.face().isWiped());
        assertArrayEquals(new byte[bytes.length], bytes);
        assertThrows(IllegalStateException.class, () -> a.face().jpeg());
        assertTrue(a.face().toString().contains("wiped"));
    }

    @Test
    void everyIssueIsDescribedForTechnicians() {
        // Both resident languages: DeviceReasonTextTest in kiosk-app checks every bundle.
        for (FaceQualityIssue i : FaceQualityIssue.values()) {
            assertFalse(i.description().isBlank());
        }
    }
}
