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
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.catalog.CatalogModel;
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
    }

    private final KioskApplication app;
    private final KioskRuntime runtime;
    private final ResidentCards cards;
    private final Stage stage;
    private final Path outDir;
    private final String faultsUrl;
    private final List<Path> written = new ArrayList<>();

    ScreenshotTour(KioskApplication app, KioskRuntime runtime, ResidentCards cards, Stage stage, Path outDir, String faultsUrl) {
        this.app = app;
        this.runtime = runtime;
        this.cards = cards;
        this.stage = stage;
        this.outDir = outDir;
        this.faultsUrl = faultsUrl;
    }

    public List<Path> written() {
        return written;
    }

    @Override
    public void run() {
        try {
            Files.createDirectories(outDir);
            runtime.syncNow();
            fx(() -> app.previewForTour(true));
            shot("00-starting");
            fx(app::rerender);
            shot("01-attract");
            fx(() -> app.flow().touch());
            shot("02-home");
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
            fx(() -> app.flow().setLanguage(Language.EN));
            shot("05-guide-en");
            fx(() -> app.flow().setLanguage(Language.ZH));
            serviceScreens();
            if (faultsUrl != null) {
                post("{\"partitioned\": true}");
                try {
                    runtime.syncNow();
                } catch (Exception expected) {
                    // the partition makes this fail; the link goes OFFLINE and the banner shows
                }
                fx(() -> {
                    app.flow().setLanguage(Language.ZH);
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
            System.err.println("screenshot tour failed: " + e);
            e.printStackTrace();
        } finally {
            Platform.runLater(Platform::exit);
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
        fx(() -> app.service().consent(true));
        waitFor(org.zizhu.kiosk.flow.ServiceFlow.Step.DONE, 90);
        shot("10-result");
        fx(() -> app.service().toRating());
        shot("11-rating");
        cards.remove();
        fx(() -> app.flow().endSession());
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

    private static void fx(Runnable r) throws Exception {
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
        // Let layout and CSS settle (fonts, scroll panes) before the snapshot.
        Thread.sleep(400);
        CompletableFuture<Void> pulse = new CompletableFuture<>();
        Platform.runLater(() -> pulse.complete(null));
        pulse.get(10, TimeUnit.SECONDS);
    }

    private void shot(String name) throws Exception {
        CompletableFuture<BufferedImage> img = new CompletableFuture<>();
        Platform.runLater(() -> {
            Scene scene = stage.getScene();
            WritableImage w = scene.snapshot(null);
            img.complete(SwingFXUtils.fromFXImage(w, null));
        });
        Path file = outDir.resolve(name + ".png");
        ImageIO.write(img.get(10, TimeUnit.SECONDS), "png", file.toFile());
        written.add(file);
        System.out.println("screenshot " + file);
    }
}
