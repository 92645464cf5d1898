package org.zizhu.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.flow.BrowseState;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.speech.Wav;

/**
 * The window speaks: with voice.enabled the real espeak-ng voice says each new screen's prompt
 * to the configured player (a shell command that keeps the WAV, so the test hears it), and the
 * top bar has the replay and volume keys; without it they are not there.
 */
class VoiceUiTest {
    @TempDir
    Path data;
    private KioskRuntime runtime;
    private KioskApplication app;
    private final FxRobot robot = new FxRobot();

    private void start(boolean voice, Path heard) throws Exception {
        // No centre: a browse-only kiosk on an empty catalogue is enough to change screens.
        var config = TestKiosk.config("http://127.0.0.1:9/api/v1", data)
                .with(ConfigKey.VOICE_ENABLED, String.valueOf(voice))
                // Each sound into its own file in the directory {@code heard}, complete when renamed to .wav.
                .with(ConfigKey.VOICE_PLAYER, "sh -c 'f=\"$0/$(date +%s%N)\"; cat > \"$f.part\" && mv \"$f.part\" \"$f.wav\"' " + heard)
                .with(ConfigKey.VOICE_DEVICE, "null");
        runtime = KioskRuntime.open(config);
        FxToolkit.registerPrimaryStage();
        app = (KioskApplication) FxToolkit.setupApplication(() -> new KioskApplication(runtime));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        if (runtime != null) {
            runtime.close();
        }
    }

    /** The size of the WAV the voice makes of a bundle text: espeak-ng is deterministic, volume keeps the length. */
    private static long wavSize(String key) throws Exception {
        Process p = new ProcessBuilder("espeak-ng", "-v", "cmn", "-b", "1", "--stdout").start();
        try (var in = p.getOutputStream()) {
            in.write(new Messages().get(Language.ZH, key).getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readNBytes(8 << 20);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0, "espeak-ng (scripts/packages.d/voice.txt)");
        return Wav.parse(out).bytes().length;
    }

    /** Waits until the player has been given a WAV of {@code size} bytes, then forgets what it heard. */
    private static void awaitHeard(Path dir, long size, String what) throws Exception {
        Awaitility.await(what).atMost(Duration.ofSeconds(20)).until(() -> heard(dir).contains(size));
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".wav")).toList()) {
                Files.delete(f);
            }
        }
    }

    private static List<Long> heard(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            List<Long> sizes = new ArrayList<>();
            for (Path f : files.filter(f -> f.toString().endsWith(".wav")).toList()) {
                sizes.add(Files.size(f));
            }
            return sizes;
        }
    }

    @Test
    void eachNewScreenIsSpokenAndTheTopBarRepeatsAndChangesTheVolume() throws Exception {
        Path heard = Files.createDirectory(data.resolve("heard"));
        start(true, heard);
        awaitHeard(heard, wavSize("attract.touch"), "the attract prompt");

        // Any touch on the attract screen starts a visit (the voice keys too): go home first.
        robot.clickOn("#attract-touch");
        assertEquals(BrowseState.Screen.HOME, app.flow().state().screen());
        // No centre, so no catalogue: the home screen says so.
        long home = wavSize("home.noCatalog");
        awaitHeard(heard, home, "the home screen's prompt");

        Button replay = robot.lookup("#voice-replay").queryAs(Button.class);
        Button volume = robot.lookup("#voice-volume").queryAs(Button.class);
        assertTrue(replay.isVisible() && volume.isVisible());
        assertEquals("音量 70", volume.getText());
        robot.clickOn("#voice-volume");
        assertEquals(75, app.voice().volume());
        assertEquals("音量 75", volume.getText());
        awaitHeard(heard, home, "the prompt again at the new volume");

        robot.clickOn("#voice-replay");
        awaitHeard(heard, home, "the replayed prompt");
    }

    @Test
    void withoutVoiceTheTopBarHasNoVoiceKeys() throws Exception {
        start(false, data);
        assertFalse(robot.lookup("#voice-replay").queryAs(Button.class).isVisible());
        assertFalse(robot.lookup("#voice-volume").queryAs(Button.class).isVisible());
        assertFalse(app.voice().enabled());
    }
}
