package org.zizhu.kiosk.ui;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.zizhu.forms.FieldRule;
import org.zizhu.forms.FieldType;
import org.zizhu.kiosk.catalog.CatalogModel.FormChoice;
import org.zizhu.kiosk.catalog.CatalogModel.FormField;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.catalog.CatalogModel.Material;
import org.zizhu.kiosk.catalog.CatalogModel.PrefillSource;
import org.zizhu.kiosk.flow.ApplicationEvent;
import org.zizhu.kiosk.flow.ApplicationFlow;
import org.zizhu.kiosk.flow.ApplicationPorts;
import org.zizhu.kiosk.flow.ApplicationState;
import org.zizhu.kiosk.flow.ApplicationState.Application;
import org.zizhu.kiosk.flow.ApplicationState.Committed;
import org.zizhu.kiosk.flow.ApplicationState.DeliveryChoice;
import org.zizhu.kiosk.flow.ApplicationState.Pages;
import org.zizhu.kiosk.flow.ApplicationState.Resolution;
import org.zizhu.kiosk.flow.Regions;
import org.zizhu.kiosk.flow.keyboard.CandidateSource;
import org.zizhu.kiosk.flow.keyboard.KeyboardMode;
import org.zizhu.kiosk.flow.keyboard.KeyboardState;
import org.zizhu.kiosk.forms.FormRules.FieldError;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.privacy.Masking;

/**
 * The touchscreen pages of an application (申报): renders {@link ApplicationFlow#state()} and
 * fires {@link ApplicationEvent}s on touches; every decision (form rules, which material may be
 * committed, delivery checks) is the flow's. What lives here is only what a screen must hold
 * between touches before it becomes an event: the field being typed on the on-screen keyboard,
 * the strokes on the signature pad, the postal address being put together, and the document
 * camera's live preview (polled off the UI thread only while a page is being taken).
 *
 * <p>The caller renders again on every new state of the flow (its listener, on the FX thread).
 * Node ids for tests and the screenshot tour: {@code app-step-<step>}, {@code app-field-<id>}
 * (a choice field's options {@code app-field-<id>-<value>}), {@code app-field-error-<id>},
 * {@code app-field-warning-<id>}, {@code app-form-next}, {@code app-material-<i>},
 * {@code app-material-status-<i>}, {@code app-capture-<i>}, {@code app-page-<i>-<p>},
 * {@code app-retake-<i>-<p>}, {@code app-delete-<i>-<p>}, {@code app-commit-<i>},
 * {@code app-uncommit-<i>}, {@code app-notice-text}, {@code app-notice-pad}, {@code app-notice-sign},
 * {@code app-notice-clear}, {@code app-notice-message}, {@code app-signature-pad}, {@code app-sign}, {@code app-sign-clear},
 * {@code app-sign-cancel}, {@code app-sign-message}, {@code app-materials-message},
 * {@code app-materials-next}, {@code app-preview}, {@code app-delivery-window},
 * {@code app-delivery-post}, {@code app-region-<code>}, {@code app-street-<code>},
 * {@code app-address-detail}, {@code app-recipient}, {@code app-mobile}, {@code app-delivery-next},
 * {@code app-delivery-message}, {@code app-summary}, {@code app-confirm}, {@code app-back},
 * {@code app-case-number}, {@code app-retry}, {@code app-fix-form}, {@code app-finish},
 * {@code app-consent-yes}, {@code app-consent-no}, {@code app-cancel}, {@code app-leave},
 * {@code app-keyboard-cancel}, {@code app-keyboard-field}, {@code app-form-message},
 * {@code app-prefilled-<id>}, {@code app-owed-<k>}, {@code app-receipt-printed},
 * {@code app-print-problem}, {@code app-failed-message}, {@code app-failed-field-<id>}, {@code app-message}.
 */
public final class ApplicationScreens {
    /** The steps shown at the top, in order ({@code application.step.<name>}). */
    static final List<String> STEPS = List.of("identify", "form", "materials", "conditions", "delivery", "confirm", "done");
    /** The contract's bound for a signature image. */
    static final int MAX_SIGNATURE_BYTES = 64 * 1024;

    private final Messages msg;
    private final Screens screens;
    private final CandidateSource pinyin;
    private final CompletableFuture<?> indexBuild;
    private Regions regions;
    private String regionsProblem;

    // What the screen holds between touches, for the flow shown (reset when another flow is shown).
    private ApplicationFlow shown;
    private Editing editing;
    private int committing = -1;
    private final SignaturePad signature = new SignaturePad();
    private String signMessageKey;
    private final Set<String> edited = new HashSet<>();
    private PostDraft post;
    // Where each list was scrolled to, so a page drawn again after a touch stays where the resident was.
    private final double[] formScroll = {0};
    private final double[] materialsScroll = {0};
    private final double[] postScroll = {0};
    private Label signMessage;

    private StackPane holder;
    private Runnable redraw = () -> { };

    private final CameraPreview preview = new CameraPreview();

    /** A form field open on the keyboard; a date range is typed in two parts (start, then end). */
    private record Editing(String fieldId, int part, String start) {
    }

    /** The postal address being put together (the resident's own data: dropped with the flow). */
    private static final class PostDraft {
        boolean chosen;
        String district;
        String street;
        String detail = "";
        String recipient = "";
        String mobile = "";
        /** "detail", "recipient" or "mobile" while that one is on the keyboard. */
        String typing;
    }

    /**
     * @param pinyin the keyboard's candidates (wrap a still-building index with
     *               {@link CandidateSource#whenReady}: letters and digits work meanwhile)
     */
    public ApplicationScreens(Messages messages, Screens screens, CandidateSource pinyin) {
        this(messages, screens, pinyin, null);
    }

    /**
     * @param indexBuild the pinyin index still being built behind {@code pinyin} (made with
     *                   {@link CandidateSource#whenReady}): the keyboard says "preparing" until it is
     *                   done and then looks up the letters already typed; null when it is ready
     */
    public ApplicationScreens(Messages messages, Screens screens, CandidateSource pinyin, CompletableFuture<?> indexBuild) {
        this.msg = messages;
        this.screens = screens;
        this.pinyin = pinyin;
        this.indexBuild = indexBuild;
    }

    /** The keyboard for a field or an address part, told about an index still being built. */
    private ChineseKeyboard keyboard(Language l, KeyboardMode mode, String text, int max) {
        ChineseKeyboard kb = new ChineseKeyboard(msg, l, pinyin, KeyboardState.start(mode, text, max), screens.minTouchPx());
        kb.setId("app-keyboard");
        if (indexBuild != null) {
            kb.refreshWhenReady(indexBuild);
        }
        return kb;
    }

    private String t(Language l, String key) {
        return msg.get(l, key);
    }

    private String f(Language l, String key, Object... args) {
        return msg.format(l, key, args);
    }

    /**
     * The page for the flow's current state.
     *
     * @param home   leaves the application (after {@link ApplicationEvent.Cancel}: back to the home screen)
     * @param finish the resident is done after the receipt (on to the rating or home)
     */
    public Node render(Language l, ApplicationFlow flow, String itemName, Runnable home, Runnable finish) {
        if (flow != shown) {
            reset();
            shown = flow;
            // When the flow ends (cancel, idle timeout, home) what the screen holds of the resident
            // goes too, even if this page is never drawn again.
            flow.addListener(s -> {
                if (s instanceof ApplicationState.Ended) {
                    Platform.runLater(() -> {
                        if (shown == flow) {
                            reset();
                        }
                    });
                }
            });
        }
        StackPane h = new StackPane();
        h.setId("screen-application");
        holder = h;
        redraw = () -> {
            if (holder == h) {
                h.getChildren().setAll(build(l, flow, itemName, home, finish));
            }
        };
        redraw.run();
        // Taken off the screen (another mode, another page): the camera preview stops with it.
        h.sceneProperty().addListener((o, was, now) -> {
            if (now == null && holder == h) {
                preview.stop();
            }
        });
        return h;
    }

    private void reset() {
        preview.stop();
        editing = null;
        committing = -1;
        signature.clear();
        signMessageKey = null;
        edited.clear();
        post = null;
        formScroll[0] = 0;
        materialsScroll[0] = 0;
        postScroll[0] = 0;
    }

    /** True while the camera preview is being polled (tests: it stops when the page is taken). */
    boolean previewing() {
        return preview.running();
    }

    private Node build(Language l, ApplicationFlow flow, String itemName, Runnable home, Runnable finish) {
        ApplicationState s = flow.state();
        if (s instanceof ApplicationState.Capturing) {
            preview.start(flow::previewJpeg);
        } else {
            preview.stop();
        }
        if (!(s instanceof ApplicationState.FillingForm)) {
            editing = null;
        }
        if (!(s instanceof ApplicationState.Materials || s instanceof ApplicationState.AcceptingConditions)) {
            signature.clear();
        }
        if (!(s instanceof ApplicationState.Materials)) {
            committing = -1;
            signMessageKey = null;
        }
        if (!(s instanceof ApplicationState.ChoosingDelivery || s instanceof ApplicationState.Confirming
                || s instanceof ApplicationState.Materials || s instanceof ApplicationState.Capturing
                || s instanceof ApplicationState.AcceptingConditions)) {
            post = null; // submitted, failed or left: the address draft goes
        }
        ItemDetail item = flow.item();
        Runnable cancel = () -> {
            flow.fire(new ApplicationEvent.Cancel());
            home.run();
        };
        List<Node> nodes = new ArrayList<>();
        nodes.add(steps(l, s, item));
        Label title = new Label(itemName);
        title.setId("app-title");
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.getStyleClass().add("heading");
        nodes.add(title);
        switch (s) {
            case ApplicationState.AwaitingCard a -> {
                nodes.add(ServiceScreens.big(t(l, a.messageKey()), "app-message"));
                nodes.add(wrapped(t(l, "service.insertCardHint"), "app-hint"));
                nodes.add(actions(button(l, "application.cancel", "app-cancel", cancel)));
            }
            case ApplicationState.Consent c -> {
                nodes.add(ServiceScreens.big(t(l, "application.consentTitle"), "app-message"));
                nodes.add(wrapped(t(l, "service.consentText"), "app-consent-text"));
                VBox types = new VBox(8);
                types.setId("app-license-types");
                for (String type : c.licenseTypes()) {
                    types.getChildren().add(new Label("• " + licenseName(l, type)));
                }
                nodes.add(types);
                nodes.add(wrapped(t(l, "application.consentHint"), "app-hint"));
                Button yes = button(l, "service.agree", "app-consent-yes", () -> flow.fire(new ApplicationEvent.ConsentGiven(true)));
                yes.getStyleClass().add("primary");
                nodes.add(actions(yes, button(l, "service.decline", "app-consent-no",
                        () -> flow.fire(new ApplicationEvent.ConsentGiven(false))), button(l, "application.cancel", "app-cancel", cancel)));
            }
            case ApplicationState.VerifyingPerson v -> {
                nodes.add(ServiceScreens.big(t(l, flow.checkingFace() ? "face.spoken" : "service.working"), "app-message"));
                if (flow.checkingFace()) {
                    nodes.add(new FaceCheckView(msg, l, flow::faceGuide));
                }
            }
            case ApplicationState.ChoosingEnterprise c -> {
                // 企业一码, as in the transaction: the enterprise's QR code to the camera, or its credit code typed.
                nodes.add(ServiceScreens.big(t(l, c.messageKey()), "app-message"));
                if (c.message() != null) {
                    nodes.add(ServiceScreens.big(c.message().in(l), "app-central-message"));
                }
                nodes.addAll(ServiceScreens.enterpriseChooser(screens, msg, l, c.unconfirmedCode() == null ? "" : c.unconfirmedCode(),
                        code -> flow.fire(new ApplicationEvent.EnterpriseCodeTyped(code)),
                        () -> flow.fire(new ApplicationEvent.EnterpriseCodeConfirmed()),
                        button(l, "application.cancel", "app-cancel", cancel)));
            }
            case ApplicationState.IdentifyingEnterprise x -> nodes.add(ServiceScreens.big(t(l, "enterprise.identifying"), "app-message"));
            case ApplicationState.Preparing p -> {
                nodes.add(ServiceScreens.big(t(l, "application.preparing"), "app-message"));
                if (flow.checkingFace()) { // face check: the live picture, the oval and the prompt
                    nodes.add(new FaceCheckView(msg, l, flow::faceGuide));
                }
            }
            case ApplicationState.FillingForm ff -> nodes.addAll(editing != null && item.form() != null
                    && item.form().field(editing.fieldId()).isPresent()
                    ? fieldKeyboard(l, flow, item.form().field(editing.fieldId()).get(), ff.application())
                    : form(l, flow, ff, cancel));
            case ApplicationState.Materials m -> nodes.addAll(committing >= 0 && committing < item.materials().size()
                    ? commitment(l, flow, item.materials().get(committing), committing)
                    : materials(l, flow, m, cancel));
            case ApplicationState.Capturing c -> nodes.addAll(capturing(l));
            case ApplicationState.ShowingLicense sl -> nodes.addAll(showingLicense(l, flow, sl));
            case ApplicationState.AcceptingConditions a -> nodes.addAll(conditions(l, flow, a, cancel));
            case ApplicationState.ChoosingDelivery d -> nodes.addAll(delivery(l, flow, d, cancel));
            case ApplicationState.Confirming c -> nodes.addAll(confirming(l, flow, c, itemName, cancel));
            case ApplicationState.Submitting x -> nodes.add(ServiceScreens.big(t(l, "application.submitting"), "app-message"));
            case ApplicationState.Printing p -> {
                nodes.add(ServiceScreens.big(t(l, "application.printing"), "app-message"));
                nodes.add(caseNumber(l, p.outcome().reference()));
            }
            case ApplicationState.Done d -> nodes.addAll(done(l, flow, d, finish));
            case ApplicationState.Failed x -> nodes.addAll(failed(l, flow, x, cancel));
            case ApplicationState.Ended e -> {
                nodes.add(ServiceScreens.big(t(l, "application.ended"), "app-message"));
                nodes.add(actions(button(l, "application.leave", "app-leave", home)));
            }
        }
        if (nodes.stream().anyMatch(n -> "app-keyboard-field".equals(n.getId()))) {
            // A keyboard needs the height: the field's own heading says what is typed, so the
            // step bar and the item's title give way (a 1280x800 screen otherwise cuts the pad).
            nodes.remove(1);
            nodes.remove(0);
        }
        VBox page = new VBox(16, nodes.toArray(Node[]::new));
        page.setId("app-page");
        page.setAlignment(Pos.TOP_CENTER);
        page.setPadding(new Insets(20, 32, 20, 32));
        page.getStyleClass().addAll("service-page", "app-page");
        // Fitted to the screen's height, so the lists inside scroll as before; only a page taller
        // than the screen can hold (a small screen, large text) scrolls as a whole, and nothing
        // on it is ever out of reach.
        ScrollPane outer = new ScrollPane(page);
        outer.setId("app-page-scroll");
        outer.setFitToWidth(true);
        outer.setFitToHeight(true);
        outer.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        outer.getStyleClass().add("app-page-scroll");
        return outer;
    }

    // ---- pieces -------------------------------------------------------------------------

    private Node steps(Language l, ApplicationState s, ItemDetail item) {
        String current = switch (s) {
            case ApplicationState.AwaitingCard a -> "identify";
            case ApplicationState.Consent c -> "identify";
            case ApplicationState.Preparing p -> "identify";
            case ApplicationState.VerifyingPerson v -> "identify";
            case ApplicationState.ChoosingEnterprise c -> "identify";
            case ApplicationState.IdentifyingEnterprise x -> "identify";
            case ApplicationState.FillingForm f -> "form";
            case ApplicationState.Materials m -> "materials";
            case ApplicationState.Capturing c -> "materials";
            case ApplicationState.ShowingLicense sl -> "materials";
            case ApplicationState.AcceptingConditions a -> "conditions";
            case ApplicationState.ChoosingDelivery d -> "delivery";
            case ApplicationState.Confirming c -> "confirm";
            case ApplicationState.Submitting x -> "confirm";
            case ApplicationState.Failed x -> x.application() == null ? "identify" : "confirm";
            case ApplicationState.Printing p -> "done";
            case ApplicationState.Done d -> "done";
            case ApplicationState.Ended e -> "";
        };
        FlowPane bar = new FlowPane(8, 8); // a narrow screen or long words: a second row, not "3 Materi..."
        bar.setId("app-steps");
        bar.setAlignment(Pos.CENTER);
        bar.getStyleClass().add("app-steps");
        int at = STEPS.indexOf(current);
        int n = 1;
        for (int i = 0; i < STEPS.size(); i++) {
            String step = STEPS.get(i);
            if (step.equals("delivery") && !item.offersPostalDelivery()) {
                continue; // no choice to make: the result is collected at the window
            }
            if (step.equals("conditions") && item.conditionsCommitment().isEmpty()) {
                continue; // only items decided under 告知承诺制
            }
            Label lab = new Label(n++ + " " + t(l, "application.step." + step));
            lab.setId("app-step-" + step);
            lab.getStyleClass().add("app-step");
            if (i == at) {
                lab.getStyleClass().add("app-step-current");
            } else if (at >= 0 && i < at) {
                lab.getStyleClass().add("app-step-done");
            }
            bar.getChildren().add(lab);
        }
        return bar;
    }

    private Button button(Language l, String key, String id, Runnable action) {
        return screens.touchButton(t(l, key), id, action);
    }

    private static Label wrapped(String text, String id) {
        Label lab = new Label(text);
        lab.setId(id);
        lab.setWrapText(true);
        lab.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the lists give way, never a line of text
        return lab;
    }

    private static HBox actions(Node... buttons) {
        HBox box = new HBox(24, buttons);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static ScrollPane scroll(Node content, String id) {
        ScrollPane sp = new ScrollPane(content);
        sp.setId(id);
        sp.setFitToWidth(true);
        VBox.setVgrow(sp, Priority.ALWAYS);
        return sp;
    }

    /** A scroll pane that starts where {@code keep} says and remembers where it is left. */
    private static ScrollPane scroll(Node content, String id, double[] keep) {
        ScrollPane sp = scroll(content, id);
        sp.setVvalue(keep[0]);
        sp.vvalueProperty().addListener((o, was, now) -> keep[0] = now.doubleValue());
        return sp;
    }

    private Label message(String text, String id) {
        Label lab = wrapped(text == null ? "" : text, id);
        lab.getStyleClass().add("app-message");
        lab.setVisible(text != null && !text.isEmpty());
        lab.setManaged(lab.isVisible());
        return lab;
    }

    private String licenseName(Language l, String type) {
        String key = "license." + type;
        return msg.has(l, key) ? t(l, key) : type;
    }

    // ---- the form -----------------------------------------------------------------------

    private List<Node> form(Language l, ApplicationFlow flow, ApplicationState.FillingForm s, Runnable cancel) {
        ItemDetail item = flow.item();
        List<Node> nodes = new ArrayList<>();
        if (item.form() != null) {
            Label formTitle = new Label(item.form().title().in(l));
            formTitle.getStyleClass().add("section");
            nodes.add(formTitle);
        }
        nodes.add(wrapped(t(l, "application.fillForm"), "app-hint"));
        // The first blocking problem also at the top: its row may be scrolled out of sight.
        String first = null;
        if (item.form() != null) {
            for (FormField field : item.form().fields()) {
                FieldRule rule = s.errors().get(field.id());
                if (rule != null) {
                    first = f(l, "form.rule." + rule.name(), field.label().in(l));
                    break;
                }
            }
        }
        nodes.add(message(first, "app-form-message"));
        VBox rows = new VBox(10);
        rows.setId("app-form");
        if (item.form() != null) {
            for (FormField field : item.form().fields()) {
                rows.getChildren().add(fieldRow(l, flow, field, s));
            }
        }
        nodes.add(scroll(rows, "app-form-scroll", formScroll));
        Button next = button(l, "application.submitForm", "app-form-next", () -> flow.fire(new ApplicationEvent.SubmitForm()));
        next.getStyleClass().add("primary");
        nodes.add(actions(next, button(l, "application.cancel", "app-cancel", cancel)));
        return nodes;
    }

    private Node fieldRow(Language l, ApplicationFlow flow, FormField field, ApplicationState.FillingForm s) {
        String value = s.application().values().get(field.id());
        String label = field.label().in(l);
        Label name = new Label(label + (field.required() ? " *" : ""));
        name.setWrapText(true);
        name.getStyleClass().add("app-field-label");
        VBox head = new VBox(4, name);
        head.setMinWidth(260);
        head.setPrefWidth(300);
        if (value != null && field.prefill() != null && field.prefill().source() != PrefillSource.NONE
                && !edited.contains(field.id())) {
            Label pre = new Label(t(l, "application.prefilledMark"));
            pre.setId("app-prefilled-" + field.id());
            pre.getStyleClass().add("app-prefilled");
            head.getChildren().add(pre);
        }
        Node control;
        if (field.type() == FieldType.CHOICE) {
            FlowPane choices = new FlowPane(10, 10);
            choices.setId("app-field-" + field.id());
            for (FormChoice c : field.choices()) {
                ToggleButton b = new ToggleButton(c.label().in(l));
                b.setId("app-field-" + field.id() + "-" + c.value());
                b.setMinHeight(screens.minTouchPx());
                b.setSelected(c.value().equals(value));
                b.getStyleClass().add("app-choice");
                b.setOnAction(e -> {
                    edited.add(field.id());
                    flow.fire(new ApplicationEvent.EditField(field.id(), c.value()));
                    redraw.run(); // the same choice again changes no state: show it selected anyway
                });
                choices.getChildren().add(b);
            }
            control = choices;
        } else {
            Button b = screens.touchButton(value == null ? t(l, "application.tapToFill") : value, "app-field-" + field.id(), () -> {
                editing = new Editing(field.id(), 0, null);
                redraw.run();
            });
            b.setMaxWidth(Double.MAX_VALUE);
            b.getStyleClass().add(value == null ? "app-field-empty" : "app-field-value");
            control = b;
        }
        HBox.setHgrow(control, Priority.ALWAYS);
        HBox line = new HBox(16, head, control);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(4, line);
        row.setId("app-field-row-" + field.id());
        row.getStyleClass().add("app-field-row");
        FieldRule error = s.errors().get(field.id());
        if (error != null) {
            Label e = wrapped(f(l, "form.rule." + error.name(), label), "app-field-error-" + field.id());
            e.getStyleClass().add("app-field-error");
            row.getChildren().add(e);
            row.getStyleClass().add("app-field-row-error");
        }
        for (FieldError w : s.warnings()) {
            if (w.fieldId().equals(field.id()) && error == null) {
                Label e = wrapped(f(l, "form.rule." + w.rule().name(), label), "app-field-warning-" + field.id());
                e.getStyleClass().add("app-field-warning");
                row.getChildren().add(e);
            }
        }
        return row;
    }

    /** A pattern that admits digits only (an account number): typed on the digit pad. */
    private static final java.util.regex.Pattern DIGITS_ONLY = java.util.regex.Pattern.compile(
            "\\^?(\\[0-9\\]|\\\\d)(\\{\\d+(,\\d*)?\\}|[+*?])?\\$?");

    /**
     * The pad a field opens on: pinyin for Chinese and free text, letters for a credit code,
     * digits for numbers, dates, ID and phone numbers and for a text whose pattern admits digits
     * only. The resident can still switch pads.
     */
    static KeyboardMode modeFor(FormField field) {
        return switch (field.type()) {
            case TEXT -> field.rule() != null && field.rule().pattern() != null
                    && DIGITS_ONLY.matcher(field.rule().pattern()).matches() ? KeyboardMode.DIGITS : KeyboardMode.PINYIN;
            case CHINESE_TEXT, ADDRESS, CHOICE -> KeyboardMode.PINYIN;
            case USCC -> KeyboardMode.LETTERS;
            case ID_NUMBER, PHONE, DATE, DATE_RANGE, NUMBER -> KeyboardMode.DIGITS;
        };
    }

    /**
     * Characters a field needs that the pads lack, offered as keys beside the keyboard: the decimal
     * point of a number with decimals, the middle dot of minority names (·), the brackets and
     * punctuation a text field's pattern asks for (a licence number such as (蒙)JZ安许证字[2020]...).
     */
    static String extraKeys(FormField field) {
        StringBuilder out = new StringBuilder();
        switch (field.type()) {
            case NUMBER -> {
                if (field.rule() != null && field.rule().decimals() != null && field.rule().decimals() > 0) {
                    out.append('.');
                }
            }
            case CHINESE_TEXT -> out.append('·');
            case ADDRESS -> out.append("-#()");
            case TEXT -> {
                String p = field.rule() == null ? null : field.rule().pattern();
                if (p == null) {
                    out.append("()-·、，。");
                } else {
                    // The pattern's escaped punctuation is what the value must contain literally.
                    for (int i = 0; i + 1 < p.length(); i++) {
                        if (p.charAt(i) != '\\') {
                            continue;
                        }
                        char c = p.charAt(++i);
                        if ("()[]{}.-/#·".indexOf(c) >= 0 && out.indexOf(String.valueOf(c)) < 0) {
                            out.append(c);
                        }
                    }
                }
            }
            default -> { }
        }
        return out.toString();
    }

    /** Keys typing {@code chars} into the keyboard ({@code app-extra-<n>}). */
    private List<Node> extraKeys(ChineseKeyboard kb, String chars) {
        List<Node> row = new ArrayList<>();
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            Button b = screens.touchButton(String.valueOf(c), "app-extra-" + i, () -> kb.press(new org.zizhu.kiosk.flow.keyboard.Key.Type(c)));
            b.getStyleClass().add("kb-key");
            b.setFocusTraversable(false);
            row.add(b);
        }
        return row;
    }

    private List<Node> fieldKeyboard(Language l, ApplicationFlow flow, FormField field, Application app) {
        Editing e = editing;
        String value = app.values().getOrDefault(field.id(), "");
        boolean range = field.type() == FieldType.DATE_RANGE;
        String initial = value;
        int max = field.maxLength() > 0 ? field.maxLength() : 200;
        String heading = field.label().in(l);
        if (range) {
            String[] parts = value.split("/", 2);
            initial = e.part() == 0 ? parts[0] : parts.length > 1 ? parts[1] : "";
            max = 10;
            heading += " — " + t(l, e.part() == 0 ? "application.rangeStart" : "application.rangeEnd");
        }
        ChineseKeyboard kb = keyboard(l, modeFor(field), initial, max);
        kb.setOnDone(text -> {
            if (range && e.part() == 0) {
                editing = new Editing(field.id(), 1, text.strip());
                redraw.run();
                return;
            }
            String v = range ? e.start() + "/" + text.strip() : text;
            editing = null;
            edited.add(field.id());
            flow.fire(new ApplicationEvent.EditField(field.id(), v));
            redraw.run(); // an unchanged value changes no state: close the keyboard anyway
        });
        Label head = new Label(heading);
        head.setId("app-keyboard-field");
        head.getStyleClass().add("section");
        List<Node> nodes = new ArrayList<>();
        nodes.add(head);
        String hintKey = "application.hint." + field.type().name();
        if (msg.has(l, hintKey)) {
            nodes.add(wrapped(t(l, hintKey), "app-keyboard-hint"));
        }
        nodes.add(kb);
        HBox bottom = actions(extraKeys(kb, range ? "" : extraKeys(field)).toArray(Node[]::new));
        bottom.getChildren().add(button(l, "application.keyboardCancel", "app-keyboard-cancel", () -> {
            editing = null;
            redraw.run();
        }));
        nodes.add(bottom);
        return nodes;
    }

    // ---- materials ----------------------------------------------------------------------

    private List<Node> materials(Language l, ApplicationFlow flow, ApplicationState.Materials s, Runnable cancel) {
        ItemDetail item = flow.item();
        List<Node> nodes = new ArrayList<>();
        Label head = new Label(t(l, "application.materials"));
        head.getStyleClass().add("section");
        nodes.add(head);
        String problem = s.messageKey() != null ? t(l, s.messageKey()) : s.message() != null ? s.message().in(l) : null;
        nodes.add(message(problem, "app-materials-message"));
        VBox rows = new VBox(12);
        rows.setId("app-materials");
        for (int i = 0; i < item.materials().size(); i++) {
            rows.getChildren().add(materialRow(l, flow, item.materials().get(i), i, s.application().materials().get(i)));
        }
        nodes.add(scroll(rows, "app-materials-scroll", materialsScroll));
        Button next = button(l, "application.materialsDone", "app-materials-next", () -> flow.fire(new ApplicationEvent.MaterialsDone()));
        next.getStyleClass().add("primary");
        nodes.add(actions(button(l, "application.back", "app-back", () -> flow.fire(new ApplicationEvent.Back())), next,
                button(l, "application.cancel", "app-cancel", cancel)));
        return nodes;
    }

    private Node materialRow(Language l, ApplicationFlow flow, Material m, int i, Resolution r) {
        Label name = new Label((i + 1) + ". " + m.name().in(l));
        name.setWrapText(true);
        name.getStyleClass().add("material-name");
        String status = switch (r) {
            case ApplicationState.FromLicense x -> t(l, "application.exempt");
            case ApplicationState.Shared x -> t(l, "application.shared");
            case ApplicationState.ByForm x -> t(l, "application.byForm");
            case Pages p -> f(l, "application.pages", p.pages().size());
            case Committed c -> f(l, "application.committed", c.dueDate());
            case ApplicationState.Unresolved x -> t(l, "application.unresolved");
        };
        Label st = new Label(status);
        st.setId("app-material-status-" + i);
        st.setWrapText(true);
        st.getStyleClass().add(r instanceof ApplicationState.Unresolved ? "app-material-missing" : "app-material-ok");
        VBox row = new VBox(8, name, st);
        row.setId("app-material-" + i);
        row.getStyleClass().add(r instanceof ApplicationState.FromLicense || r instanceof ApplicationState.Shared
                || r instanceof ApplicationState.ByForm ? "material-exempt" : "material");
        boolean capturable = r instanceof ApplicationState.Unresolved || r instanceof Pages || r instanceof Committed;
        if (!capturable) {
            return row;
        }
        if (r instanceof Pages p) {
            HBox thumbs = new HBox(12);
            for (int k = 0; k < p.pages().size(); k++) {
                int page = k;
                ImageView v = new ImageView();
                v.setId("app-page-" + i + "-" + k);
                v.setFitWidth(140);
                v.setFitHeight(180);
                v.setPreserveRatio(true);
                v.setImage(image(p.pages().get(k)));
                VBox cell = new VBox(6, v, new HBox(6,
                        screens.touchButton(t(l, "application.retake"), "app-retake-" + i + "-" + k,
                                () -> flow.fire(new ApplicationEvent.RetakePage(i, page))),
                        screens.touchButton(t(l, "application.deletePage"), "app-delete-" + i + "-" + k,
                                () -> flow.fire(new ApplicationEvent.DeletePage(i, page)))));
                cell.setAlignment(Pos.CENTER);
                cell.getStyleClass().add("app-page-thumb");
                thumbs.getChildren().add(cell);
            }
            row.getChildren().add(thumbs);
        }
        HBox buttons = new HBox(16);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getChildren().add(button(l, "application.captureButton", "app-capture-" + i,
                () -> flow.fire(new ApplicationEvent.CapturePage(i))));
        if (m.eLicenseType() != null && !m.eLicenseType().isBlank()) { // 亮证: an e-license not fetched under consent
            buttons.getChildren().add(button(l, "application.showLicenseButton", "app-show-license-" + i,
                    () -> flow.fire(new ApplicationEvent.ShowLicense(i))));
        }
        if (r instanceof Committed) {
            buttons.getChildren().add(button(l, "application.uncommit", "app-uncommit-" + i,
                    () -> flow.fire(new ApplicationEvent.Uncommit(i))));
        } else if (ApplicationFlow.committable(m)) {
            buttons.getChildren().add(button(l, "application.commit", "app-commit-" + i, () -> {
                committing = i;
                signature.clear();
                signMessageKey = null;
                redraw.run();
            }));
        }
        row.getChildren().add(buttons);
        return row;
    }

    /** A page's picture for the screen; the copy of its bytes is zeroed once decoded. */
    private static Image image(ApplicationPorts.Image page) {
        byte[] b = page.bytes();
        try {
            return new Image(new ByteArrayInputStream(b));
        } finally {
            Arrays.fill(b, (byte) 0);
        }
    }

    // ---- 容缺: the signed commitment ----------------------------------------------------

    private List<Node> commitment(Language l, ApplicationFlow flow, Material m, int i) {
        List<Node> nodes = new ArrayList<>();
        Label head = new Label(t(l, "application.commitTitle"));
        head.getStyleClass().add("section");
        nodes.add(head);
        LocalDate due = flow.today().plusDays(m.missingDueDays() == null ? 0 : m.missingDueDays());
        Label text = wrapped(f(l, "application.commitmentText", m.name().in(l), due), "app-commitment-text");
        text.getStyleClass().add("app-commitment-text");
        nodes.add(text);
        nodes.add(wrapped(t(l, "application.signHere"), "app-sign-hint"));
        Canvas pad = signature.canvas("app-signature-pad", () -> {
            if (signMessage != null) {
                signMessage.setVisible(false); // drawing now: the "please sign" no longer applies
            }
        });
        StackPane frame = new StackPane(pad);
        frame.getStyleClass().add("app-signature-frame");
        frame.setMaxWidth(SignaturePad.WIDTH + 8);
        nodes.add(frame);
        signMessage = message(signMessageKey == null ? null : t(l, signMessageKey), "app-sign-message");
        nodes.add(signMessage);
        Button sign = button(l, "application.sign", "app-sign", () -> {
            if (!signature.signed()) {
                signMessageKey = "application.signatureMissing";
                redraw.run();
                return;
            }
            byte[] png = signature.png();
            if (png.length > MAX_SIGNATURE_BYTES) {
                signMessageKey = "application.signAgain";
                signature.clear();
                redraw.run();
                return;
            }
            committing = -1;
            signature.clear();
            signMessageKey = null;
            flow.fire(new ApplicationEvent.Commit(i, png)); // the event keeps its own copy
            Arrays.fill(png, (byte) 0);
            redraw.run();
        });
        sign.getStyleClass().add("primary");
        nodes.add(actions(button(l, "application.signClear", "app-sign-clear", () -> {
            signature.clear();
            signMessageKey = null;
            redraw.run();
        }), sign, button(l, "application.signCancel", "app-sign-cancel", () -> {
            committing = -1;
            signature.clear();
            signMessageKey = null;
            redraw.run();
        })));
        return nodes;
    }

    // ---- 告知承诺制: the conditions, signed ---------------------------------------------

    private List<Node> conditions(Language l, ApplicationFlow flow, ApplicationState.AcceptingConditions a, Runnable cancel) {
        List<Node> nodes = new ArrayList<>();
        Label head = new Label(t(l, "application.noticeTitle"));
        head.getStyleClass().add("section");
        nodes.add(head);
        nodes.add(wrapped(t(l, "application.noticeIntro"), "app-notice-intro"));
        Label text = wrapped(flow.item().conditionsCommitment().map(c -> c.in(l)).orElse(""), "app-notice-text");
        text.getStyleClass().add("app-commitment-text");
        nodes.add(text);
        nodes.add(wrapped(t(l, "application.signHere"), "app-sign-hint"));
        Label problem = message(a.messageKey() == null ? null : t(l, a.messageKey()), "app-notice-message");
        Canvas pad = signature.canvas("app-notice-pad", () -> problem.setVisible(false)); // drawing now: "please sign" no longer applies
        StackPane frame = new StackPane(pad);
        frame.getStyleClass().add("app-signature-frame");
        frame.setMaxWidth(SignaturePad.WIDTH + 8);
        nodes.add(frame);
        nodes.add(problem);
        Button sign = button(l, "application.noticeSign", "app-notice-sign", () -> {
            // A blank pad is sent as no signature: the flow refuses it and says why.
            byte[] png = signature.signed() ? signature.png() : new byte[0];
            signature.clear();
            flow.fire(new ApplicationEvent.CommitConditions(png)); // the event keeps its own copy
            Arrays.fill(png, (byte) 0);
        });
        sign.getStyleClass().add("primary");
        nodes.add(actions(button(l, "application.back", "app-back", () -> flow.fire(new ApplicationEvent.Back())),
                button(l, "application.signClear", "app-notice-clear", () -> {
                    signature.clear();
                    redraw.run();
                }), sign, button(l, "application.cancel", "app-cancel", cancel)));
        return nodes;
    }

    // ---- the document camera ------------------------------------------------------------

    private List<Node> capturing(Language l) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(ServiceScreens.big(t(l, "application.capturing"), "app-message"));
        nodes.add(wrapped(t(l, "application.capture"), "app-hint"));
        ImageView v = preview.view("app-preview", 640, 480);
        StackPane frame = new StackPane(v);
        frame.getStyleClass().add("app-preview-frame");
        frame.setMinSize(640, 480);
        frame.setMaxSize(640, 480);
        nodes.add(frame);
        return nodes;
    }

    /** 亮证: what to show to the camera (the scan is the kiosk's), and a way back before a code is read. */
    private List<Node> showingLicense(Language l, ApplicationFlow flow, ApplicationState.ShowingLicense s) {
        List<Node> nodes = new ArrayList<>();
        if (s.checking()) {
            nodes.add(ServiceScreens.big(t(l, "application.showLicenseChecking"), "app-message"));
            return nodes;
        }
        nodes.add(ServiceScreens.big(t(l, "application.showLicenseTitle"), "app-message"));
        nodes.add(wrapped(f(l, "application.showLicensePrompt", flow.item().materials().get(s.material()).name().in(l)),
                "app-show-license-hint"));
        nodes.add(actions(button(l, "application.back", "app-back", () -> flow.fire(new ApplicationEvent.Back()))));
        return nodes;
    }

    // ---- delivery -----------------------------------------------------------------------

    private Regions regions() {
        if (regions == null && regionsProblem == null) {
            try {
                regions = Regions.baotou();
            } catch (Regions.MalformedRegions e) {
                regionsProblem = e.getMessage();
                org.slf4j.LoggerFactory.getLogger(ApplicationScreens.class).warn("postal regions unavailable: {}", regionsProblem);
            }
        }
        return regions;
    }

    private PostDraft draft(ApplicationFlow flow, Resident resident, Application app) {
        if (post == null) {
            post = new PostDraft();
            DeliveryChoice d = app.delivery();
            if (d != null && d.post()) { // back from the confirmation: what was chosen
                post.chosen = true;
                post.street = d.regionCode();
                post.district = d.regionCode() != null && d.regionCode().length() >= 6 ? d.regionCode().substring(0, 6) : null;
                post.detail = d.detail();
                post.recipient = d.recipient();
                post.mobile = d.mobile();
            } else {
                post.recipient = resident.name() == null ? "" : resident.name();
                post.mobile = phone(flow.item(), app);
            }
        }
        return post;
    }

    /** The form's mobile number, to start the delivery's with. */
    private static String phone(ItemDetail item, Application app) {
        if (item.form() != null) {
            for (FormField field : item.form().fields()) {
                if (field.type() == FieldType.PHONE && app.values().get(field.id()) != null) {
                    return app.values().get(field.id());
                }
            }
        }
        return "";
    }

    private List<Node> delivery(Language l, ApplicationFlow flow, ApplicationState.ChoosingDelivery s, Runnable cancel) {
        PostDraft d = draft(flow, s.resident(), s.application());
        if (d.typing != null) {
            return postKeyboard(l, d);
        }
        List<Node> nodes = new ArrayList<>();
        Label head = new Label(t(l, "application.delivery"));
        head.getStyleClass().add("section");
        nodes.add(head);
        nodes.add(message(s.messageKey() == null ? null : t(l, s.messageKey()), "app-delivery-message"));
        Regions rs = regions();
        Button window = button(l, "application.window", "app-delivery-window", () -> {
            d.chosen = false;
            flow.fire(new ApplicationEvent.ChooseWindow());
        });
        Button postButton = button(l, "application.post", "app-delivery-post", () -> {
            d.chosen = true;
            redraw.run();
        });
        if (d.chosen) {
            postButton.getStyleClass().add("selected");
        }
        postButton.setDisable(rs == null);
        nodes.add(actions(window, postButton));
        if (rs == null) {
            nodes.add(message(t(l, "application.regionsUnavailable"), "app-regions-unavailable"));
        } else if (d.chosen) {
            nodes.add(scroll(postForm(l, rs, d), "app-post-scroll", postScroll));
        }
        HBox buttons = actions(button(l, "application.back", "app-back", () -> flow.fire(new ApplicationEvent.Back())));
        if (d.chosen && rs != null) {
            Button next = button(l, "application.deliveryNext", "app-delivery-next", () -> flow.fire(new ApplicationEvent.ChoosePost(
                    d.street, d.street == null ? null : rs.postalRegion(d.street).orElse(null), d.detail, d.recipient, d.mobile)));
            next.getStyleClass().add("primary");
            buttons.getChildren().add(next);
        }
        buttons.getChildren().add(button(l, "application.cancel", "app-cancel", cancel));
        nodes.add(buttons);
        return nodes;
    }

    private Node postForm(Language l, Regions rs, PostDraft d) {
        VBox box = new VBox(12);
        box.setId("app-post-form");
        box.getChildren().add(new Label(t(l, "application.region") + "：" + rs.city().in(l)));
        FlowPane districts = new FlowPane(10, 10);
        districts.setId("app-regions");
        for (Regions.District district : rs.districts()) {
            Button b = screens.touchButton(district.name().in(l), "app-region-" + district.code(), () -> {
                if (!district.code().equals(d.district)) {
                    d.district = district.code();
                    d.street = null;
                }
                redraw.run();
            });
            b.getStyleClass().add("app-choice");
            if (district.code().equals(d.district)) {
                b.getStyleClass().add("selected");
            }
            districts.getChildren().add(b);
        }
        box.getChildren().add(districts);
        Optional<Regions.District> chosen = d.district == null ? Optional.empty() : rs.district(d.district);
        if (chosen.isPresent()) {
            box.getChildren().add(new Label(t(l, "application.street")));
            FlowPane streets = new FlowPane(10, 10);
            streets.setId("app-streets");
            for (Regions.Street street : chosen.get().streets()) {
                Button b = screens.touchButton(street.name(), "app-street-" + street.code(), () -> {
                    d.street = street.code();
                    redraw.run();
                });
                b.getStyleClass().add("app-choice");
                if (street.code().equals(d.street)) {
                    b.getStyleClass().add("selected");
                }
                streets.getChildren().add(b);
            }
            box.getChildren().add(streets);
        }
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(10);
        int row = 0;
        for (String part : List.of("detail", "recipient", "mobile")) {
            String value = switch (part) {
                case "detail" -> d.detail;
                case "recipient" -> d.recipient;
                default -> d.mobile;
            };
            String id = switch (part) {
                case "detail" -> "app-address-detail";
                case "recipient" -> "app-recipient";
                default -> "app-mobile";
            };
            Label k = new Label(t(l, "application.post." + part));
            k.getStyleClass().add("app-field-label");
            Button b = screens.touchButton(value == null || value.isEmpty() ? t(l, "application.tapToFill") : value, id, () -> {
                d.typing = part;
                redraw.run();
            });
            b.setMaxWidth(Double.MAX_VALUE);
            b.getStyleClass().add(value == null || value.isEmpty() ? "app-field-empty" : "app-field-value");
            GridPane.setHgrow(b, Priority.ALWAYS);
            g.add(k, 0, row);
            g.add(b, 1, row++);
        }
        box.getChildren().add(g);
        return box;
    }

    private List<Node> postKeyboard(Language l, PostDraft d) {
        String part = d.typing;
        String value = switch (part) {
            case "detail" -> d.detail;
            case "recipient" -> d.recipient;
            default -> d.mobile;
        };
        KeyboardMode mode = part.equals("mobile") ? KeyboardMode.DIGITS : KeyboardMode.PINYIN;
        int max = switch (part) {
            case "detail" -> 60;
            case "recipient" -> 30;
            default -> 11;
        };
        ChineseKeyboard kb = keyboard(l, mode, value, max);
        kb.setOnDone(text -> {
            String v = text.strip();
            switch (part) {
                case "detail" -> d.detail = v;
                case "recipient" -> d.recipient = v;
                default -> d.mobile = v;
            }
            d.typing = null;
            redraw.run();
        });
        Label head = new Label(t(l, "application.post." + part));
        head.setId("app-keyboard-field");
        head.getStyleClass().add("section");
        return List.of(head, kb, actions(button(l, "application.keyboardCancel", "app-keyboard-cancel", () -> {
            d.typing = null;
            redraw.run();
        })));
    }

    // ---- confirmation and result --------------------------------------------------------

    private List<Node> confirming(Language l, ApplicationFlow flow, ApplicationState.Confirming s, String itemName,
                                  Runnable cancel) {
        ItemDetail item = flow.item();
        Application app = s.application();
        GridPane g = new GridPane();
        g.setId("app-summary");
        g.setHgap(24);
        g.setVgap(10);
        g.getStyleClass().add("guide-grid");
        int[] row = {0};
        java.util.function.BiConsumer<String, String> add = (k, v) -> {
            Label key = new Label(k);
            key.getStyleClass().add("guide-key");
            key.setMinWidth(240);
            key.setWrapText(true);
            Label val = new Label(v);
            val.setWrapText(true);
            val.getStyleClass().add("guide-value");
            GridPane.setHgrow(val, Priority.ALWAYS);
            g.add(key, 0, row[0]);
            g.add(val, 1, row[0]++);
        };
        add.accept(t(l, "application.summary.item"), itemName);
        add.accept(t(l, "application.summary.applicant"), nz(s.resident().name()) + " " + s.resident().maskedIdNumber());
        if (item.form() != null) {
            for (FormField field : item.form().fields()) {
                String v = app.values().get(field.id());
                add.accept(field.label().in(l), v == null ? t(l, "application.notGiven") : shown(l, field, v));
            }
        }
        for (int i = 0; i < item.materials().size(); i++) {
            Resolution r = app.materials().get(i);
            String how = switch (r) {
                case ApplicationState.FromLicense x -> t(l, "application.exempt");
                case ApplicationState.Shared x -> t(l, "application.shared");
                case ApplicationState.ByForm x -> t(l, "application.byForm");
                case Pages p -> f(l, "application.pages", p.pages().size());
                case Committed c -> f(l, "application.committed", c.dueDate());
                case ApplicationState.Unresolved x -> t(l, "application.unresolved");
            };
            add.accept(item.materials().get(i).name().in(l), how);
        }
        if (app.conditions() != null) {
            add.accept(t(l, "application.noticeTitle"), t(l, "application.noticeSigned"));
        }
        DeliveryChoice d = app.delivery();
        add.accept(t(l, "application.summary.delivery"), d == null || !d.post() ? t(l, "application.window")
                : t(l, "application.post") + "：" + nz(d.region()) + nz(d.detail()) + "，" + nz(d.recipient()) + " " + nz(d.mobile()));
        List<Node> nodes = new ArrayList<>();
        nodes.add(ServiceScreens.big(t(l, "application.confirm"), "app-message"));
        nodes.add(scroll(g, "app-summary-scroll"));
        Button confirm = button(l, "application.submit", "app-confirm", () -> flow.fire(new ApplicationEvent.ConfirmSubmit()));
        confirm.getStyleClass().add("primary");
        nodes.add(actions(button(l, "application.back", "app-back", () -> flow.fire(new ApplicationEvent.Back())), confirm,
                button(l, "application.cancel", "app-cancel", cancel)));
        return nodes;
    }

    /** A value as the summary shows it: a choice by its label, an ID number masked (the screen may be seen by others). */
    private static String shown(Language l, FormField field, String v) {
        return switch (field.type()) {
            case CHOICE -> field.choice(v).map(c -> c.label().in(l)).orElse(v);
            case ID_NUMBER -> Masking.idNumber(v);
            default -> v;
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private Label caseNumber(Language l, String reference) {
        Label n = new Label(f(l, "application.caseNumber", reference == null ? "" : reference));
        n.setId("app-case-number");
        n.getStyleClass().add("app-case-number");
        n.setWrapText(true);
        n.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return n;
    }

    private List<Node> done(Language l, ApplicationFlow flow, ApplicationState.Done d, Runnable finish) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(ServiceScreens.big(d.outcome().title().in(l), "app-message"));
        nodes.add(caseNumber(l, d.outcome().reference()));
        HBox buttons = actions();
        if (d.printProblem() != null) {
            Label p = wrapped(t(l, "application.printFailed") + "：" + d.printProblem().in(l), "app-print-problem");
            p.getStyleClass().add("app-field-error");
            nodes.add(p);
            buttons.getChildren().add(button(l, "application.printRetry", "app-retry", () -> flow.fire(new ApplicationEvent.Retry())));
        } else {
            nodes.add(wrapped(t(l, "application.receiptPrinted"), "app-receipt-printed"));
        }
        if (!d.owed().isEmpty()) {
            VBox owed = new VBox(6);
            owed.setId("app-owed");
            owed.setAlignment(Pos.CENTER);
            for (int k = 0; k < d.owed().size(); k++) {
                ApplicationState.Owed o = d.owed().get(k);
                Label lab = wrapped(f(l, "application.owed", o.name(), o.dueDate()), "app-owed-" + k);
                lab.getStyleClass().add("app-owed");
                owed.getChildren().add(lab);
            }
            nodes.add(owed);
        }
        Button fin = button(l, "application.finish", "app-finish", finish);
        fin.getStyleClass().add("primary");
        buttons.getChildren().add(fin);
        nodes.add(buttons);
        return nodes;
    }

    private List<Node> failed(Language l, ApplicationFlow flow, ApplicationState.Failed s, Runnable cancel) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(ServiceScreens.big(t(l, s.code() == null ? "service.failed" : "application.refused"), "app-message"));
        if (s.message() != null) {
            nodes.add(wrapped(s.message().in(l), "app-failed-message"));
        }
        ItemDetail item = flow.item();
        for (FieldError e : s.fieldErrors()) {
            String label = item.form() == null ? e.fieldId()
                    : item.form().field(e.fieldId()).map(x -> x.label().in(l)).orElse(e.fieldId());
            Label lab = wrapped(f(l, "form.rule." + e.rule().name(), label), "app-failed-field-" + e.fieldId());
            lab.getStyleClass().add("app-field-error");
            nodes.add(lab);
        }
        HBox buttons = actions();
        if (s.canRetry() && s.application() != null) {
            buttons.getChildren().add(button(l, "service.retry", "app-retry", () -> flow.fire(new ApplicationEvent.Retry())));
        }
        if (!s.fieldErrors().isEmpty() && s.application() != null) {
            buttons.getChildren().add(button(l, "application.fixForm", "app-fix-form", () -> flow.fire(new ApplicationEvent.FixForm())));
        }
        buttons.getChildren().add(button(l, "application.leave", "app-leave", cancel));
        nodes.add(buttons);
        return nodes;
    }

    /** For tests: the keys the screens use that the bundles must have (MessagesTest covers bundle parity). */
    static List<String> keysUsed() {
        List<String> keys = new ArrayList<>();
        STEPS.forEach(s -> keys.add("application.step." + s));
        keys.addAll(List.of("application.consentTitle", "application.consentHint", "application.preparing",
                "application.prefilledMark", "application.tapToFill", "application.keyboardCancel", "application.rangeStart",
                "application.rangeEnd", "application.shared", "application.committed", "application.unresolved",
                "application.captureButton", "application.commitTitle", "application.sign", "application.signClear",
                "application.signCancel", "application.signAgain", "application.regionsUnavailable", "application.region",
                "application.street", "application.post.detail", "application.post.recipient", "application.post.mobile",
                "application.deliveryNext", "application.summary.item", "application.summary.applicant",
                "application.summary.delivery", "application.notGiven", "application.printing", "application.printRetry",
                "application.receiptPrinted", "application.finish", "application.leave", "application.ended",
                "application.cancel", "application.noticeTitle", "application.noticeIntro", "application.noticeSign",
                "application.noticeSigned", "application.signHere", "application.signatureMissing", "application.back",
                "application.showLicenseButton", "application.showLicenseTitle", "application.showLicensePrompt",
                "application.showLicenseChecking"));
        return keys;
    }
}
