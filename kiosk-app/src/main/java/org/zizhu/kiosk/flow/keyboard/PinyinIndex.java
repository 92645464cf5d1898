package org.zizhu.kiosk.flow.keyboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin letters to ranked Chinese candidates, built once from library data rather than tables in
 * code: the readings of every CJK Unified Ideograph come from pinyin4j (so rare name characters,
 * 生僻字, are reachable), polyphone words from pinyin4j's {@code multi_pinyin.txt}, and words and
 * their corpus frequencies from jieba's {@code dict.txt}.
 *
 * <p>Ranking: a character's frequency is the jieba count of the character as a word plus the counts
 * of the words it occurs in (its occurrences in the corpus). A polyphone splits that frequency
 * between its readings in proportion to the frequency of the polyphone words that read it each way
 * (长 in 市长 vs 长城), with one pseudo-count per reading so an unseen reading stays reachable.
 * Characters jieba never saw rank last, GB2312 ones before the rest.
 *
 * <p>The index is a sorted array of (letters, text, score) packed into primitive arrays (a few MB
 * rather than tens for 400k small objects); a lookup is a binary search plus, for completions, one
 * bounded scan of the prefix range. Immutable and safe to share between threads once built.
 */
public final class PinyinIndex implements CandidateSource {
    /** Longest word (in characters) taken from the dictionary: longer entries are idioms and names
     *  nobody types on a kiosk, and they would only grow the index. */
    static final int MAX_WORD_CHARS = 4;
    /** A word whose characters have more reading combinations than this keeps only its likeliest. */
    private static final int MAX_COMBINATIONS = 4;
    /** Completions (keys longer than the letters typed) offered after the exact matches. */
    private static final int COMPLETIONS = 48;
    /** Completions when whole syllables already match something. */
    private static final int COMPLETIONS_AFTER_EXACT = 16;
    /** Scores from here up were seen in the corpus; below are the characters it never had. */
    private static final float SEEN = 1f;
    /** Prefixes up to this many letters have their completions ranked at build time. */
    private static final int SHORT_PREFIX = 2;

    private final byte[] keyBytes;
    private final int[] keyStart;
    private final char[] textChars;
    private final int[] textStart;
    private final float[] score;
    private final Set<String> syllables;
    private final int[][] shortCompletions;

    private PinyinIndex(byte[] keyBytes, int[] keyStart, char[] textChars, int[] textStart, float[] score, Set<String> syllables) {
        this.keyBytes = keyBytes;
        this.keyStart = keyStart;
        this.textChars = textChars;
        this.textStart = textStart;
        this.score = score;
        this.syllables = syllables;
        this.shortCompletions = rankShortPrefixes();
    }

    /** Builds the index from the data files inside the pinyin4j and jieba jars (about a second). */
    public static PinyinIndex load() {
        try (Reader dict = resource("dict.txt"); Reader multi = resource("pinyindb/multi_pinyin.txt")) {
            return build(libraryReadings(), dict, multi);
        } catch (IOException e) {
            throw new UncheckedIOException("pinyin data unreadable", e);
        }
    }

    private static Reader resource(String name) throws IOException {
        InputStream in = PinyinHelper.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("resource missing from the class path: " + name);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Every character pinyin4j knows (〇 and U+4E00–U+9FFF) with its toneless readings, ü as v. */
    static Map<Character, String[]> libraryReadings() {
        HanyuPinyinOutputFormat f = new HanyuPinyinOutputFormat();
        f.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        f.setVCharType(HanyuPinyinVCharType.WITH_V);
        f.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        Map<Character, String[]> out = new HashMap<>(32_768);
        List<Character> chars = new ArrayList<>();
        chars.add('\u3007');
        for (char c = '\u4E00'; c <= '\u9FFF'; c++) {
            chars.add(c);
        }
        for (char c : chars) {
            try {
                String[] r = PinyinHelper.toHanyuPinyinStringArray(c, f);
                if (r == null) {
                    continue;
                }
                String[] clean = Arrays.stream(r).filter(PinyinIndex::isLetters).distinct().toArray(String[]::new);
                if (clean.length > 0) {
                    out.put(c, clean);
                }
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException("pinyin4j refused a toneless format", e);
            }
        }
        return out;
    }

    private static boolean isLetters(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    private record Word(String text, long freq) {}

    private record Entry(String key, String text, float score) {}

    /**
     * Builds from character readings, a jieba-format dictionary ({@code word freq [tag]} per line)
     * and a pinyin4j-format polyphone word list ({@code 词语 (pin1,yin1)} per line). Malformed lines
     * are skipped: the data is outside input.
     */
    static PinyinIndex build(Map<Character, String[]> readings, Reader dict, Reader multi) throws IOException {
        long[] charFreq = new long[Character.MAX_VALUE + 1];
        Map<String, Long> wordFreq = new HashMap<>(400_000);
        List<Word> words = new ArrayList<>(400_000);
        BufferedReader d = new BufferedReader(dict);
        for (String line; (line = d.readLine()) != null; ) {
            int sp = line.indexOf(' ');
            if (sp <= 0) {
                continue;
            }
            int sp2 = line.indexOf(' ', sp + 1);
            long freq;
            try {
                freq = Long.parseLong(line.substring(sp + 1, sp2 < 0 ? line.length() : sp2).trim());
            } catch (NumberFormatException e) {
                continue;
            }
            String w = line.substring(0, sp);
            if (freq <= 0 || w.length() > MAX_WORD_CHARS || !allKnown(w, readings)) {
                continue;
            }
            for (int i = 0; i < w.length(); i++) {
                charFreq[w.charAt(i)] += freq;
            }
            if (w.length() >= 2) {
                words.add(new Word(w, freq));
                wordFreq.merge(w, freq, Long::sum);
            }
        }

        // Polyphone words with their reading in context: evidence for how often each reading is meant.
        Map<String, String[]> wordReadings = new HashMap<>(32_768);
        Map<Character, Map<String, Double>> evidence = new HashMap<>();
        BufferedReader m = new BufferedReader(multi);
        for (String line; (line = m.readLine()) != null; ) {
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            if (open <= 0 || close < open) {
                continue;
            }
            String w = line.substring(0, open).trim();
            String[] py = line.substring(open + 1, close).split(",");
            if (w.length() != py.length || !allKnown(w, readings)) {
                continue;
            }
            for (int i = 0; i < py.length; i++) {
                py[i] = toneless(py[i]);
            }
            if (!Arrays.stream(py).allMatch(PinyinIndex::isLetters)) {
                continue;
            }
            wordReadings.put(w, py);
            double weight = 1 + wordFreq.getOrDefault(w, 0L);
            for (int i = 0; i < w.length(); i++) {
                if (readings.get(w.charAt(i)).length > 1) {
                    evidence.computeIfAbsent(w.charAt(i), k -> new HashMap<>()).merge(py[i], weight, Double::sum);
                }
            }
        }

        // Each polyphone's split between its readings, once (aligned with its readings array).
        Map<Character, double[]> shares = new HashMap<>();
        for (var e : readings.entrySet()) {
            String[] rs = e.getValue();
            if (rs.length > 1) {
                double[] sh = new double[rs.length];
                for (int k = 0; k < rs.length; k++) {
                    sh[k] = share(e.getKey(), rs[k], rs, charFreq[e.getKey()], evidence);
                }
                shares.put(e.getKey(), sh);
            }
        }
        List<Entry> entries = new ArrayList<>(600_000);
        CharsetEncoder gb2312 = java.nio.charset.Charset.forName("GB2312").newEncoder();
        Set<String> syllables = new HashSet<>();
        for (var e : readings.entrySet()) {
            char c = e.getKey();
            long f = charFreq[c];
            double[] sh = shares.get(c);
            String[] rs = e.getValue();
            for (int k = 0; k < rs.length; k++) {
                String r = rs[k];
                syllables.add(r);
                // Unseen characters rank below every seen one; GB2312 (common) before the rest.
                float s = f > 0 ? (float) (f * (sh == null ? 1.0 : sh[k])) + 1f
                        : (gb2312.canEncode(c) ? 0.5f : 0.25f);
                entries.add(new Entry(r, String.valueOf(c), s));
            }
        }
        for (Word w : words) {
            String[] fixed = wordReadings.get(w.text());
            if (fixed != null) {
                entries.add(new Entry(String.join("", fixed), w.text(), w.freq() + 1f));
                continue;
            }
            for (var combo : combinations(w.text(), readings, shares)) {
                entries.add(new Entry(combo.key, w.text(), (float) (w.freq() * combo.share) + 1f));
            }
        }
        entries.sort((a, b) -> {
            int k = a.key.compareTo(b.key);
            return k != 0 ? k : Float.compare(b.score, a.score);
        });
        return pack(dedupe(entries), syllables);
    }

    /** "lu:3" → "lv": pinyin4j's tone digit off, its ü spelling as the v typed on the keyboard. */
    private static String toneless(String py) {
        StringBuilder b = new StringBuilder(py.length());
        String t = py.trim();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == 'u' && i + 1 < t.length() && t.charAt(i + 1) == ':') {
                b.append('v');
                i++;
            } else if (c < '0' || c > '9') {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean allKnown(String w, Map<Character, String[]> readings) {
        for (int i = 0; i < w.length(); i++) {
            if (!readings.containsKey(w.charAt(i))) {
                return false;
            }
        }
        return !w.isEmpty();
    }

    /**
     * The part of a polyphone's occurrences meant with {@code reading}: what the polyphone words
     * attest for it, plus a part of the occurrences no such word explains, where pinyin4j's first
     * (customary) reading gets twice the part of each other one (的 alone is de, not di).
     */
    private static double share(char c, String reading, String[] all, long charFreq, Map<Character, Map<String, Double>> evidence) {
        if (all.length == 1) {
            return 1.0;
        }
        Map<String, Double> ev = evidence.getOrDefault(c, Map.of());
        double attested = 0;
        for (String r : all) {
            attested += ev.getOrDefault(r, 0.0);
        }
        double total = Math.max(charFreq, attested) + 1;
        double unexplained = total - attested;
        double weight = (reading.equals(all[0]) ? 2.0 : 1.0) / (all.length + 1);
        return (ev.getOrDefault(reading, 0.0) + unexplained * weight) / total;
    }

    private record Combo(String key, double share) {}

    /** The likeliest reading combinations of a word without a fixed reading, at most MAX_COMBINATIONS. */
    private static List<Combo> combinations(String w, Map<Character, String[]> readings, Map<Character, double[]> shares) {
        boolean single = true;
        for (int i = 0; i < w.length() && single; i++) {
            single = readings.get(w.charAt(i)).length == 1;
        }
        if (single) { // most words: one reading per character, no choices to weigh
            StringBuilder key = new StringBuilder(w.length() * 4);
            for (int i = 0; i < w.length(); i++) {
                key.append(readings.get(w.charAt(i))[0]);
            }
            return List.of(new Combo(key.toString(), 1.0));
        }
        List<Combo> acc = List.of(new Combo("", 1.0));
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            String[] rs = readings.get(c);
            double[] sh = shares.get(c);
            List<Combo> next = new ArrayList<>(acc.size() * rs.length);
            for (Combo a : acc) {
                for (int k = 0; k < rs.length; k++) {
                    next.add(new Combo(a.key + rs[k], a.share * (sh == null ? 1.0 : sh[k])));
                }
            }
            next.sort((x, y) -> Double.compare(y.share, x.share));
            acc = next.size() > MAX_COMBINATIONS ? next.subList(0, MAX_COMBINATIONS) : next;
        }
        return acc;
    }

    /** The same text under the same key once (jieba lists a few words twice), keeping the best score. */
    private static List<Entry> dedupe(List<Entry> sorted) {
        List<Entry> out = new ArrayList<>(sorted.size());
        Set<String> seen = new HashSet<>();
        String key = null;
        for (Entry e : sorted) {
            if (!e.key.equals(key)) {
                key = e.key;
                seen = new HashSet<>(); // a fresh small set: clearing one grown by a big group costs its capacity every time
            }
            if (seen.add(e.text)) {
                out.add(e);
            }
        }
        return out;
    }

    private static PinyinIndex pack(List<Entry> entries, Set<String> syllables) {
        int n = entries.size();
        int keyLen = 0;
        int textLen = 0;
        for (Entry e : entries) {
            keyLen += e.key.length();
            textLen += e.text.length();
        }
        byte[] kb = new byte[keyLen];
        int[] ks = new int[n + 1];
        char[] tc = new char[textLen];
        int[] ts = new int[n + 1];
        float[] sc = new float[n];
        int kp = 0;
        int tp = 0;
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            ks[i] = kp;
            byte[] k = e.key.getBytes(StandardCharsets.ISO_8859_1); // a–z only
            System.arraycopy(k, 0, kb, kp, k.length);
            kp += k.length;
            ts[i] = tp;
            e.text.getChars(0, e.text.length(), tc, tp);
            tp += e.text.length();
            sc[i] = e.score;
        }
        ks[n] = kp;
        ts[n] = tp;
        return new PinyinIndex(kb, ks, tc, ts, sc, Set.copyOf(syllables));
    }

    /** Number of (letters, text) entries: characters under each reading plus words. */
    public int size() {
        return score.length;
    }

    /** Whether {@code s} is a whole pinyin syllable some character reads as. */
    public boolean isSyllable(String s) {
        return syllables.contains(s);
    }

    /**
     * Candidates for the letters typed so far, best first, at most {@code limit}: the words and
     * characters spelled exactly by all the letters, then completions of them (the letters as a
     * prefix, so candidates show while a syllable is still being typed), then, when the letters
     * run over several syllables, what the leading syllables spell (so a phrase the dictionary
     * lacks is typed a piece at a time). Each candidate says how many letters it uses up.
     * Anything but a–z (after lower-casing) yields no candidates.
     */
    @Override
    public List<Candidate> lookup(String letters, int limit) {
        if (letters == null || letters.isEmpty() || limit <= 0) {
            return List.of();
        }
        String q = letters.toLowerCase(java.util.Locale.ROOT);
        if (!isLetters(q)) {
            return List.of();
        }
        LinkedHashSet<Candidate> out = new LinkedHashSet<>();
        Set<String> texts = new HashSet<>();
        int lo = lowerBound(q);
        int hi = prefixEnd(q, lo);
        // Exact matches the corpus has seen, then completions (fewer when there are exact ones, as
        // the resident is likely to go on typing), then the exact matches nobody writes but a name.
        int exactEnd = lo;
        while (exactEnd < hi && keyLength(exactEnd) == q.length()) {
            exactEnd++;
        }
        int i = lo;
        for (; i < exactEnd && score[i] >= SEEN && out.size() < limit; i++) {
            add(out, texts, i, q.length());
        }
        int unseen = i;
        if (out.size() < limit && exactEnd < hi) {
            int want = unseen > lo ? COMPLETIONS_AFTER_EXACT : COMPLETIONS;
            int[] top = q.length() <= SHORT_PREFIX ? shortCompletions[shortSlot(q)] : topCompletions(exactEnd, hi, want);
            for (int j = 0; j < top.length && j < want && out.size() < limit; j++) {
                add(out, texts, top[j], q.length());
            }
        }
        for (int j = unseen; j < exactEnd && out.size() < limit; j++) {
            add(out, texts, j, q.length());
        }
        List<String> syl = segment(q);
        int covered = 0;
        int[] ends = new int[syl.size()];
        for (int s = 0; s < syl.size(); s++) {
            covered += syl.get(s).length();
            ends[s] = covered;
        }
        for (int s = syl.size() - 1; s >= 0 && out.size() < limit; s--) {
            if (ends[s] == q.length()) {
                continue; // already taken as exact matches above
            }
            String head = q.substring(0, ends[s]);
            int a = lowerBound(head);
            for (int j = a; j < score.length && keyEquals(j, head) && out.size() < limit; j++) {
                add(out, texts, j, head.length());
            }
        }
        return List.copyOf(out);
    }

    /** The {@code want} best-scored entries in [from, to), best first. */
    private int[] topCompletions(int from, int to, int want) {
        PriorityQueue<Integer> best = new PriorityQueue<>((a, b) -> Float.compare(score[a], score[b]));
        for (int j = from; j < to; j++) {
            if (best.size() < want) {
                best.add(j);
            } else if (score[j] > score[best.peek()]) {
                best.poll();
                best.add(j);
            }
        }
        return best.stream().sorted((a, b) -> Float.compare(score[b], score[a])).mapToInt(Integer::intValue).toArray();
    }

    /** Slot of a one- or two-letter prefix in {@link #shortCompletions}. */
    private static int shortSlot(String q) {
        return q.length() == 1 ? q.charAt(0) - 'a' : 26 + (q.charAt(0) - 'a') * 26 + (q.charAt(1) - 'a');
    }

    /**
     * The completions of every one- and two-letter prefix, ranked once at build time: their
     * ranges are the widest (every word starting with s), and they are typed at the start of
     * every entry, so scanning them per keystroke would be the slowest lookups by far.
     */
    private int[][] rankShortPrefixes() {
        int[][] out = new int[26 + 26 * 26][];
        for (char a = 'a'; a <= 'z'; a++) {
            for (int len = 1; len <= 2; len++) {
                for (char b = 'a'; b <= (len == 1 ? 'a' : 'z'); b++) {
                    String q = len == 1 ? String.valueOf(a) : "" + a + b;
                    int lo = lowerBound(q);
                    int hi = prefixEnd(q, lo);
                    int exactEnd = lo;
                    while (exactEnd < hi && keyLength(exactEnd) == q.length()) {
                        exactEnd++;
                    }
                    out[shortSlot(q)] = topCompletions(exactEnd, hi, COMPLETIONS);
                }
            }
        }
        return out;
    }

    private void add(Set<Candidate> out, Set<String> texts, int i, int consumed) {
        String t = new String(textChars, textStart[i], textStart[i + 1] - textStart[i]);
        if (texts.add(t)) {
            out.add(new Candidate(t, consumed));
        }
    }

    /** Whole syllables from the left, longest first; a trailing part that is no syllable is left out. */
    List<String> segment(String q) {
        List<String> out = new ArrayList<>();
        int p = 0;
        outer:
        while (p < q.length()) {
            for (int len = Math.min(6, q.length() - p); len >= 1; len--) {
                String s = q.substring(p, p + len);
                if (syllables.contains(s)) {
                    out.add(s);
                    p += len;
                    continue outer;
                }
            }
            break;
        }
        return out;
    }

    private int keyLength(int i) {
        return keyStart[i + 1] - keyStart[i];
    }

    private int compareKey(int i, String q) {
        int a = keyStart[i];
        int len = keyLength(i);
        int n = Math.min(len, q.length());
        for (int j = 0; j < n; j++) {
            int d = keyBytes[a + j] - q.charAt(j);
            if (d != 0) {
                return d;
            }
        }
        return len - q.length();
    }

    private boolean keyEquals(int i, String q) {
        return keyLength(i) == q.length() && compareKey(i, q) == 0;
    }

    private boolean hasPrefix(int i, String q) {
        if (keyLength(i) < q.length()) {
            return false;
        }
        int a = keyStart[i];
        for (int j = 0; j < q.length(); j++) {
            if (keyBytes[a + j] != q.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** First entry whose key is not below q. */
    private int lowerBound(String q) {
        int lo = 0;
        int hi = score.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compareKey(mid, q) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** End of the run of keys starting with q, from its first entry {@code lo}. */
    private int prefixEnd(String q, int lo) {
        int a = lo;
        int b = score.length;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (hasPrefix(mid, q)) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        return a;
    }
}
