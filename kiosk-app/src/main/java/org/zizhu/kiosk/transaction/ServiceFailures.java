package org.zizhu.kiosk.transaction;

import java.sql.SQLException;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.flow.ServicePorts.ServiceException;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.printing.PrintService;

/**
 * The one place where what went wrong (at the centre, in the local store, in the printer, in
 * our own code) becomes what the resident is told and whether a retry may help. The centre's
 * own resident text wins; otherwise the call's fallback from the bundles.
 */
final class ServiceFailures {
    /** The port call that failed, with what the resident is told when nothing better is known. */
    enum Call {
        PERFORM("error.unexpectedData", false),
        CHECK_IN("error.checkIn", false),
        PAYMENT("error.paymentUnavailable", false),
        PAYMENT_STATUS("error.paymentStatusUnknown", false),
        PRINT("error.printData", false),
        RATING("error.ratingNotSaved", true),
        REPORT("error.reportNotSent", true);

        final String fallbackKey;
        final boolean retryable;

        Call(String fallbackKey, boolean retryable) {
            this.fallbackKey = fallbackKey;
            this.retryable = retryable;
        }
    }

    private final Messages messages;

    ServiceFailures(Messages messages) {
        this.messages = messages;
    }

    Text text(String key, Object... args) {
        return Text.of(messages, key, args);
    }

    /** A failure the kiosk itself decided (face, paper material): never retried by the same means. */
    ServiceException refused(String detail, String key, Object... args) {
        return new ServiceException(detail, text(key, args), false, null);
    }

    ServiceException translate(Call call, Exception e) {
        String what = call.name().toLowerCase(java.util.Locale.ROOT);
        return switch (e) {
            case ServiceException s -> s;
            case CentralException c -> new ServiceException(c.getMessage(), c.residentMessage(), c.retryable(), c);
            case InterruptedException i -> {
                Thread.currentThread().interrupt();
                yield new ServiceException("interrupted", null, true, i);
            }
            // The paper did not come out: the printer may be fixed and the printout tried again.
            case PrintService.PrintFailure p -> new ServiceException("print: " + p.getMessage(),
                    text("error.printFailed", p.getMessage()), true, p);
            case SQLException s when call == Call.PERFORM -> new ServiceException("local database: " + s.getMessage(),
                    text("error.storage"), false, s);
            // The kiosk refused the request itself (an item it cannot do, a state it cannot be in).
            case IllegalArgumentException a when call == Call.PERFORM -> cannotHere(a);
            case IllegalStateException a when call == Call.PERFORM -> cannotHere(a);
            // Malformed answers (dates, missing fields) from the centre, data that does not fit a
            // template: a clear failure, not a crash. The log gets the type, never the values.
            default -> new ServiceException(what + ": " + e.getClass().getSimpleName(), text(call.fallbackKey),
                    call.retryable, e);
        };
    }

    private ServiceException cannotHere(RuntimeException e) {
        return new ServiceException(e.getMessage(), text("error.cannotHere"), false, e);
    }
}
