package org.zizhu.device.camera.internal;

import java.util.Arrays;

/**
 * Cuts an MJPEG byte stream into single JPEG images. Rather than searching for the next FFD9,
 * it walks the JPEG marker segments by their lengths (so an FFD8/FFD9 inside an EXIF thumbnail
 * or other segment payload cannot cut a frame short) and scans only the entropy-coded data for
 * markers, where the format guarantees FF is followed by 00, RSTn or a real marker.
 *
 * <p>Anything that does not fit - bytes before an SOI, a frame cut off by a new SOI, a frame
 * without image data, an impossible segment length, a frame over the size limit, bytes left at
 * end of stream - is reported to {@link Sink#corrupt} and skipped; the splitter then resyncs on
 * the next SOI; an SOI inside a header segment (other than APPn) is taken as the start of the next
 * frame after a truncated one. It never throws on input. Not thread-safe: one reader thread feeds it.
 */
public final class MjpegSplitter {
    /** Receives results. */
    public interface Sink {
        void frame(byte[] jpeg);

        /** A fragment was discarded; {@code reason} is a short machine word. */
        void corrupt(String reason, int bytes);
    }

    private enum State { SEEK, MARKER_FF, MARKER_CODE, LEN_HI, LEN_LO, SEGMENT, ENTROPY, ENTROPY_FF }

    private final int maxFrameBytes;
    private final Sink sink;
    private byte[] buf = new byte[64 * 1024];
    private int len;
    private State state = State.SEEK;
    private boolean seekSawFf;
    private int marker;
    private int lenHi;
    private int remaining;
    private long garbageBytes;
    private int prev = -1;

    public MjpegSplitter(int maxFrameBytes, Sink sink) {
        this.maxFrameBytes = maxFrameBytes;
        this.sink = sink;
    }

    /** Bytes seen outside any frame (noise before an SOI). */
    public long garbageBytes() {
        return garbageBytes;
    }

    public void feed(byte[] data, int off, int n) {
        for (int i = off; i < off + n; i++) {
            step(data[i] & 0xFF);
        }
    }

    /** End of stream: a frame still open is incomplete. */
    public void finish() {
        if (state != State.SEEK && len > 0) {
            discard("truncated-at-end");
        }
        state = State.SEEK;
        seekSawFf = false;
    }

    private void step(int b) {
        if (state == State.SEEK) {
            if (b == 0xFF) {
                if (seekSawFf) {
                    garbageBytes++;
                }
                seekSawFf = true;
            } else if (seekSawFf && b == 0xD8) {
                seekSawFf = false;
                startFrame();
            } else {
                garbageBytes += seekSawFf ? 2 : 1;
                seekSawFf = false;
            }
            return;
        }
        append(b);
        if (len > maxFrameBytes) {
            discard("oversize");
            return;
        }
        int before = prev;
        prev = b;
        if (before == 0xFF && b == 0xD8 && (state == State.LEN_LO || (state == State.SEGMENT && !isAppSegment()))) {
            // A new SOI where a header segment was being read: this frame was cut off. APPn segments
            // are exempt because EXIF thumbnails legitimately contain a whole JPEG.
            restartAtSoi();
            return;
        }
        switch (state) {
            case MARKER_FF -> {
                if (b == 0xFF) {
                    state = State.MARKER_CODE;
                } else {
                    discard("bad-marker");
                }
            }
            case MARKER_CODE -> onMarker(b, false);
            case LEN_HI -> {
                lenHi = b;
                state = State.LEN_LO;
            }
            case LEN_LO -> {
                int segLen = (lenHi << 8) | b;
                if (segLen < 2) {
                    discard("bad-segment-length");
                    return;
                }
                remaining = segLen - 2;
                if (remaining == 0) {
                    endSegment();
                } else {
                    state = State.SEGMENT;
                }
            }
            case SEGMENT -> {
                if (--remaining == 0) {
                    endSegment();
                }
            }
            case ENTROPY -> {
                if (b == 0xFF) {
                    state = State.ENTROPY_FF;
                }
            }
            case ENTROPY_FF -> {
                if (b == 0x00 || (b >= 0xD0 && b <= 0xD7)) {
                    state = State.ENTROPY; // stuffed byte or restart marker: still image data
                } else if (b != 0xFF) {
                    onMarker(b, true);
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void onMarker(int code, boolean afterScan) {
        switch (code) {
            case 0xFF -> { /* fill byte */ }
            case 0xD8 -> restartAtSoi(); // a new image starts before this one ended
            case 0xD9 -> {
                if (afterScan) {
                    sink.frame(Arrays.copyOf(buf, len));
                    reset();
                } else {
                    discard("no-image-data");
                }
            }
            case 0x01, 0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7 -> state = State.MARKER_FF;
            case 0x00 -> discard("bad-marker");
            default -> {
                marker = code;
                state = State.LEN_HI;
            }
        }
    }

    private boolean isAppSegment() {
        return marker >= 0xE0 && marker <= 0xEF;
    }

    private void restartAtSoi() {
        len -= 2;
        discard("truncated");
        startFrame();
    }

    private void endSegment() {
        state = marker == 0xDA ? State.ENTROPY : State.MARKER_FF;
    }

    private void startFrame() {
        len = 0;
        prev = 0xD8;
        append(0xFF);
        append(0xD8);
        state = State.MARKER_FF;
    }

    private void append(int b) {
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, Math.min(buf.length * 2, maxFrameBytes + 16));
        }
        buf[len++] = (byte) b;
    }

    private void discard(String reason) {
        int n = len;
        reset();
        if (n > 0) {
            sink.corrupt(reason, n);
        }
    }

    private void reset() {
        len = 0;
        state = State.SEEK;
        seekSawFf = false;
        prev = -1;
        if (buf.length > 256 * 1024) {
            buf = new byte[64 * 1024]; // give back memory after a huge frame
        }
    }
}
