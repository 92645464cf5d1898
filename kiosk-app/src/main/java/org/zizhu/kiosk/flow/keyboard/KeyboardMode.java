package org.zizhu.kiosk.flow.keyboard;

/** Which pad the keyboard shows: pinyin (letters compose Chinese), plain letters, or digits. */
public enum KeyboardMode {
    PINYIN, LETTERS, DIGITS
}
