package org.zizhu.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.zizhu.kiosk.flow.ServiceFlow;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.session.Rating;
import org.zizhu.kiosk.session.RatingLevel;

/** Node trees for a resident's service transaction (its steps, payment, rating). */
final class ServiceScreens {
    private final Messages msg;
    private final Screens screens;

    ServiceScreens(Messages msg, Screens screens) {
        this.msg = msg;
        this.screens = screens;
    }

    private String t(Language l, String key) {
        return msg.get(l, key);
    }

    /** A transaction or maintenance page: a column, top-centred. */
    static VBox page(String id, Node... children) {
        VBox box = new VBox(28, children);
        box.setId(id);
        box.setAlignment(Pos.TOP_CENTER);
        box.setPadding(new Insets(48));
        box.getStyleClass().add("service-page");
        return box;
    }

    /** The page's main message, large and wrapped. */
    static Label big(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add("service-message");
        return l;
    }

    /**
     * 企业一码, for the transaction and the application alike: show the e-business-license QR code
     * to the camera, or type the credit code; {@code unconfirmed} (non-empty) a typed code whose
     * check character fails, shown back with a button to send it anyway.
     */
    static List<Node> enterpriseChooser(Screens screens, Messages msg, Language l, String unconfirmed,
                                        java.util.function.Consumer<String> typed, Runnable sendAnyway, Node cancel) {
        Label hint = new Label(msg.get(l, "enterprise.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ChineseKeyboard code = codePad(screens, msg, l, "enterprise-code", unconfirmed, 18, typed);
        VBox actions = new VBox(16, screens.touchButton(msg.get(l, "enterprise.confirm"), "enterprise-confirm",
                () -> code.press(org.zizhu.kiosk.flow.keyboard.Key.Simple.DONE)));
        if (!unconfirmed.isEmpty()) {
            // The typed code fails its check character: the resident may send it anyway.
            actions.getChildren().add(screens.touchButton(msg.get(l, "enterprise.sendAnyway"), "enterprise-send-anyway", sendAnyway));
        }
        actions.getChildren().add(cancel);
        return List.of(withPad(screens, code, hint, actions));
    }

    /**
     * A code pad with its hint and buttons: on a wide screen beside it (under a pad they fall
     * below the bottom of a landscape screen in elder mode, and a service page does not scroll),
     * on an upright one above and below it (the width is short, the height is not).
     */
    static javafx.scene.layout.Pane withPad(Screens screens, ChineseKeyboard pad, Label hint, VBox actions) {
        if (screens.layout().portrait()) {
            actions.setAlignment(Pos.TOP_CENTER);
            VBox column = new VBox(24);
            if (hint != null) {
                column.getChildren().add(hint);
            }
            HBox buttons = new HBox(24);
            // A copy: each button leaves the column as it joins the row.
            buttons.getChildren().addAll(List.copyOf(actions.getChildren()));
            buttons.setAlignment(Pos.CENTER);
            column.getChildren().addAll(pad, buttons);
            return column;
        }
        if (hint != null) {
            actions.getChildren().add(0, hint);
        }
        actions.setPrefWidth(380);
        actions.setMinWidth(300);
        HBox row = new HBox(24, pad, actions);
        HBox.setHgrow(pad, javafx.scene.layout.Priority.ALWAYS);
        row.setAlignment(Pos.TOP_CENTER);
        return row;
    }

    /**
     * The on-screen pad for a code of capitals and digits (a credit code, an appointment code):
     * a terminal has no keyboard, so a bare text field could not be typed into. Digits over
     * capitals on one pad ({@link ChineseKeyboard#codeLayout()}); no pinyin. {@code done}
     * gets the text on the pad's done key, as on the screen's confirm button.
     */
    static ChineseKeyboard codePad(Screens screens, Messages msg, Language l, String id, String initial, int max,
                                   java.util.function.Consumer<String> done) {
        ChineseKeyboard pad = new ChineseKeyboard(msg, l, (letters, limit) -> List.of(),
                org.zizhu.kiosk.flow.keyboard.KeyboardState.start(org.zizhu.kiosk.flow.keyboard.KeyboardMode.LETTERS,
                        initial == null ? "" : initial, max), screens.minTouchPx());
        pad.codeLayout();
        pad.setId(id);
        pad.setMaxWidth(1100);
        pad.setOnDone(done);
        return pad;
    }

    Node service(Language l, ServiceFlow flow, String itemName, Runnable cancel, Runnable finish) {
        ServiceFlow.View v = flow.view();
        Label title = new Label(itemName);
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.getStyleClass().add("heading");
        List<Node> nodes = new ArrayList<>();
        nodes.add(title);
        if (!v.maskedName().isEmpty() && v.step() != ServiceFlow.Step.THANKS) {
            Label who = new Label(String.format(t(l, "service.identified"), v.maskedName(), v.maskedId()));
            who.setId("service-identified");
            nodes.add(who);
        }
        // During the face check the heading says what to do (look at the camera), not "working".
        nodes.add(big(t(l, flow.checkingFace() ? "face.spoken" : v.messageKey()), "service-message"));
        if (v.centralMessage() != null) {
            nodes.add(big(v.centralMessage().in(l), "service-central-message"));
        }
        switch (v.step()) {
            case ENTER_CODE -> {
                ChineseKeyboard code = codePad(screens, msg, l, "appointment-code", "", 12, flow::enterCode);
                nodes.add(withPad(screens, code, null, new VBox(16, screens.touchButton(t(l, "appointment.confirm"), "appointment-confirm",
                        () -> code.press(org.zizhu.kiosk.flow.keyboard.Key.Simple.DONE)),
                        screens.touchButton(t(l, "service.cancel"), "service-cancel", cancel))));
            }
            case INSERT_CARD, CARD_PROBLEM -> {
                Label hint = new Label(t(l, "service.insertCardHint"));
                hint.setWrapText(true);
                nodes.add(hint);
                nodes.add(screens.touchButton(t(l, "service.cancel"), "service-cancel", cancel));
            }
            case ENTERPRISE -> nodes.addAll(enterpriseChooser(screens, msg, l, v.reference(), flow::enterpriseCodeTyped,
                    flow::confirmEnterpriseCode, screens.touchButton(t(l, "service.cancel"), "service-cancel", cancel)));
            case CONSENT -> {
                Label text = new Label(t(l, "service.consentText"));
                text.setWrapText(true);
                nodes.add(text);
                VBox types = new VBox(8);
                types.setId("service-license-types");
                for (String type : v.licenseTypes()) {
                    types.getChildren().add(new Label("• " + licenseName(l, type)));
                }
                nodes.add(types);
                nodes.add(new HBox(24, screens.touchButton(t(l, "service.agree"), "service-agree", () -> flow.consent(true)),
                        screens.touchButton(t(l, "service.decline"), "service-decline", () -> flow.consent(false))));
            }
            case DONE -> {
                if (v.resultTitle() != null) {
                    nodes.add(new Label(v.resultTitle().in(l)));
                }
                if (!v.reference().isEmpty()) {
                    Label ref = new Label(String.format(t(l, "service.reference"), v.reference()));
                    ref.setId("service-reference");
                    nodes.add(ref);
                }
                nodes.add(screens.touchButton(t(l, "rating.ask"), "service-to-rating", flow::toRating));
            }
            case FAILED -> {
                HBox actions = new HBox(24);
                if (v.canRetry()) {
                    actions.getChildren().add(screens.touchButton(t(l, "service.retry"), "service-retry", flow::retry));
                }
                actions.getChildren().add(screens.touchButton(t(l, "service.report"), "service-report",
                        () -> flow.reportUnresolved("SYSTEM_FAILURE")));
                actions.getChildren().add(screens.touchButton(t(l, "rating.ask"), "service-to-rating", flow::toRating));
                nodes.add(actions);
            }
            case RATING -> nodes.add(rating(l, flow));
            case THANKS -> nodes.add(screens.touchButton(t(l, "rating.finish"), "service-finish", finish));
            case PAYING -> {
                if (v.payment() != null) {
                    Label amount = new Label(String.format(t(l, "service.amount"),
                            java.math.BigDecimal.valueOf(v.payment().amountFen(), 2).toPlainString()));
                    amount.setId("service-amount");
                    amount.getStyleClass().add("heading");
                    nodes.add(amount);
                    try {
                        javafx.scene.image.ImageView qr = new javafx.scene.image.ImageView(QrImages.of(v.payment().qrPayload(), 300));
                        qr.setId("service-payment-qr");
                        qr.setUserData(v.payment().qrPayload());
                        nodes.add(qr);
                    } catch (Exception e) {
                        nodes.add(new Label(t(l, "service.paymentQrFailed")));
                    }
                }
                nodes.add(screens.touchButton(t(l, "service.cancelPayment"), "service-cancel-payment", flow::cancelPayment));
            }
            case WORKING, PRINTING, SUBMITTING -> {
                if (flow.checkingFace()) { // face check: the live picture, the oval and the prompt
                    nodes.add(new FaceCheckView(msg, l, flow::faceGuide));
                }
            }
        }
        if (l == Language.MN) {
            // Mongolian columns are read left to right: the page's parts stand side by side, each
            // drawn in columns (MongolianScript), and the row scrolls sideways when it is long.
            HBox row = new HBox(36, nodes.toArray(Node[]::new));
            row.setId("screen-service");
            row.setAlignment(Pos.TOP_LEFT);
            row.setPadding(new Insets(48));
            row.getStyleClass().add("service-page");
            javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(row);
            scroll.setId("screen-service-scroll");
            scroll.setFitToHeight(true);
            return scroll;
        }
        return page("screen-service", nodes.toArray(Node[]::new));
    }

    private Node rating(Language l, ServiceFlow flow) {
        VBox box = new VBox(16);
        box.setAlignment(Pos.TOP_CENTER);
        FlowPane levels = new FlowPane(12, 12);
        levels.setAlignment(Pos.CENTER);
        FlowPane reasons = new FlowPane(12, 12);
        reasons.setAlignment(Pos.CENTER);
        reasons.setId("rating-reasons");
        List<ToggleButton> reasonButtons = new ArrayList<>();
        for (String r : Rating.BAD_REASONS) {
            ToggleButton b = new ToggleButton(t(l, "reason." + r));
            b.setId("reason-" + r);
            b.setUserData(r);
            b.setMinHeight(screens.minTouchPx());
            reasonButtons.add(b);
            reasons.getChildren().add(b);
        }
        Label reasonsTitle = new Label(t(l, "rating.reasons"));
        reasons.setVisible(false);
        reasonsTitle.setVisible(false);
        RatingLevel[] chosen = new RatingLevel[1];
        Button submit = screens.touchButton(t(l, "rating.submit"), "rating-submit", () -> {
            List<String> picked = reasonButtons.stream().filter(ToggleButton::isSelected).map(b -> (String) b.getUserData()).toList();
            if (chosen[0] != null && (!chosen[0].bad() || !picked.isEmpty())) {
                flow.rate(chosen[0], chosen[0].bad() ? picked : List.of());
            }
        });
        submit.setDisable(true);
        Runnable refresh = () -> {
            boolean bad = chosen[0] != null && chosen[0].bad();
            boolean anyReason = reasonButtons.stream().anyMatch(ToggleButton::isSelected);
            submit.setDisable(chosen[0] == null || (bad && !anyReason));
        };
        reasonButtons.forEach(b -> b.setOnAction(e -> refresh.run()));
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        for (RatingLevel level : RatingLevel.values()) {
            ToggleButton b = new ToggleButton(t(l, "rating.level." + level.name()));
            b.setId("rating-" + level.name());
            b.setToggleGroup(group);
            b.setMinHeight(screens.minTouchPx());
            b.getStyleClass().add(level.bad() ? "rating-bad" : "rating-good");
            b.setOnAction(e -> {
                chosen[0] = b.isSelected() ? level : null;
                boolean bad = chosen[0] != null && chosen[0].bad();
                reasons.setVisible(bad);
                reasonsTitle.setVisible(bad);
                refresh.run();
            });
            levels.getChildren().add(b);
        }
        box.getChildren().addAll(levels, reasonsTitle, reasons, submit);
        return box;
    }

    private String licenseName(Language l, String type) {
        String key = "license." + type;
        return msg.has(l, key) ? t(l, key) : type;
    }
}
