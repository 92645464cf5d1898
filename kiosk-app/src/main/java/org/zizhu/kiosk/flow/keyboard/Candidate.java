package org.zizhu.kiosk.flow.keyboard;

/**
 * One thing the resident can pick for the pinyin typed: {@code text} (a character or a word) and
 * how many of the typed letters it uses up ({@code consumed}); the letters after those stay in the
 * buffer, so "zhangsan" → 张 leaves "san".
 */
public record Candidate(String text, int consumed) {
    public Candidate {
        if (text == null || text.isEmpty() || consumed <= 0) {
            throw new IllegalArgumentException("a candidate needs text and at least one letter");
        }
    }
}
