/**
 * The JNA binding of the system HarfBuzz library. Not API: {@link org.zizhu.shaping.ShapingFont}
 * owns every HarfBuzz object and frees it.
 */
package org.zizhu.shaping.internal;
