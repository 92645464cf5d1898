package org.zizhu.kiosk.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
import org.zizhu.kiosk.catalog.CatalogModel.ItemSummary;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.speech.VoiceProbe;

/**
 * Speech start delay after a screen change, in the real window under Monocle headless with
 * central-sim's catalogue and the real voice: espeak-ng renders the prompt to a WAV, the player
 * (the kiosk's default {@code aplay -q -D null -}: this machine has no sound card, ALSA's null
 * device takes the sound) is started with it. Measured from the render that changes the prompt
 * (the window sets the new screen; it asks the voice right after) to the player process started
 * with the sound (the voice's player-start hook, just before the WAV is written to it), and also
 * from the touch and from the new screen laid out ({@link TouchProbe}).
 *
 * <p>The voice is configured off and turned on by elder mode (as for a resident who needs it),
 * so nothing is synthesised before the first timed prompt: the first prompt of each language is
 * the JVM's first espeak-ng run for it ("cold"), the rest are "warm". Each round: attract → home
 * and elder mode on (untimed, silent), then timed: an item's guide, back home, English, the guide,
 * back, 中文; the visit is then ended (elder mode off, silent again). Prints and writes
 * {@code kiosk-app/target/bench/speech-start.md}; see BENCHMARKS.md and bench/ui.md.
 *
 * <p>{@code -Dbench.rounds=30}.
 */
@Tag("bench")
class SpeechStartBench {
    @TempDir
    Path data;
    private CentralSimulator central;
    private KioskRuntime runtime;
    private KioskApplication app;

    private record Started(Language language, long nanos) {
    }

    private record Sample(String step, Language language, TouchProbe.Timing touch, long player) {
        double fromRenderMs() {
            return (player - touch.center()) / 1e6;
        }

        double fromTouchMs() {
            return (player - touch.input()) / 1e6;
        }

        double fromLaidOutMs() {
            return (player - touch.post()) / 1e6;
        }
    }

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

    @Test
    void speechStartAfterScreenChange() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 30);
        central = CentralSimulator.builder().start();
        var config = TestKiosk.config(central.baseUrl(), data)
                .with(ConfigKey.VOICE_ENABLED, "false")
                .with(ConfigKey.VOICE_DEVICE, "null");
        runtime = KioskRuntime.open(config);
        runtime.syncNow();
        FxToolkit.registerPrimaryStage();
        app = (KioskApplication) FxToolkit.setupApplication(() -> new KioskApplication(runtime));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> app.ready());
        WaitForAsyncUtils.waitForFxEvents();
        LinkedBlockingQueue<Started> started = new LinkedBlockingQueue<>();
        if (!VoiceProbe.onPlayerStarted(app.voice(), (l, t) -> started.add(new Started(l, t)))) {
            throw new IllegalStateException("the window's voice is not the espeak-ng voice");
        }
        TouchProbe probe = new TouchProbe(FxToolkit.toolkitContext().getRegisteredStage());
        ItemSummary item = runtime.catalog().highFrequency(Audience.PERSON, 1).get(0);
        String guide = "#item-" + KioskUiTest.css(item.code());
        record Step(String name, String query, Language language) {
        }
        List<Step> steps = List.of(new Step("home → guide", guide, Language.ZH), new Step("guide → home", "#nav-back", Language.ZH),
                new Step("language → English", "#lang-switch", Language.EN), new Step("home → guide", guide, Language.EN),
                new Step("guide → home", "#nav-back", Language.EN), new Step("language → 中文", "#lang-switch", Language.ZH));

        String loadBefore = TouchProbe.load();
        List<Sample> samples = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            probe.tap("#attract-touch");
            probe.tap("#elder-toggle");
            quiet(started, "attract → home, elder mode on");
            for (Step s : steps) {
                TouchProbe.Timing t = probe.tap(s.query());
                Started p = started.poll(10, TimeUnit.SECONDS);
                if (p == null) {
                    throw new IllegalStateException(s + ": no player started within 10 s");
                }
                if (p.language() != s.language() || p.nanos() < t.center()) {
                    throw new IllegalStateException(s + ": the player started for " + p.language() + " before the render");
                }
                samples.add(new Sample(s.name(), s.language(), t, p.nanos()));
                Thread.sleep(150); // the null device takes the sound at once: the player has ended
            }
            TouchProbe.onFx(() -> app.kiosk().abandonVisit());
            quiet(started, "the visit ended");
        }

        List<String> out = new ArrayList<>();
        out.add("Speech start delay: render that changes the prompt → player process started with the WAV (espeak-ng, aplay -D null), "
                + rounds + " rounds; load average " + loadBefore + " before, " + TouchProbe.load() + " after");
        out.add("");
        out.add("| prompt | n | render → player p50 ms | p95 ms | max ms | touch → player p50 / p95 | laid out → player p50 / p95 |");
        out.add("|---|---|---|---|---|---|---|");
        Map<String, List<Sample>> rows = new LinkedHashMap<>();
        for (Language l : List.of(Language.ZH, Language.EN)) {
            List<Sample> ofL = samples.stream().filter(s -> s.language() == l).toList();
            rows.put(l + " cold (first in the JVM: " + ofL.get(0).step() + ")", ofL.subList(0, 1));
            rows.put(l + " warm, all", ofL.subList(1, ofL.size()));
            for (String step : ofL.stream().map(Sample::step).distinct().toList()) {
                rows.put(l + " warm, " + step, ofL.subList(1, ofL.size()).stream().filter(s -> s.step().equals(step)).toList());
            }
        }
        for (var e : rows.entrySet()) {
            List<Sample> ss = e.getValue();
            double[] render = TouchProbe.sorted(ss.stream().map(Sample::fromRenderMs).toList());
            double[] touch = TouchProbe.sorted(ss.stream().map(Sample::fromTouchMs).toList());
            double[] laid = TouchProbe.sorted(ss.stream().map(Sample::fromLaidOutMs).toList());
            out.add(String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f / %.1f | %.1f / %.1f |", e.getKey(), ss.size(),
                    TouchProbe.pct(render, 0.5), TouchProbe.pct(render, 0.95), render[render.length - 1],
                    TouchProbe.pct(touch, 0.5), TouchProbe.pct(touch, 0.95), TouchProbe.pct(laid, 0.5), TouchProbe.pct(laid, 0.95)));
        }
        TouchProbe.publish("speech-start.md", out);
    }

    /** The untimed touches say nothing (the voice is off outside elder mode); a stray prompt would be timed wrongly. */
    private static void quiet(LinkedBlockingQueue<Started> started, String after) throws InterruptedException {
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        if (!started.isEmpty()) {
            throw new IllegalStateException("a prompt was spoken after " + after + ": " + started);
        }
    }
}
