package org.zizhu.kiosk.commission;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.zizhu.device.idcard.IdCardReaderConfig;
import org.zizhu.device.idcard.SamBaud;
import org.zizhu.device.idcard.SamClient;
import org.zizhu.device.idcard.SamLinkException;
import org.zizhu.device.idcard.SamStatus;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/**
 * Asks a serial port whether a resident ID card reader's SAM is behind it: the SAM's own status
 * query (the real protocol's "SAM status" command, framed and checksummed by the driver) at each
 * baud rate the readers use, each under a short deadline and without retries. A port that gives
 * no well-formed answer at any rate is not a reader; nothing but the status query is ever sent,
 * so another device on the port sees only a few unknown bytes.
 */
public final class SamProbe {
    /** The rates SAM readers ship with, the usual first. */
    static final List<SamBaud> RATES = List.of(SamBaud.B115200, SamBaud.B9600, SamBaud.B57600, SamBaud.B38400, SamBaud.B19200);

    private final Duration answerDeadline;

    public SamProbe(Duration answerDeadline) {
        this.answerDeadline = answerDeadline;
    }

    /** What answered on a port: the rate and the SAM's own health. */
    public record Answer(String port, SamBaud baud, SamStatus status) {
    }

    public Optional<Answer> probe(String port) {
        for (SamBaud baud : RATES) {
            IdCardReaderConfig c = IdCardReaderConfig.builder().portPath(port).baud(baud)
                    .readTimeout(answerDeadline).retries(0).deviceId("idcard-probe").build();
            try (SamClient client = SamClient.open(c, null)) {
                SamStatus s = client.samStatus();
                EventLog.event(EventId.COMMISSIONING_PROBE, Outcome.SUCCESS, "device", "idcard", "candidate", port,
                        "baud", baud.bitsPerSecond(), "sam", s.name());
                return Optional.of(new Answer(port, baud, s));
            } catch (SamLinkException e) {
                if (e.reason() == SamLinkException.Reason.PORT_NOT_FOUND || e.reason() == SamLinkException.Reason.OPEN_FAILED
                        || e.reason() == SamLinkException.Reason.PORT_LOST) {
                    EventLog.event(EventId.COMMISSIONING_PROBE, Outcome.FAILURE, "device", "idcard", "candidate", port,
                            "reason", e.reason().name());
                    return Optional.empty(); // the port itself is not there: other rates will not help
                }
            } catch (RuntimeException e) {
                EventLog.event(EventId.COMMISSIONING_PROBE, Outcome.FAILURE, "device", "idcard", "candidate", port,
                        "error", e.getClass().getSimpleName());
                return Optional.empty();
            }
        }
        EventLog.event(EventId.COMMISSIONING_PROBE, Outcome.FAILURE, "device", "idcard", "candidate", port, "reason", "no-answer");
        return Optional.empty();
    }
}
