package org.zizhu.kiosk.speech;

import java.util.function.ObjLongConsumer;
import org.zizhu.kiosk.i18n.Language;

/** Test access to the espeak-ng voice's player-start hook from other packages (the UI benchmarks). */
public final class VoiceProbe {
    private VoiceProbe() {
    }

    /**
     * Tells {@code hook} (language, System.nanoTime) each time {@code voice} has started its
     * player with a sound; false if {@code voice} is not the espeak-ng voice.
     */
    public static boolean onPlayerStarted(Voice voice, ObjLongConsumer<Language> hook) {
        if (voice instanceof EspeakVoice v) {
            v.onPlayerStarted(hook);
            return true;
        }
        return false;
    }
}
