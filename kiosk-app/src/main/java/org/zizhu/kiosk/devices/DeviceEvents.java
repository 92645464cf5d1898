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
 * camera is scanned for mobile-app login codes on a thread of its own.
 */
public final class DeviceEvents implements TerminalDevices {
    /** How long one wait for a camera frame may take before the scan checks whether it is still wanted. */
    private static final Duration FRAME_WAIT = Duration.ofMillis(500);

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
        Optional<Camera> camera = hub.camera();
        if (camera.isEmpty()) {
            return LoginScan.NONE;
        }
        LoginCodeScan scan = new LoginCodeScan(camera.get(), watch, limit);
        Thread t = DaemonThreads.unstarted("qr-login-scan", scan);
        scan.thread = t;
        t.start();
        return scan;
    }

    /** One scan: frames are read until a login code is handed over, or the scan is no longer wanted, stopped or out of time. */
    private static final class LoginCodeScan implements LoginScan, Runnable {
        private final Camera camera;
        private final LoginCodeWatch watch;
        private final long deadline;
        private volatile boolean stopped;
        private volatile Thread thread;

        LoginCodeScan(Camera camera, LoginCodeWatch watch, Duration limit) {
            this.camera = camera;
            this.watch = watch;
            this.deadline = System.nanoTime() + limit.toNanos();
        }

        @Override
        public void run() {
            QrScanner scanner = new QrScanner();
            try {
                while (!stopped && System.nanoTime() - deadline < 0 && watch.wanted()) {
                    var frame = camera.poll(FRAME_WAIT);
                    if (frame.isEmpty() || !watch.accepting()) {
                        continue; // no frame yet, or the resident is still typing the appointment code
                    }
                    if (scanner.scan(frame.get().image()) instanceof QrReading.Accepted a
                            && a.payload() instanceof QrPayload.LoginCode login && !stopped) {
                        watch.token(login.token());
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "qr-login-scan", "error", e.getClass().getSimpleName());
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
