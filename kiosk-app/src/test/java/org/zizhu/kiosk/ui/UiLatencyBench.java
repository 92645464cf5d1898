package org.zizhu.kiosk.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.zizhu.central.CentralSimulator;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.catalog.CatalogModel.Audience;
import org.zizhu.kiosk.catalog.CatalogModel.Group;
import org.zizhu.kiosk.catalog.CatalogModel.ItemSummary;
import org.zizhu.kiosk.runtime.KioskRuntime;

/**
 * Touch → next screen laid out, in the real window under Monocle headless with central-sim's
 * catalogue (as the UI tests run it), voice off. Each round touches, in order: the attract
 * screen (→ home), a group (→ its items), an item (→ its guide), back (→ home), the language key
 * twice (中文 → English → 中文) and the elder-mode key twice (on, off); then the visit is ended
 * untimed (→ attract). The figure is {@link TouchProbe}'s touch event → post-layout pulse, split
 * into the handler (event → new screen set), the wait for the pulse and the pulse's CSS and
 * layout. Warm-up rounds are not counted; the first round's touches are shown apart (cold: the
 * JVM's first touch of each kind). No assertions on time: it prints and writes a table
 * ({@code kiosk-app/target/bench/ui-latency.md}); see BENCHMARKS.md and bench/ui.md.
 *
 * <p>{@code -Dbench.rounds=200 -Dbench.warmup=20}.
 */
@Tag("bench")
class UiLatencyBench {
    @TempDir
    Path data;
    private CentralSimulator central;
    private KioskRuntime runtime;
    private KioskApplication app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        if (runtime != null) {
            runtime.close();
        }
        if (central != null) {
            central.close();
        }
    }

    private record Slow(String step, TouchProbe.Timing t, long gcMs, String load) {
    }

    /** Total collection time of the JVM's garbage collectors so far. */
    private static long gcMillis() {
        long ms = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    @Test
    void touchToNextScreen() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 200);
        int warmup = Integer.getInteger("bench.warmup", 20);
        central = CentralSimulator.builder().start();
        runtime = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data));
        runtime.syncNow();
        FxToolkit.registerPrimaryStage();
        app = (KioskApplication) FxToolkit.setupApplication(() -> new KioskApplication(runtime));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> app.ready());
        WaitForAsyncUtils.waitForFxEvents();
        TouchProbe probe = new TouchProbe(FxToolkit.toolkitContext().getRegisteredStage());

        Group group = runtime.catalog().groups(Audience.PERSON).get(0);
        ItemSummary item = runtime.catalog().inGroup(group.id()).get(0);
        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("attract → home", "#attract-touch");
        steps.put("home → group", "#group-" + KioskUiTest.css(group.id()));
        steps.put("group → guide", "#item-" + KioskUiTest.css(item.code()));
        steps.put("guide → home (back)", "#nav-back");
        steps.put("language 中文 → English", "#lang-switch");
        steps.put("language English → 中文", "#lang-switch");
        steps.put("elder mode on", "#elder-toggle");
        steps.put("elder mode off", "#elder-toggle");
        Map<String, List<TouchProbe.Timing>> timings = new LinkedHashMap<>();
        steps.keySet().forEach(k -> timings.put(k, new ArrayList<>()));

        List<Slow> slowest = new ArrayList<>();
        Map<String, TouchProbe.Timing> first = new LinkedHashMap<>(); // the JVM's first touch of each kind: cold
        String loadBefore = TouchProbe.load();
        long began = System.nanoTime();
        for (int r = 0; r < warmup + rounds; r++) {
            for (var step : steps.entrySet()) {
                long gcBefore = gcMillis();
                TouchProbe.Timing t = probe.tap(step.getValue());
                long gc = gcMillis() - gcBefore;
                if (r == 0) {
                    first.put(step.getKey(), t);
                }
                if (r >= warmup) {
                    timings.get(step.getKey()).add(t);
                    slowest.add(new Slow(step.getKey(), t, gc, TouchProbe.load()));
                    slowest.sort(java.util.Comparator.comparingDouble((Slow x) -> x.t().totalMs()).reversed());
                    if (slowest.size() > 8) {
                        slowest.remove(slowest.size() - 1);
                    }
                }
                Thread.sleep(20); // let the renderer paint the frame before the next touch
            }
            TouchProbe.onFx(() -> app.kiosk().abandonVisit());
        }
        double minutes = (System.nanoTime() - began) / 60e9;

        List<String> out = new ArrayList<>();
        out.add("Touch → next screen laid out (the touch event that changes the screen reaches the window → post-layout pulse of the new screen), " + rounds
                + " rounds after " + warmup + " warm-up; load average " + loadBefore + " before, " + TouchProbe.load()
                + " after (" + String.format("%.1f", minutes) + " min)");
        out.add("");
        out.add("| touch | changed on | first (cold) ms | n | p50 ms | p95 ms | max ms | handler p50 / p95 | wait for pulse p50 / p95 | CSS+layout p50 / p95 |");
        out.add("|---|---|---|---|---|---|---|---|---|---|");
        List<Double> all = new ArrayList<>();
        for (var e : timings.entrySet()) {
            List<TouchProbe.Timing> ts = e.getValue();
            double[] total = TouchProbe.sorted(ts.stream().map(TouchProbe.Timing::totalMs).toList());
            double[] handler = TouchProbe.sorted(ts.stream().map(TouchProbe.Timing::handlerMs).toList());
            double[] wait = TouchProbe.sorted(ts.stream().map(TouchProbe.Timing::waitMs).toList());
            double[] layout = TouchProbe.sorted(ts.stream().map(TouchProbe.Timing::layoutMs).toList());
            ts.forEach(t -> all.add(t.totalMs()));
            long onRelease = ts.stream().filter(TouchProbe.Timing::onRelease).count();
            String on = onRelease == ts.size() ? "release" : onRelease == 0 ? "press" : onRelease + "× release";
            out.add(String.format("| %s | %s | %.1f | %d | %.1f | %.1f | %.1f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f |", e.getKey(), on,
                    first.get(e.getKey()).totalMs(), ts.size(), TouchProbe.pct(total, 0.5), TouchProbe.pct(total, 0.95), total[total.length - 1],
                    TouchProbe.pct(handler, 0.5), TouchProbe.pct(handler, 0.95), TouchProbe.pct(wait, 0.5),
                    TouchProbe.pct(wait, 0.95), TouchProbe.pct(layout, 0.5), TouchProbe.pct(layout, 0.95)));
        }
        double[] a = TouchProbe.sorted(all);
        out.add(String.format("| all | | | %d | %.1f | %.1f | %.1f | | | |", a.length, TouchProbe.pct(a, 0.5),
                TouchProbe.pct(a, 0.95), a[a.length - 1]));
        out.add("");
        out.add("Slowest touches (GC: collection time the JVM's collectors report during the touch):");
        out.add("");
        out.add("| touch | total ms | handler | wait for pulse | CSS+layout | GC ms | load average then |");
        out.add("|---|---|---|---|---|---|---|");
        for (Slow x : slowest) {
            out.add(String.format("| %s | %.1f | %.1f | %.1f | %.1f | %d | %s |", x.step(), x.t().totalMs(), x.t().handlerMs(),
                    x.t().waitMs(), x.t().layoutMs(), x.gcMs(), x.load()));
        }
        TouchProbe.publish("ui-latency.md", out);
    }
}
