package org.zizhu.kiosk.devices;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.StatusTracker;
import org.zizhu.device.gpio.GpioListener;
import org.zizhu.device.idcard.IdCardEvent;
import org.zizhu.device.idcard.sim.TestCards;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;

/**
 * The kiosk's device layer in simulated mode, as the demo runs it: the SAM simulator on a socat
 * pty, ffmpeg as the camera, Pi4J's mock GPIO, and the PC/SC reader on pcscd's virtual reader.
 * Needs socat, ffmpeg and a running pcscd (scripts/test starts it).
 */
class DeviceHubTest {
    @TempDir
    Path data;

    @Test
    void everyDeviceComesUpOnItsSimulatorAndEventsFlow() throws Exception {
        KioskConfig config = TestKiosk.config("http://127.0.0.1:9/api/v1", data);
        try (DeviceHub hub = DeviceHub.start(config)) {
            Map<String, StatusTracker> byId = hub.trackers().stream().collect(Collectors.toMap(StatusTracker::deviceId, t -> t));
            assertTrue(byId.keySet().containsAll(List.of("idcard", "camera", "gpio")), byId.keySet().toString());
            assertTrue(byId.keySet().stream().anyMatch(k -> k.contains("smartcard")), byId.keySet().toString());
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                for (StatusTracker t : hub.trackers()) {
                    assertEquals(DeviceStatus.ONLINE, t.status(), t.deviceId() + " " + t.detail()
                            + (t.deviceId().contains("smartcard") ? " (is pcscd running? scripts/stacks/pcscd.sh start)" : ""));
                }
            });

            List<IdCardEvent> events = new CopyOnWriteArrayList<>();
            hub.addIdCardListener(events::add);
            hub.simulators().idcard().orElseThrow().placeCard(TestCards.RARE_NAME);
            await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(e -> e instanceof IdCardEvent.IdentityRead));
            IdCardEvent.IdentityRead read = (IdCardEvent.IdentityRead) events.stream()
                    .filter(e -> e instanceof IdCardEvent.IdentityRead).findFirst().orElseThrow();
            assertEquals("刘䶮", read.identity().name());
            read.identity().wipe();

            boolean[] tamper = {false};
            hub.addGpioListener(new GpioListener() {
                @Override
                public void tamperChanged(boolean open) {
                    tamper[0] = open;
                }
            });
            hub.simulators().gpio().orElseThrow().setTamperOpen(true);
            await().atMost(Duration.ofSeconds(5)).until(() -> tamper[0]);
            assertEquals(DeviceStatus.FRAUD_ATTEMPT, byId.get("gpio").status());
            assertTrue(hub.camera().orElseThrow().poll(Duration.ofSeconds(5)).isPresent(), "camera frames flow");
        }
    }

    @Test
    void devicesSetOffAreNotStartedAndBadPortsReportNoDevice() throws Exception {
        KioskConfig config = TestKiosk.config("http://127.0.0.1:9/api/v1", data)
                .with(ConfigKey.DEVICE_MODE, "real")
                .with(ConfigKey.IDCARD_PORT, data.resolve("no-such-tty").toString())
                .with(ConfigKey.CAMERA_MODE, "off")
                .with(ConfigKey.SMARTCARD_MODE, "off")
                .with(ConfigKey.GPIO_PIN_MAP, data.resolve("missing-gpio.properties").toString());
        try (DeviceHub hub = DeviceHub.start(config)) {
            assertTrue(hub.camera().isEmpty());
            assertTrue(hub.smartcard().isEmpty());
            Map<String, StatusTracker> byId = hub.trackers().stream().collect(Collectors.toMap(StatusTracker::deviceId, t -> t));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertEquals(DeviceStatus.NO_DEVICE, byId.get("idcard").status()));
            assertEquals(DeviceStatus.NO_DEVICE, byId.get("gpio").status(), "missing pin map: gpio reported absent, kiosk goes on");
        }
    }

    @Test
    void demoConsoleDrivesTheSimulators() throws Exception {
        KioskConfig config = TestKiosk.config("http://127.0.0.1:9/api/v1", data)
                .with(ConfigKey.CAMERA_MODE, "off").with(ConfigKey.SMARTCARD_MODE, "off").with(ConfigKey.A4_MODE, "off");
        try (DeviceHub hub = DeviceHub.start(config)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            DemoConsole console = new DemoConsole(hub, new java.io.ByteArrayInputStream(new byte[0]),
                    new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), data);
            List<IdCardEvent> events = new CopyOnWriteArrayList<>();
            hub.addIdCardListener(events::add);
            assertEquals("card placed: EXPIRED", console.handle("card expired"));
            await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(e -> e instanceof IdCardEvent.IdentityRead));
            events.stream().filter(e -> e instanceof IdCardEvent.IdentityRead)
                    .forEach(e -> ((IdCardEvent.IdentityRead) e).identity().wipe());
            console.handle("paper end");
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    hub.receiptPrinter().orElseThrow().refreshStatus() == DeviceStatus.USER_ERROR);
            console.handle("door open");
            await().atMost(Duration.ofSeconds(5)).until(() -> hub.gpio().orElseThrow().status() == DeviceStatus.FRAUD_ATTEMPT);
            assertEquals("unknown command; ? for help", console.handle("frobnicate"));
            // A bad command throws inside handle(); run() turns that into a message and goes on.
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> console.handle("card nonsense"));
            assertTrue(e.getMessage().contains("unknown card"));
        }
    }

    @Test
    void theSimulationNotTheFaceCaptureSetsTheCameraScene() throws Exception {
        KioskConfig config = TestKiosk.config("http://127.0.0.1:9/api/v1", data)
                .with(ConfigKey.SMARTCARD_MODE, "off").with(ConfigKey.A4_MODE, "off").with(ConfigKey.RECEIPT_MODE, "off")
                .with(ConfigKey.GPIO_MODE, "off");
        try (DeviceHub hub = DeviceHub.start(config)) {
            var camera = hub.simulators().camera().orElseThrow();
            // Nobody in front of the kiosk: the capture does not conjure up a face.
            assertTrue(hub.captureFace(Duration.ofSeconds(2)) instanceof org.zizhu.device.camera.face.FaceCaptureResult.Rejected);
            assertEquals("test-pattern", camera.scene());
            // A simulated resident places a card, and so stands in front of the camera.
            List<IdCardEvent> events = new CopyOnWriteArrayList<>();
            hub.addIdCardListener(events::add);
            hub.simulators().idcard().orElseThrow().placeCard(TestCards.RESIDENT);
            await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(e -> e instanceof IdCardEvent.IdentityRead));
            assertEquals("face", camera.scene());
            events.stream().filter(e -> e instanceof IdCardEvent.IdentityRead)
                    .forEach(e -> ((IdCardEvent.IdentityRead) e).identity().wipe());
            var captured = hub.captureFace(Duration.ofSeconds(20));
            assertTrue(captured instanceof org.zizhu.device.camera.face.FaceCaptureResult.Accepted, captured.toString());
            ((org.zizhu.device.camera.face.FaceCaptureResult.Accepted) captured).face().wipe();
            // The demo console sets scenes through the same controls.
            DemoConsole console = new DemoConsole(hub, new java.io.ByteArrayInputStream(new byte[0]),
                    new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8), data);
            assertEquals("camera shows face-dark", console.handle("face dark"));
            assertEquals("camera shows test-pattern", console.handle("face none"));
            assertEquals("camera shows a QR code", console.handle("qr zizhu:login:v1:demo-token"));
            assertEquals("qr", camera.scene());
            assertEquals("camera shows document-a4_on_desk", console.handle("document a4"));
            var page = hub.captureDocument(Duration.ofSeconds(8)).orElseThrow();
            assertTrue(page instanceof org.zizhu.device.camera.document.DocumentCaptureResult.Accepted, page.toString());
            ((org.zizhu.device.camera.document.DocumentCaptureResult.Accepted) page).page().close();
            assertEquals("camera shows document-a4_blurred", console.handle("document blurred"));
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> console.handle("document sideways"));
        }
    }

    @Test
    void whileAFaceIsCapturedTheNewestFrameAndVerdictArePublishedAndDroppedAfter() throws Exception {
        KioskConfig config = TestKiosk.config("http://127.0.0.1:9/api/v1", data)
                .with(ConfigKey.SMARTCARD_MODE, "off").with(ConfigKey.A4_MODE, "off").with(ConfigKey.RECEIPT_MODE, "off")
                .with(ConfigKey.GPIO_MODE, "off");
        try (DeviceHub hub = DeviceHub.start(config)) {
            var camera = hub.simulators().camera().orElseThrow();
            camera.showDarkFace();
            assertEquals(java.util.Optional.empty(), hub.liveFace(), "nothing before a capture");
            var result = new java.util.concurrent.CompletableFuture<org.zizhu.device.camera.face.FaceCaptureResult>();
            Thread capturing = Thread.ofVirtual().start(() -> {
                try {
                    result.complete(hub.captureFace(Duration.ofSeconds(20)));
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
            await().atMost(Duration.ofSeconds(15)).until(() -> hub.liveFace()
                    .filter(f -> f.guide().issue().equals(java.util.Optional.of(org.zizhu.device.camera.face.FaceQualityIssue.TOO_DARK)))
                    .isPresent());
            DeviceHub.LiveFace live = hub.liveFace().orElseThrow();
            var picture = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(live.jpeg()));
            assertTrue(picture != null && picture.getWidth() <= DeviceHub.LIVE_FACE_WIDTH, "a small JPEG for the preview");
            assertTrue(live.toString().matches("LiveFace\\[\\d+ bytes, FaceGuide.*"), "never the picture: " + live);
            // The resident steps aside: the guide follows.
            camera.showNoFace();
            await().atMost(Duration.ofSeconds(15)).until(() -> hub.liveFace()
                    .filter(f -> f.guide().issue().equals(java.util.Optional.of(org.zizhu.device.camera.face.FaceQualityIssue.NO_FACE)))
                    .isPresent());
            // And comes back into good light: the face is taken and the live picture goes with the capture.
            camera.showFace();
            var taken = result.get(20, java.util.concurrent.TimeUnit.SECONDS);
            capturing.join(Duration.ofSeconds(5));
            assertTrue(taken instanceof org.zizhu.device.camera.face.FaceCaptureResult.Accepted, taken.toString());
            ((org.zizhu.device.camera.face.FaceCaptureResult.Accepted) taken).face().wipe();
            assertEquals(java.util.Optional.empty(), hub.liveFace(), "dropped when the capture ends");
            assertEquals("camera shows face-far", new DemoConsole(hub, new java.io.ByteArrayInputStream(new byte[0]),
                    new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8), data)
                    .handle("face far"));
        }
    }
}
