package org.zizhu.kiosk.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.stage.Stage;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.threads.DaemonThreads;

/** Starts a {@link ScreenshotTour} on its own thread once the kiosk window is up. */
public final class ScreenshotTourLauncher implements BiConsumer<KioskApplication, Stage> {
    private final KioskRuntime runtime;
    private final ScreenshotTour.ResidentCards cards;
    private final Path outDir;
    private final String faultsUrl;
    private volatile ScreenshotTour tour;

    public ScreenshotTourLauncher(KioskRuntime runtime, ScreenshotTour.ResidentCards cards, Path outDir, String faultsUrl) {
        this.runtime = runtime;
        this.cards = cards;
        this.outDir = outDir;
        this.faultsUrl = faultsUrl;
    }

    @Override
    public void accept(KioskApplication app, Stage stage) {
        tour = new ScreenshotTour(app, runtime, cards, stage, outDir, faultsUrl);
        DaemonThreads.start("screenshot-tour", tour);
    }

    public List<Path> written() {
        return tour == null ? List.of() : tour.written();
    }
}
