package org.zizhu.kiosk.flow;

import static org.zizhu.kiosk.flow.Next.IGNORED;
import static org.zizhu.kiosk.flow.Next.to;

import java.util.List;
import org.zizhu.kiosk.flow.ServiceEvent.CancelPayment;
import org.zizhu.kiosk.flow.ServiceEvent.ConsentGiven;
import org.zizhu.kiosk.flow.ServiceEvent.PaymentOrdered;
import org.zizhu.kiosk.flow.ServiceEvent.PaymentPollFailed;
import org.zizhu.kiosk.flow.ServiceEvent.PaymentPolled;
import org.zizhu.kiosk.flow.ServiceEvent.PaymentTimedOut;
import org.zizhu.kiosk.flow.ServiceEvent.PollDue;
import org.zizhu.kiosk.flow.ServiceEvent.WorkFailed;
import org.zizhu.kiosk.flow.ServicePorts.PaymentOrder;
import org.zizhu.kiosk.flow.ServiceState.AwaitingCard;
import org.zizhu.kiosk.flow.ServiceState.Failed;
import org.zizhu.kiosk.flow.ServiceState.Working;
import org.zizhu.kiosk.session.Resident;

/**
 * The service transaction: identify (ID card or login code), authorise the e-license fetch
 * (一证通办), pay the fee by QR code, perform at the centre, print. {@link #next} is its one
 * transition function; the steps it shares with the check-in are in {@link SharedSteps}.
 */
final class TransactionFlow {
    private TransactionFlow() {
    }

    static final ServiceState INITIAL = new AwaitingCard(new Perform(false, false, 0));

    /**
     * The item performed at the centre. {@code paid} once the fee is collected (a retry does
     * not charge twice); {@code paymentAttempts} orders created so far (each attempt is its own
     * order: a cancelled or expired one is never reused).
     */
    record Perform(boolean consented, boolean paid, int paymentAttempts) implements ServiceState.Job {
        @Override
        public Next identified(Resident resident, Facts facts) {
            if (!facts.licenseTypes().isEmpty()) {
                return to(new Consent(resident, facts.licenseTypes()));
            }
            return start(resident, facts);
        }

        @Override
        public Next start(Resident resident, Facts facts) {
            if (!paid && facts.amountDue() > 0) {
                Perform next = new Perform(consented, false, paymentAttempts + 1);
                return to(new OrderingPayment(resident, next), new Effect.OrderPayment(next.paymentAttempts()));
            }
            return to(new Working(resident, this), new Effect.Perform(resident, consented));
        }
    }

    /** Asking the resident to authorise fetching these e-licenses. */
    record Consent(Resident resident, List<String> licenseTypes) implements ServiceState {
        Consent {
            licenseTypes = List.copyOf(licenseTypes);
        }
    }

    /** The payment order is being created at the centre. */
    record OrderingPayment(Resident resident, Perform job) implements ServiceState {
    }

    /** The order's QR code is shown; the centre is polled until it is paid, fails, or times out. */
    record Paying(Resident resident, Perform job, PaymentOrder order) implements ServiceState {
    }

    static Next next(ServiceState state, ServiceEvent event, Facts facts) {
        return switch (state) {
            case Consent s -> switch (event) {
                case ConsentGiven c when c.agreed() -> new Perform(true, false, 0).start(s.resident(), facts)
                        .after(new Effect.Log(true, "consented", null));
                case ConsentGiven c -> to(new Failed(s.resident(), new Perform(false, false, 0), null, "service.declined",
                        null, false, true), new Effect.Log(true, "declined", null));
                default -> IGNORED;
            };
            case OrderingPayment s -> switch (event) {
                case PaymentOrdered o -> to(new Paying(s.resident(), s.job(), o.order()),
                        new Effect.PollPayment(o.order().orderId()),
                        new Effect.After(ServiceFlow.PAYMENT_TIMEOUT, new PaymentTimedOut(o.order().orderId())));
                case WorkFailed f -> SharedSteps.failed(s.resident(), s.job(), null, f);
                default -> IGNORED;
            };
            case Paying s -> paying(s, event, facts);
            default -> SharedSteps.next(state, event, facts);
        };
    }

    private static Next paying(Paying s, ServiceEvent event, Facts facts) {
        String id = s.order().orderId();
        Effect cancel = new Effect.CancelOrder(id);
        return switch (event) {
            // The visit ended while paying: the order is cancelled and nothing more happens.
            case PollDue d when d.orderId().equals(id) && facts.visitEnded() -> to(s, cancel);
            case PollDue d when d.orderId().equals(id) -> to(s, new Effect.PollPayment(id));
            case PaymentPolled p when p.orderId().equals(id) -> switch (p.state()) {
                case PAID -> to(new Working(s.resident(), new Perform(s.job().consented(), true, s.job().paymentAttempts())),
                        new Effect.Log(true, "paid", null), new Effect.Perform(s.resident(), s.job().consented()));
                case FAILED -> SharedSteps.failed(s.resident(), s.job(), null,
                        new WorkFailed("payment", facts.text("service.paymentFailed"), true));
                case PENDING -> to(s, new Effect.After(ServiceFlow.PAYMENT_POLL, new PollDue(id)));
            };
            case PaymentPollFailed f when f.orderId().equals(id) ->
                    SharedSteps.failed(s.resident(), s.job(), null, new WorkFailed("payment", f.message(), f.retryable())).after(cancel);
            // While paying a poll is always pending; once the visit ended that poll cancelled the order.
            case PaymentTimedOut t when facts.visitEnded() -> IGNORED;
            case PaymentTimedOut t when t.orderId().equals(id) -> SharedSteps.failed(s.resident(), s.job(), null,
                    new WorkFailed("payment-timeout", facts.text("service.paymentTimedOut"), true)).after(cancel);
            case CancelPayment c -> SharedSteps.failed(s.resident(), s.job(), null,
                    new WorkFailed("payment-cancelled", facts.text("service.paymentCancelled"), false)).after(cancel);
            default -> IGNORED;
        };
    }
}
