package org.zizhu.device.smartcard.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Minimal, strict BER-TLV (ISO 7816-4 annex D): tags of one or two bytes, definite lengths up
 * to 0xFFFF. Everything a card sends is checked against the buffer bounds; a bad length is an
 * {@link IllegalArgumentException}, never an out-of-bounds read.
 */
public final class Tlv {
    private final int tag;
    private final byte[] value;

    private Tlv(int tag, byte[] value) {
        this.tag = tag;
        this.value = value;
    }

    public int tag() {
        return tag;
    }

    public byte[] value() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    /** Parses a sequence of TLVs filling {@code data} exactly. */
    public static List<Tlv> parseAll(byte[] data) {
        return parseAll(data, 0, data.length);
    }

    public static List<Tlv> parseAll(byte[] data, int from, int to) {
        List<Tlv> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            int tag = data[i++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                need(i, 1, to, "tag");
                int second = data[i++] & 0xFF;
                if ((second & 0x80) != 0) {
                    throw new IllegalArgumentException("tags longer than two bytes are not supported");
                }
                tag = (tag << 8) | second;
            }
            need(i, 1, to, "length");
            int len = data[i++] & 0xFF;
            if (len == 0x81) {
                need(i, 1, to, "length");
                len = data[i++] & 0xFF;
            } else if (len == 0x82) {
                need(i, 2, to, "length");
                len = ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
                i += 2;
            } else if (len > 0x7F) {
                throw new IllegalArgumentException(String.format("unsupported TLV length byte %02X", len));
            }
            need(i, len, to, String.format("value of tag %X", tag));
            out.add(new Tlv(tag, Arrays.copyOfRange(data, i, i + len)));
            i += len;
        }
        return out;
    }

    private static void need(int at, int n, int to, String what) {
        if (n < 0 || at + n > to) {
            throw new IllegalArgumentException("TLV truncated: " + what + " needs " + n + " bytes, " + Math.max(0, to - at) + " left");
        }
    }

    /** Exactly one TLV with the given tag, else an exception naming the tag. */
    public static Tlv single(byte[] data, int expectedTag) {
        List<Tlv> all = parseAll(data);
        if (all.size() != 1 || all.get(0).tag != expectedTag) {
            throw new IllegalArgumentException(String.format("expected one TLV with tag %X", expectedTag));
        }
        return all.get(0);
    }

    public static Optional<Tlv> find(List<Tlv> list, int tag) {
        Tlv found = null;
        for (Tlv t : list) {
            if (t.tag == tag) {
                if (found != null) {
                    throw new IllegalArgumentException(String.format("tag %X appears twice", tag));
                }
                found = t;
            }
        }
        return Optional.ofNullable(found);
    }

    public static Tlv require(List<Tlv> list, int tag) {
        return find(list, tag).orElseThrow(() -> new IllegalArgumentException(String.format("tag %X missing", tag)));
    }

    /** Encodes one TLV. */
    public static byte[] encode(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 5);
        if (tag > 0xFF) {
            out.write(tag >> 8);
        }
        out.write(tag & 0xFF);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n <= 0xFF) {
            out.write(0x81);
            out.write(n);
        } else if (n <= 0xFFFF) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xFF);
        } else {
            throw new IllegalArgumentException("TLV value too long");
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return String.format("Tlv[%X, %d bytes]", tag, value.length);
    }
}
