package org.zizhu.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.zizhu.kiosk.flow.CommissioningEvent;
import org.zizhu.kiosk.flow.CommissioningFlow;
import org.zizhu.kiosk.flow.CommissioningPorts.Found;
import org.zizhu.kiosk.flow.CommissioningPorts.NetworkReport;
import org.zizhu.kiosk.flow.CommissioningState;
import org.zizhu.kiosk.flow.CommissioningState.*;
import org.zizhu.kiosk.flow.CommissioningSteps;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;

/**
 * The technician's commissioning wizard: renders the {@link CommissioningFlow}'s state and turns
 * touches into its events, nothing else. Problems arrive as tags (connection-refused, code-used
 * ...) and are shown as they are after a translated "reason": the technician's manual lists them.
 */
final class CommissioningScreens {
    private static final String KEYS = "1234567890ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final Messages msg;
    private final Screens screens;

    CommissioningScreens(Messages msg, Screens screens) {
        this.msg = msg;
        this.screens = screens;
    }

    /** {@code restart}: ends the kiosk so the service manager starts it on the new bindings. */
    Node render(Language l, CommissioningFlow flow, Runnable restart) {
        CommissioningState s = flow.state();
        Label title = new Label(msg.get(l, "commission.title"));
        title.getStyleClass().add("heading");
        List<Node> body = new ArrayList<>();
        body.add(title);
        body.add(stepLine(l, s));
        List<Button> actions = new ArrayList<>();
        switch (s) {
            case Closed c -> { }
            case Menu m -> body.add(menu(l, flow, m.progress()));
            case CheckingNetwork c -> body.add(ServiceScreens.big(msg.get(l, "commission.checking"), "commission-working"));
            case CommissioningState.NetworkChecked n -> {
                body.add(network(l, n.report()));
                actions.add(button(l, "commission.retry", "commission-retry", flow, new CommissioningEvent.Retry()));
                actions.add(button(l, "commission.continue", "commission-continue", flow, new CommissioningEvent.Continue()));
            }
            case EnteringCode e -> {
                body.addAll(codePad(l, flow, e));
                actions.add(button(l, "commission.code.scan", "commission-scan", flow, new CommissioningEvent.ScanQr()));
                actions.add(button(l, "commission.skip", "commission-continue", flow, new CommissioningEvent.Continue()));
            }
            case ScanningCode sc -> {
                body.add(ServiceScreens.big(msg.get(l, "commission.scan.prompt"), "commission-scan-prompt"));
                body.add(problem(l, sc.problem()));
                actions.add(button(l, "commission.retry", "commission-retry", flow, new CommissioningEvent.Retry()));
                actions.add(button(l, "commission.code.type", "commission-type", flow, new CommissioningEvent.TypeCode()));
            }
            case Enrolling en -> body.add(ServiceScreens.big(msg.get(l, "commission.enrolling"), "commission-working"));
            case EnrolFailed f -> {
                body.add(ServiceScreens.big(msg.get(l, "commission.enrolFailed"), "commission-result"));
                body.add(problem(l, f.problem()));
                actions.add(button(l, "commission.retry", "commission-retry", flow, new CommissioningEvent.Retry()));
                actions.add(button(l, "commission.code.scan", "commission-scan", flow, new CommissioningEvent.ScanQr()));
                actions.add(button(l, "commission.skip", "commission-continue", flow, new CommissioningEvent.Continue()));
            }
            case Enrolled en -> {
                body.add(ServiceScreens.big(msg.format(l, "commission.enrolled", en.progress().terminalId()), "commission-result"));
                actions.add(button(l, "commission.continue", "commission-continue", flow, new CommissioningEvent.Continue()));
            }
            case Detecting d -> body.add(ServiceScreens.big(msg.get(l, "commission.detecting"), "commission-working"));
            case Detected d -> {
                body.add(found(l, d.progress().found()));
                if (!d.progress().found().isEmpty()) {
                    actions.add(button(l, "commission.bind", "commission-bind", flow, new CommissioningEvent.Bind()));
                }
                actions.add(button(l, "commission.detectAgain", "commission-retry", flow, new CommissioningEvent.Retry()));
                actions.add(button(l, "commission.skip", "commission-continue", flow, new CommissioningEvent.Continue()));
            }
            case Binding b -> body.add(ServiceScreens.big(msg.get(l, "commission.binding"), "commission-working"));
            case Bound b -> {
                var r = b.progress().binding();
                body.add(ServiceScreens.big(msg.get(l, r.ok() ? "commission.bound" : "commission.notBound"), "commission-result"));
                if (r.ok()) {
                    Label lines = new Label(String.join("\n", r.written()) + "\n→ " + r.file());
                    lines.setId("commission-bindings");
                    lines.setWrapText(true);
                    body.add(lines);
                } else {
                    body.add(problem(l, r.problem()));
                    actions.add(button(l, "commission.retry", "commission-retry", flow, new CommissioningEvent.Retry()));
                }
                if (r.restartNeeded()) {
                    body.add(ServiceScreens.big(msg.get(l, "commission.restartNeeded"), "commission-restart-needed"));
                    actions.add(screens.touchButton(msg.get(l, "commission.restart"), "commission-restart", restart));
                }
                actions.add(button(l, "commission.continue", "commission-continue", flow, new CommissioningEvent.Continue()));
            }
            case Testing t -> body.add(ServiceScreens.big(msg.get(l, "commission.test." + t.role().name()), "commission-test-prompt"));
            case Tested t -> {
                body.add(ServiceScreens.big(msg.format(l, t.result().passed() ? "commission.test.passed" : "commission.test.failed",
                        msg.get(l, "commission.device." + t.role().name())), "commission-result"));
                Label detail = new Label(CommissioningDetails.text(msg, l, t.result().detail()));
                detail.setId("commission-detail");
                body.add(detail);
                actions.add(button(l, "commission.retry", "commission-retry", flow, new CommissioningEvent.Retry()));
                actions.add(button(l, "commission.continue", "commission-continue", flow, new CommissioningEvent.Continue()));
            }
            case Reporting r -> body.add(ServiceScreens.big(msg.get(l, "commission.reporting"), "commission-working"));
            case Reported r -> {
                body.add(ServiceScreens.big(msg.format(l, "commission.reported",
                        msg.get(l, r.outcome().printed() ? "commission.yes" : "commission.no"),
                        msg.get(l, r.outcome().sent() ? "commission.yes" : "commission.no")), "commission-result"));
                body.add(problem(l, r.outcome().problem()));
                actions.add(button(l, "commission.retry", "commission-retry", flow, new CommissioningEvent.Retry()));
                actions.add(button(l, "commission.finish", "commission-continue", flow, new CommissioningEvent.Continue()));
            }
        }
        boolean busy = s instanceof CheckingNetwork || s instanceof Enrolling || s instanceof Detecting || s instanceof Binding
                || s instanceof Testing || s instanceof Reporting;
        if (!busy && !(s instanceof Menu)) {
            actions.add(button(l, "commission.menu", "commission-menu", flow, new CommissioningEvent.ToMenu()));
        }
        if (s instanceof Menu) {
            actions.add(screens.touchButton(msg.get(l, "commission.close"), "commission-close", flow::close));
        }
        HBox row = new HBox(16);
        row.getChildren().addAll(actions);
        row.setAlignment(Pos.CENTER);
        body.add(row);
        return ServiceScreens.page("screen-commission", body.toArray(Node[]::new));
    }

    private Button button(Language l, String key, String id, CommissioningFlow flow, CommissioningEvent e) {
        return screens.touchButton(msg.get(l, key), id, () -> flow.fire(e));
    }

    /** Where the wizard is: the steps, the current one marked. */
    private Node stepLine(Language l, CommissioningState s) {
        Step current = switch (s) {
            case CheckingNetwork c -> Step.NETWORK;
            case CommissioningState.NetworkChecked n -> Step.NETWORK;
            case EnteringCode e -> Step.ENROLMENT;
            case ScanningCode e -> Step.ENROLMENT;
            case Enrolling e -> Step.ENROLMENT;
            case EnrolFailed e -> Step.ENROLMENT;
            case Enrolled e -> Step.ENROLMENT;
            case Detecting d -> Step.DETECTION;
            case Detected d -> Step.DETECTION;
            case Binding b -> Step.DETECTION;
            case Bound b -> Step.DETECTION;
            case Testing t -> Step.TESTS;
            case Tested t -> Step.TESTS;
            case Reporting r -> Step.REPORT;
            case Reported r -> Step.REPORT;
            case Menu m -> null;
            case Closed c -> null;
        };
        List<String> parts = new ArrayList<>();
        for (Step st : Step.values()) {
            String name = msg.get(l, "commission.step." + st.name());
            parts.add(st == current ? "【" + name + "】" : name);
        }
        Label line = new Label(String.join("  ›  ", parts));
        line.setId("commission-steps");
        line.setWrapText(true);
        return line;
    }

    private Node menu(Language l, CommissioningFlow flow, Progress p) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(12);
        grid.setId("commission-menu-steps");
        int row = 0;
        for (Step st : Step.values()) {
            Button b = screens.touchButton(msg.get(l, "commission.step." + st.name()), "commission-step-" + st.name(),
                    () -> flow.fire(new CommissioningEvent.Choose(st)));
            Label outcome = new Label(msg.get(l, "commission.outcome." + p.outcome(st).name()));
            outcome.setId("commission-outcome-" + st.name());
            outcome.getStyleClass().add(p.outcome(st) == Outcome.FAILED ? "device-bad" : "device-ok");
            grid.add(b, 0, row);
            grid.add(outcome, 1, row++);
        }
        return grid;
    }

    private Node network(Language l, NetworkReport r) {
        Label reach = new Label(msg.format(l, "commission.network.reachable",
                msg.get(l, r.reachable() ? "commission.yes" : "commission.no"), r.httpStatus()));
        reach.setId("commission-network-reachable");
        Label clock = new Label(r.dateKnown() ? msg.format(l, "commission.network.skew", r.skewMillis() / 1000)
                : msg.get(l, "commission.network.noClock"));
        clock.setId("commission-network-skew");
        clock.getStyleClass().add(r.clockOk() ? "device-ok" : "device-bad");
        VBox box = new VBox(12, ServiceScreens.big(msg.get(l, r.passed() ? "commission.network.ok" : "commission.network.bad"),
                "commission-result"), reach, clock, problem(l, r.problem()));
        return box;
    }

    private List<Node> codePad(Language l, CommissioningFlow flow, EnteringCode e) {
        Label prompt = new Label(msg.get(l, "commission.code.prompt"));
        Label code = new Label(e.code().isEmpty() ? " " : e.code());
        code.setId("commission-code");
        code.getStyleClass().add("pin-dots");
        // The keys flow in rows as wide as the screen allows: two rows on a landscape screen,
        // more on an upright one, so the page fits either way (elder mode's larger keys too).
        javafx.scene.layout.FlowPane pad = new javafx.scene.layout.FlowPane(8, 8);
        pad.setId("commission-pad");
        pad.setAlignment(Pos.CENTER);
        for (int i = 0; i < KEYS.length(); i++) {
            char c = KEYS.charAt(i);
            pad.getChildren().add(screens.touchButton(String.valueOf(c), "commission-key-" + c,
                    () -> flow.fire(new CommissioningEvent.CodeKey(c))));
        }
        pad.getChildren().add(screens.touchButton(msg.get(l, "maintenance.clear"), "commission-backspace",
                () -> flow.fire(new CommissioningEvent.CodeBackspace())));
        Button ok = screens.touchButton(msg.get(l, "maintenance.ok"), "commission-submit", () -> flow.fire(new CommissioningEvent.SubmitCode()));
        String typed = e.code().endsWith("-") ? e.code().substring(0, e.code().length() - 1) : e.code();
        ok.setDisable(!CommissioningSteps.codeComplete(typed));
        pad.getChildren().add(ok);
        List<Node> out = new ArrayList<>(List.of(prompt, code));
        if (!e.problem().isEmpty()) {
            out.add(problem(l, e.problem()));
        }
        out.add(pad);
        return out;
    }

    private Node found(Language l, List<Found> found) {
        if (found.isEmpty()) {
            return ServiceScreens.big(msg.get(l, "commission.nothingFound"), "commission-result");
        }
        // One wrapped line per device (a path can be long; an upright screen is narrow).
        VBox list = new VBox(10);
        list.setId("commission-found");
        for (Found f : found) {
            Label line = new Label(msg.get(l, "commission.device." + f.role().name()) + "：" + f.boundName() + "（" + CommissioningDetails.text(msg, l, f.detail()) + "）");
            line.setId("commission-found-" + f.role().name());
            line.setWrapText(true);
            line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            list.getChildren().add(line);
        }
        return list;
    }

    private Label problem(Language l, String tag) {
        Label p = new Label(tag == null || tag.isEmpty() ? "" : msg.format(l, "commission.problem", tag));
        p.setId("commission-problem");
        p.getStyleClass().add("pin-error");
        return p;
    }
}
