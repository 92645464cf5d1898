package org.zizhu.kiosk.flow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.zizhu.kiosk.flow.CaseProgressEffect.Hold;
import org.zizhu.kiosk.flow.CaseProgressEffect.LoadCase;
import org.zizhu.kiosk.flow.CaseProgressEffect.LoadCases;
import org.zizhu.kiosk.flow.CaseProgressEffect.Log;
import org.zizhu.kiosk.flow.CaseProgressEffect.Wipe;
import org.zizhu.kiosk.flow.CaseProgressEvent.*;
import org.zizhu.kiosk.flow.CaseProgressPorts.Case;
import org.zizhu.kiosk.flow.CaseProgressPorts.Cases;
import org.zizhu.kiosk.flow.CaseProgressState.*;
import org.zizhu.kiosk.session.Resident;

/**
 * Case progress (办件查询) as one pure transition function: choose how to find the case
 * (identify, a receipt's QR code, or the typed number), ask the centre, show the person's list or
 * the one case with its steps; back, retry, leave.
 */
final class CaseProgressSteps {
    private CaseProgressSteps() {
    }

    static final CaseProgressState INITIAL = new Choosing(null);

    /** Longest text kept from the number field (a case number has at most 40 characters). */
    static final int MAX_TYPED = 40;

    /** What a transition may look at besides the state and the event, read once per event. */
    record Facts(LocalDate today, boolean visitEnded) {
    }

    /** The next state and what to do; {@link #IGNORED} when the event does not fit. */
    record Next(CaseProgressState state, List<CaseProgressEffect> effects) {
        static final Next IGNORED = new Next(null, List.of());

        Next {
            effects = List.copyOf(effects);
        }

        boolean ignored() {
            return state == null;
        }
    }

    private static Next to(CaseProgressState s, CaseProgressEffect... e) {
        return new Next(s, List.of(e));
    }

    static Next next(CaseProgressState state, CaseProgressEvent event, Facts f) {
        if (event instanceof Cancel || event instanceof VisitEnded) {
            return state instanceof Ended ? Next.IGNORED : end(state, event instanceof Cancel ? "cancelled" : "visit-ended");
        }
        return switch (state) {
            case Choosing s -> switch (event) {
                case ChooseCard c -> to(new AwaitingIdentity("cases.insertCard"));
                case ChooseNumber c -> to(new EnteringNumber("", null));
                case ChooseQr c -> to(new ScanningReceipt("cases.showReceipt"));
                // A card on the reader or a code held up before touching a choice means just that.
                case Identified i -> identify(i, f);
                case CardReadFailed c -> to(new AwaitingIdentity("service.cardReadFailed"));
                case CaseCodeScanned c -> scanned(c, f);
                default -> Next.IGNORED;
            };
            case AwaitingIdentity s -> switch (event) {
                case Identified i -> identify(i, f);
                case CardReadFailed c -> to(new AwaitingIdentity("service.cardReadFailed"));
                case Back b -> to(new Choosing(null));
                default -> Next.IGNORED;
            };
            case EnteringNumber s -> switch (event) {
                case NumberEntered n -> typed(n.text(), f);
                case Back b -> to(new Choosing(null));
                default -> Next.IGNORED;
            };
            case ScanningReceipt s -> switch (event) {
                case CaseCodeScanned c -> scanned(c, f);
                case Back b -> to(new Choosing(null));
                default -> Next.IGNORED;
            };
            case Loading s -> loaded(s, event, f);
            case CaseList s -> switch (event) {
                case OpenCase o when o.index() >= 0 && o.index() < s.cases().size() ->
                        to(new CaseDetail(s.cases().cases().get(o.index()), s.cases(), f.today()), new Log(true, "case-opened", null));
                // Leaving the list: it is not needed any more, so it goes now rather than at the visit's end.
                case Back b -> to(new Choosing(null), new Wipe(s.cases()));
                default -> Next.IGNORED;
            };
            case CaseDetail s -> switch (event) {
                case Back b when s.fromList() -> to(new CaseList(s.from(), f.today()));
                case Back b -> to(new Choosing(null), new Wipe(s.from()));
                default -> Next.IGNORED;
            };
            case Failed s -> switch (event) {
                case Retry r when s.canRetry() && !f.visitEnded() -> load(s.lookup());
                case Back b when s.lookup() instanceof ByPerson p -> to(new Choosing(null), new Wipe(p.resident()));
                case Back b -> to(new Choosing(null));
                default -> Next.IGNORED;
            };
            case Ended s -> Next.IGNORED;
        };
    }

    private static Next identify(Identified i, Facts f) {
        if (f.visitEnded()) {
            return Next.IGNORED;
        }
        Resident r = i.resident();
        String problem = SharedSteps.cardProblem(r, i.validFrom(), f.today());
        if (problem != null) {
            return to(new AwaitingIdentity(problem), new Wipe(r), new Log(false, "card-refused", false));
        }
        String how = r.source() == Resident.Source.MOBILE_APP ? "qr-login-seen" : "identified";
        Next load = load(new ByPerson(r));
        List<CaseProgressEffect> effects = new ArrayList<>();
        effects.add(new Hold(r));
        effects.add(new Log(true, how, null));
        effects.addAll(load.effects());
        return new Next(load.state(), effects);
    }

    private static Next typed(String text, Facts f) {
        String raw = text == null ? "" : text;
        String kept = raw.length() > MAX_TYPED ? raw.substring(0, MAX_TYPED) : raw;
        String number = normalise(raw);
        if (number.isEmpty()) {
            return to(new EnteringNumber("", "cases.numberEmpty"));
        }
        if (!CaseProgressPorts.CASE_NUMBER.matcher(number).matches()) {
            return to(new EnteringNumber(kept, "cases.numberFormat"), new Log(false, "number-refused", false));
        }
        return f.visitEnded() ? Next.IGNORED : load(new ByNumber(number, false));
    }

    /** Spaces dropped, letters made capitals: what a resident types for "zw-2025 0301-000001" is the same number. */
    static String normalise(String typed) {
        StringBuilder sb = new StringBuilder(typed.length());
        typed.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(sb::appendCodePoint);
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    private static Next scanned(CaseCodeScanned c, Facts f) {
        // The camera driver checked the code already; checked again here, as every input from outside.
        if (c.caseNumber() == null || !CaseProgressPorts.CASE_NUMBER.matcher(c.caseNumber()).matches()) {
            return to(new ScanningReceipt("cases.receiptUnreadable"), new Log(false, "receipt-code-refused", false));
        }
        return f.visitEnded() ? Next.IGNORED : load(new ByNumber(c.caseNumber(), true));
    }

    private static Next load(Lookup lookup) {
        return switch (lookup) {
            case ByPerson p -> to(new Loading(p, p.resident().source() == Resident.Source.ID_CARD ? "cases.faceCheck" : "cases.loading"),
                    new LoadCases(p.resident()));
            case ByNumber n -> to(new Loading(n, "cases.loading"), new Log(true, n.scanned() ? "receipt-scanned" : "number-entered", null),
                    new LoadCase(n.caseNumber()));
        };
    }

    private static Next loaded(Loading s, CaseProgressEvent event, Facts f) {
        return switch (event) {
            case CasesAnswered a when s.lookup() instanceof ByPerson p ->
                    // The centre's holder (named on screen) replaces the card's copy, which goes now.
                    to(new CaseList(a.cases(), f.today()), new Hold(a.cases()), new Wipe(p.resident()),
                            new Log(true, "cases-listed", null));
            case CaseAnswered a when s.lookup() instanceof ByNumber n && n.caseNumber().equals(a.caseNumber()) -> {
                if (a.found() == null) {
                    yield to(n.scanned() ? new ScanningReceipt("cases.notFoundScanned") : new EnteringNumber(n.caseNumber(), "cases.notFound"),
                            new Log(false, "case-not-found", false));
                }
                Cases one = new Cases(null, List.of(a.found()));
                yield to(new CaseDetail(a.found(), one, f.today()), new Hold(one), new Log(true, "case-shown", null));
            }
            case WorkFailed w -> to(new Failed(s.lookup(), w.message(), w.retryable()), new Log(false, "lookup", w.retryable()));
            default -> Next.IGNORED;
        };
    }

    /** Into Ended; whatever the state held is wiped now (the visit may go on to another service). */
    private static Next end(CaseProgressState state, String why) {
        List<CaseProgressEffect> effects = new ArrayList<>();
        switch (state) {
            case Loading l when l.lookup() instanceof ByPerson p -> effects.add(new Wipe(p.resident()));
            case Failed x when x.lookup() instanceof ByPerson p -> effects.add(new Wipe(p.resident()));
            case CaseList l -> effects.add(new Wipe(l.cases()));
            case CaseDetail d -> effects.add(new Wipe(d.from()));
            default -> { }
        }
        effects.add(new Log(true, why, null));
        return new Next(new Ended(), effects);
    }
}
