package org.zizhu.kiosk.flow.keyboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.flow.keyboard.KeyboardState.Notice;

class KeyboardStateTest {
    /** A small fixed source: "zhang" → 张 章, "zhangsan" → 张三 or 张 (5 letters), "san" → 三 散, "a" → 20 fillers. */
    private static final CandidateSource SOURCE = (letters, limit) -> switch (letters) {
        case "zhang" -> List.of(new Candidate("张", 5), new Candidate("章", 5));
        case "zhangsan" -> List.of(new Candidate("张三", 8), new Candidate("张", 5));
        case "san" -> List.of(new Candidate("三", 3), new Candidate("散", 3));
        case "a" -> IntStream.range(0, 20).mapToObj(i -> new Candidate(String.valueOf((char) ('一' + i)), 1)).toList();
        default -> List.of();
    };

    private static KeyboardState type(KeyboardState s, String keys) {
        for (char c : keys.toCharArray()) {
            s = s.next(new Key.Letter(c), SOURCE);
        }
        return s;
    }

    @Test
    void pinyinLettersLookUpCandidatesAndChoosingTypesThem() {
        KeyboardState s = type(KeyboardState.start(KeyboardMode.PINYIN, "", 10), "zhang");
        assertEquals("zhang", s.pinyin());
        assertEquals(List.of(new Candidate("张", 5), new Candidate("章", 5)), s.pageCandidates());
        s = s.next(new Key.Choose(0), SOURCE);
        assertEquals("张", s.text());
        assertEquals("", s.pinyin());
        assertEquals(List.of(), s.candidates());
        s = type(s, "san").next(Key.Simple.SPACE, SOURCE); // space takes the first candidate
        assertEquals("张三", s.text());
    }

    @Test
    void aCandidateCoveringPartOfTheLettersLeavesTheRest() {
        KeyboardState s = type(KeyboardState.start(KeyboardMode.PINYIN, "", 10), "zhangsan");
        s = s.next(new Key.Choose(1), SOURCE);
        assertEquals("张", s.text());
        assertEquals("san", s.pinyin());
        assertEquals("三", s.pageCandidates().get(0).text());
    }

    @Test
    void capitalAndUmlautLettersBecomePinyinLetters() {
        KeyboardState s = KeyboardState.start(KeyboardMode.PINYIN, "", 10);
        assertEquals("lv", type(s, "Lü").pinyin());
        KeyboardState bad = s.next(new Key.Letter('1'), SOURCE);
        assertEquals(Notice.NOTHING_THERE, bad.notice());
        assertEquals("", bad.pinyin());
    }

    @Test
    void backspaceTakesPinyinFirstThenText() {
        KeyboardState s = type(KeyboardState.start(KeyboardMode.PINYIN, "李", 10), "zhang");
        s = s.next(Key.Simple.BACKSPACE, SOURCE);
        assertEquals("zhan", s.pinyin());
        assertEquals(List.of(), s.candidates());
        for (int i = 0; i < 4; i++) {
            s = s.next(Key.Simple.BACKSPACE, SOURCE);
        }
        assertEquals("", s.pinyin());
        assertEquals("李", s.text());
        s = s.next(Key.Simple.BACKSPACE, SOURCE).next(Key.Simple.BACKSPACE, SOURCE);
        assertEquals("", s.text());
        // A character outside the BMP (𠀀, a rare name character) is removed whole.
        assertEquals("张", KeyboardState.start(KeyboardMode.PINYIN, "张\uD840\uDC00", 5).next(Key.Simple.BACKSPACE, SOURCE).text());
    }

    @Test
    void pagesThroughCandidates() {
        KeyboardState s = type(KeyboardState.start(KeyboardMode.PINYIN, "", 10), "a");
        assertEquals(8, s.pageCandidates().size());
        assertFalse(s.hasPrevPage());
        assertEquals(Notice.NOTHING_THERE, s.next(Key.Simple.PREV_PAGE, SOURCE).notice());
        s = s.next(Key.Simple.NEXT_PAGE, SOURCE).next(Key.Simple.NEXT_PAGE, SOURCE);
        assertEquals(2, s.page());
        assertEquals(4, s.pageCandidates().size());
        assertFalse(s.hasNextPage());
        assertEquals(Notice.NOTHING_THERE, s.next(Key.Simple.NEXT_PAGE, SOURCE).notice());
        s = s.next(new Key.Choose(3), SOURCE);
        assertEquals(String.valueOf((char) ('一' + 19)), s.text());
        assertEquals(Notice.NOTHING_THERE, type(KeyboardState.start(KeyboardMode.PINYIN, "", 10), "a")
                .next(new Key.Choose(8), SOURCE).notice());
    }

    @Test
    void maxLengthHoldsForEveryWayOfTyping() {
        KeyboardState s = type(KeyboardState.start(KeyboardMode.PINYIN, "李四", 3), "zhangsan");
        KeyboardState word = s.next(new Key.Choose(0), SOURCE);
        assertEquals(Notice.FULL, word.notice());
        assertEquals("李四", word.text());
        assertEquals("zhangsan", word.pinyin());
        assertEquals("李四张", s.next(new Key.Choose(1), SOURCE).text());

        KeyboardState digits = KeyboardState.start(KeyboardMode.DIGITS, "", 11);
        for (char c : "13800138000".toCharArray()) {
            digits = digits.next(new Key.Type(c), SOURCE);
        }
        assertEquals("13800138000", digits.text());
        assertEquals(Notice.FULL, digits.next(new Key.Type('9'), SOURCE).notice());
        assertEquals("ab", KeyboardState.start(KeyboardMode.LETTERS, "abcdef", 2).text());
    }

    @Test
    void lettersModeTypesLettersAndSwitchingDropsPendingPinyin() {
        KeyboardState s = type(KeyboardState.start(KeyboardMode.PINYIN, "", 20), "zh");
        s = s.next(new Key.SwitchMode(KeyboardMode.LETTERS), SOURCE);
        assertEquals("", s.pinyin());
        s = type(s, "AB").next(Key.Simple.SPACE, SOURCE);
        assertEquals("AB ", s.text());
        assertEquals(KeyboardMode.LETTERS, s.mode());
        assertEquals("", s.next(Key.Simple.CLEAR, SOURCE).text());
    }

    @Test
    void doneCommitsPendingLettersAndSaysDone() {
        KeyboardState s = type(KeyboardState.start(KeyboardMode.PINYIN, "张", 10), "xx");
        KeyboardState d = s.next(Key.Simple.DONE, SOURCE);
        assertTrue(d.done());
        assertEquals("张xx", d.text());
        assertEquals("", d.pinyin());
        assertFalse(d.next(new Key.Letter('a'), SOURCE).done());
        KeyboardState full = type(KeyboardState.start(KeyboardMode.PINYIN, "张", 2), "xx").next(Key.Simple.DONE, SOURCE);
        assertFalse(full.done());
        assertEquals(Notice.FULL, full.notice());
    }

    @Test
    void pinyinBufferIsBounded() {
        KeyboardState s = KeyboardState.start(KeyboardMode.PINYIN, "", 10);
        List<Notice> notices = new ArrayList<>();
        for (int i = 0; i < KeyboardState.MAX_PINYIN + 2; i++) {
            s = s.next(new Key.Letter('a'), SOURCE);
            notices.add(s.notice());
        }
        assertEquals(KeyboardState.MAX_PINYIN, s.pinyin().length());
        assertEquals(Notice.PINYIN_FULL, notices.get(notices.size() - 1));
    }

    @Test
    void aSourceNotReadyYetGivesNoCandidatesThenRefreshFindsThem() {
        var future = new java.util.concurrent.CompletableFuture<CandidateSource>();
        CandidateSource lazy = CandidateSource.whenReady(future);
        KeyboardState s = KeyboardState.start(KeyboardMode.PINYIN, "", 10);
        for (char c : "zhang".toCharArray()) {
            s = s.next(new Key.Letter(c), lazy);
        }
        assertEquals(List.of(), s.candidates());
        future.complete(SOURCE);
        assertEquals("张", s.refreshed(lazy).pageCandidates().get(0).text());
        var failed = new java.util.concurrent.CompletableFuture<CandidateSource>();
        failed.completeExceptionally(new IllegalStateException("no data"));
        assertEquals(List.of(), CandidateSource.whenReady(failed).lookup("zhang", 8));
    }

    @Test
    void rejectsImpossibleStates() {
        assertThrows(IllegalArgumentException.class, () -> KeyboardState.start(KeyboardMode.PINYIN, "", 0));
        assertThrows(IllegalArgumentException.class, () -> new Candidate("", 1));
    }
}
