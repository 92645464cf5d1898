package org.zizhu.kiosk.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.catalog.CatalogModel;
import org.zizhu.kiosk.flow.ApplicationEvent;
import org.zizhu.kiosk.flow.ApplicationState;
import org.zizhu.kiosk.flow.CaseProgressEvent;
import org.zizhu.kiosk.flow.CaseProgressState;
import org.zizhu.kiosk.i18n.Language;

/**
 * Drives a running kiosk window through its main screens and saves each as a PNG, so anyone can
 * look at the screens without a terminal: attract, home, a group, a guide (Chinese and English),
 * and the offline banner (by partitioning central-sim through its fault switch).
 */
public final class ScreenshotTour implements Runnable {
    /**
     * The tour's hand on the simulated ID card reader: it places and removes a test resident's
     * card. Given by the screenshot command, so the window never touches a simulator itself.
     */
    public interface ResidentCards {
        ResidentCards NONE = new ResidentCards() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public void place() {
                throw new IllegalStateException("no simulated ID card reader");
            }

            @Override
            public void remove() {
            }
        };

        /** A simulated reader is there. */
        boolean available();

        void place();

        void remove();

        /** Lays an A4 page on the simulated document camera's desk; false without a simulated camera. */
        default boolean layPage() {
            return false;
        }

        /** Dims the simulated camera to a dark hall (the face check waits and guides), or lights it again; false without one. */
        default boolean dimCamera(boolean dim) {
            return false;
        }

        /**
         * Inserts ({@code true}) or removes the demo technician card in the simulated smart-card
         * reader, for the maintenance and commissioning screens; false without one.
         */
        default boolean technicianCard(boolean inserted) {
            return false;
        }

        /** The PIN of the technician card {@link #technicianCard} inserts. */
        default String technicianPin() {
            return "";
        }
    }

    private final KioskApplication app;
    private final KioskRuntime runtime;
    private final ResidentCards cards;
    private final Stage stage;
    private final Path outDir;
    private final String faultsUrl;
    private final List<Path> written = new ArrayList<>();
    private final Consumer<String> onShot;
    private final boolean exitWhenDone;
    private final List<String> shots = new ArrayList<>();
    private volatile Exception failure;

    /** The screenshot command's tour: PNGs into {@code outDir}, and the window closes at the end. */
    ScreenshotTour(KioskApplication app, KioskRuntime runtime, ResidentCards cards, Stage stage, Path outDir, String faultsUrl) {
        this(app, runtime, cards, stage, outDir, faultsUrl, null, true);
    }

    /**
     * @param outDir       where each screen is written as a PNG, or null for none
     * @param onShot       given each screen's name on the JavaFX thread, after CSS and layout and
     *                     before the PNG (the accessibility audit measures the scene then), or null
     * @param exitWhenDone the tour ends the JavaFX platform when done (the command); a test keeps it
     */
    ScreenshotTour(KioskApplication app, KioskRuntime runtime, ResidentCards cards, Stage stage, Path outDir, String faultsUrl,
            Consumer<String> onShot, boolean exitWhenDone) {
        this.app = app;
        this.runtime = runtime;
        this.cards = cards;
        this.stage = stage;
        this.outDir = outDir;
        this.faultsUrl = faultsUrl;
        this.onShot = onShot;
        this.exitWhenDone = exitWhenDone;
    }

    public List<Path> written() {
        return written;
    }

    /** The screens shot, in order. */
    List<String> shots() {
        return List.copyOf(shots);
    }

    /** Why the tour stopped early, if it did. */
    java.util.Optional<Exception> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    @Override
    public void run() {
        try {
            if (outDir != null) {
                Files.createDirectories(outDir);
            }
            // The configured language (ui.language): the tour is taken in it, and the guide once in each other.
            Language home = app.kiosk().language();
            runtime.syncNow();
            fx(() -> app.previewForTour(true));
            shot("00-starting");
            fx(app::rerender);
            shot("01-attract");
            fx(() -> app.flow().touch());
            shot("02-home");
            // The search pad a touch on the field opens (a terminal has no keyboard), "shebao" typed.
            fx(() -> {
                if (stage.getScene().lookup("#search-field") instanceof javafx.scene.control.TextField field
                        && stage.getScene().lookup("#search-pad") instanceof ChineseKeyboard pad) {
                    // As a touch on the field does it.
                    field.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0,
                            javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, false,
                            false, true, null));
                    for (char c : "shebao".toCharArray()) {
                        pad.press(new org.zizhu.kiosk.flow.keyboard.Key.Letter(c));
                    }
                }
            });
            shot("02b-home-search");
            fx(app::rerender);
            var group = runtime.catalog().groups(CatalogModel.Audience.PERSON).get(0);
            fx(() -> app.flow().chooseGroup(group.id()));
            shot("03-group");
            var item = runtime.catalog().items().stream()
                    .filter(i -> runtime.catalog().detail(i.code()).map(d -> d.process().size() >= 4).orElse(false))
                    .findFirst().orElse(runtime.catalog().items().get(0));
            fx(() -> app.flow().openItem(item.code()));
            shot("04-guide");
            fx(() -> ((javafx.scene.control.ScrollPane) stage.getScene().lookup("#guide-scroll")).setVvalue(1.0));
            shot("04b-guide-process");
            for (Language other : Language.values()) {
                if (other != home) {
                    fx(() -> app.flow().setLanguage(other));
                    shot("05-guide-" + other.locale().getLanguage());
                }
            }
            fx(() -> app.flow().setLanguage(home));
            serviceScreens();
            applicationScreens();
            technicianScreens();
            if (faultsUrl != null) {
                post("{\"partitioned\": true}");
                try {
                    runtime.syncNow();
                } catch (Exception expected) {
                    // the partition makes this fail; the link goes OFFLINE and the banner shows
                }
                fx(() -> {
                    app.flow().setLanguage(home);
                    app.flow().home();
                });
                shot("06-offline");
                post("{\"partitioned\": false}");
                try {
                    runtime.syncNow(); // the link comes back: no offline banner on the next shots
                } catch (Exception ignored) {
                    // still offline: the banner stays, as it would on the kiosk
                }
            }
            fx(() -> {
                app.flow().endSession();
                app.previewForTour(false);
            });
            shot("13-out-of-service");
            fx(app::rerender);
        } catch (Exception e) {
            failure = e;
            System.err.println("screenshot tour failed: " + e);
            e.printStackTrace();
        } finally {
            if (exitWhenDone) {
                Platform.runLater(Platform::exit);
            }
        }
    }

    /** A 马上办 transaction on the simulated devices: guide, insert card, consent, result, rating. */
    private void serviceScreens() throws Exception {
        if (!cards.available() || app.startableItem().isEmpty()) {
            return;
        }
        var item = app.startableItem().get();
        fx(() -> app.flow().openItem(item.code()));
        shot("07-guide-start");
        fx(() -> app.startServiceFor(item));
        shot("08-insert-card");
        cards.place();
        waitFor(org.zizhu.kiosk.flow.ServiceFlow.Step.CONSENT, 20);
        shot("09-consent");
        boolean dimmed = cards.dimCamera(true); // the face check in a dark hall: the picture, the oval, "more light"
        fx(() -> app.service().consent(true));
        if (dimmed) {
            for (long end = System.nanoTime() + 20_000_000_000L; System.nanoTime() < end && !visible("#face-check"); ) {
                Thread.sleep(200);
            }
            shot("09b-face-check");
            cards.dimCamera(false);
        }
        waitFor(org.zizhu.kiosk.flow.ServiceFlow.Step.DONE, 90);
        shot("10-result");
        fx(() -> app.service().toRating());
        shot("11-rating");
        cards.remove();
        fx(() -> app.flow().endSession());
        var enterprise = app.enterpriseItem();
        if (enterprise.isPresent()) {
            // 企业一码: after the person's card and face, the enterprise is chosen by its code.
            fx(() -> {
                app.flow().touch();
                app.flow().openItem(enterprise.get().code());
                app.startServiceFor(enterprise.get());
            });
            cards.place();
            waitFor(org.zizhu.kiosk.flow.ServiceFlow.Step.ENTERPRISE, 30);
            shot("09c-enterprise");
            cards.remove();
            fx(() -> app.flow().endSession());
        }
        var paid = app.payableItem();
        if (paid.isPresent()) {
            fx(() -> {
                app.flow().touch();
                app.flow().openItem(paid.get().code());
                app.startServiceFor(paid.get());
            });
            cards.place();
            waitFor(org.zizhu.kiosk.flow.ServiceFlow.Step.CONSENT, 20);
            fx(() -> app.service().consent(true));
            waitFor(org.zizhu.kiosk.flow.ServiceFlow.Step.PAYING, 30);
            shot("12-payment");
            waitFor(org.zizhu.kiosk.flow.ServiceFlow.Step.DONE, 90);
            cards.remove();
            fx(() -> app.flow().endSession());
        }
    }

    /** 退休申请: the seeded application item with a form, a paper file, a 容缺 material and post. */
    static final String APPLICATION_ITEM = "12150200MB1C47725K050210200001";

    /**
     * An application (申报) on the simulated devices, then 办件查询 for its case: the form, the
     * keyboard with pinyin candidates, the materials, the document camera, the signature, the
     * delivery, the summary, the receipt, the case's steps. The values the resident would type
     * are given to the flow directly (the keyboard is shown once); the signature is drawn on the
     * pad as a finger would.
     */
    private void applicationScreens() throws Exception {
        var item = runtime.catalog().detail(APPLICATION_ITEM);
        if (!cards.available() || item.isEmpty() || !item.get().takesApplication()) {
            return;
        }
        fx(() -> {
            app.flow().touch();
            app.flow().openItem(APPLICATION_ITEM);
            app.startServiceFor(item.get());
        });
        if (app.application() == null) {
            return;
        }
        var flow = app.application();
        cards.place();
        waitForApplication(ApplicationState.Consent.class, 20);
        fx(() -> flow.fire(new ApplicationEvent.ConsentGiven(true)));
        waitForApplication(ApplicationState.FillingForm.class, 60);
        cards.remove();
        fx(() -> {
            flow.fire(new ApplicationEvent.EditField("kind", "NORMAL"));
            flow.fire(new ApplicationEvent.EditField("workStart", "1990-07-01"));
        });
        shot("14-application-form");
        fire("#app-field-employer");
        for (char c : "baotou".toCharArray()) {
            fire("#kb-key-" + c);
        }
        long end = System.nanoTime() + 60_000_000_000L; // the pinyin index is built after start-up
        while (System.nanoTime() < end && !visible("#kb-cand-0")) {
            Thread.sleep(300);
            fire("#kb-key-u"); // a key press asks the index again once it is there
            fire("#kb-backspace");
        }
        shot("15-application-keyboard");
        fire("#app-keyboard-cancel");
        fx(() -> {
            flow.fire(new ApplicationEvent.EditField("employer", "包头钢铁（集团）有限责任公司"));
            flow.fire(new ApplicationEvent.EditField("phone", "13912345678"));
            flow.fire(new ApplicationEvent.SubmitForm());
        });
        waitForApplication(ApplicationState.Materials.class, 10);
        shot("16-application-materials");
        if (cards.layPage()) {
            Thread.sleep(2500); // the camera restarts on the new scene
            fx(() -> flow.fire(new ApplicationEvent.CapturePage(1)));
            shot("17-application-document-camera");
            waitForApplication(ApplicationState.Materials.class, 20);
        }
        fire("#app-commit-2");
        // The flow takes its events on a worker: a capture still finishing when the key was
        // pressed redraws the materials and drops the commitment page, so press it again.
        for (int i = 0; i < 20 && !visible("#app-signature-pad"); i++) {
            waitForApplication(ApplicationState.Materials.class, 30);
            Thread.sleep(500);
            fire("#app-commit-2");
        }
        fx(() -> {
            Node pad = stage.getScene().lookup("#app-signature-pad");
            if (pad != null) {
                double[][] pen = {{60, 120}, {110, 70}, {150, 130}, {200, 60}, {240, 125}, {300, 90}, {380, 110}, {460, 80}, {540, 120}};
                pad.getOnMousePressed().handle(mouse(MouseEvent.MOUSE_PRESSED, pen[0]));
                for (int i = 1; i < pen.length; i++) {
                    pad.getOnMouseDragged().handle(mouse(MouseEvent.MOUSE_DRAGGED, pen[i]));
                }
            }
        });
        shot("18-application-signature");
        fire("#app-sign");
        fx(() -> flow.fire(new ApplicationEvent.MaterialsDone()));
        waitForApplication(ApplicationState.ChoosingDelivery.class, 10);
        fire("#app-delivery-post");
        fire("#app-region-150202");
        fire("#app-street-150202001");
        shot("19-application-delivery");
        fx(() -> flow.fire(new ApplicationEvent.ChoosePost("150202001", "内蒙古自治区包头市东河区和平路街道", "和平路8号",
                "王小明", "13912345678")));
        waitForApplication(ApplicationState.Confirming.class, 10);
        shot("20-application-confirm");
        fx(() -> flow.fire(new ApplicationEvent.ConfirmSubmit()));
        waitForApplication(ApplicationState.Done.class, 60);
        shot("21-application-receipt");
        if (!(flow.state() instanceof ApplicationState.Done done)) {
            fx(() -> app.flow().endSession());
            return;
        }
        String caseNumber = done.outcome().reference();
        fx(() -> {
            app.kiosk().finishTransaction();
            app.flow().touch();
        });
        shot("22-home-cases");
        fx(() -> app.kiosk().startCaseProgress());
        var cases = app.kiosk().caseProgress();
        if (cases != null) {
            shot("23-cases");
            fx(() -> {
                cases.fire(new CaseProgressEvent.ChooseNumber());
                cases.fire(new CaseProgressEvent.NumberEntered(caseNumber));
            });
            long until = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < until && !(cases.state() instanceof CaseProgressState.CaseDetail)) {
                Thread.sleep(200);
            }
            shot("24-case-progress");
        }
        fx(() -> app.flow().endSession());
    }

    /**
     * The technician's screens: the maintenance panel after the card and PIN, then the
     * commissioning wizard's menu, network check, code pad and detected devices (on the simulators).
     */
    private void technicianScreens() throws Exception {
        if (!cards.technicianCard(true)) {
            return;
        }
        try {
            if (!waitUntil(() -> app.maintenance() != null
                    && app.maintenance().view().step() == org.zizhu.kiosk.flow.MaintenanceFlow.Step.PIN_ENTRY, 20)) {
                return;
            }
            for (char c : cards.technicianPin().toCharArray()) {
                fire("#pin-" + c);
            }
            fire("#pin-ok");
            if (!waitUntil(() -> app.maintenance().view().step() == org.zizhu.kiosk.flow.MaintenanceFlow.Step.OPEN, 20)) {
                return;
            }
            var wizard = app.kiosk().commissioning();
            if (wizard == null) {
                shot("25-maintenance");
                return;
            }
            if (!wizard.open()) {
                shot("25-maintenance");
                fire("#maintenance-commission");
            }
            fire("#commission-menu");
            shot("26-commission-menu");
            fire("#commission-step-NETWORK");
            waitUntil(() -> wizard.state() instanceof org.zizhu.kiosk.flow.CommissioningState.NetworkChecked, 20);
            shot("27-commission-network");
            fire("#commission-menu");
            fire("#commission-step-ENROLMENT");
            for (char c : "ABCDEFGH".toCharArray()) {
                fire("#commission-key-" + c);
            }
            shot("28-commission-code");
            fire("#commission-menu");
            fire("#commission-step-DETECTION");
            waitUntil(() -> wizard.state() instanceof org.zizhu.kiosk.flow.CommissioningState.Detected, 60);
            shot("29-commission-devices");
            fire("#commission-menu");
        } finally {
            cards.technicianCard(false);
            waitUntil(() -> app.maintenance() == null
                    || app.maintenance().view().step() == org.zizhu.kiosk.flow.MaintenanceFlow.Step.CLOSED, 20);
        }
    }

    /** Polls {@code condition} until it holds or {@code seconds} pass; true if it held. */
    private static boolean waitUntil(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return condition.getAsBoolean();
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, double[] at) {
        return new MouseEvent(type, at[0], at[1], at[0], at[1], MouseButton.PRIMARY, 1, false, false, false, false,
                true, false, false, false, false, false, null);
    }

    /** Presses the button with this id, if it is on the screen. */
    private void fire(String id) throws Exception {
        fx(() -> {
            if (stage.getScene().lookup(id) instanceof javafx.scene.control.ButtonBase b) {
                b.fire();
            }
        });
    }

    private boolean visible(String id) throws Exception {
        CompletableFuture<Boolean> v = new CompletableFuture<>();
        Platform.runLater(() -> {
            Node n = stage.getScene().lookup(id);
            v.complete(n != null && n.isVisible());
        });
        return v.get(10, TimeUnit.SECONDS);
    }

    private void waitForApplication(Class<? extends ApplicationState> type, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            var a = app.application();
            if (a == null || type.isInstance(a.state()) || a.state() instanceof ApplicationState.Failed) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private void waitFor(org.zizhu.kiosk.flow.ServiceFlow.Step step, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            var s = app.service();
            if (s == null || s.view().step() == step || s.view().step() == org.zizhu.kiosk.flow.ServiceFlow.Step.FAILED) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private void post(String body) throws IOException, InterruptedException {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(faultsUrl))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private void fx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(10, TimeUnit.SECONDS);
        // Let layout and CSS settle (fonts, scroll panes) before the snapshot; a tour without
        // pictures (the audit) forces CSS and layout itself before each screen, and waits less.
        Thread.sleep(outDir == null ? 100 : 400);
        CompletableFuture<Void> pulse = new CompletableFuture<>();
        Platform.runLater(() -> pulse.complete(null));
        pulse.get(10, TimeUnit.SECONDS);
    }

    private void shot(String name) throws Exception {
        CompletableFuture<BufferedImage> img = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Scene scene = stage.getScene();
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                if (onShot != null) {
                    onShot.accept(name);
                }
                img.complete(outDir == null ? null : SwingFXUtils.fromFXImage(scene.snapshot(null), null));
            } catch (RuntimeException e) {
                img.completeExceptionally(e);
            }
        });
        BufferedImage image = img.get(30, TimeUnit.SECONDS);
        shots.add(name);
        if (outDir == null) {
            return;
        }
        Path file = outDir.resolve(name + ".png");
        ImageIO.write(image, "png", file.toFile());
        written.add(file);
        System.out.println("screenshot " + file);
    }
}
