package org.zizhu.device.camera;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** The camera tests drive a real ffmpeg. Missing it is a failure with the fix, never a skip. */
public final class FfmpegRequired {
    private FfmpegRequired() {
    }

    public static void check() {
        try {
            Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail("ffmpeg -version failed; reinstall it: sudo apt-get install -y ffmpeg");
            }
        } catch (IOException e) {
            fail("ffmpeg is not installed; the camera tests use it as the camera. Run: "
                    + "sudo apt-get update && sudo apt-get install -y ffmpeg  (listed in scripts/packages.d/camera.txt)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        }
    }
}
