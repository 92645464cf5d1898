package org.zizhu.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.zizhu.kiosk.flow.keyboard.Candidate;
import org.zizhu.kiosk.flow.keyboard.CandidateSource;
import org.zizhu.kiosk.flow.keyboard.Key;
import org.zizhu.kiosk.flow.keyboard.KeyboardMode;
import org.zizhu.kiosk.flow.keyboard.KeyboardState;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;

/**
 * The on-screen keyboard for a form field: a line showing the text and the pinyin being typed, a
 * candidate bar (pinyin mode), and a QWERTY pad or a digit pad, with the mode, space, delete,
 * clear and done keys. It renders a {@link KeyboardState} and forwards every touch to
 * {@link KeyboardState#next}; nothing else is decided here. Keys are at least the kiosk's touch
 * size (15 mm, and never under 60 px).
 *
 * <p>Node ids for tests and the screenshot tour: {@code kb-text}, {@code kb-pinyin},
 * {@code kb-notice}, {@code kb-cand-0..7}, {@code kb-prev}, {@code kb-next}, {@code kb-key-a..z},
 * {@code kb-digit-0..9}, {@code kb-digit-x}, {@code kb-digit-dash}, {@code kb-mode-pinyin|letters|digits},
 * {@code kb-space}, {@code kb-backspace}, {@code kb-clear}, {@code kb-done}.
 */
public final class ChineseKeyboard extends VBox {
    private static final String[] ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
    private static final char[] DIGIT_PAD = {'1', '2', '3', '4', '5', '6', '7', '8', '9', 'X', '0', '-'};

    private final Messages msg;
    private final Language lang;
    private final CandidateSource source;
    private final double keyPx;
    private KeyboardState state;
    private Consumer<KeyboardState> onChange = s -> { };
    private Consumer<String> onDone = t -> { };
    private boolean sourceReady = true;

    private final Label text = new Label();
    private final Label pinyin = new Label();
    private final Label notice = new Label();
    private final HBox candidateBar = new HBox(8);
    private final List<Button> candidateButtons = new ArrayList<>();
    private final Button prev;
    private final Button next;
    private final VBox letterPad = new VBox(8);
    private final List<Button> letterKeys = new ArrayList<>();
    private final GridPane digitPad = new GridPane();
    private final List<Button> modeButtons = new ArrayList<>();
    private FlowPane bottom;

    /**
     * @param source candidates (wrap a still-building index with {@link CandidateSource#whenReady}
     *               and call {@link #refreshWhenReady})
     * @param minTouchPx the screen's touch size ({@code Screens.minTouchPx()}); 60 px at least
     */
    public ChineseKeyboard(Messages msg, Language lang, CandidateSource source, KeyboardState initial, double minTouchPx) {
        this.msg = msg;
        this.lang = lang;
        this.source = source;
        this.state = initial;
        this.keyPx = Math.max(60, minTouchPx);
        getStyleClass().add("kb");
        setSpacing(10);
        setAlignment(Pos.TOP_CENTER);

        text.setId("kb-text");
        text.getStyleClass().add("kb-text");
        text.setMaxWidth(Double.MAX_VALUE);
        pinyin.setId("kb-pinyin");
        pinyin.getStyleClass().add("kb-pinyin");
        notice.setId("kb-notice");
        notice.getStyleClass().add("kb-notice");
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox line = new HBox(16, text, pinyin);
        line.setAlignment(Pos.CENTER_LEFT);

        prev = key("kb-prev", t("keyboard.prev"), Key.Simple.PREV_PAGE, "kb-function");
        next = key("kb-next", t("keyboard.next"), Key.Simple.NEXT_PAGE, "kb-function");
        candidateBar.setId("kb-candidates");
        candidateBar.getStyleClass().add("kb-candidate-bar");
        candidateBar.setAlignment(Pos.CENTER_LEFT);
        prev.setMinWidth(Region.USE_PREF_SIZE);
        next.setMinWidth(Region.USE_PREF_SIZE);
        candidateBar.getChildren().add(prev);
        // Candidates are never cut to "包…": each keeps its full width and a page of long words
        // wraps onto a second line instead.
        FlowPane candidates = new FlowPane(8, 6);
        candidates.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(candidates, Priority.ALWAYS);
        candidates.prefWrapLengthProperty().bind(candidateBar.widthProperty().subtract(keyPx * 2 + 48));
        for (int i = 0; i < KeyboardState.DEFAULT_PAGE_SIZE; i++) {
            Button b = key("kb-cand-" + i, "", new Key.Choose(i), "kb-candidate");
            b.setMinWidth(Region.USE_PREF_SIZE);
            candidateButtons.add(b);
            candidates.getChildren().add(b);
        }
        candidateBar.getChildren().addAll(candidates, next);

        for (String row : ROWS) {
            HBox r = new HBox(8);
            r.setAlignment(Pos.CENTER);
            for (char c : row.toCharArray()) {
                Button b = new Button();
                b.setId("kb-key-" + c);
                b.getStyleClass().add("kb-key");
                size(b, keyPx);
                // The letter is read when touched: pinyin wants lower case, the letters pad capitals.
                b.setOnAction(e -> press(new Key.Letter(state.mode() == KeyboardMode.LETTERS ? Character.toUpperCase(c) : c)));
                letterKeys.add(b);
                r.getChildren().add(b);
            }
            letterPad.getChildren().add(r);
        }
        digitPad.setHgap(8);
        digitPad.setVgap(8);
        digitPad.setAlignment(Pos.CENTER);
        for (int i = 0; i < DIGIT_PAD.length; i++) {
            char c = DIGIT_PAD[i];
            String id = c == 'X' ? "x" : c == '-' ? "dash" : String.valueOf(c);
            Button b = key("kb-digit-" + id, String.valueOf(c), new Key.Type(c), "kb-key");
            size(b, keyPx * 1.4);
            digitPad.add(b, i % 3, i / 3);
        }

        // Wraps onto a second row when the keys' words are longer than the screen is wide
        // (English in elder mode on an upright screen).
        bottom = new FlowPane(8, 8);
        bottom.setAlignment(Pos.CENTER);
        for (KeyboardMode m : KeyboardMode.values()) {
            String name = m.name().toLowerCase(java.util.Locale.ROOT);
            Button b = key("kb-mode-" + name, t("keyboard.mode." + name), new Key.SwitchMode(m), "kb-mode");
            b.setUserData(m);
            modeButtons.add(b);
            bottom.getChildren().add(b);
        }
        Button space = key("kb-space", t("keyboard.space"), Key.Simple.SPACE, "kb-function");
        space.setMinWidth(keyPx * 4);
        bottom.getChildren().addAll(space,
                key("kb-backspace", t("keyboard.backspace"), Key.Simple.BACKSPACE, "kb-function"),
                key("kb-clear", t("keyboard.clear"), Key.Simple.CLEAR, "kb-function"),
                key("kb-done", t("keyboard.done"), Key.Simple.DONE, "kb-done"));

        getChildren().addAll(line, notice, candidateBar, letterPad, digitPad, bottom);
        render();
    }

    /**
     * For a code of capitals and digits (a credit code, an appointment code): one pad with a row
     * of digits over the capitals, no mode keys and no space, so nothing is switched while typing
     * 91150203MA0N7LC8XD, and the pad is no taller than the letters pad. No done key: the
     * screen's confirm button presses it ({@link #press}). Start it in
     * {@link KeyboardMode#LETTERS}. Returns this.
     */
    public ChineseKeyboard codeLayout() {
        // The digit pad and the function row go (their keys' ids move to the digit row): the
        // screen's own confirm button is the done key, and a pad one row shorter fits under a
        // service page's heading on a 1280x800 screen.
        getChildren().removeAll(digitPad, bottom);
        HBox digits = new HBox(8);
        digits.setAlignment(Pos.CENTER);
        for (char c : "1234567890".toCharArray()) {
            digits.getChildren().add(key("kb-digit-" + c, String.valueOf(c), new Key.Type(c), "kb-key"));
        }
        // Delete ends the shortest row (z..m), where an English label in elder mode still fits an upright screen.
        Button backspace = key("kb-backspace", t("keyboard.backspace"), Key.Simple.BACKSPACE, "kb-function");
        backspace.setMinWidth(Region.USE_PREF_SIZE);
        ((HBox) letterPad.getChildren().get(letterPad.getChildren().size() - 1)).getChildren().add(backspace);
        letterPad.getChildren().add(0, digits);
        render();
        return this;
    }

    private String t(String key) {
        return msg.get(lang, key);
    }

    private Button key(String id, String label, Key k, String style) {
        Button b = new Button(label);
        b.setId(id);
        b.getStyleClass().add(style);
        size(b, keyPx);
        b.setOnAction(e -> press(k));
        return b;
    }

    private static void size(Button b, double px) {
        b.setMinHeight(px);
        b.setMinWidth(px);
        b.setFocusTraversable(false);
    }

    /** The state shown. */
    public KeyboardState state() {
        return state;
    }

    /** Called after every key with the new state (the form mirrors the text into its field). */
    public void setOnChange(Consumer<KeyboardState> onChange) {
        this.onChange = onChange == null ? s -> { } : onChange;
    }

    /** Called with the text when the resident touches done (and what was pending fitted). */
    public void setOnDone(Consumer<String> onDone) {
        this.onDone = onDone == null ? t -> { } : onDone;
    }

    /** Forwards one key to the state's transition and re-renders (FX thread). */
    public void press(Key k) {
        state = state.next(k, source);
        render();
        onChange.accept(state);
        if (state.done()) {
            onDone.accept(state.text());
        }
    }

    /**
     * Shows a "preparing" line until {@code index} is built, then looks the pending letters up
     * again on the FX thread, so a resident who typed during the build sees candidates at once.
     */
    public void refreshWhenReady(CompletableFuture<?> index) {
        sourceReady = index.isDone();
        render();
        index.whenComplete((v, err) -> Platform.runLater(() -> {
            sourceReady = true;
            state = state.refreshed(source);
            render();
        }));
    }

    private void render() {
        text.setText(state.text().isEmpty() ? " " : state.text());
        pinyin.setText(state.pinyin());
        boolean py = state.mode() == KeyboardMode.PINYIN;
        String n = switch (state.notice()) {
            case NONE -> py && !sourceReady ? t("keyboard.loading") : "";
            case FULL -> msg.format(lang, "keyboard.notice.full", state.maxLength());
            case PINYIN_FULL -> t("keyboard.notice.pinyin-full");
            case NOTHING_THERE -> t("keyboard.notice.nothing-there");
        };
        notice.setText(n);
        notice.setVisible(!n.isEmpty());
        notice.setManaged(!n.isEmpty());

        candidateBar.setVisible(py);
        candidateBar.setManaged(py);
        List<Candidate> page = state.pageCandidates();
        for (int i = 0; i < candidateButtons.size(); i++) {
            Button b = candidateButtons.get(i);
            boolean has = i < page.size();
            b.setText(has ? page.get(i).text() : "");
            b.setVisible(has);
        }
        prev.setDisable(!state.hasPrevPage());
        next.setDisable(!state.hasNextPage());

        boolean digits = state.mode() == KeyboardMode.DIGITS;
        letterPad.setVisible(!digits);
        letterPad.setManaged(!digits);
        digitPad.setVisible(digits);
        digitPad.setManaged(digits);
        for (Button b : letterKeys) {
            char c = b.getId().charAt(b.getId().length() - 1);
            b.setText(String.valueOf(state.mode() == KeyboardMode.LETTERS ? Character.toUpperCase(c) : c));
        }
        for (Button b : modeButtons) {
            b.getStyleClass().remove("selected");
            if (b.getUserData() == state.mode()) {
                b.getStyleClass().add("selected");
            }
        }
    }
}
