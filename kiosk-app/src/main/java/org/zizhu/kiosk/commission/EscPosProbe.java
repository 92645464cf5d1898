package org.zizhu.kiosk.commission;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.zizhu.device.printer.escpos.EscPosStatus;
import org.zizhu.device.printer.transport.Endpoint;
import org.zizhu.device.printer.transport.Transport;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/**
 * Asks an endpoint whether an ESC/POS receipt printer is there: {@code DLE EOT 1} (the
 * real-time printer status, answered even mid-job), one status-shaped byte back within the
 * deadline means a printer. Nothing is printed.
 */
public final class EscPosProbe {
    private static final byte[] DLE_EOT_1 = {0x10, 0x04, 0x01};

    private final Duration connectDeadline;
    private final Duration answerDeadline;

    public EscPosProbe(Duration connectDeadline, Duration answerDeadline) {
        this.connectDeadline = connectDeadline;
        this.answerDeadline = answerDeadline;
    }

    /** The status byte the printer answered, or empty (nothing there, or not a printer). */
    public Optional<Integer> probe(String endpoint) {
        Endpoint e;
        try {
            e = Endpoint.parse(endpoint);
        } catch (IllegalArgumentException bad) {
            EventLog.event(EventId.COMMISSIONING_PROBE, Outcome.FAILURE, "device", "receipt", "candidate", endpoint, "reason", "bad-endpoint");
            return Optional.empty();
        }
        try (Transport t = e.open(connectDeadline)) {
            t.discardInput();
            t.write(DLE_EOT_1, 0, DLE_EOT_1.length);
            long deadline = System.nanoTime() + answerDeadline.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                int b = left > 0 ? t.read(Duration.ofNanos(left)) : -1;
                if (b < 0) {
                    EventLog.event(EventId.COMMISSIONING_PROBE, Outcome.FAILURE, "device", "receipt", "candidate", endpoint, "reason", "no-answer");
                    return Optional.empty();
                }
                if (EscPosStatus.isStatusByte(b)) {
                    EventLog.event(EventId.COMMISSIONING_PROBE, Outcome.SUCCESS, "device", "receipt", "candidate", endpoint,
                            "status", Integer.toHexString(b));
                    return Optional.of(b);
                }
            }
        } catch (IOException | RuntimeException x) {
            EventLog.event(EventId.COMMISSIONING_PROBE, Outcome.FAILURE, "device", "receipt", "candidate", endpoint,
                    "error", x.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
