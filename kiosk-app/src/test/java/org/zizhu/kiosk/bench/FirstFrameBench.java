package org.zizhu.kiosk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time from JVM start to the first frame: a plain JavaFX window with one label against the
 * kiosk ({@code org.zizhu.kiosk.Main run} on the demo configuration, simulated devices), in
 * the same run, on the same display, rounds interleaved so load on the machine hits both alike.
 * Each variant reports its own figure (the first pulse after the window is shown, minus the
 * JVM's start time); the harness also times spawn to that line from outside.
 *
 * <p>Run by {@code bench/first-frame.sh}, which builds, starts Xvfb and passes:
 * {@code java FirstFrameBench ROUNDS JAVA PLAIN_CLASSPATH APP_CLASSPATH KIOSK_CONFIG [AOT_CACHE] [APP_JARS_CLASSPATH]}.
 * The kiosk's class path must not hold the test classes (their logback-test.xml would silence it).
 * With an AOT cache file (JDK 25, {@code -XX:AOTCache}) a third variant runs the kiosk from
 * jars with the cache.
 */
public final class FirstFrameBench {
    private static final Pattern MS = Pattern.compile("first-frame.*ms=\"?(\\d+)");

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        String java = args[1];
        String plainCp = args[2];
        String cp = args[3];
        String config = args[4];
        String aot = args.length > 5 ? args[5] : "";
        String jarsCp = args.length > 6 ? args[6] : cp;
        List<String> flags = List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dfile.encoding=UTF-8", "-Dcom.sun.javafx.virtualKeyboard=javafx");
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("plain-cjk", cmd(java, flags, plainCp, List.of(), "org.zizhu.kiosk.bench.PlainWindow"));
        variants.put("plain-ascii", cmd(java, flags, plainCp, List.of(), "org.zizhu.kiosk.bench.PlainWindow", "--ascii"));
        variants.put("kiosk", cmd(java, flags, cp, List.of(), "org.zizhu.kiosk.Main", "run", "--config", config));
        if (!aot.isEmpty()) {
            variants.put("kiosk-aot", cmd(java, flags, jarsCp, List.of("-XX:AOTCache=" + aot), "org.zizhu.kiosk.Main", "run", "--config", config));
        }
        Map<String, List<long[]>> results = new LinkedHashMap<>();
        variants.keySet().forEach(k -> results.put(k, new ArrayList<>()));
        for (int r = 0; r < rounds + 1; r++) {
            for (var v : variants.entrySet()) {
                long[] m = once(v.getValue());
                if (r > 0) { // round 0 warms the page cache and the font cache
                    results.get(v.getKey()).add(m);
                }
                System.err.printf("round %d %-12s self %5d ms  outside %5d ms%n", r, v.getKey(), m[0], m[1]);
            }
        }
        System.out.println("| variant | median self (ms) | min | max | median spawn→line (ms) | ratio to plain-cjk | ratio to plain-ascii |");
        System.out.println("|---|---|---|---|---|---|---|");
        double cjk = median(results.get("plain-cjk"), 0);
        double ascii = median(results.get("plain-ascii"), 0);
        for (var e : results.entrySet()) {
            long[] self = e.getValue().stream().mapToLong(a -> a[0]).sorted().toArray();
            double med = median(e.getValue(), 0);
            System.out.printf("| %s | %.0f | %d | %d | %.0f | %.2f× | %.2f× |%n", e.getKey(), med, self[0], self[self.length - 1],
                    median(e.getValue(), 1), med / cjk, med / ascii);
        }
    }

    private static List<String> cmd(String java, List<String> flags, String cp, List<String> extra, String main, String... args) {
        List<String> c = new ArrayList<>();
        c.add(java);
        c.addAll(flags);
        c.addAll(extra);
        c.add("-cp");
        c.add(cp);
        c.add(main);
        c.addAll(Arrays.asList(args));
        return c;
    }

    private static double median(List<long[]> xs, int i) {
        long[] v = xs.stream().mapToLong(a -> a[i]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    /** Starts the variant, waits for its first-frame line (60 s at most), stops it with SIGTERM. */
    private static long[] once(List<String> cmd) throws IOException, InterruptedException {
        Path log = Files.createTempFile("first-frame", ".log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        long self = -1;
        long outside = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while (System.nanoTime() < deadline && (line = r.readLine()) != null) {
                Files.writeString(log, line + "\n", java.nio.file.StandardOpenOption.APPEND);
                Matcher m = MS.matcher(line);
                if (m.find()) {
                    outside = (System.nanoTime() - t0) / 1_000_000;
                    self = Long.parseLong(m.group(1));
                    break;
                }
            }
            p.destroy(); // SIGTERM: the kiosk's orderly stop
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
        if (self < 0) {
            throw new IllegalStateException("no first-frame line from " + cmd + "; output in " + log);
        }
        Files.deleteIfExists(log);
        return new long[] {self, outside};
    }
}
