package org.zizhu.device.smartcard;

import java.util.Arrays;
import java.util.Objects;
import org.zizhu.device.smartcard.internal.Hex;

/**
 * A short command APDU (ISO 7816-4 cases 1 to 4, Nc up to 255, Ne up to 256). Immutable.
 * {@link #toString()} shows the header and lengths only, never the data field: the data of a
 * VERIFY is a PIN.
 */
public final class CommandApdu {
    /** Ne meaning "no Le field" (case 1 and 3). */
    public static final int NO_LE = -1;

    private final int cla;
    private final int ins;
    private final int p1;
    private final int p2;
    private final byte[] data;
    private final int ne;

    private CommandApdu(int cla, int ins, int p1, int p2, byte[] data, int ne) {
        this.cla = checkByte("CLA", cla);
        this.ins = checkByte("INS", ins);
        this.p1 = checkByte("P1", p1);
        this.p2 = checkByte("P2", p2);
        this.data = Objects.requireNonNull(data, "data").clone();
        if (this.data.length > 255) {
            throw new IllegalArgumentException("data field longer than 255 bytes: " + this.data.length);
        }
        if (ne != NO_LE && (ne < 1 || ne > 256)) {
            throw new IllegalArgumentException("Ne must be 1..256 or NO_LE, was " + ne);
        }
        this.ne = ne;
    }

    public static CommandApdu of(int cla, int ins, int p1, int p2) {
        return new CommandApdu(cla, ins, p1, p2, new byte[0], NO_LE);
    }

    public static CommandApdu of(int cla, int ins, int p1, int p2, byte[] data) {
        return new CommandApdu(cla, ins, p1, p2, data, NO_LE);
    }

    /** Case 2 or 4: expects up to {@code ne} response bytes (256 is encoded as Le = 00). */
    public static CommandApdu of(int cla, int ins, int p1, int p2, byte[] data, int ne) {
        return new CommandApdu(cla, ins, p1, p2, data, ne);
    }

    /** SELECT by DF name (AID), first occurrence, FCI requested: {@code 00 A4 04 00 Lc AID 00}. */
    public static CommandApdu selectAid(byte[] aid) {
        return new CommandApdu(0x00, 0xA4, 0x04, 0x00, aid, 256);
    }

    /** Parses a command APDU as received by a card (simulators). Throws on malformed input. */
    public static CommandApdu parse(byte[] apdu) {
        if (apdu == null || apdu.length < 4) {
            throw new IllegalArgumentException("command APDU shorter than 4 bytes");
        }
        int cla = apdu[0] & 0xFF, ins = apdu[1] & 0xFF, p1 = apdu[2] & 0xFF, p2 = apdu[3] & 0xFF;
        if (apdu.length == 4) {
            return new CommandApdu(cla, ins, p1, p2, new byte[0], NO_LE);
        }
        int b5 = apdu[4] & 0xFF;
        if (apdu.length == 5) {
            return new CommandApdu(cla, ins, p1, p2, new byte[0], b5 == 0 ? 256 : b5);
        }
        if (b5 == 0) {
            throw new IllegalArgumentException("extended-length APDUs are not supported");
        }
        if (apdu.length == 5 + b5) {
            return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, 5 + b5), NO_LE);
        }
        if (apdu.length == 6 + b5) {
            int le = apdu[5 + b5] & 0xFF;
            return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, 5 + b5), le == 0 ? 256 : le);
        }
        throw new IllegalArgumentException("command APDU length " + apdu.length + " does not match Lc " + b5);
    }

    private static int checkByte(String name, int v) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException(name + " out of range: " + v);
        }
        return v;
    }

    public int cla() {
        return cla;
    }

    public int ins() {
        return ins;
    }

    public int p1() {
        return p1;
    }

    public int p2() {
        return p2;
    }

    /** A copy of the data field. */
    public byte[] data() {
        return data.clone();
    }

    public int nc() {
        return data.length;
    }

    public int ne() {
        return ne;
    }

    /** The encoded APDU. */
    public byte[] bytes() {
        int len = 4 + (data.length > 0 ? 1 + data.length : 0) + (ne != NO_LE ? 1 : 0);
        byte[] out = new byte[len];
        out[0] = (byte) cla;
        out[1] = (byte) ins;
        out[2] = (byte) p1;
        out[3] = (byte) p2;
        int i = 4;
        if (data.length > 0) {
            out[i++] = (byte) data.length;
            System.arraycopy(data, 0, out, i, data.length);
            i += data.length;
        }
        if (ne != NO_LE) {
            out[i] = (byte) (ne == 256 ? 0 : ne);
        }
        return out;
    }

    /** Header and lengths only; the data field may be a PIN. */
    @Override
    public String toString() {
        return "CommandApdu[" + Hex.of(new byte[] {(byte) cla, (byte) ins, (byte) p1, (byte) p2})
                + " Nc=" + data.length + (ne == NO_LE ? "" : " Ne=" + ne) + "]";
    }
}
