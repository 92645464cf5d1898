package org.zizhu.kiosk.devices;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.zizhu.device.camera.Camera;
import org.zizhu.device.camera.qr.QrPayload;
import org.zizhu.device.camera.qr.QrReading;
import org.zizhu.device.camera.qr.QrScanner;
import org.zizhu.device.gpio.GpioListener;
import org.zizhu.device.gpio.LightPattern;
import org.zizhu.device.idcard.IdCardEvent;
import org.zizhu.device.idcard.Identity;
import org.zizhu.device.smartcard.CardEvent;
import org.zizhu.device.smartcard.technician.TechnicianAuthResult;
import org.zizhu.device.smartcard.technician.TechnicianCardAuthenticator;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.flow.MaintenanceFlow;
import org.zizhu.kiosk.flow.StatusLight;
import org.zizhu.kiosk.flow.TerminalDevices;
import org.zizhu.kiosk.flow.TerminalEvents;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.threads.DaemonThreads;

/**
 * The kiosk flow's view of the devices ({@link TerminalDevices}), over the device hub's public
 * methods: driver events become kiosk events (an ID card's identity becomes a {@link Resident}
 * and the driver's copy is wiped at once), the kiosk's light becomes the GPIO pattern, and the
 * camera is scanned for mobile-app login codes (and, for case progress, receipts' status links)
 * on a thread of its own.
 */
public final class DeviceEvents implements TerminalDevices {
    /** How long one wait for a camera frame may take before the scan checks whether it is still wanted. */
    private static final Duration FRAME_WAIT = Duration.ofMillis(500);
    /** How long a code handed over must be out of sight before the same code is handed over again. */
    private static final Duration SAME_CODE_GAP = Duration.ofSeconds(2);

    private final DeviceHub hub;

    public DeviceEvents(DeviceHub hub) {
        this.hub = hub;
    }

    @Override
    public void addListener(TerminalEvents events) {
        hub.addIdCardListener(e -> onIdCard(e, events));
        hub.addGpioListener(new GpioListener() {
            @Override
            public void helpRequested() {
                events.helpRequested();
            }

            @Override
            public void tamperChanged(boolean open) {
                events.tamperChanged(open);
            }
        });
        // Technician cards matter only where technician login is on (an issuer is trusted).
        hub.smartcard().ifPresent(reader -> hub.issuerTrust().ifPresent(trust -> reader.addCardListener(e -> {
            if (e.kind() == CardEvent.Kind.INSERTED) {
                events.technicianCardInserted();
            } else {
                events.technicianCardRemoved();
            }
        })));
    }

    /** Card events come on the reader's thread; the identity is turned into a resident and wiped at once. */
    static void onIdCard(IdCardEvent event, TerminalEvents events) {
        if (event instanceof IdCardEvent.IdentityRead read) {
            Identity id = read.identity();
            try {
                Resident r = new Resident(id.name(), id.idNumber(), blankToNull(id.address()), Resident.Source.ID_CARD,
                        id.validity().untilDate().orElse(null));
                LocalDate from = id.validity().from();
                events.residentCardRead(r, from);
            } catch (RuntimeException e) {
                EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "idcard-event", "error", e.getClass().getSimpleName());
                events.cardProblem();
            } finally {
                id.wipe();
            }
        } else if (event instanceof IdCardEvent.ReadFailed) {
            events.cardProblem();
        } else if (event instanceof IdCardEvent.CardRemoved) {
            events.cardRemoved(); // ends the "take your ID card" reminder
        }
    }

    @Override
    public boolean canReadIdCards() {
        return hub.idcard().isPresent();
    }

    @Override
    public boolean hasTamperSwitch() {
        return hub.gpio().isPresent();
    }

    @Override
    public boolean tamperLatched() {
        return hub.tamperLatched();
    }

    @Override
    public TamperReset resetTamper() {
        return switch (hub.resetTamper()) {
            case CLEARED -> TamperReset.CLEARED;
            case DOOR_OPEN -> TamperReset.DOOR_OPEN;
            case SWITCH_UNREADABLE -> TamperReset.SWITCH_UNREADABLE;
        };
    }

    @Override
    public Optional<MaintenanceFlow.Authenticator> technicianAuthenticator() {
        return hub.smartcard().flatMap(reader -> hub.issuerTrust().map(trust -> {
            TechnicianCardAuthenticator auth = new TechnicianCardAuthenticator(trust);
            return (MaintenanceFlow.Authenticator) pin -> toResult(auth.authenticate(reader, pin));
        }));
    }

    private static MaintenanceFlow.Result toResult(TechnicianAuthResult r) {
        if (r instanceof TechnicianAuthResult.Ok ok) {
            return new MaintenanceFlow.Result(true, ok.technicianId(), ok.role().name(), "", "");
        }
        org.zizhu.kiosk.i18n.Text words = DeviceTexts.standard().technician(r);
        return new MaintenanceFlow.Result(false, "", "", words.zh(), words.en());
    }

    @Override
    public void showLight(StatusLight light) {
        hub.gpio().ifPresent(g -> g.light().show(pattern(light)));
    }

    /** The kiosk's light on the GPIO board's patterns. */
    static LightPattern pattern(StatusLight light) {
        return switch (light) {
            case READY -> LightPattern.READY;
            case BUSY -> LightPattern.BUSY;
            case FAULT -> LightPattern.FAULT;
            case OUT_OF_SERVICE -> LightPattern.OUT_OF_SERVICE;
            case HELP_REQUESTED -> LightPattern.HELP_REQUESTED;
        };
    }

    @Override
    public LoginScan watchForLoginCode(LoginCodeWatch watch, Duration limit) {
        return scan("qr-login-scan", limit, new Hand() {
            @Override
            public boolean wanted() {
                return watch.wanted();
            }

            @Override
            public boolean looking() {
                // Not while the resident is still typing the appointment code; again while they choose the enterprise.
                return watch.accepting() || watch.acceptingEnterpriseCode() || watch.acceptingLicenseCode();
            }

            @Override
            public Offer offer(QrPayload payload) {
                if (payload instanceof QrPayload.LoginCode login && watch.accepting()) {
                    watch.token(login.token());
                    // One login per transaction; an enterprise item then scans for the business license.
                    return watch.scansForEnterprise() ? Offer.TAKEN : Offer.FINISHED;
                }
                if (payload instanceof QrPayload.ShownLicense shown && watch.acceptingLicenseCode()) {
                    watch.licenseCode(shown.payload());
                    return Offer.FINISHED; // one code per showing: the resident asks again for another
                }
                if (payload instanceof QrPayload.EBusinessLicense e && watch.acceptingEnterpriseCode()) {
                    watch.enterpriseCode(e.payload());
                    return Offer.TAKEN; // refused ones may be shown again, or another enterprise's
                }
                return Offer.NOT_TAKEN;
            }
        });
    }

    @Override
    public LoginScan watchForCaseCode(CaseCodeWatch watch, Duration limit) {
        return scan("qr-case-scan", limit, new Hand() {
            @Override
            public boolean wanted() {
                return watch.wanted();
            }

            @Override
            public boolean looking() {
                return watch.accepting() || watch.acceptingCaseCode();
            }

            @Override
            public Offer offer(QrPayload payload) {
                // Taken codes do not end the scan: the resident may look up another case while it is wanted.
                switch (payload) {
                    case QrPayload.LoginCode login when watch.accepting() -> {
                        watch.token(login.token());
                        return Offer.TAKEN;
                    }
                    // Only the number: the link is never followed, and the number is looked up at the kiosk's own centre.
                    case QrPayload.CaseLink link when watch.acceptingCaseCode() -> {
                        watch.caseNumber(link.caseNumber());
                        return Offer.TAKEN;
                    }
                    default -> {
                        return Offer.NOT_TAKEN;
                    }
                }
            }
        });
    }

    private LoginScan scan(String name, Duration limit, Hand hand) {
        Optional<Camera> camera = hub.camera();
        if (camera.isEmpty()) {
            return LoginScan.NONE;
        }
        CodeScan scan = new CodeScan(camera.get(), hand, limit);
        Thread t = DaemonThreads.unstarted(name, scan);
        scan.thread = t;
        t.start();
        return scan;
    }

    /** What one scan does with the codes it reads. */
    private interface Hand {
        /** False once the flow served has moved on: the scan stops. */
        boolean wanted();

        /** True while a code would be taken now; frames are not decoded otherwise. */
        boolean looking();

        /** Hands {@code payload} over if it is wanted now. */
        Offer offer(QrPayload payload);
    }

    private enum Offer {
        /** Not wanted now: it may be offered again at once when it is. */
        NOT_TAKEN,
        /** Handed over; the scan goes on. */
        TAKEN,
        /** Handed over; the scan is over. */
        FINISHED
    }

    /**
     * One scan: frames are read until the hand is done, or the scan is no longer wanted, stopped or
     * out of time. A code that stays in front of the camera is handed over once, and again only after
     * it was out of sight for {@link #SAME_CODE_GAP} in frames looked at (a receipt the centre did
     * not know must not be asked about in a loop while it is still held up; frames skipped while
     * nothing is taken do not count as out of sight).
     */
    private static final class CodeScan implements LoginScan, Runnable {
        private final Camera camera;
        private final Hand hand;
        private final long deadline;
        private volatile boolean stopped;
        private volatile Thread thread;
        private static final long NOT_GONE = Long.MIN_VALUE;
        private QrPayload lastOffered; // the code handed over last
        /** When the code offered last was first missed in a frame looked at (NOT_GONE while it is in sight). */
        private long goneAt = NOT_GONE;

        CodeScan(Camera camera, Hand hand, Duration limit) {
            this.camera = camera;
            this.hand = hand;
            this.deadline = System.nanoTime() + limit.toNanos();
        }

        @Override
        public void run() {
            QrScanner scanner = new QrScanner();
            try {
                while (!stopped && System.nanoTime() - deadline < 0 && hand.wanted()) {
                    var frame = camera.poll(FRAME_WAIT);
                    if (frame.isEmpty() || !hand.looking()) {
                        continue; // no frame yet, or nothing would be taken now
                    }
                    QrReading reading = scanner.scan(frame.get().image());
                    long now = System.nanoTime();
                    if (!(reading instanceof QrReading.Accepted a)) {
                        if (lastOffered != null && goneAt == NOT_GONE) {
                            goneAt = now; // the code handed over last is out of sight from here
                        }
                        continue;
                    }
                    if (a.payload().equals(lastOffered)) {
                        boolean stillHeldUp = goneAt == NOT_GONE || now - goneAt < SAME_CODE_GAP.toNanos();
                        goneAt = NOT_GONE;
                        if (stillHeldUp) {
                            continue;
                        }
                    } else if (lastOffered != null && goneAt == NOT_GONE) {
                        goneAt = now; // another code in sight: the last one is not
                    }
                    if (stopped) {
                        return;
                    }
                    Offer taken = hand.offer(a.payload());
                    if (taken == Offer.FINISHED) {
                        return;
                    }
                    if (taken == Offer.TAKEN) {
                        lastOffered = a.payload();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "qr-scan", "error", e.getClass().getSimpleName());
            }
        }

        @Override
        public void stop() {
            stopped = true;
            Thread t = thread;
            if (t != null && t != Thread.currentThread()) {
                t.interrupt(); // ends a wait for a frame at once
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
