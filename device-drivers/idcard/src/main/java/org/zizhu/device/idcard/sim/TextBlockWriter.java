package org.zizhu.device.idcard.sim;

import java.nio.charset.StandardCharsets;

/**
 * Writes fields into a 256-byte UCS-2 little-endian text block, space-padded, the way a card
 * stores them. The inverse of {@link org.zizhu.device.idcard.IdentityDecoder}; used to build
 * test cards and malformed variants of them.
 */
public final class TextBlockWriter {
    private final byte[] block = new byte[256];

    public TextBlockWriter() {
        for (int i = 0; i < block.length; i += 2) {
            block[i] = ' ';
        }
    }

    /** Writes {@code value} at byte offset {@code off}, padded with spaces to {@code len} bytes. */
    public TextBlockWriter put(int off, int len, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_16LE);
        if (b.length > len) {
            throw new IllegalArgumentException("value longer than its field (" + b.length + " > " + len + " bytes)");
        }
        System.arraycopy(b, 0, block, off, b.length);
        for (int i = off + b.length; i + 1 < off + len; i += 2) {
            block[i] = ' ';
            block[i + 1] = 0;
        }
        return this;
    }

    /** Raw bytes, for building malformed blocks. */
    public TextBlockWriter putRaw(int off, byte... bytes) {
        System.arraycopy(bytes, 0, block, off, bytes.length);
        return this;
    }

    public byte[] toBytes() {
        return block.clone();
    }
}
