package org.zizhu.kiosk.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import javafx.application.Application;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.ui.KioskApplication;
import org.zizhu.kiosk.ui.ScreenshotTourLauncher;
import picocli.CommandLine.Option;

/**
 * {@code diag screenshots --out DIR [--faults URL] [--config FILE] [--portrait] [--elder]
 * [--language CODE]}: opens the kiosk window on the current display, walks its screens and writes
 * PNGs (scripts/screenshots runs it under Xvfb), in the variant the options ask for.
 */
public final class ScreenshotsCommand extends ConfiguredCommand<ScreenshotsCommand.Options> {
    @Override
    public Kind kind() {
        return Kind.DIAG;
    }

    @Override
    public String name() {
        return "screenshots";
    }

    @Override
    public String summary() {
        return "open the kiosk window and save PNGs of its main screens (--out DIR)";
    }

    @Override
    protected Options options() {
        return new Options();
    }

    static final class Options extends ConfigFileOption {
        @Option(names = "--out", paramLabel = "DIR", required = true) Path out;
        @Option(names = "--faults", paramLabel = "URL") String faults;
        @Option(names = "--portrait", description = "an upright screen: ui.width and ui.height swapped if wider than tall")
        boolean portrait;
        @Option(names = "--elder", description = "every visit in elder mode (ui.elderModeDefault=true)")
        boolean elder;
        @Option(names = "--language", paramLabel = "CODE", description = "the tour's language (ui.language), e.g. en")
        String language;
    }

    /** The configuration with the variant's options applied. */
    static KioskConfig variant(KioskConfig config, Options options) throws org.zizhu.kiosk.config.ConfigException {
        KioskConfig c = config;
        int w = c.getInt(org.zizhu.kiosk.config.ConfigKey.UI_WIDTH);
        int h = c.getInt(org.zizhu.kiosk.config.ConfigKey.UI_HEIGHT);
        if (options.portrait && w > h) {
            c = c.with(org.zizhu.kiosk.config.ConfigKey.UI_WIDTH, String.valueOf(h))
                    .with(org.zizhu.kiosk.config.ConfigKey.UI_HEIGHT, String.valueOf(w));
        }
        if (options.elder) {
            c = c.with(org.zizhu.kiosk.config.ConfigKey.UI_ELDER_MODE_DEFAULT, "true");
        }
        if (options.language != null) {
            c = c.with(org.zizhu.kiosk.config.ConfigKey.UI_LANGUAGE, options.language);
        }
        return c;
    }

    @Override
    protected int run(KioskConfig config, Options options, PrintStream out, PrintStream err) throws Exception {
        Path outDir = options.out;
        config = variant(config, options);
        try (KioskRuntime rt = KioskRuntime.open(config);
             org.zizhu.kiosk.devices.DeviceHub hub = org.zizhu.kiosk.devices.DeviceHub.start(config)) {
            hub.trackers().forEach(rt::addDevice);
            var printing = new org.zizhu.kiosk.printing.PrintService(hub.receiptPrinter().orElse(null), hub.a4Printer().orElse(null));
            var ports = new org.zizhu.kiosk.transaction.CentralServicePorts(rt.services(), hub, printing);
            KioskApplication.prepare(rt, hub, ports, printing);
            ScreenshotTourLauncher launcher = new ScreenshotTourLauncher(rt, residentCards(hub), outDir, options.faults);
            KioskApplication.afterStart(launcher);
            Application.launch(KioskApplication.class);
            out.println(launcher.written().size() + " screenshots in " + outDir);
            return launcher.written().size() >= 5 ? 0 : 1;
        }
    }

    /** The tour's hand on the simulated ID card reader: a test resident's card. */
    private static org.zizhu.kiosk.ui.ScreenshotTour.ResidentCards residentCards(org.zizhu.kiosk.devices.DeviceHub hub) {
        return hub.simulators().idcard().<org.zizhu.kiosk.ui.ScreenshotTour.ResidentCards>map(sim ->
                new org.zizhu.kiosk.ui.ScreenshotTour.ResidentCards() {
                    @Override
                    public boolean available() {
                        return true;
                    }

                    @Override
                    public void place() {
                        sim.placeCard(org.zizhu.device.idcard.sim.TestCards.RESIDENT);
                    }

                    @Override
                    public void remove() {
                        sim.removeCard();
                    }

                    @Override
                    public boolean layPage() {
                        var camera = hub.simulators().camera();
                        if (camera.isEmpty()) {
                            return false;
                        }
                        try {
                            camera.get().showDocument(org.zizhu.device.camera.sim.DocumentScene.A4_ON_DESK);
                            return true;
                        } catch (java.io.IOException e) {
                            return false;
                        }
                    }

                    @Override
                    public boolean dimCamera(boolean dim) {
                        var camera = hub.simulators().camera();
                        if (camera.isEmpty()) {
                            return false;
                        }
                        try {
                            if (dim) {
                                camera.get().showDarkFace();
                                Thread.sleep(2500); // the camera restarts on the new scene
                            } else {
                                camera.get().showFace();
                            }
                            return true;
                        } catch (java.io.IOException e) {
                            return false;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return false;
                        }
                    }

                    @Override
                    public boolean technicianCard(boolean inserted) {
                        return hub.simulators().technicianCard(inserted);
                    }

                    @Override
                    public String technicianPin() {
                        return org.zizhu.device.smartcard.sim.DemoCards.DEMO_PIN;
                    }
                }).orElse(org.zizhu.kiosk.ui.ScreenshotTour.ResidentCards.NONE);
    }
}
