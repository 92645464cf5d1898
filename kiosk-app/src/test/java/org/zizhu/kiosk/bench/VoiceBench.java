package org.zizhu.kiosk.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.flow.Cue;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.speech.Voice;
import org.zizhu.kiosk.speech.VoiceConfig;

/**
 * Speech start delay: from {@code Voice.say} (what the window calls right after rendering a new
 * screen) to the player process started with the prompt's WAV, i.e. espeak-ng rendering the
 * prompt, the cue joined, the volume applied and aplay spawned. The figure is the voice's own
 * {@code startMs} of its {@code voice-played} event (System.nanoTime at say() to the player's
 * {@code ProcessBuilder.start} returned). Real espeak-ng, real aplay on ALSA's null device.
 *
 * <p>{@code java ... org.zizhu.kiosk.bench.VoiceBench [ROUNDS]}; see BENCHMARKS.md.
 */
public final class VoiceBench {
    private static final List<String> KEYS = List.of("attract.touch", "service.insertCard", "service.consent",
            "service.working", "service.done", "application.fillForm", "cases.choose", "rating.ask");

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        Logger events = (Logger) LoggerFactory.getLogger("zizhu.events");
        events.setLevel(Level.INFO);
        LinkedBlockingQueue<Map<String, Object>> played = new LinkedBlockingQueue<>();
        AppenderBase<ILoggingEvent> tap = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                if (e.getKeyValuePairs() == null) {
                    return;
                }
                Map<String, Object> kv = new java.util.HashMap<>();
                e.getKeyValuePairs().forEach(p -> kv.put(p.key, p.value));
                if ("voice-played".equals(kv.get("event"))) {
                    played.add(kv);
                }
            }
        };
        tap.start();
        events.addAppender(tap);
        VoiceConfig config = new VoiceConfig(true, 70, List.of("espeak-ng"), VoiceConfig.defaultVoices(),
                VoiceConfig.words(ConfigKey.VOICE_PLAYER.defaultValue()), "null", Duration.ofSeconds(5), Duration.ofSeconds(3));
        Messages messages = new Messages();
        try (Voice voice = Voice.open(config, () -> false)) {
            for (Language l : Language.values()) { // warm-up, not counted
                voice.say(Text.of(messages, "attract.touch"), l);
                take(played);
            }
            for (Language l : Language.values()) {
                for (boolean withCue : new boolean[] {false, true}) {
                    double[] ms = new double[rounds];
                    for (int i = 0; i < rounds; i++) {
                        voice.say(Text.of(messages, KEYS.get(i % KEYS.size())), l, withCue ? Cue.CARD_READ : null);
                        Map<String, Object> e = take(played);
                        if (!"success".equals(e.get("outcome")) || e.get("startMs") == null) {
                            throw new IllegalStateException("not played: " + e);
                        }
                        ms[i] = ((Number) e.get("startMs")).doubleValue();
                    }
                    report(l + (withCue ? " with cue" : ""), ms);
                }
            }
        } finally {
            events.detachAppender(tap);
        }
    }

    private static Map<String, Object> take(LinkedBlockingQueue<Map<String, Object>> q) throws InterruptedException {
        Map<String, Object> e = q.poll(30, TimeUnit.SECONDS);
        if (e == null) {
            throw new IllegalStateException("no voice-played event within 30 s");
        }
        return e;
    }

    private static void report(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        List<Double> pct = new ArrayList<>();
        for (double p : new double[] {0.5, 0.95}) {
            pct.add(s[(int) Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]);
        }
        System.out.printf("speech start delay %-12s n=%d  min %.1f ms  median %.1f ms  p95 %.1f ms  max %.1f ms%n",
                what, s.length, s[0], pct.get(0), pct.get(1), s[s.length - 1]);
    }
}
