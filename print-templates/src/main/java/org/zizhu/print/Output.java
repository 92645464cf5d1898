package org.zizhu.print;

/** The two kinds of output a template renders to. */
public enum Output {
    A4, RECEIPT
}
