/**
 * Traditional Mongolian text for the kiosk screen and print-outs.
 *
 * <p>Why this exists: Mongolian letters take initial, medial, final or isolated forms (and variants
 * chosen by FVS, MVS and NNBSP) depending on their neighbours, which the font's OpenType tables
 * encode and a shaping engine must apply. Measured on the kiosk's JDK 25 and JavaFX 21: JavaFX
 * {@code Text} and Java2D {@code drawString} draw Mongolian unshaped — every letter in its
 * isolated form, no joining — which is unreadable.
 *
 * <p>How: {@link org.zizhu.shaping.ShapingFont} shapes with the system HarfBuzz (libharfbuzz.so.0,
 * Debian libharfbuzz0b) through JNA ({@code internal.HarfBuzz}); no joining rules are written
 * here. {@link org.zizhu.shaping.ScriptRenderer} then draws HarfBuzz's glyph ids with Java2D from the
 * same font file ({@code Font.createGlyphVector(frc, int[])} with each glyph where HarfBuzz put it),
 * draws other scripts with a fallback font, and turns each line 90° clockwise into a vertical column,
 * columns left to right. The result is a premultiplied ARGB pixel array, so JavaFX (the UI) and the
 * print templates can both use it; nothing here uses JavaFX.
 *
 * <p>The font is Noto Sans Mongolian (Debian fonts-noto-core,
 * /usr/share/fonts/truetype/noto/NotoSansMongolian-Regular.ttf).
 */
package org.zizhu.shaping;
