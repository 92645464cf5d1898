package org.zizhu.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.slf4j.LoggerFactory;
import org.zizhu.kiosk.catalog.CatalogModel;
import org.zizhu.kiosk.catalog.CatalogModel.Audience;
import org.zizhu.kiosk.catalog.CatalogModel.Group;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.catalog.CatalogModel.ItemSummary;
import org.zizhu.kiosk.catalog.CatalogModel.Material;
import org.zizhu.kiosk.flow.BrowseFlow;
import org.zizhu.kiosk.flow.BrowseState;
import org.zizhu.kiosk.flow.BrowseView;
import org.zizhu.kiosk.flow.GuideActions;
import org.zizhu.kiosk.flow.KioskFlow;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;

/**
 * Builds the node tree for a {@link BrowseView}. Thin by design: every decision is in the
 * flow (what is listed, which actions a guide offers); these methods only lay out what the view
 * says and forward touches to the flow. Node ids are stable so tests and screenshots can find
 * elements.
 */
final class Screens {

    private final KioskFlow kiosk;
    private final BrowseFlow flow;
    private final Messages msg;
    private final UiMetrics metrics;
    private org.zizhu.kiosk.flow.keyboard.CandidateSource pinyin = (letters, limit) -> List.of();
    private java.util.concurrent.CompletableFuture<?> pinyinBuild;

    Screens(KioskFlow kiosk, Messages msg, UiMetrics metrics) {
        this.kiosk = kiosk;
        this.flow = kiosk.browse();
        this.msg = msg;
        this.metrics = metrics;
    }

    /**
     * The search pad's Chinese candidates: the pinyin index the application forms use (built
     * after start-up; until then the pad offers letters and digits).
     */
    void usePinyin(org.zizhu.kiosk.flow.keyboard.CandidateSource source, java.util.concurrent.CompletableFuture<?> build) {
        this.pinyin = source;
        this.pinyinBuild = build;
    }

    Node render(BrowseView v) {
        BrowseState s = v.state();
        return switch (s.screen()) {
            case ATTRACT -> attract(s.language());
            case HOME -> home(v);
            case GUIDE -> v.detail() != null ? guide(s.language(), v.detail(), kiosk.guideActions(v.detail())) : home(v);
        };
    }

    private String t(Language l, String key) {
        return msg.get(l, key);
    }

    /**
     * Smallest side of anything a resident touches on this screen, in pixels: 15 mm, or 20 mm
     * in elder mode. Screens are rebuilt when the mode changes, so reading it while building
     * follows the visit's state.
     */
    double minTouchPx() {
        return metrics.minTouchPx(kiosk.elderMode());
    }

    /** The screen's shape (landscape or portrait), fixed by configuration. */
    Layout layout() {
        return Layout.of(metrics);
    }

    UiMetrics metrics() {
        return metrics;
    }

    Button touchButton(String text, String id, Runnable action) {
        // Never squeezed below the touch size of the mode on screen, nor below its own text: a
        // full column (elder mode's larger type) must not cut a button's label in half.
        Button b = new Button(text) {
            @Override
            protected double computeMinHeight(double width) {
                return Math.max(minTouchPx(), computePrefHeight(width));
            }
        };
        b.setId(id);
        b.setMinWidth(minTouchPx());
        b.setWrapText(true);
        b.setOnAction(e -> action.run());
        return b;
    }

    private Node attract(Language l) {
        return attract(l, "attract.touch", "screen-attract");
    }

    /**
     * The attract screen while the kiosk is still opening its database and devices: it says
     * so instead of inviting a touch it cannot serve yet.
     */
    Node starting(Language l) {
        return attract(l, "startup.starting", "screen-starting");
    }

    private Node attract(Language l, String promptKey, String id) {
        Label title = new Label(t(l, "attract.title"));
        title.getStyleClass().add("attract-title");
        title.setWrapText(true);
        Label touch = new Label(t(l, promptKey));
        touch.setId("attract-touch");
        touch.getStyleClass().add("attract-touch");
        Label hint = new Label(t(l, "attract.hint"));
        hint.getStyleClass().add("attract-hint");
        hint.setWrapText(true);
        javafx.scene.layout.Pane box;
        if (l == Language.MN) {
            // Mongolian is read in columns from the left: the title, the prompt and the hint stand
            // side by side in that order (MongolianScript draws each as columns).
            for (Label c : List.of(title, touch, hint)) {
                c.setMaxHeight(0.55 * metrics.screenHeightPx()); // columns this long, so few of them
            }
            HBox row = new HBox(56, title, touch, hint);
            row.setAlignment(Pos.CENTER);
            box = row;
        } else if (bilingualMongolian) {
            // 蒙汉双语 (Inner Mongolia's rules for public text): Mongolian above the Chinese in a
            // horizontal layout, at the same size (same style class, drawn as a horizontal line).
            Label titleMn = new Label(t(Language.MN, "attract.title"));
            titleMn.setId("attract-title-mn");
            titleMn.getStyleClass().addAll("attract-title", MongolianScript.HORIZONTAL_CLASS);
            Label touchMn = new Label(t(Language.MN, promptKey));
            touchMn.setId("attract-touch-mn");
            touchMn.getStyleClass().addAll("attract-touch", MongolianScript.HORIZONTAL_CLASS);
            VBox col = new VBox(28, titleMn, title, touchMn, touch, hint);
            col.setAlignment(Pos.CENTER);
            box = col;
        } else {
            VBox col = new VBox(40, title, touch, hint);
            col.setAlignment(Pos.CENTER);
            box = col;
        }
        box.setId(id);
        box.getStyleClass().add("attract");
        return box;
    }

    /** Attract screen in Mongolian and Chinese (ui.bilingualMongolian, when Mongolian can be drawn). */
    private boolean bilingualMongolian;

    void showBilingualMongolian(boolean on) {
        bilingualMongolian = on;
    }

    private Node home(BrowseView v) {
        BrowseState s = v.state();
        Language l = s.language();
        ToggleGroup audienceGroup = new ToggleGroup();
        ToggleButton person = new ToggleButton(t(l, "home.person"));
        person.setId("audience-person");
        ToggleButton enterprise = new ToggleButton(t(l, "home.enterprise"));
        enterprise.setId("audience-enterprise");
        for (ToggleButton b : List.of(person, enterprise)) {
            b.setToggleGroup(audienceGroup);
            b.setMinHeight(minTouchPx());
            b.setMaxWidth(Double.MAX_VALUE);
            b.getStyleClass().add("audience");
        }
        (s.audience() == Audience.ENTERPRISE ? enterprise : person).setSelected(true);
        person.setOnAction(e -> flow.chooseAudience(Audience.PERSON));
        enterprise.setOnAction(e -> flow.chooseAudience(Audience.ENTERPRISE));

        boolean portrait = layout().portrait();
        // Upright screen: the audiences and groups wrap in rows above the items, not a column beside them.
        javafx.scene.layout.Pane side = portrait ? new FlowPane(12, 12, person, enterprise) : new VBox(12, person, enterprise);
        if (kiosk.offersCaseProgress()) {
            // 办件查询 first: a resident back to follow an application need not look for it.
            Button cases = touchButton(t(l, "home.cases"), "home-cases", kiosk::startCaseProgress);
            cases.setMaxWidth(Double.MAX_VALUE);
            cases.getStyleClass().add("home-cases");
            side.getChildren().add(0, cases);
        }
        side.setId("home-groups");
        side.getStyleClass().add("side");
        if (!portrait) {
            side.setPrefWidth(kiosk.elderMode() ? 480 : 360);
        }
        Label groupsTitle = new Label(t(l, "home.groups"));
        groupsTitle.getStyleClass().add("side-title");
        if (portrait) {
            // A line of its own in the rows: as wide as the panel.
            groupsTitle.prefWidthProperty().bind(side.widthProperty().subtract(24));
            for (Node n : side.getChildren()) {
                ((javafx.scene.control.Control) n).setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        side.getChildren().add(groupsTitle);
        Button all = touchButton(t(l, "home.allGroups"), "group-all", flow::home);
        all.setMaxWidth(portrait ? javafx.scene.layout.Region.USE_PREF_SIZE : Double.MAX_VALUE);
        if (s.groupId() == null && s.query().isEmpty()) {
            all.getStyleClass().add("selected");
        }
        side.getChildren().add(all);
        for (Group g : v.groups()) {
            Button b = touchButton(g.name().in(l), "group-" + g.id(), () -> flow.chooseGroup(g.id()));
            b.setMaxWidth(portrait ? javafx.scene.layout.Region.USE_PREF_SIZE : Double.MAX_VALUE);
            if (g.id().equals(s.groupId())) {
                b.getStyleClass().add("selected");
            }
            side.getChildren().add(b);
        }
        Node sidePart;
        if (portrait) {
            // The rows of groups are short on an upright screen: all shown, the items scroll below.
            side.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            sidePart = side;
        } else {
            ScrollPane sideScroll = new ScrollPane(side);
            sideScroll.setFitToWidth(true);
            sideScroll.getStyleClass().add("side-scroll");
            // The groups keep their width when the main part asks for more (the search pad, a
            // Mongolian row of vertical labels): squeezed, their buttons would lie under the scroll bar.
            sideScroll.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            sidePart = sideScroll;
        }

        // A terminal has no keyboard: a touch on the field opens the on-screen pad under it
        // (pinyin with candidates, letters, digits); the field shows what is typed, and the pad's
        // done key or the search button searches.
        TextField search = new TextField(s.query());
        search.setId("search-field");
        search.setEditable(false);
        // A text field's prompt is JavaFX text, which cannot join Mongolian letters: Chinese then.
        search.setPromptText(t(l == Language.MN ? Language.ZH : l, "home.searchPrompt"));
        search.setMinHeight(minTouchPx());
        HBox.setHgrow(search, Priority.ALWAYS);
        ChineseKeyboard pad = new ChineseKeyboard(msg, l, pinyin,
                org.zizhu.kiosk.flow.keyboard.KeyboardState.start(org.zizhu.kiosk.flow.keyboard.KeyboardMode.PINYIN, s.query(), 24),
                minTouchPx());
        pad.setId("search-pad");
        if (pinyinBuild != null) {
            pad.refreshWhenReady(pinyinBuild);
        }
        pad.setVisible(false);
        pad.setManaged(false);
        pad.setOnChange(st -> search.setText(st.text()));
        pad.setOnDone(flow::search);
        List<Node> list = new ArrayList<>(); // filled below: what the pad stands in for while open
        search.setOnMouseClicked(e -> {
            // The pad takes the list's place until the search: both would not fit on an upright
            // screen in elder mode, and the list is what the search replaces anyway.
            pad.setVisible(true);
            pad.setManaged(true);
            for (Node n : list) {
                n.setVisible(false);
                n.setManaged(false);
            }
        });
        Button go = touchButton(t(l, "home.search"), "search-button",
                () -> pad.press(org.zizhu.kiosk.flow.keyboard.Key.Simple.DONE));
        HBox searchBar = new HBox(12, search, go);
        searchBar.getStyleClass().add(MongolianScript.HORIZONTAL_CLASS); // one row: the key beside the field
        searchBar.setAlignment(Pos.CENTER_LEFT);
        // The item list takes what is left: the bar keeps its full height (elder mode's larger type).
        searchBar.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        List<ItemSummary> items = v.items();
        String heading = switch (v.listing()) {
            case SEARCH -> String.format(t(l, "home.searchResults"), s.query(), items.size());
            case GROUP -> v.groupName() == null ? "" : v.groupName().in(l);
            case HIGH_FREQUENCY -> t(l, "home.highFrequency");
        };
        Label head = new Label(heading);
        head.setId("home-heading");
        head.getStyleClass().add("heading");
        head.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        FlowPane grid = new FlowPane(16, 16);
        grid.setId("home-items");
        for (ItemSummary item : items) {
            grid.getChildren().add(itemTile(l, item));
        }
        Node body;
        if (v.catalogEmpty()) {
            Label empty = new Label(t(l, "home.noCatalog"));
            empty.setId("home-no-catalog");
            empty.setWrapText(true);
            empty.getStyleClass().add("empty");
            body = empty;
        } else if (items.isEmpty()) {
            Label empty = new Label(t(l, "home.noResults"));
            empty.setId("home-no-results");
            empty.getStyleClass().add("empty");
            body = empty;
        } else {
            ScrollPane sp = new ScrollPane(grid);
            sp.setFitToWidth(true);
            sp.getStyleClass().add("items-scroll");
            body = sp;
        }
        list.add(head);
        list.add(body);
        VBox main = new VBox(20, searchBar, pad, head, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        javafx.scene.layout.Pane root = layout().pair(24, sidePart, main);
        root.setId("screen-home");
        root.setPadding(new Insets(24));
        return root;
    }

    private Node itemTile(Language l, ItemSummary item) {
        Label name = new Label(item.name().in(l));
        name.setWrapText(true);
        name.getStyleClass().add("tile-name");
        FlowPane badges = new FlowPane(6, 6); // wrap in a narrow tile rather than cut
        badges.getStyleClass().add(MongolianScript.HORIZONTAL_CLASS); // a badge is one short line
        for (CatalogModel.Handling h : item.handling()) {
            if (h == CatalogModel.Handling.GUIDE) {
                continue;
            }
            Label b = new Label(t(l, "handling." + h.name()));
            b.getStyleClass().addAll("badge", "badge-" + h.name().toLowerCase(java.util.Locale.ROOT));
            badges.getChildren().add(b);
        }
        VBox content = new VBox(8, name, badges);
        // Elder mode: the larger type needs larger tiles (1.5x, as the type).
        double scale = kiosk.elderMode() ? 1.5 : 1.0;
        double least = Math.max(130 * scale, minTouchPx());
        // A long name wraps onto more lines and the tile grows for it, never an ellipsis: a
        // Labeled lays its graphic out one line high, so the tile measures and places it itself.
        Button tile = new Button() {
            @Override
            protected double computePrefHeight(double width) {
                Insets in = getInsets();
                double inner = (width > 0 ? width : getPrefWidth()) - in.getLeft() - in.getRight();
                return Math.max(least, in.getTop() + content.prefHeight(inner) + in.getBottom());
            }

            @Override
            protected double computeMinHeight(double width) {
                return computePrefHeight(width);
            }

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                Insets in = getInsets();
                content.resizeRelocate(in.getLeft(), in.getTop(), getWidth() - in.getLeft() - in.getRight(),
                        getHeight() - in.getTop() - in.getBottom());
            }
        };
        tile.setGraphic(content);
        tile.setId("item-" + item.code());
        tile.getStyleClass().add("tile");
        tile.setPrefWidth(330 * scale);
        tile.setOnAction(e -> flow.openItem(item.code()));
        return tile;
    }

    private Node guide(Language l, ItemDetail d, GuideActions actions) {
        GridPane g = new GridPane();
        g.setId("guide-grid");
        g.setHgap(24);
        g.setVgap(14);
        g.getStyleClass().addAll("guide-grid", MongolianScript.HORIZONTAL_CLASS); // heading: value rows read as lines
        int[] row = {0};
        java.util.function.BiConsumer<String, String> add = (key, value) -> {
            Label k = new Label(t(l, "guide." + key));
            k.getStyleClass().add("guide-key");
            k.setMinWidth(220);
            k.setWrapText(true); // a longer English key takes two lines rather than an ellipsis
            k.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label v = new Label(value);
            v.setId("guide-" + key);
            v.setWrapText(true);
            v.getStyleClass().add("guide-value");
            GridPane.setHgrow(v, Priority.ALWAYS);
            g.add(k, 0, row[0]);
            g.add(v, 1, row[0]++);
        };
        add.accept("name", d.name().in(l));
        add.accept("code", d.code());
        add.accept("type", d.type().in(l));
        add.accept("audience", d.audienceText().in(l));
        add.accept("legalBasis", d.legalBasis().in(l));
        add.accept("implementingBody", d.implementingBody().in(l));
        add.accept("acceptanceConditions", d.acceptanceConditions().in(l));
        add.accept("statutoryTimeLimit", d.statutoryTimeLimit().text().in(l));
        add.accept("promisedTimeLimit", d.promisedTimeLimit().text().in(l));
        add.accept("resultName", d.resultName().in(l));
        add.accept("resultSample", d.resultSample().in(l));
        add.accept("fee", d.fee().standard().in(l));
        add.accept("feeBasis", d.fee().basis().in(l));
        add.accept("missingMaterialAcceptance", d.missingMaterialAcceptance().text().in(l));
        add.accept("channels", d.channels().in(l));
        add.accept("reviewCriteria", d.reviewCriteria().in(l));
        add.accept("scope", d.scopeText().in(l));
        add.accept("appointment", toggle(l, d.appointment()));
        add.accept("onlinePayment", toggle(l, d.onlinePayment()));
        add.accept("delivery", toggle(l, d.delivery()));
        add.accept("place", d.place().in(l));
        add.accept("hours", d.hours().in(l));
        add.accept("enquiries", d.enquiries().in(l));
        add.accept("complaints", d.complaints().in(l));

        VBox materials = new VBox(12);
        materials.setId("guide-materials");
        Label mh = new Label(t(l, "guide.materials"));
        mh.getStyleClass().add("section");
        materials.getChildren().add(mh);
        int n = 1;
        for (Material m : d.materials()) {
            materials.getChildren().add(material(l, n++, m));
        }

        Label ph = new Label(t(l, "guide.process"));
        ph.getStyleClass().add("section");
        FlowChartView chart = new FlowChartView(d.process(), l);
        chart.setId("guide-process");

        VBox content = new VBox(24, g, materials, ph, chart);
        content.setPadding(new Insets(8, 24, 24, 8));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("guide-scroll");
        scroll.setFitToWidth(true);
        HBox.setHgrow(scroll, Priority.ALWAYS);

        boolean portrait = layout().portrait();
        VBox right = new VBox(16);
        right.setAlignment(Pos.TOP_CENTER);
        if (!portrait) {
            right.setPrefWidth(340);
            right.setMinWidth(300);
        }
        Label title = new Label(d.name().in(l));
        title.setId("guide-title");
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.getStyleClass().add("heading");
        right.getChildren().add(title);
        try {
            ImageView qr = new ImageView(QrImages.of(d.guideUrl(), 260));
            qr.setId("guide-qr");
            qr.setUserData(d.guideUrl());
            Label cap = new Label(t(l, "guide.qr"));
            cap.setWrapText(true);
            cap.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            right.getChildren().addAll(qr, cap);
        } catch (Exception e) {
            // A URL that cannot be encoded only costs the QR code, never the guide.
            LoggerFactory.getLogger(Screens.class).warn("guide QR for {} could not be drawn: {}", d.code(), e.toString());
        }
        if (actions.start()) {
            Button start = touchButton(t(l, "guide.start"), "guide-start", () -> kiosk.startService(d));
            start.setMaxWidth(Double.MAX_VALUE);
            start.getStyleClass().add("primary");
            right.getChildren().add(start);
        }
        if (actions.checkIn()) {
            Button b = touchButton(t(l, "guide.checkIn"), "guide-check-in", () -> kiosk.startCheckIn(d));
            b.setMaxWidth(Double.MAX_VALUE);
            right.getChildren().add(b);
        }
        if (actions.queueTicket()) {
            Button ticket = touchButton(t(l, "guide.queue"), "guide-queue", () -> kiosk.takeTicket(d));
            ticket.setMaxWidth(Double.MAX_VALUE);
            right.getChildren().add(ticket);
        }
        if (actions.print()) {
            Button print = touchButton(t(l, "guide.print"), "guide-print", () -> kiosk.printGuide(d));
            print.setMaxWidth(Double.MAX_VALUE);
            right.getChildren().add(print);
        }
        Button back = touchButton(t(l, "nav.back"), "nav-back", flow::back);
        back.setMaxWidth(Double.MAX_VALUE);
        right.getChildren().add(back);

        javafx.scene.layout.Pane root;
        if (portrait) {
            // Upright screen: title, QR code and actions above the guide's text, the actions
            // in rows beside the QR code so the text keeps most of the height.
            List<Node> buttons = new java.util.ArrayList<>(right.getChildren().filtered(x -> x instanceof Button));
            List<Node> qrParts = new java.util.ArrayList<>(right.getChildren().filtered(x -> !(x instanceof Button) && x != title));
            right.getChildren().removeAll(buttons);
            right.getChildren().removeAll(qrParts);
            FlowPane actionRow = new FlowPane(16, 16, buttons.toArray(Node[]::new));
            actionRow.setId("guide-actions");
            VBox qrBox = new VBox(8, qrParts.toArray(Node[]::new));
            qrBox.setAlignment(Pos.TOP_CENTER);
            qrBox.setPrefWidth(300);
            qrBox.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            for (Node b : buttons) {
                ((Button) b).setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            right.getChildren().add(actionRow);
            right.setAlignment(Pos.TOP_LEFT);
            HBox.setHgrow(right, Priority.ALWAYS);
            HBox top = new HBox(24, right, qrBox);
            top.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            VBox.setVgrow(scroll, Priority.ALWAYS);
            root = new VBox(24, top, scroll);
        } else {
            // Scrolls when the column is taller than the screen (a long name, elder mode's type):
            // the actions stay reachable, none is pushed off the window.
            ScrollPane rightScroll = new ScrollPane(right);
            rightScroll.setId("guide-actions-scroll");
            rightScroll.setFitToWidth(true);
            rightScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            rightScroll.getStyleClass().add("side-scroll");
            // Room for the column and its scroll bar (a finger wide), so the bar never covers a key.
            rightScroll.setMinWidth(340 + minTouchPx());
            rightScroll.setPrefWidth(340 + minTouchPx());
            root = new HBox(24, scroll, rightScroll);
        }
        root.setId("screen-guide");
        root.setPadding(new Insets(24));
        return root;
    }

    private String toggle(Language l, CatalogModel.Toggle t) {
        return t(l, t.supported() ? "guide.supported" : "guide.notSupported") + " — " + t.text().in(l);
    }

    private Node material(Language l, int n, Material m) {
        Label name = new Label(n + ". " + m.name().in(l));
        name.getStyleClass().add("material-name");
        name.setWrapText(true);
        StringBuilder sb = new StringBuilder();
        line(sb, t(l, "material.kind"), t(l, "kind." + m.kind().name()));
        line(sb, t(l, "material.sample"), m.sample().in(l));
        line(sb, t(l, "material.electronicForm"), m.electronicForm().in(l));
        line(sb, t(l, "material.source"), m.source().in(l));
        line(sb, t(l, "material.copies"), String.valueOf(m.copies()));
        line(sb, t(l, "material.format"), m.format().in(l));
        line(sb, t(l, "material.electronicRequired"), t(l, m.electronicRequired() ? "material.yes" : "material.no"));
        if (m.exemptBySharing()) {
            sb.append(t(l, "material.exempt")).append('\n');
        }
        if (m.missingAllowed()) {
            sb.append(t(l, "material.missingAllowed")).append('\n');
        }
        Label attrs = new Label(sb.toString().strip());
        attrs.setWrapText(true);
        attrs.getStyleClass().add("material-attrs");
        VBox box = new VBox(4, name, attrs);
        box.getStyleClass().add(m.exemptBySharing() ? "material-exempt" : "material");
        box.setId("material-" + n);
        return box;
    }

    private static void line(StringBuilder sb, String k, String v) {
        sb.append(k).append("：").append(v).append('\n');
    }
}
