package org.zizhu.kiosk.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.zizhu.kiosk.flow.CaseProgressEvent;
import org.zizhu.kiosk.flow.CaseProgressFlow;
import org.zizhu.kiosk.flow.CaseProgressPorts.Case;
import org.zizhu.kiosk.flow.CaseProgressPorts.Owed;
import org.zizhu.kiosk.flow.CaseProgressPorts.Stage;
import org.zizhu.kiosk.flow.CaseProgressPorts.Step;
import org.zizhu.kiosk.flow.CaseProgressState;
import org.zizhu.kiosk.flow.CaseProgressState.AwaitingIdentity;
import org.zizhu.kiosk.flow.CaseProgressState.CaseDetail;
import org.zizhu.kiosk.flow.CaseProgressState.CaseList;
import org.zizhu.kiosk.flow.CaseProgressState.Choosing;
import org.zizhu.kiosk.flow.CaseProgressState.Ended;
import org.zizhu.kiosk.flow.CaseProgressState.EnteringNumber;
import org.zizhu.kiosk.flow.CaseProgressState.Failed;
import org.zizhu.kiosk.flow.CaseProgressState.Loading;
import org.zizhu.kiosk.flow.CaseProgressState.ScanningReceipt;
import org.zizhu.kiosk.flow.keyboard.Key;
import org.zizhu.kiosk.flow.keyboard.KeyboardMode;
import org.zizhu.kiosk.flow.keyboard.KeyboardState;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;

/**
 * Node trees for case progress (办件查询): the choices, the case-number pad (the on-screen
 * keyboard's letters and digits pads), the person's list and a case with its steps as a
 * vertical timeline. Thin: every decision is in {@link CaseProgressFlow}; touches become its
 * events.
 *
 * <p>Node ids for tests and the screenshot tour: {@code screen-cases}, {@code case-message},
 * {@code case-by-card}, {@code case-by-qr}, {@code case-by-number}, {@code case-number-field}
 * (holding the keyboard, {@code kb-*}), {@code case-search}, {@code case-list-title},
 * {@code case-row-N}, {@code case-list-empty}, {@code case-detail-number}, {@code case-stage},
 * {@code case-promised}, {@code case-owed-N}, {@code case-step-N} (steps taken, oldest first),
 * {@code case-upcoming-N}, {@code case-retry}, {@code case-back}, {@code case-home}.
 */
final class CaseProgressScreens {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int NUMBER_LENGTH = 40;

    private final Messages msg;
    private final Screens screens;
    /** The pad shown for one EnteringNumber state: a re-render of the same state keeps what was typed. */
    private EnteringNumber padFor;
    private Language padLanguage;
    private ChineseKeyboard pad;

    public CaseProgressScreens(Messages messages, Screens screens) {
        this.msg = messages;
        this.screens = screens;
    }

    private String t(Language l, String key) {
        return msg.get(l, key);
    }

    private String f(Language l, String key, Object... args) {
        return msg.format(l, key, args);
    }

    /**
     * The page for the flow's current state. {@code home} leaves for the home screen (the query
     * is cancelled first, so what it showed is wiped even if the visit goes on).
     */
    public Node render(Language l, CaseProgressFlow flow, Runnable home) {
        CaseProgressState state = flow.state();
        Label title = new Label(t(l, "cases.title"));
        title.getStyleClass().add("heading");
        List<Node> nodes = new ArrayList<>();
        nodes.add(title);
        List<Node> buttons = new ArrayList<>(); // one row at the bottom: the state's actions, then finish
        Runnable leave = () -> {
            flow.fire(new CaseProgressEvent.Cancel());
            home.run();
        };
        switch (state) {
            case Choosing s -> choosing(l, flow, s, nodes);
            case AwaitingIdentity s -> {
                nodes.add(ServiceScreens.big(t(l, s.messageKey()), "case-message"));
                nodes.add(hint(t(l, "service.insertCardHint")));
                buttons.add(back(l, flow));
            }
            case ScanningReceipt s -> {
                nodes.add(ServiceScreens.big(t(l, s.messageKey()), "case-message"));
                buttons.add(back(l, flow));
            }
            case EnteringNumber s -> enteringNumber(l, flow, s, nodes, buttons);
            case Loading s -> {
                nodes.add(ServiceScreens.big(t(l, s.messageKey()), "case-message"));
                ProgressIndicator busy = new ProgressIndicator();
                busy.setId("case-loading");
                nodes.add(busy);
                if (flow.checkingFace()) { // face check: the live picture, the oval and the prompt
                    nodes.add(new FaceCheckView(msg, l, flow::faceGuide));
                }
            }
            case CaseList s -> list(l, flow, s, nodes, buttons);
            case CaseDetail s -> detail(l, flow, s, nodes, buttons);
            case Failed s -> {
                nodes.add(ServiceScreens.big(t(l, "cases.failed"), "case-message"));
                Label why = hint(s.message() != null ? s.message().in(l) : t(l, "cases.failedHint"));
                why.setId("case-failure");
                nodes.add(why);
                if (s.canRetry()) {
                    Button retry = screens.touchButton(t(l, "cases.retry"), "case-retry",
                            () -> flow.fire(new CaseProgressEvent.Retry()));
                    retry.getStyleClass().add("primary");
                    buttons.add(retry);
                }
                buttons.add(back(l, flow));
            }
            case Ended s -> nodes.add(ServiceScreens.big(t(l, "cases.ended"), "case-message"));
        }
        if (!(state instanceof Loading)) {
            buttons.add(screens.touchButton(t(l, "cases.finish"), "case-home", leave));
        }
        nodes.add(actions(buttons.toArray(Node[]::new)));
        if (state instanceof EnteringNumber) {
            nodes.remove(title); // the pad needs the height; its prompt says what to type
        }
        // Fitted to the screen's height; a page taller than the screen (the number pad on a
        // 1280x800 screen) scrolls as a whole, so no key is ever out of reach.
        ScrollPane outer = new ScrollPane(ServiceScreens.page("screen-cases", nodes.toArray(Node[]::new)));
        outer.setId("case-page-scroll");
        outer.setFitToWidth(true);
        outer.setFitToHeight(true);
        outer.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        outer.getStyleClass().add("app-page-scroll");
        return outer;
    }

    private void choosing(Language l, CaseProgressFlow flow, Choosing s, List<Node> nodes) {
        if (s.messageKey() != null) {
            nodes.add(ServiceScreens.big(t(l, s.messageKey()), "case-message"));
        }
        nodes.add(ServiceScreens.big(t(l, "cases.choose"), "case-choose"));
        VBox choices = new VBox(20,
                choice(l, "cases.byCard", "case-by-card", () -> flow.fire(new CaseProgressEvent.ChooseCard())),
                choice(l, "cases.byQr", "case-by-qr", () -> flow.fire(new CaseProgressEvent.ChooseQr())),
                choice(l, "cases.byNumber", "case-by-number", () -> flow.fire(new CaseProgressEvent.ChooseNumber())));
        choices.setAlignment(Pos.CENTER);
        choices.setMaxWidth(900);
        nodes.add(choices);
        nodes.add(hint(t(l, "cases.choiceHint")));
    }

    private Button choice(Language l, String key, String id, Runnable action) {
        Button b = screens.touchButton(t(l, key), id, action);
        b.getStyleClass().add("case-choice");
        b.setMaxWidth(Double.MAX_VALUE);
        return b;
    }

    private void enteringNumber(Language l, CaseProgressFlow flow, EnteringNumber s, List<Node> nodes, List<Node> buttons) {
        nodes.add(ServiceScreens.big(t(l, "cases.enterNumber"), "case-prompt"));
        nodes.add(hint(t(l, "cases.numberExample")));
        if (s.messageKey() != null) {
            Label error = new Label(t(l, s.messageKey()));
            error.setId("case-message");
            error.setWrapText(true);
            error.getStyleClass().addAll("service-message", "case-error");
            nodes.add(error);
        }
        if (pad == null || padFor != s || padLanguage != l) {
            // Capitals and digits are all a case number has: the pad opens on letters, the digit pad a touch away.
            pad = new ChineseKeyboard(msg, l, (letters, limit) -> List.of(),
                    KeyboardState.start(KeyboardMode.LETTERS, s.typed() == null ? "" : s.typed(), NUMBER_LENGTH),
                    screens.minTouchPx());
            Node pinyin = pad.lookup("#kb-mode-pinyin");
            if (pinyin != null) {
                pinyin.setVisible(false); // no Chinese in a case number
                pinyin.setManaged(false);
            }
            pad.setOnDone(text -> flow.fire(new CaseProgressEvent.NumberEntered(text)));
            padFor = s;
            padLanguage = l;
        }
        ChineseKeyboard shown = pad;
        VBox field = new VBox(pad);
        field.setId("case-number-field");
        field.setMaxWidth(1100);
        nodes.add(field);
        Button search = screens.touchButton(t(l, "cases.search"), "case-search",
                () -> shown.press(Key.Simple.DONE)); // as the pad's own done key
        search.getStyleClass().add("primary");
        buttons.add(search);
        buttons.add(back(l, flow));
    }

    private void list(Language l, CaseProgressFlow flow, CaseList s, List<Node> nodes, List<Node> buttons) {
        String who = s.cases().holder() == null ? "" : s.cases().holder().maskedName();
        Label heading = new Label(f(l, "cases.listTitle", who));
        heading.setId("case-list-title");
        heading.getStyleClass().add("section");
        nodes.add(heading);
        List<Case> cases = s.cases().cases();
        if (cases.isEmpty()) {
            nodes.add(ServiceScreens.big(t(l, "cases.none"), "case-list-empty"));
        } else {
            nodes.add(hint(f(l, "cases.count", cases.size())));
            VBox rows = new VBox(12);
            for (int i = 0; i < cases.size(); i++) {
                rows.getChildren().add(row(l, flow, i, cases.get(i), flow.zone()));
            }
            ScrollPane scroll = new ScrollPane(rows);
            scroll.setFitToWidth(true);
            scroll.setMaxWidth(1100);
            scroll.getStyleClass().add("case-scroll");
            VBox.setVgrow(scroll, Priority.ALWAYS);
            nodes.add(scroll);
        }
        buttons.add(back(l, flow));
    }

    private Button row(Language l, CaseProgressFlow flow, int index, Case c, ZoneId zone) {
        Label name = new Label(itemName(l, c));
        name.getStyleClass().add("tile-name");
        name.setWrapText(true);
        Label number = new Label(f(l, "cases.caseNumber", c.caseNumber()));
        Label submitted = new Label(f(l, "cases.submitted", when(c.submittedAt(), zone)));
        submitted.getStyleClass().add("material-attrs");
        VBox text = new VBox(4, name, number, submitted);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox box = new HBox(16, text, stage(l, c.stage()));
        box.setAlignment(Pos.CENTER_LEFT);
        Button b = screens.touchButton("", "case-row-" + index, () -> flow.fire(new CaseProgressEvent.OpenCase(index)));
        b.setGraphic(box);
        b.setMaxWidth(Double.MAX_VALUE);
        b.getStyleClass().addAll("tile", "case-row");
        return b;
    }

    private void detail(Language l, CaseProgressFlow flow, CaseDetail s, List<Node> nodes, List<Node> buttons) {
        Case c = s.shown();
        ZoneId zone = flow.zone();
        Label name = new Label(itemName(l, c));
        name.getStyleClass().add("section");
        name.setWrapText(true);
        Label number = new Label(f(l, "cases.caseNumber", c.caseNumber()));
        number.setId("case-detail-number");
        HBox head = new HBox(16, number, stage(l, c.stage()));
        head.setAlignment(Pos.CENTER_LEFT);
        VBox facts = new VBox(10, name, head);
        if (c.promisedBy() != null) {
            boolean late = !c.stage().finished() && c.promisedBy().isBefore(s.asOf());
            Label promised = new Label(f(l, late ? "cases.promisedOverdue" : "cases.promisedBy", c.promisedBy()));
            promised.setId("case-promised");
            if (late) {
                promised.getStyleClass().add("case-error");
            }
            facts.getChildren().add(promised);
        }
        if (!c.owed().isEmpty()) {
            Label owedTitle = new Label(t(l, "cases.owedTitle"));
            owedTitle.getStyleClass().add("guide-key");
            facts.getChildren().add(owedTitle);
            for (int i = 0; i < c.owed().size(); i++) {
                Owed o = c.owed().get(i);
                boolean late = o.dueDate().isBefore(s.asOf());
                Label owed = new Label("• " + f(l, late ? "cases.owedOverdue" : "cases.owed", o.material(), o.dueDate()));
                owed.setId("case-owed-" + i);
                owed.setWrapText(true);
                if (late) {
                    owed.getStyleClass().add("case-error");
                }
                facts.getChildren().add(owed);
            }
        }
        Label stepsTitle = new Label(t(l, "cases.steps"));
        stepsTitle.getStyleClass().add("guide-key");
        facts.getChildren().add(stepsTitle);
        VBox timeline = new VBox(0);
        timeline.setId("case-steps");
        List<Step> steps = c.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step st = steps.get(i);
            boolean current = i == steps.size() - 1;
            String stageName = t(l, "cases.stage." + st.stage().name());
            // The centre's note, when it says more than the stage's name.
            String note = st.note() == null || st.note().in(l).equals(stageName) ? "" : st.note().in(l);
            timeline.getChildren().add(step("case-step-" + i, current ? "●" : "✓", stageName,
                    when(st.at(), zone) + (note.isEmpty() ? "" : "  " + note),
                    current ? "case-step-current" : "case-step-done", true));
        }
        List<Stage> upcoming = c.stage().upcoming();
        for (int i = 0; i < upcoming.size(); i++) {
            timeline.getChildren().add(step("case-upcoming-" + i, "○", t(l, "cases.stage." + upcoming.get(i).name()),
                    t(l, "cases.upcoming"), "case-step-upcoming", i < upcoming.size() - 1));
        }
        facts.getChildren().add(timeline);
        facts.setMaxWidth(1100);
        ScrollPane scroll = new ScrollPane(facts);
        scroll.setFitToWidth(true);
        scroll.setMaxWidth(1100);
        scroll.getStyleClass().add("case-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        nodes.add(scroll);
        buttons.add(back(l, flow));
    }

    /** One row of the vertical timeline: a mark, the stage and when; a line down to the next row. */
    private static Node step(String id, String mark, String stage, String when, String style, boolean lineBelow) {
        Label dot = new Label(mark);
        dot.getStyleClass().add("case-step-mark");
        VBox rail = new VBox(dot);
        rail.setAlignment(Pos.TOP_CENTER);
        rail.setMinWidth(48);
        if (lineBelow) {
            Region line = new Region();
            line.getStyleClass().add("case-step-line");
            line.setMinHeight(24);
            VBox.setVgrow(line, Priority.ALWAYS);
            rail.getChildren().add(line);
        }
        Label name = new Label(stage);
        name.getStyleClass().add("case-step-stage");
        Label at = new Label(when);
        at.getStyleClass().add("case-step-when");
        at.setWrapText(true);
        VBox text = new VBox(2, name, at);
        text.setPadding(new Insets(0, 0, 12, 0));
        HBox row = new HBox(12, rail, text);
        row.setId(id);
        row.getStyleClass().addAll("case-step", style);
        return row;
    }

    private Label stage(Language l, Stage s) {
        Label badge = new Label(t(l, "cases.stage." + s.name()));
        badge.setId("case-stage");
        badge.getStyleClass().addAll("badge", s == Stage.REJECTED ? "case-stage-refused"
                : s.finished() ? "case-stage-done" : "case-stage-open");
        badge.setMinWidth(Label.USE_PREF_SIZE);
        return badge;
    }

    private static String itemName(Language l, Case c) {
        return c.itemName() != null && !c.itemName().in(l).isBlank() ? c.itemName().in(l) : c.itemCode();
    }

    private static String when(Instant at, ZoneId zone) {
        return at == null ? "" : WHEN.format(at.atZone(zone));
    }

    private Button back(Language l, CaseProgressFlow flow) {
        return screens.touchButton(t(l, "cases.back"), "case-back", () -> flow.fire(new CaseProgressEvent.Back()));
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.setWrapText(true);
        hint.getStyleClass().add("case-hint");
        return hint;
    }

    private static HBox actions(Node... buttons) {
        HBox row = new HBox(24, buttons);
        row.setAlignment(Pos.CENTER);
        return row;
    }
}
