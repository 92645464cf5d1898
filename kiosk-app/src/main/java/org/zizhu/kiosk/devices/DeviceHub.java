package org.zizhu.kiosk.devices;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.StatusTracker;
import org.zizhu.device.camera.Camera;
import org.zizhu.device.camera.CameraConfig;
import org.zizhu.device.camera.Frame;
import org.zizhu.device.camera.document.DocumentCapture;
import org.zizhu.device.camera.document.DocumentCaptureResult;
import org.zizhu.device.camera.face.FaceCapture;
import org.zizhu.device.camera.face.FaceCaptureResult;
import org.zizhu.device.camera.face.FaceGuide;
import org.zizhu.device.camera.face.FaceQualityIssue;
import org.zizhu.device.camera.sim.SimulatedCamera;
import java.time.Duration;
import org.zizhu.device.gpio.Gpio;
import org.zizhu.device.gpio.GpioConfig;
import org.zizhu.device.gpio.SimulatedGpio;
import org.zizhu.device.printer.escpos.ReceiptPaper;
import org.zizhu.device.printer.escpos.ReceiptPrinter;
import org.zizhu.device.printer.escpos.ReceiptPrinterConfig;
import org.zizhu.device.printer.sim.SimulatedReceiptPrinter;
import org.zizhu.device.printer.ipp.A4Printer;
import org.zizhu.device.printer.ipp.A4PrinterConfig;
import org.zizhu.device.idcard.IdCardListener;
import org.zizhu.device.idcard.IdCardReader;
import org.zizhu.device.idcard.IdCardReaderConfig;
import org.zizhu.device.idcard.SamBaud;
import org.zizhu.device.idcard.sim.SamSimulator;
import org.zizhu.device.idcard.sim.SimulatedIdCard;
import org.zizhu.device.gpio.GpioListener;
import org.zizhu.device.gpio.GpioScheduler;
import org.zizhu.device.smartcard.SmartCardConfig;
import org.zizhu.device.smartcard.SmartCardReader;
import org.zizhu.device.smartcard.sim.SimulatedSmartCard;
import org.zizhu.device.smartcard.technician.EcKeys;
import org.zizhu.device.smartcard.technician.IssuerTrust;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.threads.DaemonThreads;

/**
 * Owns the terminal's devices, created from configuration: each one real, simulated (the real
 * driver on a simulator speaking the device's protocol, started here) or off ({@link DeviceMode}).
 * Like a Pi4J context, the choice is explicit per device and never falls back to a simulator by
 * accident. A device that fails to start is reported with a NO_DEVICE or HARDWARE_ERROR status
 * and the kiosk runs on without it.
 *
 * <p>The kiosk sees each device through its interface ({@link IdCardReader}, {@link Camera},
 * {@link Gpio}, {@link SmartCardReader}). The simulators' controls are apart, in
 * {@link #simulators()}, for the demo console and tests.
 */
public final class DeviceHub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeviceHub.class);

    private final KioskConfig config;
    private final Path workDir;
    private final List<StatusTracker> trackers = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final List<GpioListener> gpioListeners = new CopyOnWriteArrayList<>();
    static final long A4_STATUS_SECONDS = 30;
    private final java.util.concurrent.ScheduledExecutorService housekeeping =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("device-housekeeping"));
    private final List<IdCardListener> idcardListeners = new CopyOnWriteArrayList<>();
    private final SimulatorControls simulators = new SimulatorControls();
    private IdCardReader idcard;
    private ReceiptPrinter receipt;
    private A4Printer a4;
    private Camera camera;
    private Gpio gpio;
    private SmartCardReader smartcard;
    private IssuerTrust issuerTrust;
    private final TamperLatch tamperLatch;

    private DeviceHub(KioskConfig config, Path workDir) {
        this.config = config;
        this.workDir = workDir;
        try {
            this.tamperLatch = TamperLatch.open(config.dataDir().resolve("state"), java.time.Clock.systemUTC());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot open the tamper latch in " + config.dataDir(), e);
        }
    }

    /** Outcome of a technician's tamper reset. */
    public enum TamperReset {
        /** The alarm is cleared; the kiosk may serve again. */
        CLEARED,
        /** Refused: the door switch still reads open. */
        DOOR_OPEN,
        /** Refused: the GPIO board is configured but not working, so the door cannot be checked. */
        SWITCH_UNREADABLE
    }

    /** Starts every configured device; never throws for a device problem. */
    public static DeviceHub start(KioskConfig config) {
        DeviceHub hub = new DeviceHub(config, config.dataDir().resolve("devices"));
        hub.startIdCard();
        hub.startReceiptPrinter();
        hub.startA4Printer();
        hub.startCamera();
        hub.startGpio();
        hub.startSmartcard();
        return hub;
    }

    private DeviceMode mode(ConfigKey key) {
        return DeviceMode.of(config.deviceMode(key));
    }

    private void failed(String device, Exception e) {
        StatusTracker t = new StatusTracker(device, DeviceStatus.NO_DEVICE);
        t.update(DeviceStatus.NO_DEVICE, org.zizhu.device.DeviceFault.Common.START_FAILED);
        trackers.add(t);
        EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "device-start", "device", device, "error", e.getClass().getSimpleName());
        log.warn("device {} did not start: {}", device, e.toString());
    }

    private void startIdCard() {
        DeviceMode mode = mode(ConfigKey.IDCARD_MODE);
        if (mode == DeviceMode.OFF) {
            return;
        }
        try {
            IdCardReaderConfig c = IdCardReaderConfig.builder().portPath(config.get(ConfigKey.IDCARD_PORT))
                    .baud(SamBaud.valueOf("B" + config.get(ConfigKey.IDCARD_BAUD))).build();
            IdCardListener fanOut = event -> idcardListeners.forEach(l -> l.onEvent(event));
            if (mode == DeviceMode.SIMULATED) {
                // The simulator speaks the SAM protocol on the far end of a socat pty pair.
                SimulatedIdCard sim = SimulatedIdCard.open(c, fanOut);
                owned.add(sim);
                simulators.idcard(sim.controls());
                idcard = sim.reader();
                idcardListeners.add(simulators::onIdCardEvent);
            } else {
                idcard = IdCardReader.open(c, fanOut);
                owned.add(idcard);
            }
            trackers.add(idcard.tracker());
        } catch (IOException | RuntimeException e) {
            failed("idcard", e);
        }
    }

    private void startReceiptPrinter() {
        DeviceMode mode = mode(ConfigKey.RECEIPT_MODE);
        if (mode == DeviceMode.OFF) {
            return;
        }
        try {
            ReceiptPaper paper = config.get(ConfigKey.RECEIPT_PAPER_MM).equals("58") ? ReceiptPaper.MM58 : ReceiptPaper.MM80;
            boolean simulated = mode == DeviceMode.SIMULATED;
            // A simulation brings its own loopback endpoint; the configured target is not read.
            ReceiptPrinterConfig cfg = ReceiptPrinterConfig.builder()
                    .endpoint(simulated ? ReceiptPrinterConfig.DEFAULT_ENDPOINT : config.get(ConfigKey.RECEIPT_TARGET))
                    .deviceId("receipt-printer").paper(paper).build();
            if (simulated) {
                // The simulator interprets ESC/POS on a loopback TCP port, like a networked printer.
                SimulatedReceiptPrinter sim = SimulatedReceiptPrinter.open(cfg);
                owned.add(sim);
                simulators.receipt(sim.controls());
                receipt = sim.printer();
            } else {
                receipt = ReceiptPrinter.open(cfg);
                owned.add(receipt);
            }
            trackers.add(receipt.tracker()); // the driver polls DLE EOT status by itself
        } catch (IOException | RuntimeException e) {
            failed("receipt-printer", e);
        }
    }

    private void startA4Printer() {
        DeviceMode mode = mode(ConfigKey.A4_MODE);
        if (mode == DeviceMode.OFF) {
            return;
        }
        try {
            // Simulated and real both print through CUPS: the simulator is ippeveprinter behind
            // the local CUPS (scripts/stacks/cups.sh), a real IPP Everywhere printer.
            A4PrinterConfig a4Config = A4PrinterConfig.builder().queue(config.get(ConfigKey.A4_QUEUE))
                    .deviceId("a4-printer").build();
            a4 = mode == DeviceMode.SIMULATED ? A4Printer.open(a4Config) : A4Printer.open(a4Config);
            trackers.add(a4.tracker());
            // The CUPS queue is asked between jobs too, off the start-up path, so heartbeats and
            // the maintenance screen see a stopped queue or a printer turned off.
            A4Printer printer = a4;
            // Jobs a previous run left in the queue (killed or powered off mid-job) are cancelled
            // before anything else, off the start-up path, so they never print for someone else.
            housekeeping.execute(() -> {
                try {
                    printer.cancelLeftoverJobs();
                } catch (RuntimeException e) {
                    log.warn("A4 leftover jobs: {}", e.toString());
                }
            });
            housekeeping.scheduleWithFixedDelay(() -> {
                try {
                    printer.refreshStatus();
                } catch (RuntimeException e) {
                    log.warn("A4 printer status: {}", e.toString());
                }
            }, 0, A4_STATUS_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            failed("a4-printer", e);
        }
    }

    private void startCamera() {
        DeviceMode mode = mode(ConfigKey.CAMERA_MODE);
        if (mode == DeviceMode.OFF) {
            return;
        }
        try {
            if (mode == DeviceMode.SIMULATED) {
                // ffmpeg's test pattern until the demo console or a test sets a scene.
                SimulatedCamera sim = SimulatedCamera.open(workDir.resolve("camera"));
                simulators.camera(sim.controls());
                camera = sim.camera();
            } else {
                camera = Camera.open(CameraConfig.builder().v4l2(config.get(ConfigKey.CAMERA_DEVICE)).build());
            }
            owned.add(camera);
            trackers.add(camera.tracker());
        } catch (RuntimeException e) {
            failed("camera", e);
        }
    }

    private void startGpio() {
        DeviceMode mode = mode(ConfigKey.GPIO_MODE);
        if (mode == DeviceMode.OFF) {
            return;
        }
        try {
            if (mode == DeviceMode.SIMULATED) {
                SimulatedGpio sim = SimulatedGpio.open(workDir.resolve("gpio"), GpioScheduler.system());
                simulators.gpio(sim.controls());
                gpio = sim.gpio();
                owned.add(sim);
            } else {
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(Path.of(config.get(ConfigKey.GPIO_PIN_MAP)))) {
                    p.load(in);
                }
                gpio = Gpio.open(GpioConfig.fromProperties(p));
                owned.add(gpio);
            }
            gpio.addListener(new GpioListener() {
                @Override
                public void helpRequested() {
                    gpioListeners.forEach(GpioListener::helpRequested);
                }

                @Override
                public void tamperChanged(boolean open) {
                    if (open) {
                        // Saved before anyone is told, so a restart cannot forget it.
                        tripQuietly("door-opened");
                    }
                    gpioListeners.forEach(l -> l.tamperChanged(open));
                }

                @Override
                public void fanChanged(boolean on) {
                    gpioListeners.forEach(l -> l.fanChanged(on));
                }
            });
            trackers.add(gpio.tracker());
            if (gpio.tamperAlarm()) {
                // Open at boot (opened while powered off), or opened before this listener was in place.
                tripQuietly("door-open-at-start");
            }
        } catch (IOException | RuntimeException e) {
            failed("gpio", e);
        }
    }

    private void tripQuietly(String reason) {
        try {
            tamperLatch.trip(reason);
        } catch (RuntimeException e) {
            log.error("tamper latch not saved; the kiosk is out of service until restarted", e);
        }
    }

    /**
     * Whether the kiosk is out of service for tampering: the door is open now, or was seen open
     * (even before a restart) and no technician has reset it since.
     */
    public boolean tamperLatched() {
        return tamperLatch.latched() || (gpio != null && gpio.tamperAlarm());
    }

    /**
     * A technician's reset: refused while the door switch reads open, or when the GPIO board is
     * configured but cannot be read. With GPIO configured off there is no switch to check.
     */
    public TamperReset resetTamper() {
        if (gpio != null) {
            if (!gpio.resetTamper()) {
                EventLog.event(EventId.GPIO_TAMPER_RESET, Outcome.FAILURE, "reason", "door-open");
                return TamperReset.DOOR_OPEN;
            }
        } else if (mode(ConfigKey.GPIO_MODE) != DeviceMode.OFF) {
            EventLog.event(EventId.GPIO_TAMPER_RESET, Outcome.FAILURE, "reason", "gpio-unavailable");
            return TamperReset.SWITCH_UNREADABLE;
        }
        try {
            tamperLatch.clear();
        } catch (IOException e) {
            EventLog.event(EventId.GPIO_TAMPER_RESET, Outcome.FAILURE, "reason", "latch-not-cleared", "error", e.toString());
            return TamperReset.SWITCH_UNREADABLE;
        }
        return TamperReset.CLEARED;
    }

    private void startSmartcard() {
        DeviceMode mode = mode(ConfigKey.SMARTCARD_MODE);
        if (mode == DeviceMode.OFF) {
            return;
        }
        try {
            SmartCardConfig c = SmartCardConfig.builder().readerNamePattern(config.get(ConfigKey.SMARTCARD_READER_PATTERN)).build();
            if (mode == DeviceMode.SIMULATED) {
                // Simulated technician cards are inserted into pcscd's first virtual reader (vpcd).
                SimulatedSmartCard sim = SimulatedSmartCard.open(c);
                owned.add(sim);
                simulators.smartcard(sim.controls());
                smartcard = sim.reader();
                issuerTrust = sim.issuerTrust();
            } else {
                smartcard = SmartCardReader.open(c);
                owned.add(smartcard);
                String key = config.get(ConfigKey.SMARTCARD_ISSUER_KEY);
                if (!key.equals("none")) {
                    issuerTrust = IssuerTrust.of(EcKeys.publicKeyFromBase64(key));
                }
            }
            trackers.add(smartcard.tracker());
        } catch (RuntimeException e) {
            failed("smartcard", e);
        }
    }

    /** Every device's status tracker, for heartbeats, metrics and the health screen. */
    public List<StatusTracker> trackers() {
        return List.copyOf(trackers);
    }

    public Optional<IdCardReader> idcard() {
        return Optional.ofNullable(idcard);
    }

    /**
     * The simulators' controls (place a card, open the door, show the camera a QR code), each
     * present only for a device in simulated mode. For the demo console and tests only.
     */
    public SimulatorControls simulators() {
        return simulators;
    }


    /** ID card events, delivered on the reader's thread. */
    public void addIdCardListener(IdCardListener l) {
        idcardListeners.add(l);
    }

    public Optional<ReceiptPrinter> receiptPrinter() {
        return Optional.ofNullable(receipt);
    }

    /** The ESC/POS simulator in simulated mode (decoded receipts, paper state). */

    public Optional<A4Printer> a4Printer() {
        return Optional.ofNullable(a4);
    }

    public Optional<Camera> camera() {
        return Optional.ofNullable(camera);
    }

    public Optional<Gpio> gpio() {
        return Optional.ofNullable(gpio);
    }

    /**
     * Captures a face from the camera for verification, waiting up to {@code timeout} for a frame
     * that passes the quality checks. What the camera looks at is the world's business (in
     * simulated mode the simulator's: see {@link SimulatorControls}). The caller owns and must
     * wipe the returned face. While it runs, {@link #liveFace()} gives the newest frame and its
     * verdict for the screen; when it ends that picture is dropped.
     */
    public FaceCaptureResult captureFace(Duration timeout) throws InterruptedException {
        Camera cam = camera;
        if (cam == null) {
            throw new IllegalStateException("no camera");
        }
        try {
            return FaceCapture.withDefaults().captureFrom(cam, timeout, this::publishLiveFace)
                    .orElse(new FaceCaptureResult.Rejected(FaceQualityIssue.NO_FACE, null));
        } finally {
            clearLiveFace();
        }
    }

    /**
     * The face check's live guide: the newest frame a running {@link #captureFace} judged, as a
     * small JPEG, and its verdict. The picture is the resident's face: in memory only, never logged
     * ({@link #toString()} gives only the size); the receiver owns this copy and should zero it.
     */
    public record LiveFace(byte[] jpeg, FaceGuide guide) {
        @Override
        public String toString() {
            return "LiveFace[" + jpeg.length + " bytes, " + guide + "]";
        }
    }

    /** Widest live face picture, in pixels: the screen shows it at about this size. */
    static final int LIVE_FACE_WIDTH = 480;

    private final Object liveFaceLock = new Object();
    /** The newest live picture (zeroed when replaced or dropped); null when no capture runs. */
    private byte[] liveFaceJpeg;
    private FaceGuide liveFaceGuide;

    /** The newest frame of the running face capture and its verdict; empty when none runs (or no frame was judged yet). */
    public Optional<LiveFace> liveFace() {
        synchronized (liveFaceLock) {
            if (liveFaceJpeg == null) {
                return Optional.empty();
            }
            return Optional.of(new LiveFace(liveFaceJpeg.clone(), liveFaceGuide));
        }
    }

    private void publishLiveFace(Frame frame, FaceGuide guide) {
        // Encoded here, on the capture thread, so the frame is not kept beyond the capture's step.
        byte[] jpeg = FaceCapture.previewJpeg(frame, LIVE_FACE_WIDTH);
        synchronized (liveFaceLock) {
            if (liveFaceJpeg != null) {
                Arrays.fill(liveFaceJpeg, (byte) 0);
            }
            liveFaceJpeg = jpeg;
            liveFaceGuide = guide;
        }
    }

    private void clearLiveFace() {
        synchronized (liveFaceLock) {
            if (liveFaceJpeg != null) {
                Arrays.fill(liveFaceJpeg, (byte) 0);
            }
            liveFaceJpeg = null;
            liveFaceGuide = null;
        }
    }

    /**
     * Takes one document page from the camera (高拍仪), corrected, waiting up to {@code timeout}
     * for a usable still page. Empty when no frame arrived at all (the camera's status says why).
     * The caller owns and must wipe an accepted page.
     */
    public Optional<DocumentCaptureResult> captureDocument(Duration timeout) throws InterruptedException {
        Camera cam = camera;
        if (cam == null) {
            return Optional.empty();
        }
        return DocumentCapture.withDefaults().capture(cam, timeout);
    }

    public void addGpioListener(GpioListener l) {
        gpioListeners.add(l);
    }

    public Optional<SmartCardReader> smartcard() {
        return Optional.ofNullable(smartcard);
    }

    /** Whom the kiosk trusts to issue technician cards; empty disables technician login. */
    public Optional<IssuerTrust> issuerTrust() {
        return Optional.ofNullable(issuerTrust);
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                log.warn("closing device", e);
            }
        }
    }
}
