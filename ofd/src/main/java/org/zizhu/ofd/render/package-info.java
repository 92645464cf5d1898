/**
 * A Java2D renderer for OFD pages (GB/T 33190) with their seal appearances (GB/T 38540), reading
 * only from the in-memory {@link org.zizhu.ofd.OfdArchive}: the kiosk prints an e-license copy
 * rendered from the sealed document itself. Entry point: {@link org.zizhu.ofd.render.OfdRenderer}.
 */
package org.zizhu.ofd.render;
