package org.zizhu.kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.zizhu.kiosk.flow.Cue;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Text;

/**
 * The espeak-ng voice on the real engine and real players: espeak-ng (Debian's espeak-ng, in
 * scripts/packages.d/voice.txt) renders, a shell command stands for the player where the test must
 * see the WAV, aplay on the null device plays it, and sleep is a player that never finishes. A
 * missing espeak-ng or aplay fails these tests; it never skips them.
 */
class EspeakVoiceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Text PROMPT = new Text("请将身份证放在读卡区，或向摄像头出示政务服务App的登录码",
            "Please place your ID card on the reader, or show the app's login code to the camera");

    private final Logger events = (Logger) LoggerFactory.getLogger("zizhu.events");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private EspeakVoice voice;
    private ch.qos.logback.classic.Level level;

    @TempDir
    Path dir;

    @BeforeAll
    static void theRealStacksAreHere() throws Exception {
        for (String tool : List.of("espeak-ng", "aplay")) {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0,
                    tool + " is missing: apt-get install -y espeak-ng alsa-utils (scripts/packages.d/voice.txt)");
        }
    }

    @BeforeEach
    void capture() {
        level = events.getLevel();
        events.setLevel(ch.qos.logback.classic.Level.INFO); // successes are INFO; the test configuration logs WARN
        captured.start();
        events.addAppender(captured);
    }

    @AfterEach
    void release() {
        if (voice != null) {
            voice.close();
        }
        events.detachAppender(captured);
        events.setLevel(level);
    }

    private static VoiceConfig config(List<String> player) {
        return new VoiceConfig(true, 100, List.of("espeak-ng"), VoiceConfig.defaultVoices(), player, "null",
                Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    private EspeakVoice open(List<String> player) {
        voice = EspeakVoice.start(config(player), () -> false);
        return voice;
    }

    /** The player stand-in: writes the WAV it is given to {@code file}, renaming it there when complete. */
    private List<String> recorder(Path file) {
        return List.of("sh", "-c", "cat > '" + file + ".part' && mv '" + file + ".part' '" + file + "'");
    }

    private List<Map<String, Object>> played() {
        List<ch.qos.logback.classic.spi.ILoggingEvent> events;
        synchronized (captured) { // the voice's thread appends under the appender's lock (AppenderBase.doAppend)
            events = new java.util.ArrayList<>(captured.list);
        }
        return events.stream()
                .filter(e -> e.getKeyValuePairs() != null)
                .map(e -> e.getKeyValuePairs().stream().collect(Collectors.toMap(kv -> kv.key, kv -> kv.value == null ? "" : kv.value, (a, b) -> b)))
                .filter(kv -> "voice-played".equals(kv.get("event")))
                .toList();
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            Optional<T> v = probe.get();
            if (v.isPresent()) {
                return v.get();
            }
            Thread.sleep(20);
        }
        return fail("no " + what + " within " + WAIT.toSeconds() + " s");
    }

    private Map<String, Object> awaitPlayed(int n) throws InterruptedException {
        return await(n + " voice-played events", () -> played().size() >= n ? Optional.of(played().get(n - 1)) : Optional.empty());
    }

    private static byte[] awaitFile(Path f) throws InterruptedException {
        return await(f.getFileName() + " written by the player", () -> {
            try {
                return Files.exists(f) ? Optional.of(Files.readAllBytes(f)) : Optional.empty();
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        });
    }

    /** Checks the header is a plain, truthful RIFF/WAVE (the streamed one claims 2 GiB) and returns the sound. */
    private static Wav checkedWav(byte[] b) {
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", new String(b, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("WAVE", new String(b, 8, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(b.length - 8, h.getInt(4), "RIFF size is the file's");
        assertEquals("data", new String(b, 36, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(b.length - 44, h.getInt(40), "data size is the samples'");
        return Wav.parse(b);
    }

    @Test
    void chineseAndEnglishPromptsReachThePlayerAsAValidWav() throws Exception {
        Path zh = dir.resolve("zh.wav");
        open(recorder(zh)).say(PROMPT, Language.ZH);
        Wav chinese = checkedWav(awaitFile(zh));
        assertEquals(Wav.SPEECH_RATE, chinese.sampleRate());
        assertEquals(1, chinese.channels());
        assertTrue(chinese.duration().toMillis() > 2_000, "26 Chinese syllables last seconds: " + chinese.duration());
        assertTrue(chinese.peak() > 3_000, "not silence: peak " + chinese.peak());
        Map<String, Object> ok = awaitPlayed(1);
        assertEquals("success", ok.get("outcome"));
        assertEquals("speech", ok.get("kind"));
        assertEquals("zh", ok.get("language"));
        voice.close();

        Path en = dir.resolve("en.wav");
        open(recorder(en)).say(PROMPT, Language.EN);
        Wav english = checkedWav(awaitFile(en));
        assertTrue(english.duration().toMillis() > 2_000, "a long English sentence: " + english.duration());
        assertTrue(english.peak() > 3_000);
        assertNotEquals(chinese.frames(), english.frames(), "each language is spoken in its own words");
    }

    @Test
    void aCueIsJoinedInFrontOfThePromptAndTheVolumeIsApplied() throws Exception {
        Path loud = dir.resolve("loud.wav");
        open(recorder(loud)).say(PROMPT, Language.ZH, Cue.CARD_READ);
        Wav withCue = checkedWav(awaitFile(loud));
        voice.close();
        Path plain = dir.resolve("plain.wav");
        open(recorder(plain)).say(PROMPT, Language.ZH);
        Wav alone = checkedWav(awaitFile(plain));
        assertEquals(alone.frames() + Wav.cue(Cue.CARD_READ).frames(), withCue.frames(), "the cue, then the prompt, as one sound");
        voice.close();

        Path quiet = dir.resolve("quiet.wav");
        open(recorder(quiet)).setVolume(50);
        voice.cue(Cue.DONE);
        Wav cue = checkedWav(awaitFile(quiet));
        int full = Wav.cue(Cue.DONE).peak();
        assertEquals(full / 4.0, cue.peak(), full * 0.01, "volume 50 is a quarter of the amplitude");
        assertEquals(Wav.cue(Cue.DONE).frames(), cue.frames());
    }

    @Test
    void aplayOnTheNullDevicePlaysIt() throws Exception {
        // The configured default player with voice.device=null: ALSA's null device takes the sound.
        VoiceConfig c = config(VoiceConfig.words(org.zizhu.kiosk.config.ConfigKey.VOICE_PLAYER.defaultValue()));
        assertEquals(List.of("aplay", "-q", "-D", "null", "-"), c.playerCommand());
        voice = EspeakVoice.start(c, () -> false);
        voice.say(PROMPT, Language.ZH, Cue.DONE);
        Map<String, Object> e = awaitPlayed(1);
        assertEquals("success", e.get("outcome"), e.toString());
        assertEquals("cue+speech", e.get("kind"));
    }

    @Test
    void aNewPromptKillsTheOnePlayingAndThePlayerHasADeadline() throws Exception {
        open(List.of("sleep", "30")); // a player that never finishes on its own
        voice.say(PROMPT, Language.ZH);
        ProcessHandle first = await("first player", voice::playing);
        voice.say(PROMPT, Language.EN);
        assertTrue(first.onExit().get(10, TimeUnit.SECONDS) != null, "the first player was killed");
        ProcessHandle second = await("second player", () -> voice.playing().filter(p -> p.pid() != first.pid()));
        assertTrue(second.isAlive());
        Map<String, Object> cut = awaitPlayed(1);
        assertEquals("success", cut.get("outcome"));
        assertEquals(true, cut.get("cancelled"), cut.toString());
        voice.close();
        assertTrue(second.onExit().get(10, TimeUnit.SECONDS) != null, "closing ends the player");

        // A cue of 0.4 s with a margin of 0.5 s: sleep 30 is killed at its deadline, a logged failure.
        voice = EspeakVoice.start(new VoiceConfig(true, 100, List.of("espeak-ng"), VoiceConfig.defaultVoices(),
                List.of("sleep", "30"), "null", Duration.ofSeconds(10), Duration.ofMillis(500)), () -> false);
        captured.list.clear();
        voice.cue(Cue.CARD_READ);
        Map<String, Object> late = awaitPlayed(1);
        assertEquals("failure", late.get("outcome"));
        assertEquals("player", late.get("stage"));
        assertEquals("timeout", late.get("reason"));
        assertEquals(Optional.empty(), voice.playing());
    }

    @Test
    void aMissingPlayerOrSoundCardIsLoggedAndTheVoiceGoesOn() throws Exception {
        open(List.of(dir.resolve("no-such-player").toString()));
        voice.say(PROMPT, Language.ZH); // never throws
        Map<String, Object> missing = awaitPlayed(1);
        assertEquals("failure", missing.get("outcome"));
        assertEquals("player", missing.get("stage"));
        assertEquals("not-found", missing.get("reason"));
        voice.close();

        open(VoiceConfig.words("aplay -q -D zizhu-no-such-device -"));
        voice.cue(Cue.ERROR);
        Map<String, Object> noCard = awaitPlayed(2);
        assertEquals("failure", noCard.get("outcome"));
        assertEquals("exit-1", noCard.get("reason"), noCard.toString());
        assertTrue(String.valueOf(noCard.get("error")).contains("audio open error"), noCard.toString());

        Path file = dir.resolve("after.wav");
        voice.close();
        open(recorder(file)).say(PROMPT, Language.ZH);
        checkedWav(awaitFile(file)); // the same process speaks on
    }

    @Test
    void aLanguageWithoutAVoiceAndAMissingEngineAreLoggedNotThrown() throws Exception {
        voice = EspeakVoice.start(new VoiceConfig(true, 100, List.of(dir.resolve("no-espeak").toString()), VoiceConfig.defaultVoices(),
                List.of("true"), "null", Duration.ofSeconds(10), Duration.ofSeconds(5)), () -> false);
        voice.say(PROMPT, Language.ZH);
        Map<String, Object> e = awaitPlayed(1);
        assertEquals("synth", e.get("stage"));
        assertEquals("not-found", e.get("reason"));
        voice.close();
        voice = EspeakVoice.start(new VoiceConfig(true, 100, List.of("espeak-ng"), Map.of(Language.ZH, "cmn"),
                List.of("true"), "null", Duration.ofSeconds(10), Duration.ofSeconds(5)), () -> false);
        voice.say(PROMPT, Language.EN);
        Map<String, Object> noVoice = awaitPlayed(2);
        assertEquals("no-voice", noVoice.get("reason"));
    }

    @Test
    void offUnlessConfiguredOrElderModeAndReplaySaysTheLastPromptAgain() throws Exception {
        AtomicBoolean elder = new AtomicBoolean();
        Path file = dir.resolve("replay.wav");
        voice = EspeakVoice.start(config(recorder(file)).withEnabled(false), elder::get);
        assertFalse(voice.enabled());
        voice.say(PROMPT, Language.ZH);
        voice.replay();
        elder.set(true);
        assertTrue(voice.enabled(), "elder mode turns the voice on");
        voice.replay(); // nothing was said while off: nothing to repeat
        voice.say(PROMPT, Language.EN);
        Wav first = checkedWav(awaitFile(file));
        awaitPlayed(1);
        Files.delete(file);
        voice.replay();
        Wav again = checkedWav(awaitFile(file));
        assertEquals(first.frames(), again.frames(), "the same English prompt again");
        awaitPlayed(2);
        voice.close(); // nothing else is queued: no third event can follow
        assertEquals(2, played().size(), "one event per sound: the prompts asked while off were never queued");
    }
}
