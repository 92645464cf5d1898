package org.zizhu.device.camera.document;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.zizhu.device.camera.sim.DocumentScene;
import org.zizhu.device.camera.sim.DocumentScenes;

/**
 * Benchmark harness, not a test: frame -> corrected page JPEG (the whole {@link DocumentCorrector#correct}),
 * on 1600x1200 frames decoded from JPEG like the camera's. Prints figures for bench/camera.md and
 * asserts nothing about speed. Run only with the bench profile:
 * {@code mvn -B -q -pl device-drivers/camera -am -Pbench test -Dtest=DocumentBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class DocumentBench {
    @Test
    void frameToCorrectedPage() throws Exception {
        DocumentCorrector corrector = DocumentCorrector.withDefaults();
        BufferedImage a4 = DocumentCorrectorTest.viaJpeg(DocumentScenes.render(DocumentScene.A4_ON_DESK).image());
        BufferedImage card = DocumentCorrectorTest.viaJpeg(DocumentScenes.render(DocumentScene.CARD).image());
        BufferedImage empty = DocumentCorrectorTest.viaJpeg(DocumentScenes.render(DocumentScene.EMPTY_DESK).image());
        BufferedImage blurred = DocumentCorrectorTest.viaJpeg(DocumentScenes.render(DocumentScene.A4_BLURRED).image());
        report("A4 page, 1600x1200 frame -> accepted page JPEG", time(() -> {
            if (!(corrector.correct(a4) instanceof DocumentCaptureResult.Accepted a)) {
                throw new AssertionError("not accepted");
            } else {
                a.page().wipe();
            }
        }));
        report("card, 1600x1200 frame -> accepted page JPEG", time(() -> {
            if (corrector.correct(card) instanceof DocumentCaptureResult.Accepted a) {
                a.page().wipe();
            }
        }));
        report("blurred A4 -> BLURRED", time(() -> corrector.correct(blurred)));
        report("empty desk -> NO_PAGE", time(() -> corrector.correct(empty)));
    }

    private static long[] time(Runnable r) {
        for (int i = 0; i < 20; i++) {
            r.run();
        }
        long[] ns = new long[60];
        for (int i = 0; i < ns.length; i++) {
            long t = System.nanoTime();
            r.run();
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        return ns;
    }

    private static void report(String what, long[] sorted) {
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "BENCH %-50s mean=%.1f ms p50=%.1f ms p95=%.1f ms (n=%d)%n", what, mean,
                sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 95 / 100] / 1e6, sorted.length);
    }
}
