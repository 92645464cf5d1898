package org.zizhu.kiosk.flow.keyboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The index built from the real library data (pinyin4j readings, jieba frequencies). */
class PinyinIndexTest {
    private static PinyinIndex index;

    @BeforeAll
    static void build() {
        index = PinyinIndex.load();
    }

    private static List<String> texts(String letters, int n) {
        return index.lookup(letters, n).stream().map(Candidate::text).toList();
    }

    @Test
    void fullSyllableGivesItsCharactersMostFrequentFirst() {
        List<String> zhang = texts("zhang", 8);
        System.out.println("zhang -> " + zhang);
        assertTrue(zhang.containsAll(List.of("张", "章", "长")), zhang.toString());
        // 张 (the surname, very common) before 璋 (a rare name character).
        List<String> all = texts("zhang", 80);
        assertTrue(all.indexOf("张") < all.indexOf("璋"), all.toString());
        assertTrue(index.lookup("zhang", 8).stream().allMatch(c -> c.consumed() == 5));
    }

    @Test
    void rankingFollowsTheFrequencyList() {
        // 的 is the commonest character of Chinese text; 是 and 在 lead their syllables too.
        assertEquals("的", texts("de", 1).get(0));
        assertEquals("是", texts("shi", 1).get(0));
        assertEquals("在", texts("zai", 1).get(0));
    }

    @Test
    void prefixWhileTypingOffersCompletions() {
        List<String> zh = texts("zh", 20);
        assertTrue(zh.contains("这") || zh.contains("中"), zh.toString());
        List<String> zhan = texts("zhan", 80);
        assertTrue(zhan.contains("站") && zhan.contains("张"), zhan.toString());
        assertTrue(zhan.indexOf("站") < zhan.indexOf("张"), "exact syllable before completions: " + zhan);
    }

    @Test
    void multiSyllableWordsAndPiecewiseFallback() {
        List<Candidate> baotou = index.lookup("baotou", 20);
        assertEquals("包头", baotou.get(0).text(), baotou.toString());
        assertEquals(6, baotou.get(0).consumed());
        // A phrase not in the dictionary: the first syllable's characters use up only their letters.
        List<Candidate> zs = index.lookup("zhangxiaoqiang", 80);
        assertTrue(zs.contains(new Candidate("张", 5)), zs.toString());
        // Typing the second syllable half-way still finds the word.
        assertTrue(texts("baot", 20).contains("包头"), texts("baot", 20).toString());
    }

    @Test
    void umlautAsV() {
        assertTrue(texts("lv", 10).contains("吕"), texts("lv", 10).toString());
        assertTrue(texts("nv", 5).contains("女"));
        assertTrue(texts("lvshi", 5).contains("律师"), texts("lvshi", 5).toString());
    }

    @Test
    void rareNameCharactersAreReachable() {
        // 堃 (kun), 喆 (zhe), 犇 (ben), 淼 (miao), 旸 (yang): name characters outside everyday text.
        for (var e : Map.of("kun", "堃", "zhe", "喆", "ben", "犇", "miao", "淼", "yang", "旸").entrySet()) {
            assertTrue(texts(e.getKey(), KeyboardState.MAX_CANDIDATES * 4).contains(e.getValue()), e.toString());
        }
        // Every GB2312 level-1/2 hanzi has a reading in the index.
        java.nio.charset.CharsetDecoder gb = java.nio.charset.Charset.forName("GB2312").newDecoder();
        Map<Character, String[]> readings = PinyinIndex.libraryReadings(); // built once: it reads the whole library
        int missing = 0;
        for (int hi = 0xB0; hi <= 0xF7; hi++) {
            for (int lo = 0xA1; lo <= 0xFE; lo++) {
                try {
                    String c = gb.decode(java.nio.ByteBuffer.wrap(new byte[] {(byte) hi, (byte) lo})).toString();
                    if (!reachable(readings, c)) {
                        missing++;
                    }
                } catch (java.nio.charset.CharacterCodingException unassigned) {
                    // the five empty slots at the end of row 55
                }
            }
        }
        assertEquals(0, missing);
    }

    private static boolean reachable(Map<Character, String[]> readings, String c) {
        String[] r = readings.getOrDefault(c.charAt(0), new String[0]);
        return r.length > 0 && index.isSyllable(r[0]);
    }

    @Test
    void garbageYieldsNothing() {
        assertEquals(List.of(), index.lookup("", 8));
        assertEquals(List.of(), index.lookup("zh1", 8));
        assertEquals(List.of(), index.lookup("张", 8));
        assertEquals(List.of(), index.lookup(null, 8));
        assertEquals(List.of(), index.lookup("qqqqqq", 8));
        assertEquals(List.of(), index.lookup("zhang", 0));
    }

    @Test
    void malformedDataLinesAreSkipped() throws Exception {
        PinyinIndex small = PinyinIndex.build(Map.of('包', new String[] {"bao"}, '头', new String[] {"tou"}),
                new StringReader("包头 199 ns\nbroken\n包 x n\n头 50 n\n\n包 30\n"),
                new StringReader("nonsense\n包头 (bao1)\n"));
        assertEquals(List.of(new Candidate("包头", 6), new Candidate("包", 3)), small.lookup("baotou", 5));
        assertEquals(List.of(new Candidate("头", 3)), small.lookup("tou", 5));
    }
}
