package org.zizhu.device.smartcard;

import java.util.Arrays;

/**
 * A response APDU: data field plus SW1 SW2. Built only through {@link #parse(byte[])}, which
 * rejects anything shorter than the two status bytes, so code holding one never has to check.
 * {@link #toString()} shows the status word and the data length, never the data.
 */
public final class ResponseApdu {
    /** Longest response accepted: 256 data bytes of a short APDU plus SW, with room for chaining. */
    public static final int MAX_LENGTH = 4096;

    private final byte[] data;
    private final int sw;

    private ResponseApdu(byte[] data, int sw) {
        this.data = data;
        this.sw = sw;
    }

    /** Parses raw response bytes; throws {@link SmartCardException} MALFORMED_RESPONSE if impossible. */
    public static ResponseApdu parse(byte[] raw) throws SmartCardException {
        if (raw == null || raw.length < 2) {
            throw new SmartCardException(SmartCardException.Reason.MALFORMED_RESPONSE,
                    "response APDU has " + (raw == null ? 0 : raw.length) + " bytes; at least SW1 SW2 (2 bytes) expected");
        }
        if (raw.length > MAX_LENGTH) {
            throw new SmartCardException(SmartCardException.Reason.MALFORMED_RESPONSE,
                    "response APDU of " + raw.length + " bytes is longer than " + MAX_LENGTH);
        }
        int n = raw.length;
        return new ResponseApdu(Arrays.copyOf(raw, n - 2), ((raw[n - 2] & 0xFF) << 8) | (raw[n - 1] & 0xFF));
    }

    /** Builds a response (simulators). */
    public static ResponseApdu of(byte[] data, int sw) {
        if (sw < 0 || sw > 0xFFFF) {
            throw new IllegalArgumentException("SW out of range");
        }
        return new ResponseApdu(data.clone(), sw);
    }

    public static ResponseApdu of(int sw) {
        return of(new byte[0], sw);
    }

    /** A copy of the data field. */
    public byte[] data() {
        return data.clone();
    }

    public int dataLength() {
        return data.length;
    }

    /** SW1SW2 as an unsigned 16-bit value. */
    public int sw() {
        return sw;
    }

    public String swHex() {
        return String.format("%04X", sw);
    }

    public StatusWord statusWord() {
        return StatusWord.of(sw);
    }

    public boolean isSuccess() {
        return sw == 0x9000;
    }

    /** For 63Cx the number of tries left (0..15); -1 for any other status word. */
    public int retriesLeft() {
        return (sw & 0xFFF0) == 0x63C0 ? sw & 0x0F : -1;
    }

    /** Returns this response if SW is 9000, else throws {@link ApduStatusException}. */
    public ResponseApdu requireSuccess(String what) throws ApduStatusException {
        if (!isSuccess()) {
            throw new ApduStatusException(what, sw);
        }
        return this;
    }

    /** The encoded response (simulators). */
    public byte[] bytes() {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) (sw >> 8);
        out[data.length + 1] = (byte) sw;
        return out;
    }

    @Override
    public String toString() {
        return "ResponseApdu[SW=" + swHex() + " " + statusWord() + " Nr=" + data.length + "]";
    }
}
