package org.zizhu.kiosk.commission;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.zizhu.device.camera.Camera;
import org.zizhu.device.camera.qr.QrScanner;
import org.zizhu.device.gpio.Gpio;
import org.zizhu.device.gpio.GpioConfig;
import org.zizhu.device.gpio.GpioListener;
import org.zizhu.device.gpio.LightPattern;
import org.zizhu.device.idcard.IdCardEvent;
import org.zizhu.device.idcard.IdCardListener;
import org.zizhu.device.idcard.IdCardReader;
import org.zizhu.device.printer.escpos.EscPosPrinter;
import org.zizhu.device.printer.escpos.ReceiptPrinter;
import org.zizhu.device.printer.ipp.IppClient;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.devices.DeviceMode;
import org.zizhu.kiosk.enrol.CaPin;
import org.zizhu.kiosk.enrol.Enrolment;
import org.zizhu.kiosk.flow.CommissioningPorts;
import org.zizhu.kiosk.flow.CommissioningState;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.print.CommissioningReportData;
import org.zizhu.print.TestPageData;
import org.zizhu.threads.DaemonThreads;

/**
 * The commissioning wizard's ports over the running kiosk: its configuration, the device hub, the
 * printers and the centre. Detection probes every candidate with the device's own protocol, but a
 * device the kiosk already drives and reports working is taken as found where it is (probing it
 * again would put a second conversation on its line). Tests use the kiosk's own drivers.
 */
public final class HubCommissioning implements CommissioningPorts {
    /** Enrols with a one-time code (the runtime's enrolment: key, CSR, pinned CA, stored credentials). */
    @FunctionalInterface
    public interface Enroller {
        Enrolment.Result enrol(String code) throws Exception;
    }

    /** How long a test that needs the technician's hand (a card, the help button) waits for it. */
    static final Duration HAND_WAIT = Duration.ofSeconds(60);

    private final KioskConfig config;
    private final DeviceHub hub;
    private final PrintService printing;
    private final CentralClient client;
    private final Enroller enroller;
    private final String version;
    private final DevicePaths paths;
    private final Clock clock;
    private final Duration handWait;
    private final KeptProgress kept;

    public HubCommissioning(KioskConfig config, DeviceHub hub, PrintService printing, CentralClient client, Enroller enroller,
                            String version, DevicePaths paths, Clock clock) {
        this(config, hub, printing, client, enroller, version, paths, clock, HAND_WAIT);
    }

    HubCommissioning(KioskConfig config, DeviceHub hub, PrintService printing, CentralClient client, Enroller enroller,
                     String version, DevicePaths paths, Clock clock, Duration handWait) {
        this.config = config;
        this.hub = hub;
        this.printing = printing;
        this.client = client;
        this.enroller = enroller;
        this.version = version;
        this.paths = paths;
        this.clock = clock;
        this.handWait = handWait;
        this.kept = new KeptProgress(config.dataDir(), clock);
    }

    @Override
    public void keepForRestart(org.zizhu.kiosk.flow.CommissioningState.Progress progress) {
        kept.keep(progress);
    }

    @Override
    public java.util.Optional<org.zizhu.kiosk.flow.CommissioningState.Progress> takeKept() {
        return kept.take();
    }

    @Override
    public boolean enrolled() {
        return !client.usesTls() || client.ready();
    }

    @Override
    public String terminalId() {
        return client.terminalId();
    }

    @Override
    public List<DeviceRole> testableDevices() {
        List<DeviceRole> r = new ArrayList<>();
        hub.idcard().ifPresent(x -> r.add(DeviceRole.IDCARD));
        hub.receiptPrinter().ifPresent(x -> r.add(DeviceRole.RECEIPT));
        hub.a4Printer().ifPresent(x -> r.add(DeviceRole.A4));
        hub.camera().ifPresent(x -> r.add(DeviceRole.CAMERA));
        hub.gpio().ifPresent(x -> r.add(DeviceRole.GPIO));
        return r;
    }

    // ---- network and time, enrolment ------------------------------------------------------

    @Override
    public NetworkReport checkNetwork() {
        java.net.http.HttpClient http;
        try {
            http = client.usesTls() ? Enrolment.unenrolledClient(CaPin.forEnrolment(config))
                    : java.net.http.HttpClient.newBuilder().connectTimeout(config.millis(ConfigKey.CENTRAL_CONNECT_TIMEOUT_MS)).build();
        } catch (Exception e) {
            return new NetworkReport(false, 0, false, 0, "no-centre-trust");
        }
        return new NetworkCheck(http, client.base(), client.terminalId(), config.millis(ConfigKey.CENTRAL_REQUEST_TIMEOUT_MS), clock).check();
    }

    @Override
    public EnrolOutcome enrol(String code) {
        try {
            Enrolment.Result r = enroller.enrol(code);
            return new EnrolOutcome(true, r.credentials().terminalId(), "", false);
        } catch (CentralException e) {
            String problem = switch (e.status()) {
                case 403 -> "code-refused";
                case 409 -> "code-used";
                default -> e.kind() == CentralException.Kind.REJECTED ? "centre-not-trusted" : "centre-unreachable";
            };
            return new EnrolOutcome(false, "", problem, e.retryable());
        } catch (IllegalStateException e) {
            return new EnrolOutcome(false, "", "not-mutual-tls", false);
        } catch (Exception e) {
            return new EnrolOutcome(false, "", "enrol-failed", true);
        }
    }

    @Override
    public Scan scanEnrolmentCode(Consumer<String> payloads, Runnable ended, Duration limit) {
        Optional<Camera> cam = hub.camera();
        if (cam.isEmpty()) {
            ended.run();
            return Scan.NONE;
        }
        long deadline = System.nanoTime() + limit.toNanos();
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        Thread t = DaemonThreads.start("commissioning-qr", () -> {
            QrScanner scanner = new QrScanner();
            String last = null;
            try {
                while (!stopped.get() && System.nanoTime() - deadline < 0) {
                    var frame = cam.get().poll(Duration.ofMillis(500));
                    if (frame.isEmpty()) {
                        continue;
                    }
                    String text = scanner.decode(frame.get().image());
                    // A code held up is handed over once, not with every frame.
                    if (text != null && !text.equals(last) && !stopped.get()) {
                        last = text;
                        payloads.accept(text);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!stopped.get()) {
                ended.run();
            }
        });
        return () -> {
            stopped.set(true);
            if (t != Thread.currentThread()) {
                t.interrupt();
            }
        };
    }

    // ---- detection and binding ------------------------------------------------------------

    @Override
    public List<Found> detect() {
        List<Found> found = new ArrayList<>();
        List<Path> busy = new ArrayList<>();
        SamProbe sam = new SamProbe(Duration.ofMillis(300));
        EscPosProbe escpos = new EscPosProbe(Duration.ofSeconds(1), Duration.ofMillis(500));

        // ID card reader: the kiosk's own, if it works; else the first serial port whose SAM answers.
        Optional<Found> idcard = hub.idcard().filter(r -> r.status().usable()).map(r -> {
            Path port = Path.of(r.config().portPath());
            DevicePaths.real(port).ifPresent(busy::add);
            return idcardFound(port, r.config().baud().bitsPerSecond(), "in use, answering", true);
        });
        Optional<Found> receipt = hub.receiptPrinter().filter(p -> p.status().usable()).flatMap(this::receiptInUse);
        receipt.ifPresent(f -> serialPath(f.address()).flatMap(DevicePaths::real).ifPresent(busy::add));
        List<String> configured = new ArrayList<>(List.of(config.get(ConfigKey.IDCARD_PORT)));
        serialPath(config.get(ConfigKey.RECEIPT_TARGET)).ifPresent(p -> configured.add(p.toString()));
        // Each free serial port is asked the printer's question first: DLE EOT is three bytes a
        // SAM ignores (no frame preamble), whereas the SAM's frame sent to a printer would print
        // as junk. A port named for a role by udev (/dev/zizhu/idcard, /dev/zizhu/receipt) is
        // asked only that role's question.
        for (Path port : paths.serialCandidates(configured)) {
            if (DevicePaths.real(port).map(busy::contains).orElse(true)) {
                continue;
            }
            boolean namedReader = port.equals(paths.zizhuDir().resolve(DeviceRole.IDCARD.tag()));
            boolean namedPrinter = port.equals(paths.zizhuDir().resolve(DeviceRole.RECEIPT.tag()));
            if (receipt.isEmpty() && !namedReader) {
                for (int rate : new int[] {115200, 9600, 19200, 38400}) {
                    String endpoint = "serial:" + port + "?baud=" + rate;
                    Optional<Integer> st = escpos.probe(endpoint);
                    if (st.isPresent()) {
                        receipt = Optional.of(new Found(DeviceRole.RECEIPT, endpoint, endpoint, "DLE EOT 0x" + Integer.toHexString(st.get()),
                                false, List.of(ConfigKey.RECEIPT_TARGET.key() + "=" + endpoint)));
                        break;
                    }
                }
                if (receipt.isPresent() && receipt.get().address().startsWith("serial:" + port + "?")) {
                    continue;
                }
            }
            if (idcard.isEmpty() && !namedPrinter) {
                Optional<SamProbe.Answer> a = sam.probe(port.toString());
                if (a.isPresent()) {
                    idcard = Optional.of(idcardFound(port, a.get().baud().bitsPerSecond(), "SAM " + a.get().status().name(), false));
                }
            }
        }
        idcard.ifPresent(found::add);

        // Receipt printer elsewhere: the configured network or USB endpoint, USB printer nodes.
        if (receipt.isEmpty()) {
            List<String> endpoints = new ArrayList<>();
            String target = config.get(ConfigKey.RECEIPT_TARGET);
            if (!target.startsWith("serial:")) {
                endpoints.add(target);
            }
            paths.usbPrinters().forEach(p -> endpoints.add("usb:" + p));
            for (String e : endpoints) {
                Optional<Integer> st = escpos.probe(e);
                if (st.isPresent()) {
                    receipt = Optional.of(new Found(DeviceRole.RECEIPT, e, e, "DLE EOT 0x" + Integer.toHexString(st.get()), false,
                            List.of(ConfigKey.RECEIPT_TARGET.key() + "=" + e)));
                    break;
                }
            }
        }
        receipt.ifPresent(found::add);

        cupsQueue().ifPresent(found::add);
        camera().ifPresent(found::add);
        smartcard().ifPresent(found::add);
        gpio().ifPresent(found::add);
        return found;
    }

    private Found idcardFound(Path port, int baud, String detail, boolean inUse) {
        Path stable = paths.stableName(port, DeviceRole.IDCARD.tag());
        return new Found(DeviceRole.IDCARD, port.toString(), stable.toString(), detail, inUse,
                List.of(ConfigKey.IDCARD_PORT.key() + "=" + stable, ConfigKey.IDCARD_BAUD.key() + "=" + baud));
    }

    private Optional<Found> receiptInUse(ReceiptPrinter p) {
        if (!(p instanceof EscPosPrinter e)) {
            return Optional.empty();
        }
        String endpoint = e.config().endpoint().toString();
        Optional<Path> serial = serialPath(endpoint);
        if (serial.isPresent()) {
            // Bound by the stable name of its port, at the rate it runs.
            String rate = endpoint.contains("?baud=") ? endpoint.substring(endpoint.indexOf("?baud=")) : "";
            endpoint = "serial:" + paths.stableName(serial.get(), DeviceRole.RECEIPT.tag()) + rate;
        }
        return Optional.of(new Found(DeviceRole.RECEIPT, e.config().endpoint().toString(), endpoint, "in use, answering", true,
                List.of(ConfigKey.RECEIPT_TARGET.key() + "=" + endpoint)));
    }

    private static Optional<Path> serialPath(String endpoint) {
        if (endpoint.startsWith("serial:")) {
            String rest = endpoint.substring(7);
            int q = rest.indexOf('?');
            return Optional.of(Path.of(q < 0 ? rest : rest.substring(0, q)));
        }
        return Optional.empty();
    }

    /** The A4 queue: the configured one if CUPS has it, else CUPS's first queue. */
    private Optional<Found> cupsQueue() {
        try {
            List<String> queues = IppClient.queues(URI.create("http://localhost:631"), Duration.ofSeconds(3));
            String want = config.get(ConfigKey.A4_QUEUE);
            String q = queues.contains(want) ? want : queues.isEmpty() ? null : queues.get(0);
            EventLog.event(EventId.COMMISSIONING_PROBE, q != null ? Outcome.SUCCESS : Outcome.FAILURE, "device", "a4",
                    "candidate", "cups", "queues", queues.size());
            return Optional.ofNullable(q).map(x -> new Found(DeviceRole.A4, "cups:" + x, x, "CUPS queues: " + String.join(", ", queues),
                    hub.a4Printer().isPresent(), List.of(ConfigKey.A4_QUEUE.key() + "=" + x)));
        } catch (java.io.IOException | RuntimeException e) {
            EventLog.event(EventId.COMMISSIONING_PROBE, Outcome.FAILURE, "device", "a4", "candidate", "cups", "error", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private Optional<Found> camera() {
        if (hub.camera().isPresent() && hub.camera().get().status().usable()
                && DeviceMode.of(config.deviceMode(ConfigKey.CAMERA_MODE)) == DeviceMode.SIMULATED) {
            return Optional.of(new Found(DeviceRole.CAMERA, "simulated", "simulated", "in use, simulated", true, List.of()));
        }
        List<Path> nodes = paths.cameras();
        Path configured = Path.of(config.get(ConfigKey.CAMERA_DEVICE));
        Optional<Path> pick = nodes.stream().filter(n -> DevicePaths.real(n).equals(DevicePaths.real(configured))).findFirst()
                .or(() -> nodes.stream().findFirst());
        return pick.map(n -> new Found(DeviceRole.CAMERA, n.toString(), n.toString(), "V4L2 node", hub.camera().isPresent(),
                List.of(ConfigKey.CAMERA_DEVICE.key() + "=" + n)));
    }

    private Optional<Found> smartcard() {
        return hub.smartcard().flatMap(r -> r.readerName()).map(name -> new Found(DeviceRole.SMARTCARD, name, name,
                "PC/SC reader", true, List.of(ConfigKey.SMARTCARD_READER_PATTERN.key() + "=" + Pattern.quote(name))));
    }

    private Optional<Found> gpio() {
        if (DeviceMode.of(config.deviceMode(ConfigKey.GPIO_MODE)) == DeviceMode.SIMULATED) {
            return hub.gpio().map(g -> new Found(DeviceRole.GPIO, "simulated", "simulated", "in use, simulated", true, List.of()));
        }
        Path map = Path.of(config.get(ConfigKey.GPIO_PIN_MAP));
        if (!Files.isRegularFile(map)) {
            EventLog.event(EventId.COMMISSIONING_PROBE, Outcome.FAILURE, "device", "gpio", "candidate", map.toString(), "reason", "no-pin-map");
            return Optional.empty();
        }
        try (var in = Files.newInputStream(map)) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            GpioConfig.fromProperties(p);
            return Optional.of(new Found(DeviceRole.GPIO, map.toString(), map.toString(), "pin map " + p.getProperty("gpio.provider"),
                    hub.gpio().isPresent(), List.of(ConfigKey.GPIO_PIN_MAP.key() + "=" + map)));
        } catch (java.io.IOException | RuntimeException e) {
            EventLog.event(EventId.COMMISSIONING_PROBE, Outcome.FAILURE, "device", "gpio", "candidate", map.toString(), "reason", "bad-pin-map");
            return Optional.empty();
        }
    }

    @Override
    public BindResult bind(List<Found> found) {
        return Bindings.write(config, found);
    }

    // ---- device tests --------------------------------------------------------------------

    @Override
    public TestResult test(DeviceRole role) {
        return switch (role) {
            case IDCARD -> hub.idcard().map(this::readACard).orElse(new TestResult(false, "no-device"));
            case RECEIPT -> print(false);
            case A4 -> print(true);
            case CAMERA -> hub.camera().map(HubCommissioning::takePicture).orElse(new TestResult(false, "no-device"));
            case GPIO -> hub.gpio().map(this::buttonAndLight).orElse(new TestResult(false, "no-device"));
            case SMARTCARD -> hub.smartcard().map(r -> new TestResult(r.readerName().isPresent(), "technician card read at login"))
                    .orElse(new TestResult(false, "no-device"));
        };
    }

    /** Waits for the technician's test card to be read; only that a read succeeded is kept, never what it held. */
    private TestResult readACard(IdCardReader reader) {
        AtomicReference<String> outcome = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        IdCardListener l = event -> {
            switch (event) {
                case IdCardEvent.IdentityRead r -> outcome.compareAndSet(null, "card-read");
                case IdCardEvent.ReadFailed f -> outcome.compareAndSet(null, "card-unreadable");
                default -> {
                    return;
                }
            }
            done.countDown();
        };
        reader.addListener(l);
        try {
            if (!done.await(handWait.toMillis(), TimeUnit.MILLISECONDS)) {
                return new TestResult(false, "no-card");
            }
            return new TestResult("card-read".equals(outcome.get()), outcome.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TestResult(false, "interrupted");
        } finally {
            reader.removeListener(l);
        }
    }

    private TestResult print(boolean a4) {
        if (printing == null) {
            return new TestResult(false, "no-device");
        }
        try {
            TestPageData page = new TestPageData(terminalId(), version, a4 ? config.get(ConfigKey.A4_QUEUE) : "receipt",
                    LocalDateTime.now(clock));
            var r = a4 ? printing.printA4(page, "commissioning-test-a4") : printing.printReceipt(page, "commissioning-test-receipt");
            return new TestResult(true, "printed " + r.bytesSent() + " bytes");
        } catch (PrintService.PrintFailure e) {
            return new TestResult(false, e.getMessage());
        }
    }

    private static TestResult takePicture(Camera camera) {
        try {
            var frame = camera.poll(Duration.ofSeconds(5));
            return frame.map(f -> new TestResult(true, f.width() + "x" + f.height())).orElse(new TestResult(false, "no-frame"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TestResult(false, "interrupted");
        }
    }

    /** Lights the lamp (the help pattern, red and green) and waits for the help button; the lamp is put back after. */
    private TestResult buttonAndLight(Gpio gpio) {
        LightPattern before = gpio.light().pattern();
        CountDownLatch pressed = new CountDownLatch(1);
        GpioListener l = new GpioListener() {
            @Override
            public void helpRequested() {
                pressed.countDown();
            }
        };
        gpio.addListener(l);
        try {
            gpio.light().show(LightPattern.HELP_REQUESTED);
            boolean ok = pressed.await(handWait.toMillis(), TimeUnit.MILLISECONDS);
            return new TestResult(ok, ok ? "button-pressed, lamp lit" : "no-button-press");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TestResult(false, "interrupted");
        } finally {
            gpio.removeListener(l);
            gpio.light().show(before);
        }
    }

    // ---- the report ----------------------------------------------------------------------

    @Override
    public ReportOutcome report(Report report) {
        boolean printed = false;
        String problem = "";
        if (printing != null && printing.hasReceiptPrinter()) {
            try {
                printing.printReceipt(printable(report), "commissioning-report");
                printed = true;
            } catch (PrintService.PrintFailure | RuntimeException e) {
                problem = "not-printed";
            }
        } else {
            problem = "no-receipt-printer";
        }
        boolean sent = false;
        try {
            client.post("/terminals/" + report.terminalId() + "/commissioning-reports", json(report),
                    // The same report sent again (a retry) carries the same key: the centre keeps it once.
                    java.util.UUID.nameUUIDFromBytes(("commissioning:" + report.terminalId() + ":" + report.at())
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
            sent = true;
        } catch (CentralException e) {
            problem = problem.isEmpty() ? (e.kind() == CentralException.Kind.NOT_ENROLLED ? "not-enrolled" : "not-sent") : problem;
        }
        EventLog.event(EventId.COMMISSIONING_REPORT, printed && sent ? Outcome.SUCCESS : Outcome.FAILURE,
                "printed", printed, "sent", sent, "problem", problem);
        return new ReportOutcome(printed, sent, problem);
    }

    private static final java.util.Map<CommissioningState.Step, String> STEP_NAMES = java.util.Map.of(
            CommissioningState.Step.NETWORK, "网络与时间", CommissioningState.Step.ENROLMENT, "终端注册",
            CommissioningState.Step.DETECTION, "设备检测与绑定", CommissioningState.Step.TESTS, "设备测试",
            CommissioningState.Step.REPORT, "开通报告");

    private CommissioningReportData printable(Report r) {
        List<CommissioningReportData.Line> steps = new ArrayList<>();
        for (CommissioningState.Step s : CommissioningState.Step.values()) {
            if (s == CommissioningState.Step.REPORT) {
                continue; // this report is that step
            }
            steps.add(new CommissioningReportData.Line(STEP_NAMES.get(s), switch (r.steps().get(s)) {
                case PASSED -> "通过";
                case FAILED -> "未通过";
                case NOT_RUN -> "未进行";
            }));
        }
        if (r.network() != null && r.network().dateKnown()) {
            steps.add(new CommissioningReportData.Line("时钟偏差", (r.network().skewMillis() / 1000) + " 秒"));
        }
        List<CommissioningReportData.Line> devices = r.devices().stream()
                .map(f -> new CommissioningReportData.Line(f.role().tag(), f.boundName())).toList();
        List<CommissioningReportData.Line> tests = new ArrayList<>();
        for (DeviceRole role : DeviceRole.values()) {
            TestResult t = r.tests().get(role);
            if (t != null) {
                tests.add(new CommissioningReportData.Line(role.tag(), t.passed() ? "通过" : "未通过"));
            }
        }
        return new CommissioningReportData(r.terminalId(), version, LocalDateTime.ofInstant(r.at(), clock.getZone()), steps, devices, tests);
    }

    /** The report as the centre's contract has it (CommissioningReport). */
    ObjectNode json(Report r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("terminalId", r.terminalId());
        o.put("softwareVersion", version);
        o.put("finishedAt", r.at().toString());
        ArrayNode steps = o.putArray("steps");
        r.steps().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode s = steps.addObject();
            s.put("step", e.getKey().name());
            s.put("outcome", e.getValue().name());
        });
        if (r.network() != null) {
            ObjectNode n = o.putObject("network");
            n.put("reachable", r.network().reachable());
            n.put("httpStatus", r.network().httpStatus());
            if (r.network().dateKnown()) {
                n.put("clockSkewMs", r.network().skewMillis());
            }
        }
        ArrayNode devices = o.putArray("devices");
        for (Found d : r.devices()) {
            ObjectNode x = devices.addObject();
            x.put("role", d.role().name());
            x.put("boundName", d.boundName());
            x.put("inUse", d.inUse());
        }
        ArrayNode bindings = o.putArray("bindings");
        r.bindings().forEach(bindings::add);
        ArrayNode tests = o.putArray("tests");
        r.tests().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode t = tests.addObject();
            t.put("role", e.getKey().name());
            t.put("passed", e.getValue().passed());
            t.put("detail", e.getValue().detail());
        });
        return o;
    }
}
