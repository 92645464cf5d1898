package org.zizhu.kiosk.flow;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.catalog.Text;
import org.zizhu.kiosk.services.EvaluationService;
import org.zizhu.kiosk.session.Rating;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.ResidentSession;

/**
 * One service transaction as a state machine: identify (ID card), authorise the e-license
 * fetch (一证通办), perform at the centre, print, then the 好差评 rating; with a 办不成事 report
 * whenever it cannot be done. Slow work (centre, printer) runs on {@code worker}; card events
 * arrive on the reader's thread; screens call the other methods. Every method is safe to call
 * at any time: an input that does not fit the current step is ignored.
 */
public final class ServiceFlow {
    public enum Step { INSERT_CARD, CARD_PROBLEM, CONSENT, WORKING, PRINTING, DONE, FAILED, RATING, THANKS }

    /** What the screen shows. {@code message} is a message key or resident text from the centre. */
    public record View(Step step, String itemCode, String maskedName, String maskedId, String messageKey,
                       Text centralMessage, List<String> licenseTypes, Text resultTitle, String reference,
                       boolean canRetry) {
    }

    private final ItemDetail item;
    private final ServicePorts ports;
    private final ResidentSession session;
    private final Executor worker;
    private final Clock clock;
    private final List<Consumer<View>> listeners = new CopyOnWriteArrayList<>();
    private View view;
    private Resident resident;
    private ServicePorts.Outcome outcome;
    private boolean rated;
    /** One key for the whole transaction: a retry after a lost answer must not issue twice. */
    private final String idempotencyKey = java.util.UUID.randomUUID().toString();

    public ServiceFlow(ItemDetail item, ServicePorts ports, ResidentSession session, Executor worker, Clock clock) {
        this.item = item;
        this.ports = ports;
        this.session = session;
        this.worker = worker;
        this.clock = clock;
        this.view = new View(Step.INSERT_CARD, item.code(), "", "", "service.insertCard", null, List.of(), null, "", false);
    }

    public synchronized View view() {
        return view;
    }

    public void addListener(Consumer<View> l) {
        listeners.add(l);
    }

    /** A card was read. Expired or not-yet-valid cards stop here with a clear message. */
    public void identityRead(Resident r, LocalDate validFrom) {
        synchronized (this) {
            if (view.step() != Step.INSERT_CARD && view.step() != Step.CARD_PROBLEM) {
                r.wipe();
                return;
            }
            session.hold(r);
            LocalDate today = LocalDate.now(clock);
            if (r.validUntil() != null && r.validUntil().isBefore(today)) {
                set(view(Step.CARD_PROBLEM, "service.cardExpired"));
                return;
            }
            if (validFrom != null && validFrom.isAfter(today)) {
                set(view(Step.CARD_PROBLEM, "service.cardNotYetValid"));
                return;
            }
            resident = r;
        }
        List<String> types = ports.licenseTypesFor(item);
        synchronized (this) {
            EventLog.event(EventId.SERVICE_STEP, Outcome.SUCCESS, "item", item.code(), "step", "identified");
            if (!types.isEmpty()) {
                set(new View(Step.CONSENT, item.code(), r.maskedName(), r.maskedIdNumber(), "service.consent", null,
                        types, null, "", false));
                return;
            }
        }
        perform(false);
    }

    /** The card could not be read (read failure, unknown card): the resident may try again. */
    public synchronized void cardReadFailed() {
        if (view.step() == Step.INSERT_CARD || view.step() == Step.CARD_PROBLEM) {
            set(view(Step.CARD_PROBLEM, "service.cardReadFailed"));
        }
    }

    public void consent(boolean agreed) {
        synchronized (this) {
            if (view.step() != Step.CONSENT) {
                return;
            }
            EventLog.event(EventId.SERVICE_STEP, Outcome.SUCCESS, "item", item.code(), "step", agreed ? "consented" : "declined");
            if (!agreed) {
                set(view(Step.FAILED, "service.declined"));
                return;
            }
        }
        perform(true);
    }

    /** After a retryable failure: perform again (the centre deduplicates by idempotency key). */
    public void retry() {
        synchronized (this) {
            if (view.step() != Step.FAILED || !view.canRetry() || resident == null) {
                return;
            }
        }
        perform(!ports.licenseTypesFor(item).isEmpty());
    }

    private void perform(boolean consented) {
        synchronized (this) {
            set(view(Step.WORKING, "service.working"));
        }
        worker.execute(() -> {
            try {
                ServicePorts.Outcome o = ports.perform(item, resident, consented, idempotencyKey);
                synchronized (this) {
                    outcome = session.hold(o);
                    set(new View(Step.PRINTING, item.code(), resident.maskedName(), resident.maskedIdNumber(),
                            "service.printing", null, List.of(), o.title(), o.reference(), false));
                }
                ports.print(item, resident, o);
                synchronized (this) {
                    EventLog.event(EventId.SERVICE_STEP, Outcome.SUCCESS, "item", item.code(), "step", "done");
                    set(new View(Step.DONE, item.code(), resident.maskedName(), resident.maskedIdNumber(),
                            "service.done", null, List.of(), o.title(), o.reference(), false));
                }
            } catch (ServicePorts.ServiceException e) {
                synchronized (this) {
                    EventLog.event(EventId.SERVICE_STEP, Outcome.FAILURE, "item", item.code(), "step", view.step().name(),
                            "retryable", e.retryable());
                    set(new View(Step.FAILED, item.code(), resident.maskedName(), resident.maskedIdNumber(),
                            "service.failed", e.residentMessage(), List.of(), outcome == null ? null : outcome.title(),
                            outcome == null ? "" : outcome.reference(), e.retryable()));
                }
            } catch (RuntimeException e) {
                synchronized (this) {
                    EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "service-flow", "error", e.getClass().getSimpleName());
                    set(view(Step.FAILED, "service.failed"));
                }
            }
        });
    }

    /** From DONE or FAILED the resident is asked to rate the service ("一次一评"). */
    public synchronized void toRating() {
        if ((view.step() == Step.DONE || view.step() == Step.FAILED) && !rated) {
            set(view(Step.RATING, "rating.ask"));
        }
    }

    /** Submits the rating; a bad rating without reasons is refused by {@link Rating}. */
    public void rate(EvaluationService.Level level, List<String> reasons) {
        Rating r;
        synchronized (this) {
            if (view.step() != Step.RATING || rated) {
                return;
            }
            r = new Rating(session.id(), item.code(), level, reasons, "");
        }
        try {
            ports.rate(r);
            synchronized (this) {
                rated = true;
                set(view(Step.THANKS, "rating.thanks"));
            }
        } catch (ServicePorts.ServiceException e) {
            synchronized (this) {
                set(new View(Step.RATING, item.code(), "", "", "rating.failed", e.residentMessage(), List.of(), null, "", true));
            }
        }
    }

    /** 办不成事: the resident reports that the item could not be done here. */
    public void reportUnresolved(String reasonCode) {
        try {
            ports.reportUnresolved(session.id(), item.code(), reasonCode);
            synchronized (this) {
                set(view(Step.RATING, "service.reported"));
            }
        } catch (ServicePorts.ServiceException e) {
            synchronized (this) {
                set(new View(Step.FAILED, item.code(), "", "", "service.reportFailed", e.residentMessage(), List.of(), null, "", false));
            }
        }
    }

    private View view(Step step, String key) {
        String name = resident == null ? "" : resident.maskedName();
        String id = resident == null ? "" : resident.maskedIdNumber();
        return new View(step, item.code(), name, id, key, null, view.licenseTypes(), view.resultTitle(), view.reference(), view.canRetry());
    }

    private void set(View next) {
        view = next;
        for (Consumer<View> l : listeners) {
            l.accept(next);
        }
    }
}
