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
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.session.EnterpriseIdentity;
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
     * order: a cancelled or expired one is never reused); {@code enterprise} the enterprise the
     * resident acts for, once the centre confirmed it (enterprise items only).
     */
    record Perform(boolean consented, boolean paid, int paymentAttempts, EnterpriseIdentity enterprise) implements ServiceState.Job {
        Perform(boolean consented, boolean paid, int paymentAttempts) {
            this(consented, paid, paymentAttempts, null);
        }

        @Override
        public Next identified(Resident resident, Facts facts) {
            if (facts.forEnterprise() && enterprise == null) {
                // An enterprise item: the person is verified first, then chooses the enterprise.
                return to(new VerifyingPerson(resident, this), new Effect.VerifyPerson(resident));
            }
            if (!facts.licenseTypes().isEmpty()) {
                return to(new Consent(resident, facts.licenseTypes(), enterprise));
            }
            return start(resident, facts);
        }

        @Override
        public Next start(Resident resident, Facts facts) {
            if (facts.forEnterprise() && (enterprise == null || enterprise.wiped())) {
                return to(new VerifyingPerson(resident, new Perform(consented, paid, paymentAttempts, null)),
                        new Effect.VerifyPerson(resident));
            }
            if (!paid && facts.amountDue() > 0) {
                Perform next = new Perform(consented, false, paymentAttempts + 1, enterprise);
                return to(new OrderingPayment(resident, next), new Effect.OrderPayment(next.paymentAttempts()));
            }
            return to(new Working(resident, this), new Effect.Perform(resident, consented, enterprise));
        }
    }

    /** Asking the resident to authorise fetching these e-licenses (for {@code enterprise} when set). */
    record Consent(Resident resident, List<String> licenseTypes, EnterpriseIdentity enterprise) implements ServiceState {
        Consent {
            licenseTypes = List.copyOf(licenseTypes);
        }

        Consent(Resident resident, List<String> licenseTypes) {
            this(resident, licenseTypes, null);
        }
    }

    /** An enterprise item: the centre checks the card holder's face before they choose the enterprise. */
    record VerifyingPerson(Resident resident, Perform job) implements ServiceState {
    }

    /**
     * Choosing the enterprise (企业一码): show its electronic business license QR code or type its
     * credit code. {@code messageKey} the prompt, a warning or why the last choice was refused
     * ({@code message}: the centre's refusal in the resident's words); {@code unconfirmedCode} a
     * typed code whose check character fails, sent only when the resident confirms it.
     */
    record ChoosingEnterprise(Resident resident, ServicePorts.VerifiedPerson person, Perform job, String messageKey,
                              Text message, String unconfirmedCode) implements ServiceState {
    }

    /** The centre is checking the person's authority for the enterprise. */
    record IdentifyingEnterprise(Resident resident, ServicePorts.VerifiedPerson person, Perform job) implements ServiceState {
    }

    /** The payment order is being created at the centre. */
    record OrderingPayment(Resident resident, Perform job) implements ServiceState {
    }

    /** The order's QR code is shown; the centre is polled until it is paid, fails, or times out. */
    record Paying(Resident resident, Perform job, PaymentOrder order) implements ServiceState {
    }

    static Next next(ServiceState state, ServiceEvent event, Facts facts) {
        return switch (state) {
            case VerifyingPerson s -> switch (event) {
                case ServiceEvent.PersonVerified v when facts.visitEnded() -> to(s, new Effect.Wipe(v.person()));
                case ServiceEvent.PersonVerified v -> to(new ChoosingEnterprise(s.resident(), v.person(), s.job(),
                        "enterprise.choose", null, null), new Effect.Hold(v.person()), new Effect.Log(true, "person-verified", null));
                case WorkFailed f -> SharedSteps.failed(s.resident(), s.job(), null, f);
                default -> IGNORED;
            };
            case ChoosingEnterprise s -> choosing(s, event);
            case IdentifyingEnterprise s -> switch (event) {
                case ServiceEvent.EnterpriseIdentified e when facts.visitEnded() -> to(s, new Effect.Wipe(e.enterprise()));
                case ServiceEvent.EnterpriseIdentified e -> {
                    Perform job = new Perform(s.job().consented(), s.job().paid(), s.job().paymentAttempts(), e.enterprise());
                    yield job.identified(s.resident(), facts).after(new Effect.Hold(e.enterprise()),
                            new Effect.Log(true, "enterprise-identified", null));
                }
                // Refused (no authority, expired, unknown, deregistered, a bad QR code): say why, let them choose again.
                case ServiceEvent.EnterpriseRefused r -> to(new ChoosingEnterprise(s.resident(), s.person(), s.job(),
                        r.reason() == null ? "enterprise.notIdentified" : "enterprise.refused", r.message(), null),
                        new Effect.Log(false, "enterprise-refused", r.retryable()));
                default -> IGNORED;
            };
            case Consent s -> switch (event) {
                case ConsentGiven c when c.agreed() -> new Perform(true, false, 0, s.enterprise()).start(s.resident(), facts)
                        .after(new Effect.Log(true, "consented", null));
                case ConsentGiven c -> to(new Failed(s.resident(), new Perform(false, false, 0, s.enterprise()), null, "service.declined",
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

    /**
     * The enterprise step: a scanned QR code goes to the centre as it is; a typed code is
     * checked here first: malformed stays with a message, a failing check character warns and
     * is sent only once the resident confirms it (early codes fail it; the centre decides).
     */
    private static Next choosing(ChoosingEnterprise s, ServiceEvent event) {
        return switch (event) {
            case ServiceEvent.EnterpriseQrScanned q -> identifying(s, new EnterpriseChoice.Scanned(q.payload()));
            case ServiceEvent.EnterpriseCodeTyped t -> {
                String code = EnterpriseChoice.normalise(t.code());
                yield switch (EnterpriseChoice.check(code)) {
                    case VALID -> identifying(s, new EnterpriseChoice.Typed(code));
                    case CHECK_CHAR_FAILS -> to(new ChoosingEnterprise(s.resident(), s.person(), s.job(),
                            "enterprise.checkCharWarning", null, code), new Effect.Log(false, "enterprise-code-check-char", null));
                    case MALFORMED -> to(new ChoosingEnterprise(s.resident(), s.person(), s.job(), "enterprise.codeMalformed",
                            null, null));
                };
            }
            case ServiceEvent.EnterpriseCodeConfirmed c when s.unconfirmedCode() != null ->
                    identifying(s, new EnterpriseChoice.Typed(s.unconfirmedCode()));
            default -> IGNORED;
        };
    }

    private static Next identifying(ChoosingEnterprise s, EnterpriseChoice choice) {
        return to(new IdentifyingEnterprise(s.resident(), s.person(), s.job()), new Effect.IdentifyEnterprise(s.person(), choice));
    }

    private static Next paying(Paying s, ServiceEvent event, Facts facts) {
        String id = s.order().orderId();
        Effect cancel = new Effect.CancelOrder(id);
        return switch (event) {
            // The visit ended while paying: the order is cancelled and nothing more happens.
            case PollDue d when d.orderId().equals(id) && facts.visitEnded() -> to(s, cancel);
            case PollDue d when d.orderId().equals(id) -> to(s, new Effect.PollPayment(id));
            case PaymentPolled p when p.orderId().equals(id) -> switch (p.state()) {
                case PAID -> to(new Working(s.resident(), new Perform(s.job().consented(), true, s.job().paymentAttempts(),
                                s.job().enterprise())),
                        new Effect.Log(true, "paid", null), new Effect.Perform(s.resident(), s.job().consented(), s.job().enterprise()));
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
