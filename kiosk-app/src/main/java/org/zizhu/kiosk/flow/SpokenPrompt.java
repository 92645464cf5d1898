package org.zizhu.kiosk.flow;

import java.util.Optional;
import org.zizhu.kiosk.flow.ApplicationState.AwaitingCard;
import org.zizhu.kiosk.flow.CaseProgressState.AwaitingIdentity;
import org.zizhu.kiosk.flow.CaseProgressState.ByPerson;
import org.zizhu.kiosk.flow.CaseProgressState.CaseDetail;
import org.zizhu.kiosk.flow.CaseProgressState.CaseList;
import org.zizhu.kiosk.flow.CaseProgressState.Choosing;
import org.zizhu.kiosk.flow.CaseProgressState.EnteringNumber;
import org.zizhu.kiosk.flow.CaseProgressState.Loading;
import org.zizhu.kiosk.flow.CaseProgressState.ScanningReceipt;
import org.zizhu.kiosk.flow.ServiceFlow.Step;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.session.Resident;

/**
 * What voice guidance says for a screen, as pure functions of the kiosk's mode: the screen's
 * main prompt ({@link #of}) and the cue between two modes ({@link #cue}). The prompt is the
 * message the screen shows largest (the attract invitation, the service step's message, the
 * application's or the case query's message), from the bundles or the centre, in every language;
 * during a card holder's face check, the request to look at the camera (said once: the live
 * prompts under the picture change too often to be spoken).
 *
 * <p>Never personal data: a resident's (masked) name, ID number or case number is shown but not
 * spoken, since anyone standing near the kiosk hears the speaker.
 */
public final class SpokenPrompt {
    private SpokenPrompt() {
    }

    /**
     * The main prompt of {@code mode}, or empty when there is nothing to say (maintenance: a
     * technician at work). {@code view} is the browse screen's view (for the guide's item name
     * and an empty catalogue); it is read only for the attract and browse modes.
     */
    public static Optional<Text> of(KioskMode mode, BrowseView view, Messages messages) {
        return Optional.ofNullable(switch (mode) {
            case KioskMode.Starting s -> key(messages, "startup.starting");
            case KioskMode.Attract a -> key(messages, "attract.touch");
            case KioskMode.Browse b -> browse(b.browse(), view, messages);
            // A card holder's face is checked first while the centre works: they are asked to look at the camera.
            case KioskMode.Transaction t -> t.service().checkingFace() ? key(messages, "face.spoken")
                    : service(t.service().view(), messages);
            case KioskMode.Application a -> application(a.flow().state(), messages);
            case KioskMode.CaseProgress c -> cases(c.flow().state(), messages);
            case KioskMode.Maintenance m -> null;
            case KioskMode.OutOfService o -> key(messages, "outOfService.title");
        });
    }

    /**
     * Where a mode stands for the cues, coarsely in the order of a visit. A mode holds its live
     * flow, so the window keeps the moment of the screen it rendered last, not the mode.
     */
    public enum Moment { NONE, AWAITING, IDENTIFIED, FAILED, DONE }

    /**
     * The cue for going from {@code before} to {@code after}, if any: {@link Cue#CARD_READ} when
     * a resident waited for is identified (transaction, application, case query), {@link Cue#ERROR}
     * when a step fails or a card cannot be used, {@link Cue#DONE} when a transaction or an
     * application is done. The same moment again gives none, so re-rendering never repeats a sound.
     */
    public static Optional<Cue> cue(Moment before, Moment after) {
        if (after == before) {
            return Optional.empty();
        }
        return switch (after) {
            case FAILED -> Optional.of(Cue.ERROR);
            case DONE -> Optional.of(Cue.DONE);
            case IDENTIFIED -> before == Moment.AWAITING ? Optional.of(Cue.CARD_READ) : Optional.empty();
            case NONE, AWAITING -> Optional.empty();
        };
    }

    /** The moment of {@code mode} now. */
    public static Moment moment(KioskMode mode) {
        return switch (mode) {
            case KioskMode.Transaction t -> switch (t.service().view().step()) {
                case ENTER_CODE, INSERT_CARD -> Moment.AWAITING;
                case CARD_PROBLEM, FAILED -> Moment.FAILED;
                case DONE -> Moment.DONE;
                case ENTERPRISE, CONSENT, PAYING, WORKING, PRINTING -> Moment.IDENTIFIED;
                case RATING, SUBMITTING, THANKS -> Moment.NONE;
            };
            case KioskMode.Application a -> switch (a.flow().state()) {
                case AwaitingCard x -> Moment.AWAITING;
                case ApplicationState.Failed x -> Moment.FAILED;
                case ApplicationState.Done x -> Moment.DONE;
                case ApplicationState.Ended x -> Moment.NONE;
                default -> Moment.IDENTIFIED;
            };
            case KioskMode.CaseProgress c -> switch (c.flow().state()) {
                case Choosing x -> Moment.AWAITING; // a card or a login code is taken here too
                case AwaitingIdentity x -> Moment.AWAITING;
                case Loading x when x.lookup() instanceof ByPerson -> Moment.IDENTIFIED;
                case CaseProgressState.Failed x -> Moment.FAILED;
                default -> Moment.NONE;
            };
            // A card read on the attract or a guide screen starts the resident's task at once:
            // the screen before it was waiting for the card as much as an "insert card" step.
            case KioskMode.Attract a -> Moment.AWAITING;
            case KioskMode.Browse b -> Moment.AWAITING;
            case KioskMode.Starting s -> Moment.NONE;
            case KioskMode.Maintenance m -> Moment.NONE;
            case KioskMode.OutOfService o -> Moment.NONE;
        };
    }

    private static Text browse(BrowseState s, BrowseView view, Messages messages) {
        if (view != null && view.catalogEmpty()) {
            return key(messages, "home.noCatalog");
        }
        if (s.screen() == BrowseState.Screen.GUIDE && view != null && view.detail() != null) {
            return Text.of(messages, "voice.guide", view.detail().name());
        }
        if (s.screen() == BrowseState.Screen.ATTRACT) {
            return key(messages, "attract.touch");
        }
        if (view != null && view.listing() == BrowseView.Listing.SEARCH && view.items().isEmpty()) {
            return key(messages, "home.noResults");
        }
        return key(messages, "voice.home");
    }

    private static Text service(ServiceFlow.View v, Messages messages) {
        Text main = key(messages, v.messageKey());
        if (v.step() == Step.FAILED || v.step() == Step.RATING) {
            return then(messages, main, v.centralMessage());
        }
        return main;
    }

    private static Text application(ApplicationState s, Messages messages) {
        return switch (s) {
            case AwaitingCard a -> key(messages, a.messageKey());
            case ApplicationState.Consent c -> key(messages, "application.consentTitle");
            case ApplicationState.Preparing p -> key(messages,
                    p.enterprise() == null && p.resident().source() == Resident.Source.ID_CARD ? "face.spoken" : "application.preparing");
            case ApplicationState.VerifyingPerson v -> key(messages,
                    v.resident().source() == Resident.Source.ID_CARD ? "face.spoken" : "service.working");
            // The centre's refusal is spoken after the reason's heading, as the transaction's screen shows them.
            case ApplicationState.ChoosingEnterprise c -> then(messages, key(messages, c.messageKey()), c.message());
            case ApplicationState.IdentifyingEnterprise x -> key(messages, "enterprise.identifying");
            case ApplicationState.FillingForm f -> key(messages, "application.fillForm");
            case ApplicationState.Materials m -> m.message() != null ? m.message()
                    : key(messages, m.messageKey() != null ? m.messageKey() : "voice.materials");
            case ApplicationState.Capturing c -> key(messages, "application.capture");
            case ApplicationState.ShowingLicense sl -> key(messages,
                    sl.checking() ? "application.showLicenseChecking" : "application.showLicenseTitle");
            case ApplicationState.AcceptingConditions c ->
                    key(messages, c.messageKey() != null ? c.messageKey() : "application.noticeIntro");
            case ApplicationState.ChoosingDelivery d ->
                    key(messages, d.messageKey() != null ? d.messageKey() : "application.delivery");
            case ApplicationState.Confirming c -> key(messages, "application.confirm");
            case ApplicationState.Submitting x -> key(messages, "application.submitting");
            case ApplicationState.Printing p -> key(messages, "application.printing");
            case ApplicationState.Done d -> then(messages, d.outcome().title(), d.printProblem() != null
                    ? key(messages, "application.printFailed") : key(messages, "application.receiptPrinted"));
            case ApplicationState.Failed f ->
                    then(messages, key(messages, f.code() == null ? "service.failed" : "application.refused"), f.message());
            case ApplicationState.Ended e -> key(messages, "application.ended");
        };
    }

    private static Text cases(CaseProgressState s, Messages messages) {
        return switch (s) {
            case Choosing c -> c.messageKey() != null
                    ? then(messages, key(messages, c.messageKey()), key(messages, "cases.choose"))
                    : key(messages, "cases.choose");
            case AwaitingIdentity a -> key(messages, a.messageKey());
            case ScanningReceipt r -> key(messages, r.messageKey());
            case EnteringNumber e -> key(messages, e.messageKey() != null ? e.messageKey() : "cases.enterNumber");
            case Loading l -> key(messages, l.messageKey());
            // The list's heading names the holder: not spoken.
            case CaseList l -> l.cases().cases().isEmpty() ? key(messages, "cases.none")
                    : Text.of(messages, "cases.count", l.cases().cases().size());
            // The case's stage, not its number (the number ties it to the applicant).
            case CaseDetail d -> then(messages, d.shown().itemName(), key(messages, "cases.stage." + d.shown().stage().name()));
            case CaseProgressState.Failed f -> then(messages, key(messages, "cases.failed"), f.message());
            case CaseProgressState.Ended e -> key(messages, "cases.ended");
        };
    }

    private static Text key(Messages messages, String key) {
        return key == null ? null : Text.of(messages, key);
    }

    /** {@code first}, then {@code second} when there is one. */
    private static Text then(Messages messages, Text first, Text second) {
        if (second == null || second.in(Language.ZH).isBlank()) {
            return first;
        }
        if (first == null) {
            return second;
        }
        return Text.of(messages, "voice.then", first, second);
    }
}
