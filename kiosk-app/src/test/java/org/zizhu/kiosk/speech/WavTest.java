package org.zizhu.kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.flow.Cue;

class WavTest {
    @Test
    void aStreamedHeaderIsCutToTheSamplesThatArrived() {
        byte[] b = Wav.cue(Cue.CARD_READ).bytes();
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(4, 0x7fffffff).putInt(40, 0x7fffffff); // as espeak-ng writes to a pipe
        Wav w = Wav.parse(b);
        assertEquals(Wav.cue(Cue.CARD_READ).frames(), w.frames());
        assertArrayEquals(Wav.cue(Cue.CARD_READ).bytes(), w.bytes());
    }

    @Test
    void cuesAreDistinctAudibleAndShort() {
        for (Cue c : Cue.values()) {
            Wav w = Wav.cue(c);
            assertTrue(w.peak() > 10_000, c + " audible");
            assertTrue(w.duration().compareTo(Duration.ofMillis(800)) < 0, c + " short: " + w.duration());
        }
        assertEquals(3, List.of(Cue.values()).stream().map(c -> Wav.cue(c).frames()).distinct().count());
    }

    @Test
    void volumeFollowsASquareTaperAndZeroIsSilence() {
        Wav w = Wav.cue(Cue.DONE);
        assertEquals(0, w.atVolume(0).peak());
        assertEquals(w.peak() / 4.0, w.atVolume(50).peak(), 2);
        assertEquals(w.peak(), w.atVolume(100).peak());
    }

    @Test
    void malformedAudioIsRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> Wav.parse(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> Wav.parse("RIFF\0\0\0\0WAVEjunk".getBytes()));
        byte[] eightBit = Wav.cue(Cue.ERROR).bytes();
        eightBit[34] = 8;
        assertThrows(IllegalArgumentException.class, () -> Wav.parse(eightBit));
        assertThrows(IllegalArgumentException.class, () -> Wav.cue(Cue.DONE).then(Wav.parse(stereo())));
    }

    private static byte[] stereo() {
        byte[] b = Wav.silence(Duration.ofMillis(10)).bytes();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(22, (short) 2);
        return b;
    }

    @Test
    void playerCommandsSplitAtSpacesWithQuotedWords() {
        assertEquals(List.of("aplay", "-q", "-D", "{device}", "-"), VoiceConfig.words(" aplay  -q -D {device} - "));
        assertEquals(List.of("sh", "-c", "cat > /tmp/a b"), VoiceConfig.words("sh -c 'cat > /tmp/a b'"));
        assertThrows(IllegalArgumentException.class, () -> VoiceConfig.words("sh -c 'cat"));
    }
}
