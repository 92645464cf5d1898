package org.zizhu.shaping.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The part of the HarfBuzz C API (hb.h, HarfBuzz 2.x and later) the shaper uses, bound with JNA.
 * Every handle is an opaque {@link Pointer}. {@code hb_bool_t} and {@code unsigned int} are read
 * as Java {@code int}. Text goes in as UTF-16 ({@code short[]}: a Java {@code char[]} would be
 * passed as 4-byte {@code wchar_t} by JNA), so the clusters HarfBuzz returns are UTF-16 indices.
 */
public interface HarfBuzz extends Library {

    /** {@code HB_DIRECTION_LTR}: Mongolian is shaped horizontally and the line is then rotated. */
    int DIRECTION_LTR = 4;
    /** {@code hb_glyph_info_t}: codepoint (the glyph id after shaping), mask, cluster, var1, var2. */
    int GLYPH_INFO_SIZE = 20;
    int GLYPH_INFO_CLUSTER_OFFSET = 8;
    /** {@code hb_glyph_position_t}: x_advance, y_advance, x_offset, y_offset, var. */
    int GLYPH_POSITION_SIZE = 20;

    Pointer hb_blob_create_from_file(String fileName);
    int hb_blob_get_length(Pointer blob);
    void hb_blob_destroy(Pointer blob);

    Pointer hb_face_create(Pointer blob, int index);
    int hb_face_get_upem(Pointer face);
    int hb_face_get_glyph_count(Pointer face);
    void hb_face_make_immutable(Pointer face);
    void hb_face_destroy(Pointer face);

    Pointer hb_font_create(Pointer face);
    void hb_font_set_scale(Pointer font, int xScale, int yScale);
    void hb_font_make_immutable(Pointer font);
    void hb_font_destroy(Pointer font);

    Pointer hb_buffer_create();
    int hb_buffer_allocation_successful(Pointer buffer);
    void hb_buffer_add_utf16(Pointer buffer, short[] text, int textLength, int itemOffset, int itemLength);
    void hb_buffer_set_direction(Pointer buffer, int direction);
    void hb_buffer_set_script(Pointer buffer, int script);
    void hb_buffer_set_language(Pointer buffer, Pointer language);
    void hb_buffer_guess_segment_properties(Pointer buffer);
    int hb_buffer_get_length(Pointer buffer);
    /** The second argument ({@code unsigned int *length}) may be null. */
    Pointer hb_buffer_get_glyph_infos(Pointer buffer, Pointer length);
    Pointer hb_buffer_get_glyph_positions(Pointer buffer, Pointer length);
    void hb_buffer_destroy(Pointer buffer);

    Pointer hb_language_from_string(String language, int length);
    int hb_script_from_string(String script, int length);

    void hb_shape(Pointer font, Pointer buffer, Pointer features, int numFeatures);

    /**
     * Loads the system HarfBuzz: the soname {@code libharfbuzz.so.0} first (Debian installs no
     * unversioned {@code libharfbuzz.so} without the -dev package), then the plain name for other
     * systems. Throws the last {@link UnsatisfiedLinkError} when neither loads.
     */
    static HarfBuzz load() {
        UnsatisfiedLinkError failure = null;
        for (String name : new String[] {"libharfbuzz.so.0", "harfbuzz"}) {
            try {
                return Native.load(name, HarfBuzz.class);
            } catch (UnsatisfiedLinkError e) {
                if (failure == null) failure = e; else failure.addSuppressed(e);
            }
        }
        throw failure;
    }
}
