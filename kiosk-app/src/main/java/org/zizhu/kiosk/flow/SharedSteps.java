package org.zizhu.kiosk.flow;

import static org.zizhu.kiosk.flow.Next.IGNORED;
import static org.zizhu.kiosk.flow.Next.to;

import org.zizhu.kiosk.flow.ServiceEvent.CardReadFailed;
import org.zizhu.kiosk.flow.ServiceEvent.Identified;
import org.zizhu.kiosk.flow.ServiceEvent.Printed;
import org.zizhu.kiosk.flow.ServiceEvent.Produced;
import org.zizhu.kiosk.flow.ServiceEvent.Rate;
import org.zizhu.kiosk.flow.ServiceEvent.Report;
import org.zizhu.kiosk.flow.ServiceEvent.Retry;
import org.zizhu.kiosk.flow.ServiceEvent.SubmitFailed;
import org.zizhu.kiosk.flow.ServiceEvent.Submitted;
import org.zizhu.kiosk.flow.ServiceEvent.ToRating;
import org.zizhu.kiosk.flow.ServiceEvent.WorkFailed;
import org.zizhu.kiosk.flow.ServiceState.AwaitingCard;
import org.zizhu.kiosk.flow.ServiceState.CardProblem;
import org.zizhu.kiosk.flow.ServiceState.Done;
import org.zizhu.kiosk.flow.ServiceState.Failed;
import org.zizhu.kiosk.flow.ServiceState.Job;
import org.zizhu.kiosk.flow.ServiceState.Printing;
import org.zizhu.kiosk.flow.ServiceState.RatingAsked;
import org.zizhu.kiosk.flow.ServiceState.Submission;
import org.zizhu.kiosk.flow.ServiceState.Submitting;
import org.zizhu.kiosk.flow.ServiceState.Working;
import org.zizhu.kiosk.session.Rating;
import org.zizhu.kiosk.session.Resident;

/**
 * The steps both flows share: identification, the work at the centre, printing, the result,
 * the rating and the 办不成事 report. Each flow's transition function handles its own states
 * and hands every other one to {@link #next}.
 */
final class SharedSteps {
    private SharedSteps() {
    }

    static Next next(ServiceState state, ServiceEvent event, Facts facts) {
        return switch (state) {
            case AwaitingCard s -> identify(s.job(), event, facts);
            case CardProblem s -> identify(s.job(), event, facts);
            case Working s -> switch (event) {
                // The visit ended while the centre worked: nothing is printed for nobody.
                case Produced p when facts.visitEnded() -> to(s, new Effect.Wipe(p.outcome()),
                        new Effect.Log(false, "orphaned-after-session-end", null));
                case Produced p -> to(new Printing(s.resident(), s.job(), p.outcome()), new Effect.Hold(p.outcome()),
                        new Effect.Print(s.resident(), p.outcome()));
                case WorkFailed f -> failed(s.resident(), s.job(), null, f);
                default -> IGNORED;
            };
            case Printing s -> switch (event) {
                case Printed p -> to(new Done(s.resident(), s.outcome()), new Effect.Log(true, "done", null));
                case WorkFailed f -> failed(s.resident(), s.job(), s.outcome(), f);
                default -> IGNORED;
            };
            case Done s -> event instanceof ToRating ? to(new RatingAsked(s.resident(), "rating.ask", null, false)) : IGNORED;
            case Failed s -> switch (event) {
                case ToRating t -> to(new RatingAsked(s.resident(), "rating.ask", null, false));
                case Report r when s.reportable() -> to(new Submitting(s.resident(), s.job(), Submission.REPORT),
                        new Effect.SubmitReport(r.reasonCode()));
                case Retry r when s.canRetry() && !facts.visitEnded() && s.outcome() != null ->
                        // The centre already produced the result: only print it again.
                        to(new Printing(s.resident(), s.job(), s.outcome()), new Effect.Print(s.resident(), s.outcome()));
                case Retry r when s.canRetry() && !facts.visitEnded() -> s.job().start(s.resident(), facts);
                default -> IGNORED;
            };
            case RatingAsked s -> event instanceof Rate r
                    // Built here so that a bad rating without a reason is refused before anything moves.
                    ? to(new Submitting(s.resident(), null, Submission.RATING), new Effect.SubmitRating(
                            new Rating(facts.visitId(), facts.itemCode(), r.level(), r.reasons(), "")))
                    : IGNORED;
            case Submitting s -> switch (event) {
                case Submitted x when s.what() == Submission.RATING -> to(new ServiceState.Thanks(s.resident()));
                case Submitted x -> to(new RatingAsked(s.resident(), "service.reported", null, false));
                case SubmitFailed x when s.what() == Submission.RATING ->
                        to(new RatingAsked(s.resident(), "rating.failed", x.message(), true));
                case SubmitFailed x -> to(new Failed(s.resident(), s.job(), null, "service.reportFailed", x.message(), false, false));
                default -> IGNORED;
            };
            default -> IGNORED;
        };
    }

    /** A card or a login code while waiting for one. Expired or not-yet-valid cards stop here. */
    private static Next identify(Job job, ServiceEvent event, Facts facts) {
        return switch (event) {
            case Identified i when facts.visitEnded() -> IGNORED;
            case Identified i -> {
                Resident r = i.resident();
                String problem = cardProblem(r, i.validFrom(), facts.today());
                if (problem != null) {
                    yield to(new CardProblem(job, problem), new Effect.Hold(r));
                }
                String how = r.source() == Resident.Source.MOBILE_APP ? "qr-login-seen" : "identified";
                yield job.identified(r, facts).after(new Effect.Hold(r), new Effect.Log(true, how, null));
            }
            case CardReadFailed c -> to(new CardProblem(job, "service.cardReadFailed"));
            default -> IGNORED;
        };
    }

    /**
     * Why a card cannot be used today (a message key), or null: expired or not yet valid. Shared
     * with the application flow so every flow refuses the same cards.
     */
    static String cardProblem(Resident r, java.time.LocalDate validFrom, java.time.LocalDate today) {
        if (r.validUntil() != null && r.validUntil().isBefore(today)) {
            return "service.cardExpired";
        }
        if (validFrom != null && validFrom.isAfter(today)) {
            return "service.cardNotYetValid";
        }
        return null;
    }

    /** Into FAILED with the failure's text; {@code outcome} kept so a retry only prints. */
    static Next failed(Resident resident, Job job, ServicePorts.Outcome outcome, WorkFailed f) {
        return to(new Failed(resident, job, outcome, "service.failed", f.message(), f.retryable(), true),
                new Effect.Log(false, f.where(), f.retryable()));
    }
}
