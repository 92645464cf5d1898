package org.zizhu.kiosk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.zizhu.kiosk.flow.keyboard.Key;
import org.zizhu.kiosk.flow.keyboard.KeyboardMode;
import org.zizhu.kiosk.flow.keyboard.KeyboardState;
import org.zizhu.kiosk.flow.keyboard.PinyinIndex;

/**
 * The on-screen keyboard's cost: building the pinyin index (time, retained heap) and one keystroke
 * (the transition with its candidate lookup of up to 80 candidates), typed letter by letter over
 * names, Baotou place names and the worst single letters (the widest prefix ranges). The first
 * pass is the cold one a resident meets right after start-up; later passes are warm.
 *
 * <p>{@code java ... org.zizhu.kiosk.bench.PinyinBench [BUILDS] [PASSES]}; see BENCHMARKS.md.
 */
public final class PinyinBench {
    private static final List<String> TYPED = List.of("zhangsan", "lixiaoming", "wangjianguo", "liuyang", "chenjing",
            "baotoushi", "kundulunqu", "qingshanqu", "donghequ", "jiuyuanqu", "shiguaiqu", "baiyunebo", "damaoqi",
            "neimenggu", "zizhiqu", "shenfenzheng", "yingyezhizhao", "lvshi", "nvxing", "gongzuodanwei",
            "jiedaobanshichu", "s", "z", "y", "x", "j", "sh", "zh", "ch");

    public static void main(String[] args) {
        int builds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();

        gc();
        long before = mem.getHeapMemoryUsage().getUsed();
        long t0 = System.nanoTime();
        PinyinIndex index = PinyinIndex.load();
        long firstBuild = System.nanoTime() - t0;
        gc();
        long retained = mem.getHeapMemoryUsage().getUsed() - before;
        long[] buildMs = new long[builds];
        for (int i = 0; i < builds; i++) {
            long t = System.nanoTime();
            PinyinIndex again = PinyinIndex.load();
            buildMs[i] = (System.nanoTime() - t) / 1_000_000;
            if (again.size() != index.size()) {
                throw new IllegalStateException("index not deterministic");
            }
        }
        System.out.printf("index: %d entries; first build %d ms (cold JVM), later builds %s ms; retained heap %.1f MiB%n",
                index.size(), firstBuild / 1_000_000, Arrays.toString(buildMs), retained / 1048576.0);

        long[] cold = typeAll(index);
        report("keystroke, first pass (cold)", cold);
        List<Long> warm = new ArrayList<>();
        java.util.Map<String, Integer> over = new java.util.TreeMap<>();
        List<String> buffers = buffers();
        for (int p = 0; p < passes; p++) {
            long[] ns = typeAll(index);
            for (int i = 0; i < ns.length; i++) {
                warm.add(ns[i]);
                if (ns[i] > 5_000_000) {
                    over.merge(buffers.get(i), 1, Integer::sum);
                }
            }
        }
        System.out.println("warm keystrokes over 5 ms, by letters typed: " + over);
        report("keystroke, warm (" + passes + " passes)", warm.stream().mapToLong(Long::longValue).toArray());
        long worst = 0;
        String worstKey = "";
        for (String w : TYPED) {
            KeyboardState s = KeyboardState.start(KeyboardMode.PINYIN, "", 40);
            for (char c : w.toCharArray()) {
                long t = System.nanoTime();
                s = s.next(new Key.Letter(c), index);
                long d = System.nanoTime() - t;
                if (d > worst) {
                    worst = d;
                    worstKey = s.pinyin();
                }
            }
        }
        System.out.printf("slowest warm keystroke in one more pass: \"%s\" %.3f ms%n", worstKey, worst / 1e6);
    }

    /** The pinyin buffer after each keystroke of {@link #typeAll}, in the same order. */
    private static List<String> buffers() {
        List<String> out = new ArrayList<>();
        for (String w : TYPED) {
            for (int i = 1; i <= w.length(); i++) {
                out.add(w.substring(0, i));
            }
        }
        return out;
    }

    private static long[] typeAll(PinyinIndex index) {
        List<Long> out = new ArrayList<>();
        for (String w : TYPED) {
            KeyboardState s = KeyboardState.start(KeyboardMode.PINYIN, "", 40);
            for (char c : w.toCharArray()) {
                long t = System.nanoTime();
                s = s.next(new Key.Letter(c), index);
                out.add(System.nanoTime() - t);
                if (s.candidates().isEmpty()) {
                    throw new IllegalStateException("no candidates for " + s.pinyin());
                }
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static void report(String what, long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        System.out.printf("%s: n=%d median %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms%n", what, s.length,
                s[s.length / 2] / 1e6, s[(int) (s.length * 0.95)] / 1e6, s[(int) (s.length * 0.99)] / 1e6, s[s.length - 1] / 1e6);
    }

    private static void gc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
    }
}
