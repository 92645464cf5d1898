package org.zizhu.kiosk.flow.keyboard;

/** A touch on the on-screen keyboard, as the screen forwards it to {@link KeyboardState#next}. */
public sealed interface Key {
    /** A letter key a–z: in pinyin mode it goes to the pinyin buffer, in letters mode into the text. */
    record Letter(char letter) implements Key {}

    /** A key that types its character straight into the text (the digit pad, punctuation). */
    record Type(char character) implements Key {}

    /** The n-th candidate on the page shown (0-based). */
    record Choose(int onPage) implements Key {}

    record SwitchMode(KeyboardMode mode) implements Key {}

    enum Simple implements Key {
        BACKSPACE, NEXT_PAGE, PREV_PAGE, SPACE, CLEAR, DONE
    }
}
