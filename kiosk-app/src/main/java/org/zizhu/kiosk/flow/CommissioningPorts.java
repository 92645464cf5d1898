package org.zizhu.kiosk.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the commissioning wizard ({@link CommissioningFlow}) asks of the terminal: the network and
 * time check, enrolment, device detection and binding, a test of each device, and the report.
 * Implemented over the runtime and the device hub (org.zizhu.kiosk.commission); every call may
 * block (the flow runs it on a worker) and returns a value, never throws for a device or network
 * problem. Problems are lower-case-with-dashes tags, worded by the screens.
 */
public interface CommissioningPorts {

    /** The devices the wizard detects and tests, in the order it shows them. */
    enum DeviceRole {
        IDCARD, RECEIPT, A4, CAMERA, SMARTCARD, GPIO;

        /** The tag used in the report and the udev name under /dev/zizhu. */
        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The centre answered over the configured URL ({@code reachable}, with its HTTP status) and
     * its Date header gave the skew of this terminal's clock ({@code skewMillis}: ours minus the
     * centre's), or why not.
     */
    record NetworkReport(boolean reachable, int httpStatus, boolean dateKnown, long skewMillis, String problem) {
        /** The largest clock difference the certificates and the signed documents tolerate comfortably. */
        public static final Duration MAX_SKEW = Duration.ofMinutes(2);

        public boolean clockOk() {
            return dateKnown && Math.abs(skewMillis) <= MAX_SKEW.toMillis();
        }

        public boolean passed() {
            return reachable && clockOk();
        }
    }

    /** Enrolled as {@code terminalId}, or refused ({@code problem}; {@code retryable} for a network failure). */
    record EnrolOutcome(boolean ok, String terminalId, String problem, boolean retryable) {
    }

    /**
     * A device found by a probe: {@code address} is where it answered (a port, an endpoint, a
     * queue, a reader name), {@code boundName} the stable name the binding writes (a /dev/zizhu
     * link before a /dev/serial/by-id one before a by-path one), {@code detail} what it answered.
     * {@code inUse}: the kiosk's own driver holds it and reports it working, so it was not probed
     * again (a second opener would garble its conversation). {@code binding}: the configuration
     * lines ("key=value") binding it writes; empty for a simulator, which has nothing to bind.
     */
    record Found(DeviceRole role, String address, String boundName, String detail, boolean inUse, List<String> binding) {
        public Found {
            binding = List.copyOf(binding);
        }
    }

    /** The bindings written ("key=value" each) to {@code file}; {@code restartNeeded} when a driver must re-open. */
    record BindResult(boolean ok, List<String> written, String file, boolean restartNeeded, String problem) {
        public BindResult {
            written = List.copyOf(written);
        }
    }

    /** One device test: passed or not, with a short technician detail (no personal data). */
    record TestResult(boolean passed, String detail) {
    }

    /** What the report carries: no personal data (no card holder, no face, no technician). */
    record Report(String terminalId, Instant at, Map<CommissioningState.Step, CommissioningState.Outcome> steps,
                  NetworkReport network, List<Found> devices, List<String> bindings,
                  Map<DeviceRole, TestResult> tests) {
        public Report {
            steps = Map.copyOf(steps);
            devices = List.copyOf(devices);
            bindings = List.copyOf(bindings);
            tests = Map.copyOf(tests);
        }
    }

    /** The report printed on the receipt printer and/or accepted by the centre, or why not. */
    record ReportOutcome(boolean printed, boolean sent, String problem) {
        public boolean passed() {
            return printed && sent;
        }
    }

    /** A running camera scan for the enrolment QR code. */
    interface Scan {
        Scan NONE = () -> { };

        void stop();
    }

    /** True once this terminal can talk to the centre (credentials, or plain development HTTP). */
    boolean enrolled();

    /** This terminal's id as configured (or as enrolled). */
    String terminalId();

    /** The devices the kiosk runs now that a test exists for, in test order. */
    List<DeviceRole> testableDevices();

    NetworkReport checkNetwork();

    EnrolOutcome enrol(String code);

    /**
     * Watches the camera for QR codes until stopped or {@code limit} passes, handing each payload
     * read to {@code payloads} (the flow decides whether it is an enrolment code); {@code ended}
     * runs when the limit passes or the camera fails. Without a camera, {@code ended} runs at once.
     */
    Scan scanEnrolmentCode(Consumer<String> payloads, Runnable ended, Duration limit);

    /** Probes every candidate of every device (each probe under its own deadline). */
    List<Found> detect();

    /** Writes the bindings for {@code found} (validated) to the commissioned configuration. */
    BindResult bind(List<Found> found);

    /** Tests one device with its driver (waits for the technician where the test needs a hand, under a deadline). */
    TestResult test(DeviceRole role);

    /** Prints the report on the receipt printer and sends it to the centre. */
    ReportOutcome report(Report report);

    /**
     * Keeps what the wizard found out across the restart that re-opens newly bound devices (no
     * personal data: outcomes, the network check, device names). Default: not kept.
     */
    default void keepForRestart(CommissioningState.Progress progress) {
    }

    /** What {@link #keepForRestart} kept, once: taking it removes it, so only the next opening resumes. */
    default java.util.Optional<CommissioningState.Progress> takeKept() {
        return java.util.Optional.empty();
    }
}
