package org.zizhu.device.camera.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zizhu.device.camera.TestJpegs;

class MjpegSplitterTest {
    private final List<byte[]> frames = new ArrayList<>();
    private final List<String> corrupt = new ArrayList<>();
    private final MjpegSplitter splitter = new MjpegSplitter(200_000, new MjpegSplitter.Sink() {
        @Override
        public void frame(byte[] jpeg) {
            frames.add(jpeg);
        }

        @Override
        public void corrupt(String reason, int bytes) {
            corrupt.add(reason);
        }
    });

    private final byte[] red = TestJpegs.jpeg(64, 48, Color.RED);
    private final byte[] blue = TestJpegs.jpeg(64, 48, Color.BLUE);

    @Test
    void splitsBackToBackFramesExactly() {
        byte[] stream = TestJpegs.concat(red, blue, red);
        splitter.feed(stream, 0, stream.length);
        assertEquals(3, frames.size());
        assertArrayEquals(red, frames.get(0));
        assertArrayEquals(blue, frames.get(1));
        assertTrue(corrupt.isEmpty());
    }

    @Test
    void sameResultWhenBytesArriveOneByOne() {
        byte[] garbage = {1, 2, (byte) 0xFF, 3, (byte) 0xFF, (byte) 0xFF};
        byte[] stream = TestJpegs.concat(garbage, red, garbage, blue);
        for (byte b : stream) {
            splitter.feed(new byte[] {b}, 0, 1);
        }
        assertEquals(2, frames.size());
        assertArrayEquals(blue, frames.get(1));
        assertEquals(12, splitter.garbageBytes());
    }

    @Test
    void truncatedFrameIsReportedAndNextFrameStillComes() {
        byte[] stream = TestJpegs.concat(TestJpegs.truncated(red, red.length / 2), blue);
        splitter.feed(stream, 0, stream.length);
        assertEquals(List.of("truncated"), corrupt);
        assertEquals(1, frames.size());
        assertArrayEquals(blue, frames.get(0));
    }

    @Test
    void truncatedInHeaderAndAtEndOfStream() {
        byte[] stream = TestJpegs.concat(TestJpegs.truncated(red, 30), blue, TestJpegs.truncated(red, 100));
        splitter.feed(stream, 0, stream.length);
        splitter.finish();
        assertEquals(1, frames.size());
        assertEquals(2, corrupt.size(), corrupt.toString());
        assertEquals("truncated-at-end", corrupt.get(1));
    }

    @Test
    void frameWithoutImageDataIsCorrupt() {
        byte[] stream = TestJpegs.concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, red);
        splitter.feed(stream, 0, stream.length);
        assertEquals(List.of("no-image-data"), corrupt);
        assertEquals(1, frames.size());
    }

    @Test
    void oversizeFrameIsDroppedWithBoundedMemory() {
        MjpegSplitter small = new MjpegSplitter(1024, new MjpegSplitter.Sink() {
            @Override
            public void frame(byte[] jpeg) {
                frames.add(jpeg);
            }

            @Override
            public void corrupt(String reason, int bytes) {
                corrupt.add(reason + ":" + bytes);
            }
        });
        byte[] big = TestJpegs.jpeg(400, 300, Color.GREEN);
        assertTrue(big.length > 1024);
        small.feed(big, 0, big.length);
        assertEquals(0, frames.size());
        assertEquals(List.of("oversize:1025"), corrupt);
    }

    @Test
    void pureGarbageProducesNoFrame() {
        byte[] noise = new byte[50_000];
        new java.util.Random(3).nextBytes(noise);
        splitter.feed(noise, 0, noise.length);
        splitter.feed(red, 0, red.length);
        // Random bytes can contain FF D8 and start a bogus frame; it must be discarded, never delivered.
        assertArrayEquals(red, frames.get(frames.size() - 1));
        assertTrue(frames.size() <= 2, "frames " + frames.size());
    }
}
