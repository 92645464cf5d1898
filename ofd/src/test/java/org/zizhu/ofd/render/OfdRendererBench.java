package org.zizhu.ofd.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.ofd.OfdArchive;

/**
 * One sealed A4 e-license page (embedded subset font, photo, seal) at 300 dpi: cold first render
 * in this JVM, then 50 warm runs after warm-up. Target ≤ 200 ms per page warm. Excluded by
 * default; run with
 * {@code mvn -B -ntp -o -pl ofd test -Dtest=OfdRendererBench -DexcludedGroups=none -Dgroups=bench -Dsurefire.failIfNoSpecifiedTests=false}.
 * Figures go to ofd/target/bench-render.txt and stdout; no assertion on time (the machine is shared).
 */
@Tag("bench")
class OfdRendererBench {
    @TempDir
    Path dir;

    @Test
    void sealedA4At300Dpi() throws Exception {
        byte[] sealed = Fixtures.seal(dir, Fixtures.licence(dir, Fixtures.ID_LINE, true));
        OfdRenderer r = new OfdRenderer();
        RenderOptions opts = RenderOptions.defaults()
                .withTextFilter(s -> s.replaceAll("(\\d{6})\\d{8}(\\d{4})", "$1********$2"))
                .withWatermark("此件由紫竹政务服务中心提供，仅供办理政务服务事项时使用");
        // Cold: the first render in this JVM (ofdrw has already loaded AWT fonts while making the document).
        long t0 = System.nanoTime();
        BufferedImage first = r.render(OfdArchive.read(sealed), 0, opts);
        double cold = (System.nanoTime() - t0) / 1e6;
        assertEquals(2480, first.getWidth());
        for (int i = 0; i < 20; i++) {
            r.render(OfdArchive.read(sealed), 0, opts);
        }
        int n = 50;
        double[] withRead = new double[n];
        double[] renderOnly = new double[n];
        double[] plain = new double[n];
        OfdArchive doc = OfdArchive.read(sealed);
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            r.render(OfdArchive.read(sealed), 0, opts);
            withRead[i] = (System.nanoTime() - s) / 1e6;
            s = System.nanoTime();
            r.render(doc, 0, opts);
            renderOnly[i] = (System.nanoTime() - s) / 1e6;
            s = System.nanoTime();
            r.render(doc, 0, RenderOptions.defaults());
            plain[i] = (System.nanoTime() - s) / 1e6;
        }
        String report = String.format("sealed A4 OFD %d bytes, 300 dpi (2480x3508), filter+watermark on%n"
                        + "cold first render: %.1f ms%n"
                        + "warm read+render  (n=%d): %s%n"
                        + "warm render only  (n=%d): %s%n"
                        + "warm render only, no filter/watermark (n=%d): %s%n"
                        + "load average at end: %s%n",
                sealed.length, cold, n, stats(withRead), n, stats(renderOnly), n, stats(plain),
                Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.print(report);
        Files.writeString(Path.of("target/bench-render.txt"), report);
    }

    /**
     * Cold start in a fresh JVM (what a kiosk sees on its first print if it does not warm up):
     * {@code java -cp <test classpath> org.zizhu.ofd.render.OfdRendererBench some.ofd}. The JUnit
     * figure above is not cold in this sense: ofdrw has already loaded AWT fonts making the document.
     */
    public static void main(String[] args) throws Exception {
        byte[] ofd = Files.readAllBytes(Path.of(args[0]));
        if (args.length > 1 && args[1].equals("warm")) {
            long w = System.nanoTime();
            OfdRenderer.warmUp();
            System.out.printf("warmUp() %.1f ms%n", (System.nanoTime() - w) / 1e6);
        }
        long t0 = System.nanoTime();
        BufferedImage img = new OfdRenderer().render(OfdArchive.read(ofd), 0, RenderOptions.defaults());
        double cold = (System.nanoTime() - t0) / 1e6;
        long t1 = System.nanoTime();
        new OfdRenderer().render(OfdArchive.read(ofd), 0, RenderOptions.defaults());
        System.out.printf("fresh JVM: first render %.1f ms, second %.1f ms (%dx%d)%n", cold,
                (System.nanoTime() - t1) / 1e6, img.getWidth(), img.getHeight());
    }

    static String stats(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return String.format("min %.1f  median %.1f  p95 %.1f  max %.1f ms", s[0], s[s.length / 2],
                s[(int) Math.ceil(s.length * 0.95) - 1], s[s.length - 1]);
    }
}
