package org.zizhu.kiosk.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.zizhu.kiosk.flow.Cue;

/**
 * 16-bit PCM audio in a RIFF/WAVE container: what espeak-ng writes and aplay plays. Immutable.
 *
 * <p>espeak-ng streaming to standard output cannot know the length in advance and writes
 * 0x7fffffff as the chunk sizes; {@link #parse} takes the samples that actually arrived and
 * {@link #bytes} writes a header with the true sizes, so any player accepts it. The cues are
 * synthesised here ({@link #cue}) rather than shipped as files: a few sine notes need no asset.
 */
public final class Wav {
    /** espeak-ng's rate; the cues use it too so a cue and a prompt can be joined into one sound. */
    public static final int SPEECH_RATE = 22_050;
    private static final int HEADER = 44;

    private final int sampleRate;
    private final int channels;
    private final short[] samples;

    private Wav(int sampleRate, int channels, short[] samples) {
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.samples = samples;
    }

    /**
     * Reads a RIFF/WAVE of 16-bit PCM; chunk sizes larger than what arrived (a streamed header)
     * are cut to the bytes present. Anything else is an {@link IllegalArgumentException}.
     */
    public static Wav parse(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if (data.length < 12 || !tag(data, 0, "RIFF") || !tag(data, 8, "WAVE")) {
            throw new IllegalArgumentException("not a RIFF/WAVE file");
        }
        int pos = 12;
        int rate = -1;
        int channels = -1;
        while (pos + 8 <= data.length) {
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            if (tag(data, pos, "fmt ")) {
                if (size < 16 || body + 16 > data.length) {
                    throw new IllegalArgumentException("short fmt chunk");
                }
                int format = b.getShort(body) & 0xffff;
                channels = b.getShort(body + 2) & 0xffff;
                rate = b.getInt(body + 4);
                int bits = b.getShort(body + 14) & 0xffff;
                if (format != 1 || bits != 16 || channels < 1 || channels > 2 || rate < 8_000 || rate > 192_000) {
                    throw new IllegalArgumentException("not 16-bit PCM (format " + format + ", " + bits + " bits, "
                            + channels + " channels, " + rate + " Hz)");
                }
            } else if (tag(data, pos, "data")) {
                if (rate < 0) {
                    throw new IllegalArgumentException("data before fmt");
                }
                int n = (int) Math.min(size, data.length - body) / 2;
                short[] s = new short[n];
                b.position(body);
                b.asShortBuffer().get(s);
                return new Wav(rate, channels, s);
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        throw new IllegalArgumentException("no data chunk");
    }

    /** Silence of {@code duration} (mono, speech rate). */
    public static Wav silence(Duration duration) {
        return new Wav(SPEECH_RATE, 1, new short[(int) (SPEECH_RATE * duration.toMillis() / 1000)]);
    }

    /**
     * The sound of a cue, mono at the speech rate: rising notes when the card is read, a rising
     * chord when done, two low falling notes on an error (told apart by shape, not pitch alone,
     * for residents who hear high tones badly).
     */
    public static Wav cue(Cue cue) {
        return switch (cue) {
            case CARD_READ -> notes(new double[] {880, 1320}, new int[] {90, 140});
            case DONE -> notes(new double[] {523.25, 659.25, 783.99, 1046.5}, new int[] {110, 110, 110, 260});
            case ERROR -> notes(new double[] {392, 262}, new int[] {220, 380});
        };
    }

    private static Wav notes(double[] hz, int[] ms) {
        int total = 0;
        for (int m : ms) {
            total += SPEECH_RATE * m / 1000;
        }
        short[] s = new short[total];
        int at = 0;
        int ramp = SPEECH_RATE * 8 / 1000; // 8 ms in and out: no click at a note's edges
        for (int k = 0; k < hz.length; k++) {
            int n = SPEECH_RATE * ms[k] / 1000;
            for (int i = 0; i < n; i++) {
                double env = Math.min(1.0, Math.min(i, n - 1 - i) / (double) ramp);
                // The fundamental with a little of its octave: clearer on small kiosk speakers.
                double t = i / (double) SPEECH_RATE;
                double v = 0.8 * Math.sin(2 * Math.PI * hz[k] * t) + 0.2 * Math.sin(4 * Math.PI * hz[k] * t);
                s[at + i] = (short) Math.round(v * env * 0.45 * Short.MAX_VALUE);
            }
            at += n;
        }
        return new Wav(SPEECH_RATE, 1, s);
    }

    /**
     * This sound at {@code volume} (0-100): the gain is (volume/100)², a taper the ear hears as
     * roughly even steps, where a straight line would be loud until the last few steps.
     */
    public Wav atVolume(int volume) {
        if (volume >= 100) {
            return this;
        }
        double g = Math.max(0, volume) / 100.0;
        g = g * g;
        short[] s = new short[samples.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.round(samples[i] * g);
        }
        return new Wav(sampleRate, channels, s);
    }

    /** This sound followed by {@code next}; both must have the same rate and channels. */
    public Wav then(Wav next) {
        if (next.sampleRate != sampleRate || next.channels != channels) {
            throw new IllegalArgumentException("cannot join " + sampleRate + " Hz/" + channels + " ch with "
                    + next.sampleRate + " Hz/" + next.channels + " ch");
        }
        short[] s = Arrays.copyOf(samples, samples.length + next.samples.length);
        System.arraycopy(next.samples, 0, s, samples.length, next.samples.length);
        return new Wav(sampleRate, channels, s);
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    /** Sample frames (one per channel set). */
    public int frames() {
        return samples.length / channels;
    }

    public Duration duration() {
        return Duration.ofMillis(frames() * 1000L / sampleRate);
    }

    /** The largest absolute sample: 0 is silence. */
    public int peak() {
        int p = 0;
        for (short v : samples) {
            p = Math.max(p, Math.abs((int) v));
        }
        return p;
    }

    /** A canonical 44-byte-header RIFF/WAVE with the true sizes. */
    public byte[] bytes() {
        int dataBytes = samples.length * 2;
        ByteBuffer b = ByteBuffer.allocate(HEADER + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(sampleRate).putInt(sampleRate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        b.asShortBuffer().put(samples);
        return b.array();
    }

    private static boolean tag(byte[] d, int at, String tag) {
        return at + 4 <= d.length && tag.equals(new String(d, at, 4, StandardCharsets.US_ASCII));
    }
}
