package org.zizhu.kiosk.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.ObjLongConsumer;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.flow.Cue;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.process.ProcessTree;
import org.zizhu.threads.DaemonThreads;

/**
 * The voice over espeak-ng and a player command (aplay). One worker thread ("voice") takes the
 * newest request: espeak-ng renders the text to a WAV on its standard output (the text goes in on
 * standard input, so it never shows in a process list), the cue is put in front, the volume is
 * applied, and the player gets the WAV on its standard input.
 *
 * <ul>
 *   <li>A newer request supersedes the older: the callers' threads only signal the running child
 *       (on the watchdog thread, so even killing never blocks the JavaFX thread) and leave the
 *       request for the worker, which drops anything superseded before it plays.</li>
 *   <li>Every child runs under a deadline kept by the watchdog thread ("voice-watchdog"): the
 *       engine {@link VoiceConfig#synthTimeout}, the player the sound's length plus
 *       {@link VoiceConfig#playMargin}. A killed child ends the worker's blocking read or write.</li>
 *   <li>The children are short-lived and hold pipes to the JVM: if the kiosk dies, espeak-ng
 *       gets SIGPIPE and the player end of file, so no {@code ParentWatch} is needed (it would
 *       take the standard input they are fed on).</li>
 *   <li>Failures (no engine, no voice for the language, no player, no sound card, a player that
 *       hangs) are {@link EventId#VOICE_PLAYED} failures, logged once per reason a minute; the
 *       kiosk goes on in silence.</li>
 * </ul>
 */
final class EspeakVoice implements Voice {
    /** After SIGTERM, how long a child has before SIGKILL. */
    static final Duration KILL_GRACE = Duration.ofMillis(500);
    /** Longest engine output read: about three minutes of speech, far beyond {@link VoiceConfig#MAX_CHARS}. */
    private static final int MAX_WAV_BYTES = 8 << 20;
    private static final long FAILURE_LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** A running child and its deadline's kill, cancelled when it ends in time. */
    private record Child(Process process, ScheduledFuture<?> deadline) {
    }

    private record Request(Text text, Language language, Cue cue, long generation, long askedAt) {
        String kind() {
            return text == null ? "cue" : cue == null ? "speech" : "cue+speech";
        }
    }

    /** Why a request was not played; {@code detail} is the child's own error line at most (never the text). */
    private static final class Failure extends Exception {
        final String stage;
        final String reason;

        Failure(String stage, String reason, String detail) {
            super(detail, null, false, false);
            this.stage = stage;
            this.reason = reason;
        }
    }

    private final VoiceConfig config;
    private final BooleanSupplier alsoWhen;
    private final AtomicInteger volume;
    private final Object lock = new Object();
    private final Thread worker;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("voice-watchdog"));
    // Guarded by lock:
    private Request pending;
    private long latest;
    private Process current;
    /** Whether {@link #current} is the player (else the synthesiser): {@link #playing()} names the player only. */
    private boolean currentIsPlayer;
    private boolean closed;
    private String lastFailure = "";
    private long lastFailureLoggedAt;
    private int failuresSuppressed;
    private volatile Request lastSaid;
    /**
     * Test hook for the speech-start benchmark (SpeechStartBench): told on the voice thread, with
     * System.nanoTime, the moment a player process has been started with a sound (before the sound
     * is written to it). The voice-played event's startMs counts from say(), not from the render,
     * and is logged only when the sound has ended. Null in the kiosk.
     */
    private volatile ObjLongConsumer<Language> playerStarted;

    private EspeakVoice(VoiceConfig config, BooleanSupplier alsoWhen) {
        this.config = config;
        this.alsoWhen = alsoWhen == null ? () -> false : alsoWhen;
        this.volume = new AtomicInteger(config.volume());
        this.worker = DaemonThreads.unstarted("voice", this::work);
    }

    static EspeakVoice start(VoiceConfig config, BooleanSupplier alsoWhen) {
        EspeakVoice v = new EspeakVoice(config, alsoWhen);
        EventLog.event(EventId.VOICE_STARTED, Outcome.SUCCESS, "engine", String.join(" ", config.engine()),
                "player", String.join(" ", config.playerCommand()), "volume", config.volume(), "enabled", config.enabled());
        v.worker.start();
        return v;
    }

    @Override
    public void say(Text text, Language language, Cue before) {
        if (text == null || !enabled()) {
            return;
        }
        lastSaid = new Request(text, language, null, 0, 0);
        submit(text, language, before);
    }

    @Override
    public void cue(Cue cue) {
        if (cue != null && enabled()) {
            submit(null, null, cue);
        }
    }

    @Override
    public void replay() {
        Request r = lastSaid;
        if (r != null && enabled()) {
            submit(r.text(), r.language(), null);
        }
    }

    @Override
    public int volume() {
        return volume.get();
    }

    @Override
    public void setVolume(int v) {
        volume.set(Math.clamp(v, 0, 100));
    }

    @Override
    public boolean enabled() {
        return config.enabled() || alsoWhen.getAsBoolean();
    }

    /** Sets the {@link #playerStarted} test hook (null: none). */
    void onPlayerStarted(ObjLongConsumer<Language> hook) {
        playerStarted = hook;
    }

    /** The player process playing now, if any (tests watch it being cut short). */
    Optional<ProcessHandle> playing() {
        synchronized (lock) {
            return current != null && currentIsPlayer && current.isAlive() ? Optional.of(current.toHandle()) : Optional.empty();
        }
    }

    @Override
    public void close() {
        Process p;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            latest++;
            pending = null;
            p = current;
            lock.notifyAll();
        }
        ProcessTree.destroy(p, KILL_GRACE);
        try {
            worker.join(KILL_GRACE.toMillis() * 4);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.shutdownNow();
    }

    private void submit(Text text, Language language, Cue cue) {
        Process running;
        synchronized (lock) {
            if (closed) {
                return;
            }
            latest++;
            pending = new Request(text, language, cue, latest, System.nanoTime());
            running = current;
            lock.notifyAll();
        }
        if (running != null) {
            killLater(running, Duration.ZERO);
        }
    }

    /** Ends {@code p}'s tree on the watchdog thread after {@code delay}: the caller never waits. */
    private ScheduledFuture<?> killLater(Process p, Duration delay) {
        try {
            return watchdog.schedule(() -> ProcessTree.destroy(p, KILL_GRACE), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            ProcessTree.terminate(p); // closing
            return null;
        }
    }

    private boolean superseded(Request r) {
        synchronized (lock) {
            return closed || r.generation() != latest;
        }
    }

    private void work() {
        while (true) {
            Request r;
            synchronized (lock) {
                while (pending == null && !closed) {
                    try {
                        lock.wait(1_000); // idle: re-checked each second
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                r = pending;
                pending = null;
            }
            play(r);
        }
    }

    private void play(Request r) {
        try {
            Wav sound = r.cue() == null ? null : Wav.cue(r.cue());
            if (r.text() != null) {
                Wav speech = synthesise(r);
                if (speech == null) {
                    cancelled(r);
                    return;
                }
                sound = sound == null ? speech : sound.then(speech);
            }
            if (superseded(r)) {
                cancelled(r);
                return;
            }
            playSound(r, sound.atVolume(volume.get()));
        } catch (Failure f) {
            if (superseded(r)) {
                cancelled(r);
            } else {
                failed(r, f);
            }
        } catch (RuntimeException e) {
            failed(r, new Failure("play", "unexpected", e.getClass().getSimpleName()));
        }
    }

    /** The prompt as a WAV at the speech rate, or null when superseded meanwhile. */
    private Wav synthesise(Request r) throws Failure {
        Language spoken = r.language();
        if (spoken == Language.MN && !config.voices().containsKey(Language.MN)) {
            // espeak-ng has no Mongolian voice: a Mongolian screen is spoken in Mandarin, which
            // most of its readers also understand, rather than not at all.
            spoken = Language.ZH;
        }
        String voice = config.voices().get(spoken);
        if (voice == null) {
            throw new Failure("synth", "no-voice", "no espeak-ng voice configured for " + spoken);
        }
        String text = r.text().in(spoken);
        if (text.length() > VoiceConfig.MAX_CHARS) {
            text = text.substring(0, VoiceConfig.MAX_CHARS);
        }
        List<String> cmd = new ArrayList<>(config.engine());
        cmd.addAll(List.of("-v", voice, "-b", "1", "--stdout"));
        Child child = startChild(r, cmd, "synth", config.synthTimeout());
        if (child == null) {
            return null;
        }
        Process p = child.process();
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8)); // ≤ 1.8 KB: fits the pipe, never blocks
            } catch (IOException e) {
                // it exited before reading: its status says why
            }
            byte[] out;
            try (InputStream o = p.getInputStream()) {
                out = o.readNBytes(MAX_WAV_BYTES);
            } catch (IOException e) {
                out = new byte[0];
            }
            int code = waitFor(p, config.synthTimeout());
            if (superseded(r)) {
                return null;
            }
            if (code != 0) {
                throw new Failure("synth", code < 0 ? "timeout" : "exit-" + code, stderrLine(p));
            }
            try {
                Wav w = Wav.parse(out);
                if (w.sampleRate() != Wav.SPEECH_RATE || w.channels() != 1) {
                    throw new Failure("synth", "bad-audio", w.sampleRate() + " Hz, " + w.channels() + " channels");
                }
                return w;
            } catch (IllegalArgumentException e) {
                throw new Failure("synth", "bad-audio", e.getMessage());
            }
        } finally {
            release(child);
        }
    }

    private void playSound(Request r, Wav sound) throws Failure {
        Duration deadline = sound.duration().plus(config.playMargin());
        Child child = startChild(r, config.playerCommand(), "player", deadline);
        if (child == null) {
            cancelled(r);
            return;
        }
        Process p = child.process();
        long startNanos = System.nanoTime() - r.askedAt();
        ObjLongConsumer<Language> hook = playerStarted;
        if (hook != null) {
            hook.accept(r.language(), r.askedAt() + startNanos);
        }
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write(sound.bytes()); // blocks while it plays; a kill (newer prompt, deadline) ends it
            } catch (IOException e) {
                // closed its input early (failed, or killed): its status says which
            }
            int code = waitFor(p, deadline);
            if (superseded(r)) {
                cancelled(r);
                return;
            }
            if (code != 0) {
                throw new Failure("player", code < 0 ? "timeout" : "exit-" + code, stderrLine(p));
            }
            EventLog.event(EventId.VOICE_PLAYED, Outcome.SUCCESS, "kind", r.kind(), "language", lang(r), "cue", cue(r),
                    "startMs", ms(startNanos), "soundMs", sound.duration().toMillis(), "volume", volume.get());
        } finally {
            release(child);
        }
    }

    /**
     * Starts a child for {@code r} under {@code deadline}, as the current one; null if {@code r}
     * was superseded meanwhile (the child is then killed at once).
     */
    private Child startChild(Request r, List<String> cmd, String stage, Duration deadline) throws Failure {
        if (superseded(r)) {
            return null;
        }
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new Failure(stage, "not-found", "cannot start " + cmd.get(0) + ": " + e.getMessage());
        }
        boolean stale;
        synchronized (lock) {
            stale = closed || r.generation() != latest;
            if (!stale) {
                current = p;
                currentIsPlayer = stage.equals("player");
            }
        }
        if (stale) {
            ProcessTree.destroy(p, KILL_GRACE);
            return null;
        }
        return new Child(p, killLater(p, deadline));
    }

    /** Exit status, or -1 if it outlived its deadline (the watchdog kills it; this waits a little longer). */
    private static int waitFor(Process p, Duration deadline) {
        try {
            if (p.waitFor(deadline.plus(KILL_GRACE.multipliedBy(4)).toMillis(), TimeUnit.MILLISECONDS)) {
                // Killed by the watchdog at its deadline: SIGTERM/SIGKILL statuses.
                int code = p.exitValue();
                return code == 143 || code == 137 ? -1 : code;
            }
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void release(Child c) {
        synchronized (lock) {
            if (current == c.process()) {
                current = null;
            }
        }
        if (c.deadline() != null) {
            c.deadline().cancel(false);
        }
        ProcessTree.destroy(c.process(), KILL_GRACE); // a pipeline's leftovers, if any
    }

    /** The child's last line on standard error, read without blocking (it has ended). */
    private static String stderrLine(Process p) {
        try {
            InputStream e = p.getErrorStream();
            int n = Math.min(e.available(), 4096);
            String s = new String(e.readNBytes(n), StandardCharsets.UTF_8).strip();
            int nl = s.lastIndexOf('\n');
            s = nl >= 0 ? s.substring(nl + 1) : s;
            return s.length() > 200 ? s.substring(0, 200) : s;
        } catch (IOException ex) {
            return "";
        }
    }

    private void cancelled(Request r) {
        EventLog.event(EventId.VOICE_PLAYED, Outcome.SUCCESS, "kind", r.kind(), "language", lang(r), "cue", cue(r),
                "cancelled", true);
    }

    private void failed(Request r, Failure f) {
        String key = f.stage + "/" + f.reason;
        int suppressed;
        synchronized (lock) {
            long now = System.nanoTime();
            if (key.equals(lastFailure) && now - lastFailureLoggedAt < FAILURE_LOG_INTERVAL_NANOS) {
                failuresSuppressed++;
                return;
            }
            suppressed = failuresSuppressed;
            failuresSuppressed = 0;
            lastFailure = key;
            lastFailureLoggedAt = now;
        }
        EventLog.event(EventId.VOICE_PLAYED, Outcome.FAILURE, "kind", r.kind(), "language", lang(r), "cue", cue(r),
                "stage", f.stage, "reason", f.reason, "error", f.getMessage() == null ? "" : f.getMessage(),
                "suppressed", suppressed);
    }

    private static String lang(Request r) {
        return r.language() == null ? "" : r.language().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String cue(Request r) {
        return r.cue() == null ? "" : r.cue().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }
}
