package org.zizhu.device.camera.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zizhu.device.camera.sim.DocumentScene;
import org.zizhu.device.camera.sim.DocumentScenes;

/** The pure corrector on the simulator's drawn scenes (round-tripped through JPEG like camera frames). */
class DocumentCorrectorTest {
    private static DocumentScenes.Rendered a4;
    private static BufferedImage a4Frame;
    private final DocumentCorrector corrector = DocumentCorrector.withDefaults();

    @BeforeAll
    static void render() throws IOException {
        a4 = DocumentScenes.render(DocumentScene.A4_ON_DESK);
        a4Frame = viaJpeg(a4.image());
    }

    @Test
    void angledA4IsFoundWithItsCornersWhereTheCameraSeesThem() {
        PageQuad q = corrector.findPage(a4Frame).orElseThrow();
        List<PageQuad.Corner> found = q.corners();
        for (int i = 0; i < 4; i++) {
            Point2D.Double truth = a4.corners().get(i);
            double err = Math.hypot(found.get(i).x() - truth.x, found.get(i).y() - truth.y);
            assertTrue(err < 4.0, "corner " + i + " off by " + err + " px: " + found.get(i) + " vs " + truth);
        }
    }

    @Test
    void angledA4BecomesAnUprightPageWithA4Proportions() throws IOException {
        var acc = assertInstanceOf(DocumentCaptureResult.Accepted.class, corrector.correct(a4Frame));
        CapturedPage page = acc.page();
        double aspect = (double) page.height() / page.width();
        assertEquals(DocumentScenes.A4_H / DocumentScenes.A4_W, aspect, 0.02, "A4 is 1.414 tall per wide");
        assertEquals(DocumentScenes.A4_H / DocumentScenes.A4_W, acc.metrics().aspect(), 0.01);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(page.jpeg()));
        assertNotNull(img);
        assertEquals(page.width(), img.getWidth());
        // Upright, not turned or mirrored: the registration square is at the top-left only.
        double mx = (DocumentScenes.MARK_X + DocumentScenes.MARK_SIDE / 2) / DocumentScenes.A4_W;
        double my = (DocumentScenes.MARK_Y + DocumentScenes.MARK_SIDE / 2) / DocumentScenes.A4_H;
        assertTrue(luma(img, mx, my) < 60, "mark at top-left: " + luma(img, mx, my));
        assertTrue(luma(img, 1 - mx, my) > 180, "no mark at top-right");
        assertTrue(luma(img, mx, 1 - my) > 150, "no mark at bottom-left");
        assertTrue(luma(img, 1 - mx, 1 - my) > 150, "no mark at bottom-right");
        // The page fills the picture: just inside every corner is paper, not desk.
        for (double[] c : new double[][] {{0.02, 0.02}, {0.98, 0.02}, {0.98, 0.98}, {0.02, 0.98}}) {
            assertTrue(luma(img, c[0], c[1]) > 170, "paper at " + c[0] + "," + c[1] + ": " + luma(img, c[0], c[1]));
        }
        assertTrue(page.size() <= 1024 * 1024 && Math.max(page.width(), page.height()) <= 2000);
        assertTrue(page.toString().matches("CapturedPage\\[\\d+x\\d+, \\d+ bytes\\]"), page.toString());
    }

    @Test
    void cardIsCorrectedToCardProportions() throws IOException {
        var acc = assertInstanceOf(DocumentCaptureResult.Accepted.class,
                corrector.correct(viaJpeg(DocumentScenes.render(DocumentScene.CARD).image())));
        assertEquals(DocumentScenes.CARD_H / DocumentScenes.CARD_W, (double) acc.page().height() / acc.page().width(), 0.02);
    }

    @Test
    void blurredPageIsRefusedAsBlurred() throws IOException {
        var rej = assertInstanceOf(DocumentCaptureResult.Rejected.class,
                corrector.correct(viaJpeg(DocumentScenes.render(DocumentScene.A4_BLURRED).image())));
        assertEquals(DocumentQualityIssue.BLURRED, rej.issue());
        assertTrue(rej.metrics().sharpness() > 0, "the page was found and measured");
    }

    @Test
    void emptyDeskHasNoPage() throws IOException {
        var rej = assertInstanceOf(DocumentCaptureResult.Rejected.class,
                corrector.correct(viaJpeg(DocumentScenes.render(DocumentScene.EMPTY_DESK).image())));
        assertEquals(DocumentQualityIssue.NO_PAGE, rej.issue());
    }

    @Test
    void pageRunningOutOfTheViewIsCutOff() throws IOException {
        assertEquals(DocumentQualityIssue.PAGE_CUT_OFF, issue(DocumentScenes.render(DocumentScene.A4_CUT_OFF).image()));
    }

    @Test
    void darkDeskIsTooDark() throws IOException {
        assertEquals(DocumentQualityIssue.TOO_DARK, issue(DocumentScenes.render(DocumentScene.A4_DARK).image()));
    }

    @Test
    void smallMaterialIsTooSmall() throws IOException {
        // The card scene judged by a corrector that wants at least half the frame.
        DocumentCorrector strict = DocumentCorrector.builder().minAreaFraction(0.5).build();
        var rej = assertInstanceOf(DocumentCaptureResult.Rejected.class,
                strict.correct(viaJpeg(DocumentScenes.render(DocumentScene.CARD).image())));
        assertEquals(DocumentQualityIssue.PAGE_TOO_SMALL, rej.issue());
    }

    @Test
    void oddFramesAreAVerdictNotACrash() {
        for (BufferedImage odd : new BufferedImage[] {solid(1, 1, Color.WHITE), solid(640, 480, Color.WHITE),
            solid(640, 480, Color.GRAY), solid(16, 4000, Color.WHITE), new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY)}) {
            assertNotNull(corrector.correct(odd));
        }
        BufferedImage whiteOnGrey = solid(800, 600, new Color(90, 90, 90));
        Graphics2D g = whiteOnGrey.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(200, 100, 400, 400); // a blank sheet: found, but nothing on it to read
        g.dispose();
        var rej = assertInstanceOf(DocumentCaptureResult.Rejected.class, corrector.correct(whiteOnGrey));
        assertEquals(DocumentQualityIssue.BLURRED, rej.issue());
    }

    @Test
    void tightJpegLimitLowersQualityThenSizeToFit() {
        DocumentCorrector small = DocumentCorrector.builder().maxJpegBytes(40 * 1024).build();
        var acc = assertInstanceOf(DocumentCaptureResult.Accepted.class, small.correct(a4Frame));
        assertTrue(acc.page().size() <= 40 * 1024, "size " + acc.page().size());
    }

    @Test
    void wipeZeroesThePageAndBlocksFurtherUse() {
        var acc = assertInstanceOf(DocumentCaptureResult.Accepted.class, corrector.correct(a4Frame));
        byte[] bytes = acc.page().jpeg();
        acc.page().close();
        assertTrue(acc.page().isWiped());
        assertArrayEquals(new byte[bytes.length], bytes);
        assertThrows(IllegalStateException.class, () -> acc.page().jpeg());
        assertTrue(acc.page().toString().contains("wiped"));
    }

    @Test
    void everyIssueIsDescribedForTechnicians() {
        for (DocumentQualityIssue i : DocumentQualityIssue.values()) {
            assertFalse(i.description().isBlank());
        }
    }

    @Test
    void builderRefusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> DocumentCorrector.builder().maxJpegBytes(1000));
        assertThrows(IllegalArgumentException.class, () -> DocumentCorrector.builder().minAreaFraction(1.5));
        assertThrows(IllegalArgumentException.class, () -> DocumentCorrector.builder().maxSide(10));
    }

    private DocumentQualityIssue issue(BufferedImage scene) throws IOException {
        DocumentCaptureResult r = corrector.correct(viaJpeg(scene));
        return assertInstanceOf(DocumentCaptureResult.Rejected.class, r, () -> "metrics " + r.metrics()).issue();
    }

    /** Mean luma of a small patch around (fx, fy) as fractions of the picture. */
    private static double luma(BufferedImage img, double fx, double fy) {
        int cx = (int) (fx * img.getWidth());
        int cy = (int) (fy * img.getHeight());
        double sum = 0;
        int n = 0;
        for (int y = cy - 3; y <= cy + 3; y++) {
            for (int x = cx - 3; x <= cx + 3; x++) {
                int p = img.getRGB(Math.max(0, Math.min(img.getWidth() - 1, x)), Math.max(0, Math.min(img.getHeight() - 1, y)));
                sum += 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
                n++;
            }
        }
        return sum / n;
    }

    private static BufferedImage solid(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    static BufferedImage viaJpeg(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    }
}
