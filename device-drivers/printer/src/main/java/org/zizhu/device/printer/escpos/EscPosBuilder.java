package org.zizhu.device.printer.escpos;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;

/**
 * Builds ESC/POS command bytes for Chinese receipt printers (see devices.md section 2).
 * Text is GBK in Chinese mode; text GBK cannot encode is refused here (print-templates'
 * receipt encoder prints such lines as raster images instead). Not thread-safe.
 */
public final class EscPosBuilder {
    public static final Charset GBK = Charset.forName("GBK");
    /** Rows per raster band: small units keep status answers flowing between them. */
    private static final int BAND = 64;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    private final CharsetEncoder gbk = GBK.newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** Alignment for {@code ESC a n}. */
    public enum Alignment { LEFT, CENTER, RIGHT }

    /** Error correction for the QR code ({@code GS ( k} function 169). */
    public enum QrErrorLevel {
        L(48), M(49), Q(50), H(51);
        final int code;

        QrErrorLevel(int code) {
            this.code = code;
        }
    }

    /** Offsets where a command ends: the only places a status request may be slipped in. */
    private int[] boundaries = new int[64];
    private int boundaryCount;

    private EscPosBuilder mark() {
        if (boundaryCount == 0 || boundaries[boundaryCount - 1] != out.size()) {
            if (boundaryCount == boundaries.length) {
                boundaries = java.util.Arrays.copyOf(boundaries, boundaryCount * 2);
            }
            boundaries[boundaryCount++] = out.size();
        }
        return this;
    }

    private EscPosBuilder raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    public EscPosBuilder bytes(byte[] b) {
        out.writeBytes(b);
        return mark();
    }

    /** {@code ESC @}: clears the buffer and all modes. */
    public EscPosBuilder init() {
        raw(0x1B, 0x40);
        return mark();
    }

    /** {@code FS &} / {@code FS .}: Chinese (GBK double-byte) character mode on or off. */
    public EscPosBuilder chineseMode(boolean on) {
        return on ? raw(0x1C, 0x26) : raw(0x1C, 0x2E);
    }

    /** {@code ESC ! n}: bold bit3, double height bit4, double width bit5, underline bit7. */
    public EscPosBuilder printMode(boolean bold, boolean doubleHeight, boolean doubleWidth, boolean underline) {
        int n = (bold ? 0x08 : 0) | (doubleHeight ? 0x10 : 0) | (doubleWidth ? 0x20 : 0) | (underline ? 0x80 : 0);
        raw(0x1B, 0x21, n);
        return mark();
    }

    /** {@code ESC E n}: bold on or off. */
    public EscPosBuilder bold(boolean on) {
        raw(0x1B, 0x45, on ? 1 : 0);
        return mark();
    }

    /** {@code GS ! n}: character size, 1..8 times in each direction. */
    public EscPosBuilder size(int width, int height) {
        if (width < 1 || width > 8 || height < 1 || height > 8) {
            throw new IllegalArgumentException("size 1..8");
        }
        raw(0x1D, 0x21, (width - 1) << 4 | (height - 1));
        return mark();
    }

    /** {@code ESC a n}. */
    public EscPosBuilder align(Alignment a) {
        raw(0x1B, 0x61, a.ordinal());
        return mark();
    }

    /** Whether every character of {@code s} has a GBK code. */
    public boolean canEncode(CharSequence s) {
        return gbk.canEncode(s);
    }

    /** GBK text without line feed; throws if a character is outside GBK (never prints '?'). */
    public EscPosBuilder text(String s) {
        try {
            ByteBuffer bb = gbk.reset().encode(CharBuffer.wrap(s));
            out.write(bb.array(), bb.arrayOffset() + bb.position(), bb.remaining());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text has characters outside GBK; print it as raster", e);
        }
        return mark();
    }

    public EscPosBuilder line(String s) {
        return text(s).lf();
    }

    public EscPosBuilder lf() {
        raw(0x0A);
        return mark();
    }

    /** {@code ESC d n}: print and feed n lines. */
    public EscPosBuilder feed(int lines) {
        raw(0x1B, 0x64, Math.max(0, Math.min(255, lines)));
        return mark();
    }

    /**
     * Native QR code ({@code GS ( k}, cn 0x31): model 2, module size, error level, store,
     * print. The data is UTF-8 bytes, at most 7089 bytes.
     */
    public EscPosBuilder qr(String data, int moduleDots, QrErrorLevel level) {
        byte[] d = data.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (d.length == 0 || d.length > 7089) {
            throw new IllegalArgumentException("QR data must be 1..7089 bytes");
        }
        raw(0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00);
        raw(0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, Math.max(1, Math.min(16, moduleDots)));
        raw(0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, level.code);
        int len = d.length + 3;
        raw(0x1D, 0x28, 0x6B, len & 0xFF, len >> 8, 0x31, 0x50, 0x30);
        out.writeBytes(d);
        raw(0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30);
        return mark();
    }

    /**
     * Raster bit image ({@code GS v 0}, normal density): {@code bytesPerRow} bytes per row,
     * MSB leftmost, 1 = black. Tall images go in bands of 64 rows, small enough for
     * printer buffers and for status answers to come between bands.
     */
    public EscPosBuilder raster(byte[] bits, int bytesPerRow, int rows) {
        if (bytesPerRow < 1 || bytesPerRow > 255 || bits.length < bytesPerRow * rows) {
            throw new IllegalArgumentException("bad raster size");
        }
        for (int top = 0; top < rows; top += BAND) {
            int h = Math.min(BAND, rows - top);
            raw(0x1D, 0x76, 0x30, 0x00, bytesPerRow & 0xFF, bytesPerRow >> 8, h & 0xFF, h >> 8);
            out.write(bits, top * bytesPerRow, h * bytesPerRow);
            mark();
        }
        return mark();
    }

    /** {@code GS V 66 n}: feed n dots and partial cut (leaves a hinge so the receipt does not fall). */
    public EscPosBuilder feedAndCut(int dots) {
        raw(0x1D, 0x56, 0x42, Math.max(0, Math.min(255, dots)));
        return mark();
    }

    /** {@code GS V 0} full cut. */
    public EscPosBuilder cut() {
        raw(0x1D, 0x56, 0x00);
        return mark();
    }

    /** {@code DLE EOT n}: real-time status request (n 1..4). */
    public static byte[] statusRequest(int n) {
        if (n < 1 || n > 4) {
            throw new IllegalArgumentException("DLE EOT n is 1..4");
        }
        return new byte[] {0x10, 0x04, (byte) n};
    }

    public int size() {
        return out.size();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    /** The job with its command boundaries. */
    public EscPosJob build() {
        mark();
        return new EscPosJob(out.toByteArray(), java.util.Arrays.copyOf(boundaries, boundaryCount));
    }
}
