package org.zizhu.device.idcard.internal;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Incremental SAM frame decoder. Feed it whatever the serial port delivers (split frames,
 * several frames at once, line noise); take complete, checksum-verified frame bodies with
 * {@link #next()}.
 *
 * <p>Resynchronisation rules: bytes before a preamble are discarded; a header with an
 * impossible LEN or a frame with a wrong checksum drops one byte and scanning resumes at the
 * next preamble (so a frame hidden after a corrupt one is still found); while a frame is
 * incomplete, a later preamble that starts a complete frame with a good checksum wins and the
 * incomplete one is counted as truncated. Memory is bounded: the buffer never holds more than
 * one maximal frame and at most {@link #MAX_QUEUED} bodies wait to be taken.
 *
 * <p>Never throws on any input. Not thread-safe: one reader thread owns it.
 */
public final class FrameDecoder {
    public static final int MAX_QUEUED = 16;

    private final int minLen;
    private final int maxLen;
    private final byte[] buf;
    private int size;
    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
    private long discardedBytes;
    private long checksumErrors;
    private long truncatedFrames;
    private long droppedFrames;

    /**
     * @param minBody smallest body accepted: 3 for replies (SW1-SW3), 2 for requests (CMD PARA)
     */
    public FrameDecoder(int minBody) {
        this(minBody, FrameCodec.MAX_LEN);
    }

    public FrameDecoder(int minBody, int maxLen) {
        this.minLen = minBody + 1;
        this.maxLen = maxLen;
        this.buf = new byte[FrameCodec.HEADER + maxLen];
    }

    public static FrameDecoder forReplies() {
        return new FrameDecoder(3);
    }

    public static FrameDecoder forRequests() {
        return new FrameDecoder(2);
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    public void feed(byte[] data, int off, int len) {
        while (len > 0) {
            int n = Math.min(len, buf.length - size);
            System.arraycopy(data, off, buf, size, n);
            size += n;
            off += n;
            len -= n;
            extract();
        }
    }

    /** The next complete frame body (without preamble, LEN and CHK), or null. */
    public byte[] next() {
        return frames.pollFirst();
    }

    public boolean hasFrame() {
        return !frames.isEmpty();
    }

    /** Forgets buffered bytes and queued frames (after a timeout, before a new command). */
    public void reset() {
        Arrays.fill(buf, 0, size, (byte) 0);
        discardedBytes += size;
        size = 0;
        for (byte[] f : frames) {
            Arrays.fill(f, (byte) 0);
        }
        frames.clear();
    }

    /** Bytes held waiting for the rest of a frame. */
    public int buffered() {
        return size;
    }

    public int capacity() {
        return buf.length;
    }

    public long discardedBytes() {
        return discardedBytes;
    }

    public long checksumErrors() {
        return checksumErrors;
    }

    public long truncatedFrames() {
        return truncatedFrames;
    }

    public long droppedFrames() {
        return droppedFrames;
    }

    private void extract() {
        while (true) {
            int p = indexOfPreamble(0);
            if (p < 0) {
                // keep only a tail that could be the start of a preamble
                discard(size - preamblePrefixAtEnd());
                return;
            }
            if (p > 0) {
                discard(p);
            }
            if (size < FrameCodec.HEADER) {
                return;
            }
            int len = FrameCodec.u16(buf, 5);
            if (len < minLen || len > maxLen) {
                discard(1);
                continue;
            }
            int total = FrameCodec.HEADER + len;
            if (size < total) {
                int q = laterCompleteFrame();
                if (q > 0) {
                    truncatedFrames++;
                    discard(q);
                    continue;
                }
                return;
            }
            if (FrameCodec.xor(buf, FrameCodec.PREAMBLE.length, total - 1) != buf[total - 1]) {
                checksumErrors++;
                discard(1);
                continue;
            }
            if (frames.size() >= MAX_QUEUED) {
                byte[] old = frames.pollFirst();
                Arrays.fill(old, (byte) 0);
                droppedFrames++;
            }
            frames.addLast(Arrays.copyOfRange(buf, FrameCodec.HEADER, total - 1));
            Arrays.fill(buf, 0, total, (byte) 0);
            shift(total);
        }
    }

    /** Position of a later preamble starting a complete frame with a good checksum, or -1. */
    private int laterCompleteFrame() {
        int q = indexOfPreamble(1);
        while (q > 0) {
            if (q + FrameCodec.HEADER <= size) {
                int len = FrameCodec.u16(buf, q + 5);
                int end = q + FrameCodec.HEADER + len;
                if (len >= minLen && len <= maxLen && end <= size
                        && FrameCodec.xor(buf, q + FrameCodec.PREAMBLE.length, end - 1) == buf[end - 1]) {
                    return q;
                }
            }
            q = indexOfPreamble(q + 1);
        }
        return -1;
    }

    private int indexOfPreamble(int from) {
        byte[] p = FrameCodec.PREAMBLE;
        outer:
        for (int i = from; i + p.length <= size; i++) {
            for (int j = 0; j < p.length; j++) {
                if (buf[i + j] != p[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Length of the longest suffix of the buffer that is a proper prefix of the preamble. */
    private int preamblePrefixAtEnd() {
        byte[] p = FrameCodec.PREAMBLE;
        for (int k = Math.min(p.length - 1, size); k > 0; k--) {
            boolean match = true;
            for (int j = 0; j < k; j++) {
                if (buf[size - k + j] != p[j]) {
                    match = false;
                    break;
                }
            }
            if (match) {
                return k;
            }
        }
        return 0;
    }

    private void discard(int n) {
        if (n <= 0) {
            return;
        }
        discardedBytes += n;
        shift(n);
    }

    private void shift(int n) {
        System.arraycopy(buf, n, buf, 0, size - n);
        Arrays.fill(buf, size - n, size, (byte) 0);
        size -= n;
    }
}
