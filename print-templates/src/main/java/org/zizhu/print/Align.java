package org.zizhu.print;

/** Horizontal alignment of a block. */
public enum Align {
    LEFT, CENTER, RIGHT
}
