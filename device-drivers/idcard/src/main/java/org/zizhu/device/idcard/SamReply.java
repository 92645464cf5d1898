package org.zizhu.device.idcard;

import java.util.Arrays;

/** One reply frame from the reader: SW1 SW2 SW3 and the data after them. */
public final class SamReply {
    private final int sw1;
    private final int sw2;
    private final int sw3;
    private final byte[] data;

    public SamReply(int sw1, int sw2, int sw3, byte[] data) {
        this.sw1 = sw1 & 0xFF;
        this.sw2 = sw2 & 0xFF;
        this.sw3 = sw3 & 0xFF;
        this.data = data.clone();
    }

    /** Parses a frame body (the bytes between LEN and CHK); null if it is too short for SW1-3. */
    public static SamReply fromBody(byte[] body) {
        if (body.length < 3) {
            return null;
        }
        return new SamReply(body[0], body[1], body[2], Arrays.copyOfRange(body, 3, body.length));
    }

    public int sw1() {
        return sw1;
    }

    public int sw2() {
        return sw2;
    }

    public int sw3() {
        return sw3;
    }

    public SamStatus status() {
        return SamStatus.fromCode(sw3);
    }

    /** A copy of the data after SW3. */
    public byte[] data() {
        return data.clone();
    }

    public int dataLength() {
        return data.length;
    }

    /** Zeroes this reply's copy of the data (card replies carry personal data). */
    public void wipe() {
        Arrays.fill(data, (byte) 0);
    }

    /** No data bytes: a read reply carries personal data. */
    @Override
    public String toString() {
        return "SamReply[" + status() + String.format(" %02X %02X %02X", sw1, sw2, sw3) + ", " + data.length + " data bytes]";
    }
}
