package org.zizhu.kiosk.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.zizhu.central.CentralSimulator;
import org.zizhu.device.idcard.IdCardEvent;
import org.zizhu.device.idcard.sim.TestCards;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.flow.KioskFlow;
import org.zizhu.kiosk.runtime.KioskRuntime;

/**
 * The reminders and the help key at the real window, on the SAM simulator over a socat pty: a
 * card left on the reader when the visit ends is shown in the large banner on the attract screen
 * until the simulated resident takes it; the help key calls staff and the bar says what happens
 * next. Needs socat (scripts/test installs it).
 */
class ReminderUiTest {
    @TempDir
    Path data;
    private CentralSimulator central;
    private KioskRuntime runtime;
    private DeviceHub hub;
    private KioskApplication app;
    private final FxRobot robot = new FxRobot();

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

    private boolean bannerShown() {
        Node banner = robot.lookup("#reminder-banner").query();
        return banner.isVisible() && banner.isManaged();
    }

    @Test
    void aCardLeftOnTheReaderIsRemindedOnTheAttractScreenUntilTakenAndTheHelpKeyCallsStaff() throws Exception {
        central = CentralSimulator.builder().start();
        runtime = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data)
                .with(ConfigKey.DEVICE_MODE, "simulated").with(ConfigKey.IDCARD_MODE, "simulated")
                .with(ConfigKey.CAMERA_MODE, "off").with(ConfigKey.RECEIPT_MODE, "off").with(ConfigKey.A4_MODE, "off")
                .with(ConfigKey.SMARTCARD_MODE, "off").with(ConfigKey.GPIO_MODE, "off"));
        runtime.syncNow();
        hub = DeviceHub.start(runtime.config());
        hub.trackers().forEach(runtime::addDevice);
        FxToolkit.registerPrimaryStage();
        app = (KioskApplication) FxToolkit.setupApplication(() -> new KioskApplication(runtime, hub, null, null));
        await().atMost(Duration.ofSeconds(20)).until(app::ready);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!bannerShown(), "nothing to remind of yet");

        robot.clickOn("#attract-touch");
        // The kiosk's listener was added at start-up, so it has the card when this one does.
        List<IdCardEvent> events = new CopyOnWriteArrayList<>();
        hub.addIdCardListener(events::add);
        var reader = hub.simulators().idcard().orElseThrow();
        reader.placeCard(TestCards.RESIDENT);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(e -> e instanceof IdCardEvent.IdentityRead));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!bannerShown(), "the card is in use during the visit");

        robot.interact(() -> app.kiosk().finishTransaction()); // what the Finish key does: the visit ends
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(robot.lookup("#attract-touch").query(), "back on the attract screen");
        assertTrue(bannerShown(), "the reminder banner is on the attract screen");
        assertEquals("请取走您的身份证", robot.lookup("#reminder-idCard").queryAs(Label.class).getText());
        assertEquals(List.of(KioskFlow.REMIND_ID_CARD), app.reminders());

        reader.removeCard();
        await().atMost(Duration.ofSeconds(10)).until(() -> app.reminders().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!bannerShown(), "taken: the banner is gone");

        robot.clickOn("#nav-help");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.kiosk().helpCalled(), "the help key calls staff like the help button");
        assertEquals("已呼叫工作人员，请在原地稍候，工作人员会尽快来到您身边",
                robot.lookup("#notice-bar").queryAs(Label.class).getText());
    }
}
