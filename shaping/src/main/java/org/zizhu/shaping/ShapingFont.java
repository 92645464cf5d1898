package org.zizhu.shaping;

import com.sun.jna.Pointer;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.zizhu.shaping.internal.HarfBuzz;

/**
 * A shaping font: a HarfBuzz face and font, and the same file as a {@link java.awt.Font} so the
 * glyph ids HarfBuzz returns can be drawn with Java2D. Thread-safe: the HarfBuzz face and font are
 * made immutable (HarfBuzz then allows shaping with them from any thread), each {@link #shape} uses
 * its own buffer, and a read/write lock keeps {@link #close} from freeing them under a running shape.
 */
public final class ShapingFont implements AutoCloseable {

    /** Texts longer than this are refused: shaping time and memory stay bounded. */
    public static final int MAX_CHARS = 4096;

    private static final String HARFBUZZ_PACKAGE = "libharfbuzz0b";

    private final HarfBuzz hb;
    private final Path file;
    private final Font awtFont;
    private final int unitsPerEm;
    private final int glyphCount;
    private final int mongolianScript;
    private final Pointer mongolianLanguage;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private Pointer blob;
    private Pointer face;
    private Pointer font;
    private boolean closed;

    private ShapingFont(HarfBuzz hb, Path file, Font awtFont, Pointer blob, Pointer face, Pointer font) {
        this.hb = hb;
        this.file = file;
        this.awtFont = awtFont;
        this.blob = blob;
        this.face = face;
        this.font = font;
        this.unitsPerEm = hb.hb_face_get_upem(face);
        this.glyphCount = hb.hb_face_get_glyph_count(face);
        this.mongolianScript = hb.hb_script_from_string("Mong", -1);
        // hb_language_t values are interned by HarfBuzz for the life of the process: never freed.
        this.mongolianLanguage = hb.hb_language_from_string("mn", -1);
    }

    /**
     * Opens a TrueType/OpenType font file with HarfBuzz and as a {@link java.awt.Font} (size 1).
     *
     * @throws ShapingUnavailable when libharfbuzz cannot be loaded, or the file is missing, unreadable
     *     or not a font
     */
    public static ShapingFont open(Path fontFile) {
        Objects.requireNonNull(fontFile, "fontFile");
        HarfBuzz hb = Library.harfBuzz();
        if (!Files.isRegularFile(fontFile)) {
            throw new ShapingUnavailable("font file " + fontFile + " does not exist (the Mongolian font "
                    + "NotoSansMongolian-Regular.ttf is in the Debian package fonts-noto-core)");
        }
        if (!Files.isReadable(fontFile)) throw new ShapingUnavailable("font file " + fontFile + " is not readable");
        Font awt;
        try {
            awt = Font.createFont(Font.TRUETYPE_FONT, fontFile.toFile());
        } catch (FontFormatException | IOException e) {
            throw new ShapingUnavailable("font file " + fontFile + " is not a TrueType/OpenType font: " + e.getMessage(), e);
        }
        Pointer blob = null, face = null, font = null;
        try {
            blob = hb.hb_blob_create_from_file(fontFile.toAbsolutePath().toString());
            if (blob == null || hb.hb_blob_get_length(blob) == 0) {
                throw new ShapingUnavailable("HarfBuzz could not read font file " + fontFile);
            }
            face = hb.hb_face_create(blob, 0);
            if (face == null || hb.hb_face_get_glyph_count(face) == 0) {
                throw new ShapingUnavailable("HarfBuzz finds no glyphs in font file " + fontFile + ": not a font");
            }
            hb.hb_face_make_immutable(face);
            font = hb.hb_font_create(face);
            int upem = hb.hb_face_get_upem(face);
            // Positions in font units: the renderer scales them to any pixel size itself.
            hb.hb_font_set_scale(font, upem, upem);
            hb.hb_font_make_immutable(font);
            ShapingFont opened = new ShapingFont(hb, fontFile, awt, blob, face, font);
            blob = face = font = null;
            return opened;
        } finally {
            if (font != null) hb.hb_font_destroy(font);
            if (face != null) hb.hb_face_destroy(face);
            if (blob != null) hb.hb_blob_destroy(blob);
        }
    }

    /**
     * Shapes one line left to right. When it contains Mongolian (see {@link Scripts#containsMongolian})
     * the run is shaped as script Mongolian ('Mong'), direction LTR, language "mn" (the vertical
     * layout is this line rotated); otherwise HarfBuzz guesses script, direction and language.
     * Clusters are UTF-16 indices into {@code text}.
     *
     * @throws IllegalArgumentException when text is longer than {@link #MAX_CHARS}
     * @throws IllegalStateException after {@link #close}
     */
    public ShapedRun shape(String text) {
        Objects.requireNonNull(text, "text");
        return shape(text, 0, text.length(), Scripts.containsMongolian(text));
    }

    /**
     * Shapes {@code text[start, end)} with the rest of {@code text} as context (so a word's letters
     * join as they would in the whole paragraph). Clusters are UTF-16 indices into {@code text}.
     */
    ShapedRun shape(String text, int start, int end, boolean mongolian) {
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("text has " + text.length() + " chars, at most " + MAX_CHARS + " are shaped");
        }
        Objects.checkFromToIndex(start, end, text.length());
        short[] utf16 = new short[text.length()];
        for (int i = 0; i < utf16.length; i++) utf16[i] = (short) text.charAt(i);
        lock.readLock().lock();
        try {
            if (closed) throw new IllegalStateException("ShapingFont " + file + " is closed");
            Pointer buffer = hb.hb_buffer_create();
            try {
                if (hb.hb_buffer_allocation_successful(buffer) == 0) {
                    throw new IllegalStateException("HarfBuzz could not allocate a buffer");
                }
                hb.hb_buffer_add_utf16(buffer, utf16, utf16.length, start, end - start);
                if (mongolian) {
                    hb.hb_buffer_set_direction(buffer, HarfBuzz.DIRECTION_LTR);
                    hb.hb_buffer_set_script(buffer, mongolianScript);
                    hb.hb_buffer_set_language(buffer, mongolianLanguage);
                }
                hb.hb_buffer_guess_segment_properties(buffer);
                hb.hb_shape(font, buffer, null, 0);
                return read(buffer);
            } finally {
                hb.hb_buffer_destroy(buffer);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    private ShapedRun read(Pointer buffer) {
        int n = hb.hb_buffer_get_length(buffer);
        int[] gids = new int[n], clusters = new int[n], xAdv = new int[n], xOff = new int[n], yOff = new int[n];
        if (n > 0) {
            Pointer infos = hb.hb_buffer_get_glyph_infos(buffer, null);
            Pointer positions = hb.hb_buffer_get_glyph_positions(buffer, null);
            if (infos == null || positions == null) throw new IllegalStateException("HarfBuzz returned no glyphs");
            for (int i = 0; i < n; i++) {
                long info = (long) i * HarfBuzz.GLYPH_INFO_SIZE;
                gids[i] = infos.getInt(info);
                clusters[i] = infos.getInt(info + HarfBuzz.GLYPH_INFO_CLUSTER_OFFSET);
                long pos = (long) i * HarfBuzz.GLYPH_POSITION_SIZE;
                xAdv[i] = positions.getInt(pos);
                xOff[i] = positions.getInt(pos + 8);
                yOff[i] = positions.getInt(pos + 12);
            }
        }
        return new ShapedRun(gids, clusters, xAdv, xOff, yOff, unitsPerEm);
    }

    /** The font file as a Java2D font of size 1 ({@code deriveFont} for a size); its glyph codes are HarfBuzz's glyph ids. */
    public Font awtFont() {
        return awtFont;
    }

    public int unitsPerEm() {
        return unitsPerEm;
    }

    public int glyphCount() {
        return glyphCount;
    }

    public Path file() {
        return file;
    }

    /** Frees the HarfBuzz objects; waits for running {@link #shape} calls. Idempotent. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
            hb.hb_font_destroy(font);
            hb.hb_face_destroy(face);
            hb.hb_blob_destroy(blob);
            font = face = blob = null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "ShapingFont[" + file + "]";
    }

    /** Loads libharfbuzz once; a failure is remembered and reported on every open. */
    private static final class Library {
        private static final Object INSTANCE = load();

        private static Object load() {
            try {
                return HarfBuzz.load();
            } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                return e;
            }
        }

        static HarfBuzz harfBuzz() {
            if (INSTANCE instanceof HarfBuzz hb) return hb;
            Throwable failure = (Throwable) INSTANCE;
            throw new ShapingUnavailable("libharfbuzz (Debian package " + HARFBUZZ_PACKAGE
                    + ", libharfbuzz.so.0) cannot be loaded: " + failure.getMessage(), failure);
        }
    }
}
