package org.zizhu.kiosk.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxToolkit;
import org.zizhu.central.CentralSimulator;
import org.zizhu.device.camera.sim.DocumentScene;
import org.zizhu.device.idcard.sim.TestCards;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.transaction.CentralServicePorts;
import org.zizhu.kiosk.ui.AccessibilityAudit.Finding;
import org.zizhu.kiosk.ui.AccessibilityAudit.Rule;

/**
 * Every screen of the screenshot tour, audited (contrast, touch size in mm, text size in pt, text
 * cut off, nodes outside the window, overlapping targets) in each language, in elder mode, and on
 * both hardware shapes: landscape 1920x1080 and portrait 1080x1920 at 21.5 inches. One kiosk
 * start per variant; the tour hands each screen to {@link AccessibilityAudit} on the JavaFX
 * thread after layout. Needs socat and ffmpeg as ApplicationUiTest does (scripts/test starts the
 * stacks); without CUPS the service screens show the printer's failure, which is audited too.
 */
class AccessibilityAuditUiTest {
    /** One way the kiosk is set up: language, shape, elder mode as the default of every visit. */
    record Variant(Language language, boolean portrait, boolean elder) {
        String code() {
            return language.locale().getLanguage();
        }

        @Override
        public String toString() {
            return code() + (portrait ? " portrait" : " landscape") + (elder ? " elder" : "");
        }
    }

    /**
     * Computed from {@link Language#values()}: every language in landscape, and in portrait (the
     * other languages than the first in elder mode there), and the first language in elder mode
     * in landscape. With zh and en: zh landscape, zh portrait, en landscape, en portrait elder,
     * zh landscape elder.
     */
    static Stream<Variant> variants() {
        List<Variant> out = new ArrayList<>();
        Language first = Language.values()[0];
        for (Language l : Language.values()) {
            out.add(new Variant(l, false, false));
            out.add(new Variant(l, true, l != first));
        }
        out.add(new Variant(first, false, true));
        // -Daudit.only=portrait (say) reruns only the variants whose name contains it.
        String only = System.getProperty("audit.only", "");
        return out.stream().filter(v -> v.toString().contains(only));
    }

    /**
     * Findings that are not defects, each with its reason. Empty: every finding the audit made
     * was fixed in the layout or the stylesheet. An entry names the rule, the node as the audit
     * describes it (a prefix) and, optionally, the screen.
     */
    record Exemption(Rule rule, String nodePrefix, String screenContains, String why) {
        boolean covers(Finding f) {
            return f.rule() == rule && f.node().startsWith(nodePrefix)
                    && (screenContains == null || f.screen().contains(screenContains));
        }
    }

    static final List<Exemption> EXEMPT = List.of();

    @TempDir
    Path data;
    private CentralSimulator central;
    private KioskRuntime runtime;
    private DeviceHub hub;
    private KioskApplication app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        if (hub != null) {
            hub.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (central != null) {
            central.close();
        }
    }

    private KioskConfig config(Variant v) throws Exception {
        Properties p = new Properties();
        p.setProperty("central.url", central.baseUrl());
        p.setProperty("data.dir", data.toString());
        p.setProperty("terminal.id", "T-TEST-1");
        p.setProperty("central.connectTimeoutMs", "500");
        p.setProperty("central.requestTimeoutMs", "2000");
        p.setProperty("ui.fullscreen", "false");
        p.setProperty("ui.width", v.portrait() ? "1080" : "1920");
        p.setProperty("ui.height", v.portrait() ? "1920" : "1080");
        p.setProperty("ui.screenDiagonalInches", "21.5");
        // The tour fires most steps at the flow, not as touches: a loaded CI machine must not
        // time the visit out midway (the countdown bar is measured in ElderModeUiTest).
        p.setProperty("ui.idleTimeoutSeconds", "1800");
        p.setProperty("ui.language", v.code());
        p.setProperty("ui.elderModeDefault", String.valueOf(v.elder()));
        return KioskConfig.from(p, "test");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyScreenOfTheTourPassesTheAudit(Variant v) throws Exception {
        central = CentralSimulator.builder().start();
        KioskConfig config = config(v);
        runtime = KioskRuntime.open(config);
        runtime.syncNow();
        hub = DeviceHub.start(runtime.config());
        hub.trackers().forEach(runtime::addDevice);
        PrintService printing = new PrintService(hub.receiptPrinter().orElse(null), hub.a4Printer().orElse(null));
        CentralServicePorts ports = new CentralServicePorts(runtime.services(), hub, printing);
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (KioskApplication) FxToolkit.setupApplication(() -> new KioskApplication(runtime, hub, ports, printing));
        await().atMost(Duration.ofSeconds(30)).until(() -> app.ready());
        UiMetrics screen = new UiMetrics(config.getInt(org.zizhu.kiosk.config.ConfigKey.UI_WIDTH),
                config.getInt(org.zizhu.kiosk.config.ConfigKey.UI_HEIGHT), 21.5);

        List<Finding> findings = new ArrayList<>();
        long t0 = System.nanoTime();
        int[] screens = {0};
        String faults = central.baseUrl().replace("/api/v1", "/sim/faults");
        ScreenshotTour tour = new ScreenshotTour(app, runtime, cards(hub), stage, null, faults, name -> {
            // The visit's mode now (the default for the variant; the tour never switches it).
            boolean elder = stage.getScene().getRoot().getStyleClass().contains("elder");
            assertTrue(elder == v.elder(), name + ": elder mode " + elder);
            findings.addAll(new AccessibilityAudit(screen, elder).check(v + " " + name, stage.getScene()));
            screens[0]++;
            System.out.printf(Locale.ROOT, "audited %s %s at %d ms%n", v, name, (System.nanoTime() - t0) / 1_000_000);
        }, false);
        tour.run();
        if (tour.failure().isPresent()) {
            throw new AssertionError("the tour stopped: " + tour.failure().get(), tour.failure().get());
        }
        // Not vacuous: the tour reached the application's receipt and the case's steps.
        assertTrue(tour.shots().contains("21-application-receipt") && tour.shots().contains("24-case-progress")
                && tour.shots().contains("29-commission-devices"), "screens audited: " + tour.shots());
        List<Finding> left = findings.stream().filter(f -> EXEMPT.stream().noneMatch(e -> e.covers(f))).toList();
        if (!left.isEmpty()) {
            StringBuilder sb = new StringBuilder(left.size() + " findings on " + screens[0] + " screens of " + v + ":\n");
            left.forEach(f -> sb.append("  ").append(f).append('\n'));
            System.out.println(sb);
            fail(sb.toString());
        }
        System.out.printf(Locale.ROOT, "%s: %d screens, no findings%n", v, screens[0]);
    }

    /** The tour's hand on the simulated card reader and document camera. */
    private static ScreenshotTour.ResidentCards cards(DeviceHub hub) {
        var sim = hub.simulators().idcard().orElseThrow();
        return new ScreenshotTour.ResidentCards() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public void place() {
                sim.placeCard(TestCards.RESIDENT);
            }

            @Override
            public void remove() {
                sim.removeCard();
            }

            @Override
            public boolean technicianCard(boolean inserted) {
                return hub.simulators().technicianCard(inserted);
            }

            @Override
            public String technicianPin() {
                return org.zizhu.device.smartcard.sim.DemoCards.DEMO_PIN;
            }

            @Override
            public boolean layPage() {
                var camera = hub.simulators().camera();
                if (camera.isEmpty()) {
                    return false;
                }
                try {
                    camera.get().showDocument(DocumentScene.A4_ON_DESK);
                    return true;
                } catch (java.io.IOException e) {
                    return false;
                }
            }
        };
    }
}
