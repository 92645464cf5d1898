package org.zizhu.kiosk.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.catalog.Catalog;
import org.zizhu.kiosk.catalog.CatalogModel;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.flow.KioskState.Facts;
import org.zizhu.kiosk.flow.KioskState.Input;
import org.zizhu.kiosk.flow.KioskState.Notice;
import org.zizhu.kiosk.flow.KioskState.Phase;
import org.zizhu.kiosk.flow.KioskState.Tx;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.session.Resident;

/**
 * The terminal as a state machine: starting, attract, browse, transaction, maintenance, out of
 * service ({@link KioskMode}). It owns the facts the mode is derived from (start-up phase,
 * tamper alarm, help call, the current transaction, the technician's maintenance, notices),
 * changes them only through {@link KioskState#next} and tells listeners the new mode. Device
 * events come in through {@link TerminalEvents}; touches come from the window. No JavaFX here.
 *
 * <pre>
 *   Starting --started--> Attract --touch--> Browse --start/check-in--> Transaction (or Application)
 *      |                    ^  ^---idle / finish / home-------------------'  |
 *      '--start failed--> OutOfService(START_FAILED)                          |
 *   any serving mode --door opened--> OutOfService(TAMPER) --reset--> Attract
 *   any serving mode --technician card--> Maintenance(underneath) --card out--> underneath
 * </pre>
 *
 * <p>Thread rules: every method is thread-safe. The facts change under this object's lock; the
 * browse, service and maintenance flows are called and listeners told only outside it, so no
 * lock of another flow is ever taken while this one is held.
 */
public final class KioskFlow {
    /** How long the help notice and the help light stay on after a press. */
    static final Duration HELP_SHOWN = Duration.ofSeconds(30);
    /** How long a notice (printing, queue ticket, tamper reset refused) stays on the bar. */
    static final Duration NOTICE_SHOWN = Duration.ofSeconds(8);
    /**
     * The longest a login-code scan runs. A safety net: a visit without a touch ends far sooner
     * (idle timeout), and the scan stops with its transaction anyway.
     */
    static final Duration LOGIN_SCAN_LIMIT = Duration.ofMinutes(5);
    /**
     * How long "please take your printout" stays on after a print: the paper needs some seconds to
     * come out and the resident often turns away at the result screen, so the reminder must outlast
     * the return to the attract screen, yet not greet the next resident for long with someone
     * else's paper (which staff clear from the tray anyway).
     */
    static final Duration PRINT_REMINDER_SHOWN = Duration.ofSeconds(30);
    /** The reminder key of an ID card left on the reader after the visit ended. */
    public static final String REMIND_ID_CARD = "reminder.idCard";
    /** The reminder key of a print-out waiting in the tray. */
    public static final String REMIND_PRINTOUT = "reminder.printout";
    /** How often {@link #tick} runs on the kiosk (idle timer, notices, status light). */
    public static final Duration TICK = Duration.ofSeconds(1);

    private final BrowseFlow browse;
    private final Clock clock;
    private final Executor serviceWorker;
    private final Executor maintenanceWorker;
    private final KioskWorkers owned;
    private final List<Consumer<KioskMode>> listeners = new CopyOnWriteArrayList<>();
    private final Object lightLock = new Object();
    private Facts facts;
    private volatile KioskParts parts;
    /** Set once at start-up, before device events can arrive (the facts get it with Started). */
    private volatile MaintenanceFlow maintenanceFlow;
    /** The technician's commissioning wizard, behind the maintenance card and PIN; null without its ports. */
    private volatile CommissioningFlow commissioningFlow;
    private TerminalDevices.LoginScan scan = TerminalDevices.LoginScan.NONE;
    private StatusLight shownLight;

    /** A flow whose work runs on the given executors (tests run it inline). */
    public KioskFlow(Language defaultLanguage, Duration idleTimeout, Clock clock, Executor serviceWorker,
                     Executor maintenanceWorker) {
        this(defaultLanguage, idleTimeout, clock, serviceWorker, maintenanceWorker, null);
    }

    private KioskFlow(Language defaultLanguage, Duration idleTimeout, Clock clock, Executor serviceWorker,
                      Executor maintenanceWorker, KioskWorkers owned) {
        this.clock = clock;
        this.serviceWorker = serviceWorker;
        this.maintenanceWorker = maintenanceWorker;
        this.owned = owned;
        this.browse = new BrowseFlow(this::catalog, defaultLanguage, idleTimeout, clock);
        this.facts = new Facts(Phase.STARTING, browse.state(), false, null, false, null, null, null, false,
                KioskState.Reminders.NONE, false, null);
        // The browse state is read under this flow's lock, so the last change wins even when two
        // threads report browse changes at once (their listener calls may arrive out of order).
        browse.addListener(s -> fire(() -> new Input.BrowseChanged(browse.state())));
    }

    /** The kiosk's flow, with its own worker threads and idle ticker; {@link #close} stops them. */
    public static KioskFlow withWorkers(Language defaultLanguage, Duration idleTimeout, Clock clock) {
        KioskWorkers w = KioskWorkers.start();
        KioskFlow f = new KioskFlow(defaultLanguage, idleTimeout, clock, w.service(), w.maintenance(), w);
        w.every(TICK, f::tick);
        return f;
    }

    // ---- reading -------------------------------------------------------------------------

    public KioskMode mode() {
        return KioskState.modeOf(facts());
    }

    private synchronized Facts facts() {
        return facts;
    }

    /**
     * Whether someone is using the terminal: a resident's visit (browsing, a transaction, an
     * application, a case query) or a technician at the maintenance screen. An update is
     * installed only while this is false, so a visit is never cut by the restart.
     */
    public boolean inUse() {
        return KioskState.inUse(mode());
    }

    /**
     * Holds the terminal for an update's install and restart, if nobody uses it: from now until
     * the restart (or {@code atMost}, if none comes) it shows "updating" and starts no visit. The
     * check and the hold are one step under the flow's lock, so a resident who touches the screen
     * at that instant either keeps the terminal (no hold) or finds it held (no visit to cut).
     * True when held.
     */
    public boolean holdForUpdate(java.time.Duration atMost) {
        fire(new Input.UpdateHold(clock.instant().plus(atMost)));
        // Not "a hold exists": a technician who opened maintenance during an earlier hold uses the terminal.
        Facts f = facts();
        return f.updatingUntil() != null && !KioskState.inUse(KioskState.modeOf(f));
    }

    public void addListener(Consumer<KioskMode> l) {
        listeners.add(l);
    }

    /** The browse flow (home, groups, search, guide): screens forward browse touches to it. */
    public BrowseFlow browse() {
        return browse;
    }

    /** What the browse screens show, looked up in the catalogue. */
    public BrowseView browseView() {
        return browse.view();
    }

    public Language language() {
        return browse.state().language();
    }

    /** Start-up finished and the kiosk serves (it may still be out of service for tampering). */
    public boolean ready() {
        return facts().phase() == Phase.SERVING;
    }

    public boolean outOfService() {
        Facts f = facts();
        return f.phase() == Phase.START_FAILED || f.tampered() || f.awaitingCommissioning() || f.updatingUntil() != null;
    }

    /** The technician's flow, or null before start-up or without technician login. */
    public MaintenanceFlow maintenance() {
        return maintenanceFlow;
    }

    /** The technician's commissioning wizard, or null on a kiosk without it (or before start-up). */
    public CommissioningFlow commissioning() {
        return commissioningFlow;
    }

    /** The maintenance screen's "commissioning": the wizard's menu, each step repeatable; only while maintenance is unlocked. */
    public void openCommissioning() {
        CommissioningFlow c = commissioningFlow;
        MaintenanceFlow m = maintenanceFlow;
        if (c != null && m != null && m.view().step() == MaintenanceFlow.Step.OPEN) {
            c.start(false);
        }
    }

    /** What the resident is doing now (a service transaction, an application), or null. */
    public ResidentTask task() {
        Tx t = facts().tx();
        return t == null ? null : t.task();
    }

    /** The running service transaction, or null. */
    public ServiceFlow service() {
        return task() instanceof ServiceFlow s ? s : null;
    }

    /** The running case-progress query (办件查询), or null. */
    public CaseProgressFlow caseProgress() {
        return task() instanceof CaseProgressFlow c ? c : null;
    }

    /** The running application (申报), or null. */
    public ApplicationFlow application() {
        return task() instanceof ApplicationFlow a ? a : null;
    }

    public boolean offline() {
        KioskParts p = parts;
        return p != null && p.backend().offline();
    }

    /** The key of the notice on the bar now: a help call first, then a passing notice, then the browse flow's. */
    public String noticeKey() {
        Facts f = facts();
        if (f.helpCalled(clock.instant())) {
            return "help.called";
        }
        Notice n = f.notice();
        return n != null ? n.key() : browse.state().notice();
    }

    /** The passing notice (printing, queue ticket, tamper reset), or null. */
    public String transientNotice() {
        Notice n = facts().notice();
        return n == null ? null : n.key();
    }

    /** The text of the passing notice when it carries data (the queue ticket), or null. */
    public Text noticeText() {
        Notice n = facts().notice();
        return n == null ? null : n.text();
    }

    /**
     * What the resident must not leave behind, most important first: {@link #REMIND_ID_CARD} while
     * the card is still on the reader after their visit ended (until the reader reports it gone),
     * {@link #REMIND_PRINTOUT} for {@link #PRINT_REMINDER_SHOWN} after anything was printed for
     * them. Both outlast the return to the attract screen; empty when there is nothing to take.
     */
    public List<String> reminderKeys() {
        KioskState.Reminders r = facts().reminders();
        List<String> keys = new java.util.ArrayList<>(2);
        if (r.cardLeft()) {
            keys.add(REMIND_ID_CARD);
        }
        if (r.printShown(clock.instant())) {
            keys.add(REMIND_PRINTOUT);
        }
        return List.copyOf(keys);
    }

    public boolean helpCalled() {
        return facts().helpCalled(clock.instant());
    }

    /** What the guide screen of {@code item} offers on this kiosk. */
    public GuideActions guideActions(ItemDetail item) {
        KioskParts p = parts;
        if (p == null || item == null) {
            return GuideActions.NONE;
        }
        boolean cards = p.devices() != null && p.devices().canReadIdCards();
        GuideDesk d = p.desk();
        return GuideActions.of(item, cards && p.ports() != null, cards && p.applications() != null,
                d != null && d.canPrintGuides(), p.ports() != null && d != null && d.canTakeTickets());
    }

    /** What the unlocked maintenance screen shows. */
    public MaintenanceView maintenanceView() {
        KioskParts p = parts;
        if (p == null) {
            return new MaintenanceView(List.of(), "", 0, "", false);
        }
        Catalog c = p.backend().catalog();
        return new MaintenanceView(p.backend().devices(), String.valueOf(c.version()), c.size(), p.backend().linkStatus(),
                p.devices() != null && p.devices().hasTamperSwitch());
    }

    /** An item the kiosk can perform here at once (the demo console, the screenshot tour), if any. */
    public Optional<ItemDetail> startableItem() {
        return performable(d -> !parts.ports().licenseTypesFor(d).isEmpty());
    }

    /** An enterprise's 马上办 item (the enterprise step after the face check: the screenshot tour), if any. */
    public Optional<ItemDetail> enterpriseItem() {
        return performable(d -> d.audience() == CatalogModel.Audience.ENTERPRISE && !parts.ports().licenseTypesFor(d).isEmpty());
    }

    /** An item whose fee the kiosk collects by QR payment (the screenshot tour), if any. */
    public Optional<ItemDetail> payableItem() {
        return performable(d -> parts.ports().amountDue(d) > 0);
    }

    /**
     * An application item that shows every part of the application (a form, a material the
     * resident may commit to hand in later, postal delivery): the screenshot tour and the demo.
     */
    public Optional<ItemDetail> applicationItem() {
        KioskParts p = parts;
        if (p == null || p.applications() == null) {
            return Optional.empty();
        }
        Catalog c = p.backend().catalog();
        return c.items().stream().map(i -> c.detail(i.code()).orElseThrow())
                .filter(d -> d.takesApplication() && d.form() != null && !d.committableMaterials().isEmpty()
                        && d.offersPostalDelivery())
                .findFirst();
    }

    private Optional<ItemDetail> performable(java.util.function.Predicate<ItemDetail> also) {
        KioskParts p = parts;
        if (p == null || p.ports() == null) {
            return Optional.empty();
        }
        Catalog c = p.backend().catalog();
        // A person's item first: the demo and the tour show the plain path; enterprise items
        // (the enterprise step after the face check) are startable all the same.
        return c.items().stream().map(i -> c.detail(i.code()).orElseThrow())
                .filter(d -> d.handling().contains(CatalogModel.Handling.IMMEDIATE) && also.test(d))
                .min(java.util.Comparator.comparing((ItemDetail d) -> d.audience() == CatalogModel.Audience.ENTERPRISE));
    }

    private Catalog catalog() {
        KioskParts p = parts;
        return p == null ? Catalog.empty() : p.backend().catalog();
    }

    // ---- start-up and stop --------------------------------------------------------------

    /** Start-up finished: wire the devices and serve (or stay out of service if the alarm is latched). */
    public void started(KioskParts p) {
        if (facts().phase() != Phase.STARTING) {
            return;
        }
        parts = p;
        p.backend().onChange(this::changed);
        MaintenanceFlow m = null;
        boolean latched = false;
        TerminalDevices d = p.devices();
        if (d != null) {
            Optional<MaintenanceFlow.Authenticator> auth = d.technicianAuthenticator();
            if (auth.isPresent()) {
                m = new MaintenanceFlow(auth.get(), maintenanceWorker);
                if (p.commissioning() != null) {
                    CommissioningFlow c = new CommissioningFlow(p.commissioning(), maintenanceWorker, clock);
                    c.addListener(st -> changed());
                    commissioningFlow = c;
                }
                // Every step of the keypad is shown, not only opening and closing.
                m.addListener(v -> {
                    CommissioningFlow c = commissioningFlow;
                    if (c != null) {
                        if (v.step() == MaintenanceFlow.Step.OPEN && !c.open() && c.firstBoot()) {
                            // No enrolment yet: the technician's PIN opens the commissioning wizard, guided through every step.
                            c.start(true);
                        } else if (v.step() == MaintenanceFlow.Step.OPEN && !c.open() && c.resumeAfterRestart()) {
                            // Back from the restart for new bindings: the wizard goes on at the device tests.
                        } else if (v.step() == MaintenanceFlow.Step.CLOSED) {
                            c.close(); // the card is out: the wizard closes with maintenance
                        }
                    }
                    if (!fire(new Input.MaintenanceChanged(v.step() != MaintenanceFlow.Step.CLOSED))) {
                        changed();
                    }
                });
                maintenanceFlow = m;
            }
            d.addListener(new DeviceListener());
            // Latched before a restart, or the door is open now: out of service until a reset.
            latched = d.tamperLatched();
        }
        if (latched) {
            browse.endSession();
        }
        fire(new Input.Started(latched, m));
        checkCommissioning();
    }

    /** Start-up failed: out of service for good (the process restarts it). */
    public void startFailed() {
        fire(new Input.StartFailed());
    }

    /**
     * The orderly stop: no new visit begins, the visit on screen ends so its personal data is
     * wiped, then the workers get {@code budget} to finish a step already at the centre or the
     * printer. Idempotent; callable from any thread.
     */
    public void close(Duration budget) {
        fire(new Input.Closing());
        browse.endSession();
        if (owned != null) {
            owned.stop(budget);
        }
    }

    public boolean closing() {
        return facts().closing();
    }

    // ---- touches --------------------------------------------------------------------------

    /** A touch anywhere: wakes the attract screen and restarts the idle timer, when a resident may be served. */
    public void touch() {
        Facts f = facts();
        KioskMode m = KioskState.modeOf(f);
        if (f.closing() || !(m instanceof KioskMode.Attract || m instanceof KioskMode.Browse || m instanceof KioskMode.Transaction
                || m instanceof KioskMode.Application || m instanceof KioskMode.CaseProgress)) {
            return; // starting, out of service, maintenance: a touch is not a resident's visit
        }
        browse.touch();
    }

    public void toggleLanguage() {
        browse.setLanguage(browse.state().language() == Language.ZH ? Language.EN : Language.ZH);
    }

    /** A language key of the top bar: this language for the rest of the visit. */
    public void chooseLanguage(Language language) {
        browse.setLanguage(language);
    }

    // ---- elder mode and the idle countdown (issue 12) ---------------------------------------

    /** Elder mode (长辈模式) is on for the visit on screen: the screens and the voice follow it. */
    public boolean elderMode() {
        return browse.state().elderMode();
    }

    /** The elder-mode button: on or off for this visit, when a resident may be served. */
    public void toggleElderMode() {
        if (residentScreen()) {
            browse.toggleElderMode();
        }
    }

    /**
     * The seconds to count down on screen before the idle timeout, or empty. Never while the
     * centre or the printer works for the resident ({@link #tick} keeps the visit alive then)
     * nor outside a resident's screens.
     */
    public java.util.OptionalInt idleCountdown() {
        ResidentTask t = task();
        if (!residentScreen() || (t != null && t.busy())) {
            return java.util.OptionalInt.empty();
        }
        return browse.idleCountdown();
    }

    /** "Need more time" on the countdown: the idle timer starts afresh. */
    public void moreTime() {
        if (residentScreen()) {
            browse.moreTime();
        }
    }

    /** A resident's screen is up (not starting, stopping, out of service or in maintenance). */
    private boolean residentScreen() {
        Facts f = facts();
        KioskMode m = KioskState.modeOf(f);
        return !f.closing() && (m instanceof KioskMode.Attract || m instanceof KioskMode.Browse
                || m instanceof KioskMode.Transaction || m instanceof KioskMode.Application
                || m instanceof KioskMode.CaseProgress);
    }

    /**
     * Home. During a transaction it ends the visit (its personal data is wiped) and starts a
     * fresh one; while the centre or the printer is working it is ignored, so nothing is left
     * half done.
     */
    public void home() {
        Facts f = facts();
        if (f.phase() != Phase.SERVING || f.closing()) {
            return; // nothing to go home to while starting or stopping
        }
        if (f.tx() != null) {
            if (f.tx().task().busy()) {
                return;
            }
            // Ending the visit first takes the transaction with it (attract screen): the guide
            // under it never flashes up.
            browse.endSession();
            fire(new Input.TransactionEnded());
            browse.touch();
        }
        browse.home();
    }

    /** The resident finished the transaction (after the rating): the visit ends. */
    public void finishTransaction() {
        browse.endSession(); // back on the attract screen: the transaction goes with the visit
        fire(new Input.TransactionEnded());
    }

    /** A screen could not be drawn: the visit is abandoned so the screen does not stay frozen on it. */
    public void abandonVisit() {
        fire(new Input.TransactionEnded());
        if (browse.state().screen() != BrowseState.Screen.ATTRACT) {
            browse.endSession();
        }
    }

    /**
     * Starts what the guide's start button offers for {@code item}, if this kiosk can: the
     * application (申报) for an item that takes one, else the service transaction.
     */
    public void startService(ItemDetail item) {
        if (!guideActions(item).start()) {
            return;
        }
        if (GuideActions.startsApplication(item)) {
            begin(item, ApplicationFlow.start(item, parts.applications(), browse.session(), serviceWorker, clock));
        } else {
            begin(item, ServiceFlow.transaction(item, parts.ports(), browse.session(), serviceWorker, clock));
        }
    }

    /** The home screen offers 办件查询: the centre's case lookups are there. */
    public boolean offersCaseProgress() {
        KioskParts p = parts;
        return p != null && p.cases() != null;
    }

    /**
     * Starts a case-progress query (办件查询) from the home screen: by card or app code, a
     * receipt's QR code or a typed case number.
     */
    public void startCaseProgress() {
        Facts f = facts();
        if (!offersCaseProgress() || f.tx() != null || browse.state().screen() == BrowseState.Screen.ATTRACT) {
            return; // a visit on the home screen starts it, once
        }
        begin(null, CaseProgressFlow.start(parts.cases(), browse.session(), serviceWorker, clock));
    }

    /** Starts the appointment check-in for {@code item}, if this kiosk offers it. */
    public void startCheckIn(ItemDetail item) {
        if (guideActions(item).checkIn()) {
            begin(item, ServiceFlow.appointmentCheckIn(item, parts.ports(), browse.session(), serviceWorker, clock));
        }
    }

    private void begin(ItemDetail item, ResidentTask s) {
        // The print reminder starts when the task comes to show a fresh print-out (once per print:
        // a retry that prints again reminds again).
        java.util.concurrent.atomic.AtomicBoolean printedSeen = new java.util.concurrent.atomic.AtomicBoolean();
        s.onChange(() -> {
            boolean printed = s.printedForResident();
            if (printed != printedSeen.getAndSet(printed) && printed) {
                printed();
            } else {
                changed();
            }
        });
        fire(new Input.TransactionBegun(new Tx(s, item)));
        if (task() != s) {
            return; // refused (stopping, out of service)
        }
        TerminalDevices d = parts.devices();
        if (d != null) {
            // Scan for a mobile-app login code while the flow waits for an identity (and, for a
            // case query, for a receipt's QR code).
            TerminalDevices.LoginScan started = s instanceof CaseProgressFlow c
                    ? d.watchForCaseCode(c.codeWatch(() -> task() == c), LOGIN_SCAN_LIMIT)
                    : d.watchForLoginCode(new TerminalDevices.LoginCodeWatch() {
                @Override
                public boolean wanted() {
                    return task() == s && s.wantsLoginCode();
                }

                @Override
                public boolean accepting() {
                    return s.awaitingIdentity();
                }

                @Override
                public void token(String loginToken) {
                    s.qrLogin(loginToken);
                }

                @Override
                public boolean scansForEnterprise() {
                    return s instanceof ServiceFlow f && f.forEnterprise() || s instanceof ApplicationFlow a && a.forEnterprise();
                }

                @Override
                public boolean acceptingEnterpriseCode() {
                    return s instanceof ServiceFlow f && f.choosingEnterprise() || s instanceof ApplicationFlow a && a.choosingEnterprise();
                }

                @Override
                public void enterpriseCode(String payload) {
                    if (s instanceof ServiceFlow f) {
                        f.enterpriseQrScanned(payload);
                    } else if (s instanceof ApplicationFlow a) {
                        a.enterpriseQrScanned(payload);
                    }
                }
            }, LOGIN_SCAN_LIMIT);
            replaceScan(started);
            if (s instanceof ApplicationFlow a) {
                // 亮证: each time the application asks for a shown e-license, one scan for it (its own deadline).
                a.addListener(st -> {
                    if (st instanceof ApplicationState.ShowingLicense sl && !sl.checking() && task() == a) {
                        replaceScan(d.watchForLoginCode(licenseWatch(a), ApplicationSteps.SHOW_LICENSE_LIMIT));
                    }
                });
            }
        }
        if (item != null) {
            EventLog.event(EventId.SERVICE_STEP, Outcome.SUCCESS, "item", item.code(), "step", "started");
        }
    }

    private void replaceScan(TerminalDevices.LoginScan started) {
        TerminalDevices.LoginScan previous;
        synchronized (this) {
            previous = scan;
            scan = started;
        }
        previous.stop();
    }

    /** The camera's watch for the government app's e-license code while {@code a} shows 亮证. */
    private TerminalDevices.LoginCodeWatch licenseWatch(ApplicationFlow a) {
        return new TerminalDevices.LoginCodeWatch() {
            @Override
            public boolean wanted() {
                return task() == a && a.wantsLicenseCode();
            }

            @Override
            public boolean accepting() {
                return false; // identified already
            }

            @Override
            public void token(String loginToken) {
            }

            @Override
            public boolean acceptingLicenseCode() {
                return wanted();
            }

            @Override
            public void licenseCode(String payload) {
                a.licenseCodeShown(payload);
            }
        };
    }

    /** Prints the guide on A4 on the worker; the notice bar says how it went. */
    public void printGuide(ItemDetail item) {
        KioskParts p = parts;
        if (!guideActions(item).print()) {
            return;
        }
        Language l = language();
        showNotice("print.started", null);
        serviceWorker.execute(() -> {
            boolean ok;
            try {
                ok = p.desk().printGuide(item, l);
            } catch (RuntimeException e) {
                EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "print-guide", "error", e.getClass().getSimpleName());
                ok = false;
            }
            showNotice(ok ? "print.done" : "print.failed", null);
            if (ok) {
                printed();
            }
        });
    }

    /** Takes a queue ticket on the worker; the notice bar shows the number. */
    public void takeTicket(ItemDetail item) {
        KioskParts p = parts;
        if (!guideActions(item).queueTicket()) {
            return;
        }
        showNotice("queue.taking", null);
        serviceWorker.execute(() -> {
            GuideDesk.Ticket t = p.desk().takeTicket(item);
            showNotice("queue.result", t.message());
            if (t.printed()) {
                printed();
            }
        });
    }

    /** A technician's sync from the maintenance screen, on the maintenance worker. */
    public void syncNow() {
        KioskParts p = parts;
        if (p == null) {
            return;
        }
        maintenanceWorker.execute(() -> {
            try {
                p.backend().syncNow();
            } catch (Exception e) {
                LoggerFactory.getLogger(KioskFlow.class).info("maintenance sync failed: {}", e.toString());
            }
            changed();
        });
    }

    /** A technician's tamper reset; refused while the door is open (the notice says why). */
    public void resetTamper() {
        KioskParts p = parts;
        if (p == null || p.devices() == null) {
            return;
        }
        TerminalDevices.TamperReset r = p.devices().resetTamper();
        if (r == TerminalDevices.TamperReset.CLEARED) {
            fire(new Input.TamperCleared());
        } else {
            showNotice(r == TerminalDevices.TamperReset.DOOR_OPEN ? "tamper.doorOpen" : "tamper.switchUnreadable", null);
        }
    }

    /** Opens the guide of an item the kiosk can perform at once (the demo console); false if none or not serving. */
    public boolean openImmediateItem() {
        Optional<ItemDetail> item = startableItem();
        if (item.isEmpty() || !ready() || closing() || outOfService()) {
            return false;
        }
        browse.touch();
        browse.openItem(item.get().code());
        return true;
    }

    // ---- time ----------------------------------------------------------------------------

    /**
     * Called every {@link #TICK}: the idle timer (kept alive while the centre or the printer is
     * working for the resident), the end of passing notices and of the help call, and the
     * status light (a device may have failed meanwhile).
     */
    public void tick() {
        ResidentTask s = task();
        if (s != null && s.busy()) {
            browse.keepAlive();
        } else {
            browse.tick();
        }
        fire(new Input.Tick(clock.instant()));
        checkCommissioning();
        updateLight();
    }

    /**
     * A terminal that is not enrolled serves no one (out of service, "being set up") until the
     * wizard, or the configured code's enrolment in the background, has enrolled it: checked at
     * start and on every tick, since enrolment may finish on another thread.
     */
    private void checkCommissioning() {
        CommissioningFlow c = commissioningFlow;
        if (c != null) {
            fire(new Input.Commissioning(c.firstBoot()));
        }
    }

    /** Something came out of a printer for the resident: remind them to take it. */
    private void printed() {
        if (!fire(new Input.Printed(clock.instant().plus(PRINT_REMINDER_SHOWN)))) {
            changed();
        }
    }

    /**
     * Calls staff: the help button on the cabinet and the help key on the screen alike. The help
     * light goes on and the bar says staff are on their way, for {@link #HELP_SHOWN}.
     */
    public void callHelp() {
        fire(new Input.HelpPressed(clock.instant().plus(HELP_SHOWN)));
    }

    private void showNotice(String key, Text text) {
        fire(new Input.NoticeShown(new Notice(key, text, clock.instant().plus(NOTICE_SHOWN))));
    }

    // ---- applying inputs ---------------------------------------------------------------

    /** Applies {@code in}; true if the facts changed (listeners were told). */
    private boolean fire(Input in) {
        return fire(() -> in);
    }

    /** Applies the input {@code in} makes under the lock; true if the facts changed (listeners were told). */
    private boolean fire(java.util.function.Supplier<Input> in) {
        Facts before;
        Facts after;
        TerminalDevices.LoginScan ended = null;
        synchronized (this) {
            before = facts;
            after = KioskState.next(before, in.get());
            facts = after;
            if (before.tx() != null && after.tx() != before.tx()) {
                ended = scan;
                scan = TerminalDevices.LoginScan.NONE;
            }
        }
        if (ended != null) {
            ended.stop();
        }
        if (!after.equals(before)) {
            changed();
            return true;
        }
        return false;
    }

    /** Tells listeners the (possibly same) mode: something they render changed. */
    private void changed() {
        KioskMode m = mode();
        updateLight();
        for (Consumer<KioskMode> l : listeners) {
            l.accept(m);
        }
    }

    /** Shows the light the rule gives, on the device, when it changed. */
    private void updateLight() {
        KioskParts p = parts;
        if (p == null || p.devices() == null) {
            return;
        }
        synchronized (lightLock) {
            Facts f = facts();
            boolean hardwareError = p.backend().devices().stream().anyMatch(DeviceHealth::hardwareError);
            StatusLight light = StatusLight.of(KioskState.modeOf(f), f.helpCalled(clock.instant()), hardwareError);
            if (light != shownLight) {
                shownLight = light;
                p.devices().showLight(light);
            }
        }
    }

    /** Device events, on the devices' threads. */
    private final class DeviceListener implements TerminalEvents {
        @Override
        public void residentCardRead(Resident resident, LocalDate validFrom) {
            fire(new Input.CardPlaced());
            ResidentTask s = task();
            if (s == null) {
                resident.wipe(); // no transaction waits for a card: nothing may keep it
                return;
            }
            s.identityRead(resident, validFrom);
        }

        @Override
        public void cardProblem() {
            fire(new Input.CardPlaced()); // unreadable, but on the reader: it can be left behind too
            ResidentTask s = task();
            if (s != null) {
                s.cardReadFailed();
            }
        }

        @Override
        public void cardRemoved() {
            fire(new Input.CardRemoved());
        }

        @Override
        public void technicianCardInserted() {
            MaintenanceFlow m = maintenance();
            if (m != null) {
                m.cardInserted();
            }
        }

        @Override
        public void technicianCardRemoved() {
            MaintenanceFlow m = maintenance();
            if (m != null) {
                m.cardRemoved();
            }
        }

        @Override
        public void helpRequested() {
            callHelp();
        }

        @Override
        public void tamperChanged(boolean open) {
            if (open) {
                fire(new Input.TamperOpened());
                browse.endSession(); // the visit on screen ends: its personal data is wiped
            }
        }
    }
}
