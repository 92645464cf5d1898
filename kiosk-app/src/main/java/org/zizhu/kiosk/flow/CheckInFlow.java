package org.zizhu.kiosk.flow;

import static org.zizhu.kiosk.flow.Next.IGNORED;
import static org.zizhu.kiosk.flow.Next.to;

import java.util.Locale;
import org.zizhu.kiosk.flow.ServiceEvent.CodeEntered;
import org.zizhu.kiosk.flow.ServiceState.AwaitingCard;
import org.zizhu.kiosk.flow.ServiceState.Working;
import org.zizhu.kiosk.session.Resident;

/**
 * Appointment check-in (预约签到): the resident enters the booking's code, identifies, and the
 * centre issues a priority queue ticket, which is printed. No consent, no payment. {@link #next}
 * is its one transition function; the shared steps are in {@link SharedSteps}.
 */
final class CheckInFlow {
    private CheckInFlow() {
    }

    static final ServiceState INITIAL = new EnterCode("appointment.enterCode");

    /** Waiting for the appointment code; {@code messageKey} says what is wrong with the last one. */
    record EnterCode(String messageKey) implements ServiceState {
    }

    /** Check in the appointment {@code appointmentCode} (normalised: upper case, no blanks). */
    record CheckIn(String appointmentCode) implements ServiceState.Job {
        @Override
        public Next identified(Resident resident, Facts facts) {
            return start(resident, facts);
        }

        @Override
        public Next start(Resident resident, Facts facts) {
            return to(new Working(resident, this), new Effect.CheckIn(resident, appointmentCode));
        }
    }

    static Next next(ServiceState state, ServiceEvent event, Facts facts) {
        return switch (state) {
            case EnterCode s -> event instanceof CodeEntered c ? codeEntered(c.code()) : IGNORED;
            default -> SharedSteps.next(state, event, facts);
        };
    }

    /** A malformed code stays on the step with a message (the centre would refuse it anyway). */
    static Next codeEntered(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!c.matches("[0-9A-Z]{6,12}")) {
            return to(new EnterCode("appointment.badCode"));
        }
        return to(new AwaitingCard(new CheckIn(c)));
    }
}
