package org.zizhu.kiosk.speech;

import java.util.function.BooleanSupplier;
import org.zizhu.kiosk.flow.Cue;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Text;

/**
 * Voice guidance: speaks a screen's prompt and plays the cues, without ever blocking the caller
 * (the JavaFX thread) and without ever failing it: a missing engine, player or sound card is a
 * logged event and silence. One utterance at a time: a newer one cuts the one playing short.
 * While {@link #enabled()} is false every call but {@link #setVolume} does nothing.
 */
public interface Voice extends AutoCloseable {
    /** No sound at all, never enabled: a kiosk configured without voice, and screens in tests. */
    Voice SILENT = new Voice() {
        private volatile int volume = 0;

        @Override
        public void say(Text text, Language language, Cue before) {
        }

        @Override
        public void cue(Cue cue) {
        }

        @Override
        public void replay() {
        }

        @Override
        public int volume() {
            return volume;
        }

        @Override
        public void setVolume(int volume) {
            this.volume = Math.clamp(volume, 0, 100);
        }

        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void close() {
        }
    };

    /**
     * Speaks {@code text} in {@code language}, after the sound of {@code before} (null: none)
     * joined to it, so that a cue and the prompt of the screen it leads to are one sound and the
     * prompt does not cut the cue short. Cuts short whatever is playing.
     */
    void say(Text text, Language language, Cue before);

    /** Speaks {@code text} in {@code language}. */
    default void say(Text text, Language language) {
        say(text, language, null);
    }

    /** Plays a cue alone. Cuts short whatever is playing. */
    void cue(Cue cue);

    /** Says the last prompt again (the resident's "repeat" key); nothing if none was said. */
    void replay();

    /** Volume 0-100. */
    int volume();

    /** Sets the volume (clamped to 0-100) for what is played from now on. */
    void setVolume(int volume);

    /** Whether it speaks now: configured on, or turned on by the kiosk (elder mode). */
    boolean enabled();

    /** Stops what is playing and the worker. */
    @Override
    void close();

    /**
     * The espeak-ng voice of {@code config}. It speaks while {@code config.enabled()} or
     * {@code alsoWhen} is true, read at each call: the kiosk passes its elder mode here, so
     * turning elder mode on turns the voice on without a restart.
     */
    static Voice open(VoiceConfig config, BooleanSupplier alsoWhen) {
        return EspeakVoice.start(config, alsoWhen);
    }
}
