package org.zizhu.kiosk.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.zizhu.kiosk.catalog.CatalogJson;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.catalog.CatalogModel.Material;
import org.zizhu.kiosk.catalog.CatalogModel.MaterialKind;
import org.zizhu.forms.FieldRule;
import org.zizhu.kiosk.flow.ApplicationEvent;
import org.zizhu.kiosk.flow.ApplicationFlow;
import org.zizhu.kiosk.flow.ApplicationPorts;
import org.zizhu.kiosk.flow.ApplicationState;
import org.zizhu.kiosk.flow.KioskFlow;
import org.zizhu.kiosk.flow.ServicePorts.Outcome;
import org.zizhu.kiosk.flow.ServicePorts.ServiceException;
import org.zizhu.kiosk.flow.keyboard.KeyboardState;
import org.zizhu.kiosk.forms.FormRules.FieldError;
import org.zizhu.kiosk.flow.keyboard.PinyinIndex;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Visit;

/**
 * The application pages headless under Monocle, over a real {@link ApplicationFlow} whose ports
 * are in-memory (the flow against central-sim, the document camera and the printers is
 * ApplicationFlowCentralTest's): identify, consent, the prefilled form completed on the Chinese
 * keyboard (pinyin candidates from the real index), a bad phone number named with its rule, a page
 * taken with the live preview, retaken and deleted, a 容缺 commitment signed by dragging on the
 * pad, postal delivery to a Baotou street, the summary, the case number. The ports then hold what
 * the resident touched: the values, the page, a real PNG signature, the address.
 */
class ApplicationScreensUiTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final String WANG = "150202198503120016";
    static final String CASE = "ZW-20261202-0042";
    private static PinyinIndex index;
    private static ItemDetail item;

    private final FxRobot robot = new FxRobot();
    private final Messages messages = new Messages();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "application-ui-test-worker");
        t.setDaemon(true);
        return t;
    });
    private FakePorts ports;
    private ApplicationFlow flow;
    private ApplicationScreens screens;
    private BorderPane root;
    private final AtomicBoolean finished = new AtomicBoolean();

    @BeforeAll
    static void load() throws Exception {
        index = PinyinIndex.load();
        item = applicationItem();
    }

    /**
     * From the seeded catalogue: an application item with a form that has a phone field, a paper
     * material the camera must take, a 容缺 material and postal delivery. The retirement application
     * (退休申请) is one; its form's fields are typed below.
     */
    static ItemDetail applicationItem() throws Exception {
        List<ItemDetail> fit = new ArrayList<>();
        try (InputStream list = ApplicationScreensUiTest.class.getResourceAsStream("/catalog/index.txt")) {
            for (String file : new String(list.readAllBytes(), StandardCharsets.UTF_8).split("\\s+")) {
                if (file.isBlank()) {
                    continue;
                }
                try (InputStream in = ApplicationScreensUiTest.class.getResourceAsStream("/catalog/items/" + file)) {
                    ObjectNode node = (ObjectNode) new ObjectMapper().readTree(in);
                    node.put("guideUrl", "http://127.0.0.1/items/" + node.path("code").asText());
                    ItemDetail d = CatalogJson.item(node);
                    boolean paper = d.materials().stream().anyMatch(m -> m.kind() != MaterialKind.FORM && m.eLicenseType() == null
                            && !m.exemptBySharing() && !ApplicationFlow.committable(m));
                    if (d.takesApplication() && d.form() != null && !d.committableMaterials().isEmpty()
                            && d.offersPostalDelivery() && paper && d.form().field("phone").isPresent()) {
                        fit.add(d);
                    }
                }
            }
        }
        return fit.stream().filter(d -> d.code().equals("12150200MB1C47725K050210200001")).findFirst()
                .orElseThrow(() -> new AssertionError("the retirement application is no longer in the catalogue: " + fit));
    }

    static ItemDetail item(String code) throws Exception {
        try (InputStream in = ApplicationScreensUiTest.class.getResourceAsStream("/catalog/items/" + code + ".json")) {
            ObjectNode node = (ObjectNode) new ObjectMapper().readTree(in);
            node.put("guideUrl", "http://127.0.0.1/items/" + code);
            return CatalogJson.item(node);
        }
    }

    /** A small JPEG of one colour (the camera's page; a different shade per capture). */
    static byte[] jpeg(int shade) {
        try {
            BufferedImage img = new BufferedImage(64, 90, BufferedImage.TYPE_3BYTE_BGR);
            for (int y = 0; y < 90; y++) {
                for (int x = 0; x < 64; x++) {
                    img.setRGB(x, y, (shade * 40 % 256) << 16 | 0x8080);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpeg", out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ports in memory: each page waits for the test's go; the submission is copied as it arrives (the flow wipes its images after). */
    static final class FakePorts implements ApplicationPorts {
        final BlockingQueue<Boolean> go = new LinkedBlockingQueue<>();
        final AtomicInteger captures = new AtomicInteger();
        final AtomicInteger previews = new AtomicInteger();
        final AtomicInteger submissions = new AtomicInteger();
        final AtomicInteger receipts = new AtomicInteger();
        final List<byte[]> taken = new ArrayList<>();
        volatile Map<String, String> values;
        volatile List<List<byte[]>> pages;
        volatile byte[] signature;
        /** The signed 告知承诺 conditions as submitted (null: none). */
        volatile byte[] conditions;
        volatile LocalDate due;
        volatile ApplicationState.DeliveryChoice delivery;
        volatile List<ApplicationState.Owed> owed;
        /** The centre refuses the first submission, naming the phone field. */
        volatile boolean refuseFirst;
        final AtomicInteger printFailures = new AtomicInteger();

        /** Set: the verification waits for it, so the face check stays on the screen meanwhile. */
        volatile java.util.concurrent.CountDownLatch verifying;
        volatile org.zizhu.kiosk.flow.FaceGuideView.Prompt facePrompt = org.zizhu.kiosk.flow.FaceGuideView.Prompt.OK;

        @Override
        public Optional<org.zizhu.kiosk.flow.FaceGuideView> faceGuide() {
            return Optional.of(new org.zizhu.kiosk.flow.FaceGuideView(jpeg(3), facePrompt));
        }

        @Override
        public Prepared prepare(ItemDetail item, Resident resident, List<String> licenseTypes, boolean consented, String businessRef) {
            java.util.concurrent.CountDownLatch gate = verifying;
            if (gate != null) {
                try {
                    gate.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new Prepared(new Resident("王建国", WANG, Resident.Source.ID_CARD, LocalDate.of(2036, 1, 1)), "AUTH-1",
                    List.of(new License("ID_CARD", "1.2.156.3005.2.111.11150200MB1532145Q.1985001001.001.3",
                            new ObjectMapper().createObjectNode())));
        }

        /** The enterprise's credit code as the resident typed it on the enterprise step (null: none yet). */
        volatile String enterpriseCode;

        @Override
        public org.zizhu.kiosk.flow.ServicePorts.VerifiedPerson verifyPerson(Resident resident) {
            return () -> { };
        }

        @Override
        public org.zizhu.kiosk.session.EnterpriseIdentity identifyEnterprise(org.zizhu.kiosk.flow.ServicePorts.VerifiedPerson person,
                                                                            org.zizhu.kiosk.flow.EnterpriseChoice choice) {
            enterpriseCode = ((org.zizhu.kiosk.flow.EnterpriseChoice.Typed) choice).creditCode();
            return new org.zizhu.kiosk.session.EnterpriseIdentity(enterpriseCode, "包头市鹿城智联科技有限公司", "Lucheng",
                    "LIMITED_LIABILITY_COMPANY", "有限责任公司", org.zizhu.kiosk.session.EnterpriseIdentity.Role.LEGAL_REPRESENTATIVE,
                    null, true, "ENT", "RES", java.time.Instant.now().plusSeconds(600));
        }

        @Override
        public Prepared prepare(ItemDetail item, Resident resident, List<String> licenseTypes, boolean consented, String businessRef,
                                org.zizhu.kiosk.flow.ServicePorts.VerifiedPerson person,
                                org.zizhu.kiosk.session.EnterpriseIdentity enterprise) {
            return prepare(item, resident, licenseTypes, consented, businessRef);
        }

        @Override
        public Image capturePage() throws ServiceException {
            try {
                if (go.poll(30, TimeUnit.SECONDS) == null) {
                    throw new ServiceException("test never let the page be taken", new Text("未拍摄", "not taken"), true, null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceException("interrupted", null, true, e);
            }
            byte[] b = jpeg(captures.incrementAndGet());
            synchronized (taken) {
                taken.add(b.clone());
            }
            return new Image(b);
        }

        @Override
        public Optional<byte[]> previewJpeg() {
            previews.incrementAndGet();
            return Optional.of(jpeg(0));
        }

        @Override
        public SubmitResult submit(ItemDetail item, Resident resident, ApplicationState.Application app, String key) {
            if (submissions.incrementAndGet() == 1 && refuseFirst) {
                return new Refused("FORM_INVALID", List.of(new FieldError("phone", FieldRule.PHONE)),
                        new Text("联系电话不是有效的手机号码", "The contact phone is not a valid mobile number"));
            }
            values = new LinkedHashMap<>(app.values());
            List<List<byte[]>> p = new ArrayList<>();
            for (ApplicationState.Resolution r : app.materials()) {
                if (r instanceof ApplicationState.Pages pg) {
                    p.add(pg.pages().stream().map(Image::bytes).toList());
                } else if (r instanceof ApplicationState.Committed c) {
                    signature = c.signature().bytes();
                    due = c.dueDate();
                }
            }
            pages = p;
            conditions = app.conditions() == null ? null : app.conditions().signature().bytes();
            delivery = app.delivery();
            return new Accepted(new Outcome() {
                @Override
                public Text title() {
                    return new Text("申请已受理", "Accepted");
                }

                @Override
                public String reference() {
                    return CASE;
                }

                @Override
                public void wipe() {
                }
            });
        }

        @Override
        public void printReceipt(ItemDetail item, Resident resident, Outcome outcome, List<ApplicationState.Received> received,
                                 List<ApplicationState.Owed> owed) throws ServiceException {
            receipts.incrementAndGet();
            if (printFailures.getAndDecrement() > 0) {
                throw new ServiceException("paper out", new Text("回执打印机缺纸", "The receipt printer is out of paper"), true, null);
            }
            this.owed = owed;
        }
    }

    private Language language = Language.ZH;

    private void show() throws Exception {
        show(new FakePorts(), Language.ZH);
    }

    private void show(FakePorts fake, Language l) throws Exception {
        show(fake, l, item);
    }

    private void show(FakePorts fake, Language l, ItemDetail shownItem) throws Exception {
        ports = fake;
        language = l;
        flow = ApplicationFlow.start(shownItem, ports, new Visit(), worker, CLOCK);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            KioskFlow kiosk = new KioskFlow(Language.ZH, Duration.ofMinutes(2), CLOCK, Runnable::run, Runnable::run);
            screens = new ApplicationScreens(messages, new Screens(kiosk, messages, new UiMetrics(1280, 800, 21.5)), index);
            root = new BorderPane();
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(KioskApplication.class.getResource("kiosk.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            rerender();
        });
        // As the kiosk does: every new state is rendered on the FX thread.
        flow.addListener(s -> Platform.runLater(this::rerender));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void rerender() {
        root.setCenter(screens.render(language, flow, flow.item().name().in(language), () -> { }, () -> finished.set(true)));
    }

    @AfterEach
    void close() throws Exception {
        if (ports == null) {
            return; // no stage was shown
        }
        for (int i = 0; i < 4; i++) {
            ports.go.offer(true); // a capture left waiting must not hold the worker
        }
        FxToolkit.cleanupStages();
        worker.shutdownNow();
    }

    // ---- touching -----------------------------------------------------------------------

    private Optional<Node> find(String id) {
        return robot.lookup(id).tryQuery();
    }

    private void waitFor(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return find(id).isPresent();
        });
    }

    /** Scrolls the node into view when it sits in a scroll pane, then touches it. */
    private void tap(String id) {
        waitFor(id);
        Node n = find(id).orElseThrow();
        robot.interact(() -> reveal(n));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(n);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void reveal(Node n) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp && sp.getContent() != null) {
                Bounds b = sp.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                double content = sp.getContent().getBoundsInLocal().getHeight();
                double view = sp.getViewportBounds().getHeight();
                if (content > view) {
                    sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 16) / (content - view))));
                }
                sp.layout();
            }
        }
    }

    private String text(String id) {
        waitFor(id);
        Node n = find(id).orElseThrow();
        return n instanceof Label l ? l.getText() : ((Button) n).getText();
    }

    private void keys(String letters) {
        for (char c : letters.toCharArray()) {
            robot.clickOn("#kb-key-" + c);
        }
    }

    private void digits(String ds) {
        for (char c : ds.toCharArray()) {
            robot.clickOn("#kb-digit-" + (c == '-' ? "dash" : String.valueOf(c)));
        }
    }

    /** Types the pinyin and touches the candidate showing {@code text}, paging forward to it. */
    private void pinyin(String letters, String text) {
        keys(letters);
        for (int page = 0; page < 10; page++) {
            for (int i = 0; i < KeyboardState.DEFAULT_PAGE_SIZE; i++) {
                Button b = robot.lookup("#kb-cand-" + i).queryAs(Button.class);
                if (b.isVisible() && text.equals(b.getText())) {
                    robot.clickOn(b);
                    return;
                }
            }
            robot.clickOn("#kb-next");
        }
        throw new AssertionError(text + " not among the candidates for " + letters);
    }

    private <T extends ApplicationState> T awaitState(Class<T> type) {
        await().atMost(Duration.ofSeconds(20)).until(() -> type.isInstance(flow.state()));
        WaitForAsyncUtils.waitForFxEvents();
        return type.cast(flow.state());
    }

    // ---- the test -----------------------------------------------------------------------

    @Test
    void aResidentAppliesWithTheFormAPageACommitmentAndPostalDelivery() throws Exception {
        show();
        assertTrue(find("#app-step-identify").orElseThrow().getStyleClass().contains("app-step-current"));
        assertEquals(messages.get(Language.ZH, "service.insertCard"), text("#app-message"));

        flow.fire(new ApplicationEvent.Identified(new Resident("王建国", WANG, Resident.Source.ID_CARD, LocalDate.of(2036, 1, 1)),
                LocalDate.of(2016, 1, 1)));
        waitFor("#app-license-types");
        assertTrue(((Label) ((Parent) find("#app-license-types").orElseThrow()).getChildrenUnmodifiable().get(0)).getText()
                .contains("居民身份证"));
        tap("#app-consent-yes");
        awaitState(ApplicationState.FillingForm.class);

        // The form: name and ID number 免填 from the verified identity.
        assertEquals("王建国", text("#app-field-name"));
        assertEquals(WANG, text("#app-field-idNumber"));
        assertTrue(find("#app-prefilled-name").isPresent());
        assertTrue(find("#app-step-form").orElseThrow().getStyleClass().contains("app-step-current"));
        assertTrue(find("#app-step-identify").orElseThrow().getStyleClass().contains("app-step-done"));

        tap("#app-field-kind-NORMAL");
        tap("#app-field-workStart");
        digits("1985-07-01");
        robot.clickOn("#kb-done");
        waitFor("#app-form-next");
        assertEquals("1985-07-01", text("#app-field-workStart"));

        tap("#app-field-employer");
        pinyin("baotou", "包头");
        pinyin("gangtie", "钢铁");
        pinyin("gongsi", "公司");
        robot.clickOn("#kb-done");
        waitFor("#app-form-next");
        assertEquals("包头钢铁公司", text("#app-field-employer"));

        tap("#app-field-address");
        pinyin("baotou", "包头");
        pinyin("shi", "市");
        pinyin("heping", "和平");
        pinyin("lu", "路");
        robot.clickOn("#kb-mode-digits");
        digits("12");
        robot.clickOn("#kb-mode-pinyin");
        pinyin("hao", "号");
        robot.clickOn("#kb-done");
        waitFor("#app-form-next");
        assertEquals("包头市和平路12号", text("#app-field-address"));

        // A bad phone number: the message names the field and the rule.
        tap("#app-field-phone");
        digits("1234");
        robot.clickOn("#kb-done");
        String error = text("#app-field-error-phone");
        assertEquals(messages.format(Language.ZH, "form.rule.PHONE", "联系电话（手机）"), error);
        assertTrue(error.contains("联系电话") && error.contains("11位手机号码"), error);
        tap("#app-form-next");
        assertInstanceOf(ApplicationState.FillingForm.class, flow.state(), "a blocking error keeps the resident on the form");

        tap("#app-field-phone");
        robot.clickOn("#kb-clear");
        digits("13912345678");
        robot.clickOn("#kb-done");
        waitFor("#app-form-next");
        assertTrue(find("#app-field-error-phone").isEmpty());
        tap("#app-form-next");
        awaitState(ApplicationState.Materials.class);

        // Materials: the e-license and shared data 免提交, the form stands in for the paper form.
        List<Material> ms = item.materials();
        int paper = -1;
        int commit = -1;
        for (int i = 0; i < ms.size(); i++) {
            Material m = ms.get(i);
            if (ApplicationFlow.committable(m)) {
                commit = i;
            } else if (paper < 0 && m.kind() != MaterialKind.FORM && m.eLicenseType() == null && !m.exemptBySharing()) {
                paper = i;
            }
        }
        int committable = commit;
        int pageMaterial = paper;
        assertEquals(messages.get(Language.ZH, "application.exempt"), text("#app-material-status-0"));
        assertEquals(messages.get(Language.ZH, "application.byForm"), text("#app-material-status-3"));
        assertEquals(messages.get(Language.ZH, "application.shared"), text("#app-material-status-4"));
        assertTrue(find("#app-commit-" + paper).isEmpty(), "the personnel file may not be committed");
        assertTrue(find("#app-capture-0").isEmpty(), "the fetched e-license is not captured");

        // A page with the live preview; retaken; a second page deleted.
        tap("#app-capture-" + paper);
        awaitState(ApplicationState.Capturing.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return find("#app-preview").map(n -> ((ImageView) n).getImage() != null).orElse(false);
        });
        assertTrue(ports.previews.get() > 0);
        assertTrue(screens.previewing());
        ports.go.add(true);
        waitFor("#app-page-" + paper + "-0");
        awaitState(ApplicationState.Materials.class);
        assertFalse(screens.previewing(), "the preview stops with the capture");
        assertNotNull(((ImageView) find("#app-page-" + paper + "-0").orElseThrow()).getImage());

        tap("#app-retake-" + paper + "-0");
        ports.go.add(true);
        await().atMost(Duration.ofSeconds(20)).until(() -> ports.captures.get() == 2 && flow.state() instanceof ApplicationState.Materials);
        tap("#app-capture-" + paper);
        ports.go.add(true);
        waitFor("#app-page-" + paper + "-1");
        tap("#app-delete-" + paper + "-1");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return find("#app-page-" + pageMaterial + "-1").isEmpty();
        });
        assertEquals(messages.format(Language.ZH, "application.pages", 1), text("#app-material-status-" + paper));

        // 容缺: the commitment with its due date, refused unsigned, signed by dragging on the pad.
        tap("#app-commit-" + committable);
        waitFor("#app-signature-pad");
        LocalDate due = LocalDate.of(2026, 12, 2).plusDays(ms.get(committable).missingDueDays());
        assertTrue(text("#app-commitment-text").contains(due.toString()), text("#app-commitment-text"));
        tap("#app-sign");
        assertEquals(messages.get(Language.ZH, "application.signatureMissing"), text("#app-sign-message"));
        Node pad = find("#app-signature-pad").orElseThrow();
        robot.drag(pad, MouseButton.PRIMARY);
        robot.moveBy(120, 40);
        robot.moveBy(120, -60);
        robot.moveBy(-300, 30);
        robot.drop();
        tap("#app-sign");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return find("#app-material-status-" + committable).isPresent();
        });
        assertEquals(messages.format(Language.ZH, "application.committed", due), text("#app-material-status-" + committable));
        assertTrue(find("#app-uncommit-" + committable).isPresent());

        // Postal delivery to a street of Donghe district.
        tap("#app-materials-next");
        awaitState(ApplicationState.ChoosingDelivery.class);
        tap("#app-delivery-post");
        tap("#app-region-150202");
        tap("#app-street-150202001");
        assertEquals("王建国", text("#app-recipient"), "the recipient starts as the applicant");
        assertEquals("13912345678", text("#app-mobile"), "the mobile starts as the form's");
        tap("#app-address-detail");
        pinyin("heping", "和平");
        pinyin("lu", "路");
        robot.clickOn("#kb-mode-digits");
        digits("8");
        robot.clickOn("#kb-mode-pinyin");
        pinyin("hao", "号");
        robot.clickOn("#kb-done");
        tap("#app-mobile");
        robot.clickOn("#kb-clear");
        digits("13800471234");
        robot.clickOn("#kb-done");
        tap("#app-delivery-next");
        awaitState(ApplicationState.Confirming.class);

        // The summary: the ID number masked.
        waitFor("#app-summary");
        String summary = String.join("\n", robot.lookup("#app-summary .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
        assertTrue(summary.contains("1502**********0016"), summary);
        assertFalse(summary.contains(WANG), "the full ID number is not on the summary");
        assertTrue(summary.contains("内蒙古自治区包头市东河区和平路街道和平路8号"), summary);
        tap("#app-confirm");
        awaitState(ApplicationState.Done.class);
        assertEquals(messages.format(Language.ZH, "application.caseNumber", CASE), text("#app-case-number"));
        assertEquals(messages.format(Language.ZH, "application.owed", ms.get(committable).name().zh(), due), text("#app-owed-0"));
        assertTrue(find("#app-receipt-printed").isPresent());

        // What the centre would have received.
        assertEquals(1, ports.submissions.get());
        assertEquals(1, ports.receipts.get());
        assertEquals(Map.of("name", "王建国", "idNumber", WANG, "kind", "NORMAL", "workStart", "1985-07-01",
                "employer", "包头钢铁公司", "address", "包头市和平路12号", "phone", "13912345678"), ports.values);
        assertEquals(1, ports.pages.size());
        assertEquals(1, ports.pages.get(0).size(), "the deleted page is not sent");
        assertTrue(Arrays.equals(ports.taken.get(1), ports.pages.get(0).get(0)), "the retaken page replaced the first");
        assertEquals(due, ports.due);
        byte[] png = ports.signature;
        assertTrue(png.length > 8 && png.length < 64 * 1024, "bounded: " + png.length);
        assertEquals(0x89, png[0] & 0xff);
        BufferedImage sig = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(sig, "a PNG that decodes");
        assertEquals(SignaturePad.WIDTH, sig.getWidth());
        assertEquals(SignaturePad.HEIGHT, sig.getHeight());
        int ink = 0;
        for (int y = 0; y < sig.getHeight(); y++) {
            for (int x = 0; x < sig.getWidth(); x++) {
                ink += (sig.getRGB(x, y) & 0xffffff) == 0 ? 1 : 0;
            }
        }
        assertTrue(ink > 500, "the drawn strokes are in the image: " + ink + " black pixels");
        ApplicationState.DeliveryChoice d = ports.delivery;
        assertTrue(d.post());
        assertEquals("150202001", d.regionCode());
        assertEquals("内蒙古自治区包头市东河区和平路街道", d.region());
        assertEquals("和平路8号", d.detail());
        assertEquals("王建国", d.recipient());
        assertEquals("13800471234", d.mobile());

        tap("#app-finish");
        assertTrue(finished.get());
    }

    @Test
    void aRefusalNamesTheFieldTheFormIsFixedAndAFailedReceiptIsPrintedAgain() throws Exception {
        FakePorts fake = new FakePorts();
        fake.refuseFirst = true;
        fake.printFailures.set(1);
        show(fake, Language.EN);
        Language en = Language.EN;
        // Up to the confirmation by the flow's own events (the touches are the other test's).
        flow.fire(new ApplicationEvent.Identified(new Resident("王建国", WANG, Resident.Source.ID_CARD, LocalDate.of(2036, 1, 1)),
                LocalDate.of(2016, 1, 1)));
        flow.fire(new ApplicationEvent.ConsentGiven(true));
        awaitState(ApplicationState.FillingForm.class);
        Map.of("workStart", "1985-07-01", "kind", "SPECIAL_WORK", "employer", "包头钢铁公司", "address", "包头市和平路12号",
                "phone", "13912345678").forEach((k, v) -> flow.fire(new ApplicationEvent.EditField(k, v)));
        flow.fire(new ApplicationEvent.SubmitForm());
        flow.fire(new ApplicationEvent.CapturePage(1));
        fake.go.add(true);
        awaitState(ApplicationState.Materials.class);
        flow.fire(new ApplicationEvent.Commit(2, SignaturePad.png(
                List.of(List.of(new double[]{10, 10}, new double[]{300, 150})), SignaturePad.WIDTH, SignaturePad.HEIGHT)));
        flow.fire(new ApplicationEvent.MaterialsDone());
        awaitState(ApplicationState.ChoosingDelivery.class);
        tap("#app-delivery-window");
        awaitState(ApplicationState.Confirming.class);
        tap("#app-confirm");

        awaitState(ApplicationState.Failed.class);
        assertEquals(messages.get(en, "application.refused"), text("#app-message"));
        assertEquals("The contact phone is not a valid mobile number", text("#app-failed-message"));
        assertEquals(messages.format(en, "form.rule.PHONE", "Mobile phone"), text("#app-failed-field-phone"));
        assertTrue(find("#app-retry").isEmpty(), "a refusal is not retried as it is");
        tap("#app-fix-form");
        awaitState(ApplicationState.FillingForm.class);
        assertEquals(messages.format(en, "form.rule.PHONE", "Mobile phone"), text("#app-field-error-phone"));
        assertEquals(text("#app-field-error-phone"), text("#app-form-message"), "the first problem is also at the top");
        assertTrue(find("#app-field-kind-SPECIAL_WORK").map(n -> ((javafx.scene.control.ToggleButton) n).isSelected()).orElse(false));

        tap("#app-field-phone");
        robot.clickOn("#kb-clear");
        digits("13700000000");
        robot.clickOn("#kb-done");
        waitFor("#app-form-next");
        assertTrue(find("#app-field-error-phone").isEmpty());
        tap("#app-form-next");
        assertEquals(messages.format(en, "application.pages", 1), text("#app-material-status-1"), "the pages were kept");
        tap("#app-materials-next");
        tap("#app-delivery-window");
        awaitState(ApplicationState.Confirming.class);
        tap("#app-confirm");

        // Accepted, but the receipt printer was out of paper: the resident may print it again.
        awaitState(ApplicationState.Done.class);
        assertTrue(text("#app-print-problem").contains("The receipt printer is out of paper"), text("#app-print-problem"));
        assertEquals(messages.format(en, "application.caseNumber", CASE), text("#app-case-number"));
        tap("#app-retry");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return find("#app-receipt-printed").isPresent();
        });
        assertEquals(2, fake.submissions.get());
        assertEquals(2, fake.receipts.get());
        assertEquals("13700000000", fake.values.get("phone"));
        assertFalse(fake.delivery.post());
    }

    @Test
    void aDateRangeIsTypedInTwoPartsAndADecimalRentWithThePointKey() throws Exception {
        // 住房公积金提取（租房）: a rent with decimals, a lease period, an account number of digits only.
        show(new FakePorts(), Language.ZH, item("GJJ150200-TQ-0003"));
        flow.fire(new ApplicationEvent.Identified(new Resident("王建国", WANG, Resident.Source.ID_CARD, LocalDate.of(2036, 1, 1)),
                LocalDate.of(2016, 1, 1)));
        tap("#app-consent-yes");
        awaitState(ApplicationState.FillingForm.class);

        tap("#app-field-monthlyRent");
        assertEquals(".", text("#app-extra-0"));
        digits("2500");
        tap("#app-extra-0");
        digits("50");
        robot.clickOn("#kb-done");
        waitFor("#app-form-next");
        assertEquals("2500.50", text("#app-field-monthlyRent"));

        tap("#app-field-leasePeriod");
        assertTrue(text("#app-keyboard-field").endsWith(messages.get(Language.ZH, "application.rangeStart")));
        digits("2026-01-01");
        robot.clickOn("#kb-done");
        waitFor("#app-keyboard-field");
        assertTrue(text("#app-keyboard-field").endsWith(messages.get(Language.ZH, "application.rangeEnd")));
        digits("2026-12-31");
        robot.clickOn("#kb-done");
        waitFor("#app-form-next");
        assertEquals("2026-01-01/2026-12-31", text("#app-field-leasePeriod"));

        tap("#app-field-accountNumber");
        assertTrue(find("#kb-digit-0").orElseThrow().isVisible(), "digits only: the digit pad");
        digits("123456789012");
        robot.clickOn("#kb-done");
        waitFor("#app-form-next");

        var form = assertInstanceOf(ApplicationState.FillingForm.class, flow.state());
        assertEquals("2500.50", form.application().values().get("monthlyRent"));
        assertEquals("2026-01-01/2026-12-31", form.application().values().get("leasePeriod"));
        assertEquals("123456789012", form.application().values().get("accountNumber"));
        assertTrue(form.errors().isEmpty(), () -> "no rule broken: " + form.errors());
        assertEquals(flow.item().offersPostalDelivery(), find("#app-step-delivery").isPresent(),
                "a delivery step only where the item offers the post");
    }

    @Test
    void eachFieldOpensOnThePadItsValueIsTypedOn() throws Exception {
        var fields = new LinkedHashMap<String, org.zizhu.kiosk.catalog.CatalogModel.FormField>();
        for (String code : List.of("GJJ150200-TQ-0003", "11150200MB15362132100441000001", "11150200MB1534142X010300100001",
                "12150200MB1C47725K050210200001")) {
            item(code).form().fields().forEach(f -> fields.put(f.id(), f));
        }
        assertEquals(org.zizhu.kiosk.flow.keyboard.KeyboardMode.DIGITS, ApplicationScreens.modeFor(fields.get("accountNumber")));
        assertEquals(org.zizhu.kiosk.flow.keyboard.KeyboardMode.PINYIN, ApplicationScreens.modeFor(fields.get("safetyLicence")));
        assertEquals(org.zizhu.kiosk.flow.keyboard.KeyboardMode.PINYIN, ApplicationScreens.modeFor(fields.get("rentedAddress")));
        assertEquals(org.zizhu.kiosk.flow.keyboard.KeyboardMode.LETTERS, ApplicationScreens.modeFor(fields.get("creditCode")));
        assertEquals(org.zizhu.kiosk.flow.keyboard.KeyboardMode.DIGITS, ApplicationScreens.modeFor(fields.get("workStart")));
        assertEquals(org.zizhu.kiosk.flow.keyboard.KeyboardMode.DIGITS, ApplicationScreens.modeFor(fields.get("phone")));
        assertEquals("()[]", ApplicationScreens.extraKeys(fields.get("safetyLicence")), "(蒙)JZ安许证字[2020]123456");
        assertEquals(".", ApplicationScreens.extraKeys(fields.get("capital")));
        assertEquals("", ApplicationScreens.extraKeys(fields.get("shareholders")), "a whole number needs no point");
        assertEquals("·", ApplicationScreens.extraKeys(fields.get("name")), "the middle dot of minority names");
    }

    @Test
    void everyKeyTheScreensUseIsInBothLanguages() {
        for (String key : ApplicationScreens.keysUsed()) {
            // Chinese and English have every key; Mongolian's bundle is partial by design (what it
            // lacks shows in Chinese, MessagesTest names what it must have).
            for (Language l : List.of(Language.ZH, Language.EN)) {
                assertTrue(messages.has(l, key), key + " missing in " + l);
            }
            assertFalse(messages.get(Language.MN, key).equals(key), key + " shows as its key in Mongolian");
        }
    }

    /** Draws a signature on the pad {@code id} by dragging, as a finger would. */
    private void draw(String id) {
        Node pad = find(id).orElseThrow();
        robot.interact(() -> reveal(pad));
        WaitForAsyncUtils.waitForFxEvents();
        robot.drag(pad, MouseButton.PRIMARY);
        robot.moveBy(120, 40);
        robot.moveBy(120, -60);
        robot.moveBy(-300, 30);
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aNotificationCommitmentItemShowsItsConditionsRefusesABlankPadAndTakesADrawnSignature() throws Exception {
        ItemDetail food = item("11150200MB1535080D011030100001"); // 食品经营许可: 告知承诺制
        String conditions = food.conditionsCommitment().orElseThrow().zh();
        show(new FakePorts(), Language.ZH, food);
        assertTrue(find("#app-step-conditions").isPresent(), "the step bar has the 告知承诺 step");
        flow.fire(new ApplicationEvent.Identified(new Resident("王建国", WANG, Resident.Source.ID_CARD, LocalDate.of(2036, 1, 1)),
                LocalDate.of(2016, 1, 1)));
        // An enterprise's item: the enterprise is chosen on the transaction's pieces (its code typed here).
        awaitState(ApplicationState.ChoosingEnterprise.class);
        // Typed on the on-screen code pad (a terminal has no keyboard): digits over capitals, nothing to switch.
        for (char c : "91150203ma0n7lc8xd".toCharArray()) {
            tap(Character.isDigit(c) ? "#kb-digit-" + c : "#kb-key-" + c);
        }
        tap("#enterprise-confirm");
        tap("#app-consent-yes");
        var prefilled = awaitState(ApplicationState.FillingForm.class);
        assertEquals("91150203MA0N7LC8XD", ports.enterpriseCode);
        assertEquals("91150203MA0N7LC8XD", prefilled.application().values().get("creditCode"), "the enterprise's code 免填");
        // The form and the materials are the other tests'; here they are filled through the flow.
        Map<String, String> values = Map.of("legalRepresentative", "王建国", "premises", "内蒙古自治区包头市东河区和平路12号", "format", "CATERING",
                "items", "热食类食品制售", "area", "86.5", "safetyManager", "王建国", "phone", "13912345678");
        values.forEach((k, v) -> flow.fire(new ApplicationEvent.EditField(k, v)));
        flow.fire(new ApplicationEvent.SubmitForm());
        var materials = awaitState(ApplicationState.Materials.class);
        for (int i = 0; i < food.materials().size(); i++) {
            if (!(materials.application().materials().get(i) instanceof ApplicationState.Unresolved)) {
                continue;
            }
            if (ApplicationFlow.committable(food.materials().get(i))) {
                flow.fire(new ApplicationEvent.Commit(i, ApplicationStepsPng.PNG));
            } else {
                ports.go.offer(true);
                flow.fire(new ApplicationEvent.CapturePage(i));
            }
            int at = i;
            await().atMost(Duration.ofSeconds(20)).until(() -> flow.state() instanceof ApplicationState.Materials m
                    && !(m.application().materials().get(at) instanceof ApplicationState.Unresolved));
        }
        tap("#app-materials-next");
        awaitState(ApplicationState.AcceptingConditions.class);

        // The conditions as the catalogue states them, the pad, the step bar at 告知承诺.
        assertEquals(conditions, text("#app-notice-text"));
        assertTrue(find("#app-step-conditions").orElseThrow().getStyleClass().contains("app-step-current"));
        assertTrue(find("#app-step-materials").orElseThrow().getStyleClass().contains("app-step-done"));
        assertFalse(find("#app-notice-message").orElseThrow().isVisible());

        // A blank pad is refused with the words of the 容缺 letter; so is one drawn and then cleared.
        tap("#app-notice-sign");
        await().atMost(Duration.ofSeconds(20)).until(() -> flow.state() instanceof ApplicationState.AcceptingConditions a
                && a.messageKey() != null);
        assertEquals(messages.get(Language.ZH, "application.signatureMissing"), text("#app-notice-message"));
        assertTrue(find("#app-notice-message").orElseThrow().isVisible());
        draw("#app-notice-pad");
        assertFalse(find("#app-notice-message").orElseThrow().isVisible(), "drawing: the message gives way");
        tap("#app-notice-clear");
        tap("#app-notice-sign");
        WaitForAsyncUtils.waitForFxEvents();
        assertInstanceOf(ApplicationState.AcceptingConditions.class, flow.state(), "a cleared pad is no signature");

        // Drawn and signed: on to the delivery, the signature in the application.
        draw("#app-notice-pad");
        tap("#app-notice-sign");
        var delivery = awaitState(ApplicationState.ChoosingDelivery.class);
        byte[] png = delivery.application().conditions().signature().bytes();
        assertEquals(0x89, png[0] & 0xff);
        assertEquals('P', png[1]);
        assertTrue(ImageIO.read(new ByteArrayInputStream(png)).getWidth() > 0, "a readable PNG");

        // Back: the conditions again, unsigned; signed again and submitted, the centre gets it.
        tap("#app-back");
        awaitState(ApplicationState.AcceptingConditions.class);
        assertEquals(conditions, text("#app-notice-text"));
        draw("#app-notice-pad");
        tap("#app-notice-sign");
        awaitState(ApplicationState.ChoosingDelivery.class);
        flow.fire(new ApplicationEvent.ChooseWindow());
        awaitState(ApplicationState.Confirming.class);
        waitFor("#app-summary");
        String signedText = messages.get(Language.ZH, "application.noticeSigned");
        assertTrue(((Parent) find("#app-summary").orElseThrow()).getChildrenUnmodifiable().stream()
                .anyMatch(n -> n instanceof Label lab && signedText.equals(lab.getText())), "the summary says it is signed");
        tap("#app-confirm");
        awaitState(ApplicationState.Done.class);
        assertNotNull(ports.conditions, "sent with the application");
        assertEquals(0x89, ports.conditions[0] & 0xff);
    }

    /** A tiny valid PNG for the 容缺 commitments fired directly. */
    @Test
    void aCardHoldersIdentifyStepShowsTheFaceCheckUntilVerified() throws Exception {
        FakePorts fake = new FakePorts();
        fake.verifying = new java.util.concurrent.CountDownLatch(1);
        fake.facePrompt = org.zizhu.kiosk.flow.FaceGuideView.Prompt.LOOK_STRAIGHT;
        show(fake, Language.ZH);
        flow.fire(new ApplicationEvent.Identified(new Resident("王建国", WANG, Resident.Source.ID_CARD, LocalDate.of(2036, 1, 1)),
                LocalDate.of(2016, 1, 1)));
        flow.fire(new ApplicationEvent.ConsentGiven(true));
        awaitState(ApplicationState.Preparing.class);
        String want = messages.get(Language.ZH, "face.prompt.lookStraight");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return find("#face-prompt").filter(Node::isVisible).map(n -> ((Label) n).getText().equals(want)).orElse(false);
        });
        assertNotNull(((ImageView) find("#face-preview").orElseThrow()).getImage(), "the live picture");
        assertTrue(find("#face-oval").isPresent());
        assertEquals(messages.get(Language.ZH, "application.preparing"), text("#app-message"));
        fake.verifying.countDown();
        awaitState(ApplicationState.FillingForm.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(find("#face-check").isEmpty(), "the face check leaves with the step");
    }

    private static final class ApplicationStepsPng {
        static final byte[] PNG = png();

        private static byte[] png() {
            try {
                BufferedImage img = new BufferedImage(240, 80, BufferedImage.TYPE_BYTE_GRAY);
                img.getRaster().setSample(10, 10, 0, 200);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(img, "png", out);
                return out.toByteArray();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
