package org.zizhu.device.idcard.internal;

/**
 * Builds SAM frames: {@code AA AA AA 96 69 | LEN_H LEN_L | body | CHK}. LEN is big-endian and
 * counts the body plus CHK; CHK is the XOR of LEN and body (everything after the preamble).
 * A request body is CMD PARA DATA, a reply body SW1 SW2 SW3 DATA.
 */
public final class FrameCodec {
    public static final byte[] PREAMBLE = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, (byte) 0x69};
    /** Bytes before the body: preamble and LEN. */
    public static final int HEADER = PREAMBLE.length + 2;
    /**
     * Largest LEN accepted. The biggest documented reply (text + photo + fingerprint, 30 10) has
     * LEN 0x0508 + 2 + 1024 = 2314; 4096 leaves room for vendor variations and bounds buffers.
     */
    public static final int MAX_LEN = 4096;

    private FrameCodec() {
    }

    /** Frames a body (request or reply). */
    public static byte[] frame(byte[] body) {
        int len = body.length + 1;
        if (len > 0xFFFF) {
            throw new IllegalArgumentException("body too long: " + body.length);
        }
        byte[] out = new byte[HEADER + len];
        System.arraycopy(PREAMBLE, 0, out, 0, PREAMBLE.length);
        out[5] = (byte) (len >>> 8);
        out[6] = (byte) len;
        System.arraycopy(body, 0, out, HEADER, body.length);
        out[out.length - 1] = xor(out, PREAMBLE.length, out.length - 1);
        return out;
    }

    public static byte[] request(int cmd, int para, byte... data) {
        byte[] body = new byte[2 + data.length];
        body[0] = (byte) cmd;
        body[1] = (byte) para;
        System.arraycopy(data, 0, body, 2, data.length);
        return frame(body);
    }

    public static byte[] reply(int sw1, int sw2, int sw3, byte... data) {
        byte[] body = new byte[3 + data.length];
        body[0] = (byte) sw1;
        body[1] = (byte) sw2;
        body[2] = (byte) sw3;
        System.arraycopy(data, 0, body, 3, data.length);
        return frame(body);
    }

    /** XOR of {@code b[from..to)}. */
    public static byte xor(byte[] b, int from, int to) {
        int x = 0;
        for (int i = from; i < to; i++) {
            x ^= b[i];
        }
        return (byte) x;
    }

    /** Unsigned big-endian 16-bit value at {@code i}. */
    public static int u16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    /** Bytes on the wire for a frame with this many body bytes. */
    public static int wireLength(int bodyLength) {
        return HEADER + bodyLength + 1;
    }
}
