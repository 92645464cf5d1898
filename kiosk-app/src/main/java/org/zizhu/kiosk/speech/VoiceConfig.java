package org.zizhu.kiosk.speech;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.i18n.Language;

/**
 * How the voice speaks: the espeak-ng command and its voice per language, the player command
 * (it gets the WAV on standard input; {@code {device}} in it is replaced by {@code device}),
 * the volume, and the deadlines every child process runs under.
 *
 * @param enabled speak (voice.enabled); elder mode turns it on as well, see {@link Voice#open}
 * @param volume 0-100 at start (voice.volume)
 * @param engine the speech engine's command words (espeak-ng); the voice and the options follow
 * @param voices espeak-ng voice per language; a language without one is not spoken (logged)
 * @param player the player's command words, {@code {device}} still in them
 * @param device the audio device put in for {@code {device}} (voice.device)
 * @param synthTimeout longest the engine may take for one prompt
 * @param playMargin how much longer than the sound itself the player may take
 */
public record VoiceConfig(boolean enabled, int volume, List<String> engine, Map<Language, String> voices,
                          List<String> player, String device, Duration synthTimeout, Duration playMargin) {
    /** Longest prompt spoken, in characters: a centre's message is not read out at length. */
    public static final int MAX_CHARS = 600;

    public VoiceConfig {
        if (engine.isEmpty() || player.isEmpty()) {
            throw new IllegalArgumentException("empty engine or player command");
        }
        engine = List.copyOf(engine);
        voices = Map.copyOf(voices);
        player = List.copyOf(player);
        volume = Math.clamp(volume, 0, 100);
    }

    /** Mandarin ({@code cmn}) and English ({@code en}), the voices of Debian's espeak-ng-data. */
    public static Map<Language, String> defaultVoices() {
        Map<Language, String> m = new EnumMap<>(Language.class);
        m.put(Language.ZH, "cmn");
        m.put(Language.EN, "en");
        return m;
    }

    /** From the kiosk's configuration (voice.* keys). */
    public static VoiceConfig from(KioskConfig config) {
        return new VoiceConfig(config.getBoolean(ConfigKey.VOICE_ENABLED), config.getInt(ConfigKey.VOICE_VOLUME),
                List.of("espeak-ng"), defaultVoices(), words(config.get(ConfigKey.VOICE_PLAYER)),
                config.get(ConfigKey.VOICE_DEVICE), Duration.ofSeconds(5), Duration.ofSeconds(3));
    }

    /** The same with another player command and device. */
    public VoiceConfig withPlayer(List<String> player, String device) {
        return new VoiceConfig(enabled, volume, engine, voices, player, device, synthTimeout, playMargin);
    }

    /** The same, enabled or not. */
    public VoiceConfig withEnabled(boolean on) {
        return new VoiceConfig(on, volume, engine, voices, player, device, synthTimeout, playMargin);
    }

    /** The player's command line for this device. */
    public List<String> playerCommand() {
        return player.stream().map(w -> w.replace("{device}", device)).toList();
    }

    /**
     * A command line split into words at spaces; single quotes keep spaces in a word (no
     * escapes: anything more is a script's job). An unbalanced quote is refused.
     */
    public static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : line.strip().toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unbalanced quote in: " + line);
        }
        if (inWord) {
            out.add(w.toString());
        }
        return List.copyOf(out);
    }
}
