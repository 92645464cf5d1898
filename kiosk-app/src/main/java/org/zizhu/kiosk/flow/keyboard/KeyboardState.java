package org.zizhu.kiosk.flow.keyboard;

import java.util.List;
import java.util.Locale;

/**
 * The on-screen keyboard as a value: the pad shown, the text being edited (at most
 * {@code maxLength} characters, counted as code points so a rare character outside the BMP counts
 * once), the pinyin letters not yet turned into characters, their candidates and the page of them
 * shown, and what the last key could not do ({@link Notice}) so the screen can say why nothing
 * happened. {@link #next} is the one transition; the screen renders and forwards touches only.
 */
public record KeyboardState(KeyboardMode mode, String text, int maxLength, String pinyin, List<Candidate> candidates,
        int page, int pageSize, Notice notice, boolean done) {
    /** Candidates fetched per lookup: ten pages of eight, more than anyone pages through. */
    public static final int MAX_CANDIDATES = 80;
    /** Pinyin letters held at once: a four-character phrase of the longest syllables fits. */
    public static final int MAX_PINYIN = 24;
    public static final int DEFAULT_PAGE_SIZE = 8;

    /** Why the last key changed nothing (the screen words it from the bundles). */
    public enum Notice {
        NONE,
        /** The field holds its maximum number of characters. */
        FULL,
        /** The pinyin buffer is at {@link #MAX_PINYIN} letters. */
        PINYIN_FULL,
        /** No candidate at that place, or no page that way. */
        NOTHING_THERE
    }

    public KeyboardState {
        if (mode == null || text == null || pinyin == null || candidates == null || notice == null) {
            throw new IllegalArgumentException("keyboard state parts must not be null");
        }
        if (maxLength <= 0 || pageSize <= 0 || page < 0) {
            throw new IllegalArgumentException("bad keyboard bounds: max " + maxLength + ", page " + page + "/" + pageSize);
        }
        candidates = List.copyOf(candidates);
    }

    /** A keyboard on {@code mode} editing {@code text} (cut to {@code maxLength}) for a field of that length. */
    public static KeyboardState start(KeyboardMode mode, String text, int maxLength) {
        String t = text == null ? "" : text;
        if (t.codePointCount(0, t.length()) > maxLength) {
            t = t.substring(0, t.offsetByCodePoints(0, maxLength));
        }
        return new KeyboardState(mode, t, maxLength, "", List.of(), 0, DEFAULT_PAGE_SIZE, Notice.NONE, false);
    }

    /** The candidates on the page shown. */
    public List<Candidate> pageCandidates() {
        int from = Math.min(page * pageSize, candidates.size());
        return candidates.subList(from, Math.min(from + pageSize, candidates.size()));
    }

    public boolean hasNextPage() {
        return (page + 1) * pageSize < candidates.size();
    }

    public boolean hasPrevPage() {
        return page > 0;
    }

    /** Characters in the text (code points). */
    public int length() {
        return text.codePointCount(0, text.length());
    }

    /** The same state with candidates looked up again, e.g. once the index has finished building. */
    public KeyboardState refreshed(CandidateSource source) {
        return withPinyin(pinyin, source, Notice.NONE);
    }

    /** The state after {@code key}. Candidates come from {@code source} whenever the pinyin changes. */
    public KeyboardState next(Key key, CandidateSource source) {
        return switch (key) {
            case Key.Letter l -> letter(l.letter(), source);
            case Key.Type t -> insert(String.valueOf(t.character()));
            case Key.Choose c -> choose(c.onPage(), source);
            case Key.SwitchMode s -> new KeyboardState(s.mode(), text, maxLength, "", List.of(), 0, pageSize, Notice.NONE, false);
            case Key.Simple s -> switch (s) {
                case BACKSPACE -> !pinyin.isEmpty()
                        ? withPinyin(pinyin.substring(0, pinyin.length() - 1), source, Notice.NONE)
                        : withText(text.isEmpty() ? text : text.substring(0, text.offsetByCodePoints(text.length(), -1)), Notice.NONE);
                case NEXT_PAGE -> hasNextPage() ? withPage(page + 1) : withNotice(Notice.NOTHING_THERE);
                case PREV_PAGE -> hasPrevPage() ? withPage(page - 1) : withNotice(Notice.NOTHING_THERE);
                // With letters pending, space takes the best candidate, as on every pinyin keyboard.
                case SPACE -> !pinyin.isEmpty() ? (candidates.isEmpty() ? withNotice(Notice.NOTHING_THERE) : choose(0, source)) : insert(" ");
                case CLEAR -> new KeyboardState(mode, "", maxLength, "", List.of(), 0, pageSize, Notice.NONE, false);
                case DONE -> done(source);
            };
        };
    }

    private KeyboardState letter(char c, CandidateSource source) {
        char lower = Character.toLowerCase(c == 'ü' || c == 'Ü' ? 'v' : c);
        if (lower < 'a' || lower > 'z') {
            return withNotice(Notice.NOTHING_THERE);
        }
        if (mode != KeyboardMode.PINYIN) {
            return insert(String.valueOf(c));
        }
        if (pinyin.length() >= MAX_PINYIN) {
            return withNotice(Notice.PINYIN_FULL);
        }
        return withPinyin(pinyin + lower, source, Notice.NONE);
    }

    private KeyboardState choose(int onPage, CandidateSource source) {
        List<Candidate> shown = pageCandidates();
        if (onPage < 0 || onPage >= shown.size()) {
            return withNotice(Notice.NOTHING_THERE);
        }
        Candidate c = shown.get(onPage);
        if (length() + c.text().codePointCount(0, c.text().length()) > maxLength) {
            return withNotice(Notice.FULL);
        }
        String rest = pinyin.substring(Math.min(c.consumed(), pinyin.length()));
        KeyboardState typed = new KeyboardState(mode, text + c.text(), maxLength, pinyin, candidates, page, pageSize, Notice.NONE, false);
        return typed.withPinyin(rest, source, Notice.NONE);
    }

    /** Done commits letters still pending as they are (as the enter key of a pinyin keyboard does). */
    private KeyboardState done(CandidateSource source) {
        KeyboardState s = this;
        if (!pinyin.isEmpty()) {
            s = insert(pinyin);
            if (s.notice != Notice.NONE) {
                return s;
            }
            s = s.withPinyin("", source, Notice.NONE);
        }
        return new KeyboardState(s.mode, s.text, maxLength, s.pinyin, s.candidates, s.page, pageSize, Notice.NONE, true);
    }

    private KeyboardState insert(String s) {
        if (length() + s.codePointCount(0, s.length()) > maxLength) {
            return withNotice(Notice.FULL);
        }
        return withText(text + s, Notice.NONE);
    }

    private KeyboardState withText(String t, Notice n) {
        return new KeyboardState(mode, t, maxLength, pinyin, candidates, page, pageSize, n, false);
    }

    private KeyboardState withPinyin(String p, CandidateSource source, Notice n) {
        List<Candidate> c = p.isEmpty() ? List.of() : source.lookup(p.toLowerCase(Locale.ROOT), MAX_CANDIDATES);
        return new KeyboardState(mode, text, maxLength, p, c, 0, pageSize, n, false);
    }

    private KeyboardState withPage(int p) {
        return new KeyboardState(mode, text, maxLength, pinyin, candidates, p, pageSize, Notice.NONE, false);
    }

    private KeyboardState withNotice(Notice n) {
        return new KeyboardState(mode, text, maxLength, pinyin, candidates, page, pageSize, n, false);
    }
}
