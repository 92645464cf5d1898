package org.zizhu.kiosk.flow;

import java.time.Duration;
import java.util.Optional;

/**
 * The port through which the kiosk flow uses the terminal's devices: events in, light and tamper
 * reset out, the technician card check and the camera's login-code and receipt-code scans. Implemented over the
 * device hub (org.zizhu.kiosk.devices.DeviceEvents); the flow never sees a driver type.
 */
public interface TerminalDevices {

    /** Outcome of a technician's tamper reset. */
    enum TamperReset {
        /** The alarm is cleared; the kiosk may serve again. */
        CLEARED,
        /** Refused: the door switch still reads open. */
        DOOR_OPEN,
        /** Refused: the switch cannot be read, so the door cannot be checked. */
        SWITCH_UNREADABLE
    }

    /** Starts delivering device events to {@code events}. */
    void addListener(TerminalEvents events);

    /** An ID card reader is there: the kiosk can identify residents. */
    boolean canReadIdCards();

    /** A GPIO board with a tamper switch is there (the maintenance screen offers a reset). */
    boolean hasTamperSwitch();

    /** The door is open now, or was seen open (even before a restart) and not reset since. */
    boolean tamperLatched();

    TamperReset resetTamper();

    /** Checks a PIN against the inserted technician card; empty when technician login is off. */
    Optional<MaintenanceFlow.Authenticator> technicianAuthenticator();

    void showLight(StatusLight light);

    /**
     * Watches the camera for a mobile-app login code for {@code watch} on a thread of its own,
     * until {@code watch} no longer wants one, a code was handed over, {@code limit} has passed
     * or the returned scan is stopped. Without a camera it returns a scan that does nothing.
     */
    LoginScan watchForLoginCode(LoginCodeWatch watch, Duration limit);

    /**
     * Watches the camera for {@code watch} on a thread of its own, as {@link #watchForLoginCode}
     * does, for both codes a case progress query (办件查询) takes: the mobile app's login code
     * while {@link CaseCodeWatch#accepting()}, and the status link printed as a QR code on an
     * acceptance receipt while {@link CaseCodeWatch#acceptingCaseCode()} (only its case number
     * is handed over; the link is never followed). Unlike the login scan it goes on after a
     * handover, until {@code watch} no longer wants codes, {@code limit} has passed or the scan is
     * stopped: the resident may look up another case. A code still held up is not handed over
     * again until it has been out of sight for a moment. Without a camera it does nothing.
     */
    LoginScan watchForCaseCode(CaseCodeWatch watch, Duration limit);

    /** What a login-code scan asks of the transaction it serves. */
    interface LoginCodeWatch {
        /** False once the transaction has moved on (identified, cancelled, ended): the scan stops. */
        boolean wanted();

        /** True while a code would be accepted now (not while the resident types an appointment code). */
        boolean accepting();

        void token(String loginToken);

        /** True when an enterprise is chosen after the login (an enterprise item): the scan goes on after the login. */
        default boolean scansForEnterprise() {
            return false;
        }

        /** True while an enterprise's electronic business license QR code would be accepted (the enterprise step). */
        default boolean acceptingEnterpriseCode() {
            return false;
        }

        /** The payload of an electronic business license QR code, passed on as read (the centre verifies it). */
        default void enterpriseCode(String payload) {
        }

        /** True while an e-license code from the government app (亮证) would be accepted: one is handed over, then the scan ends. */
        default boolean acceptingLicenseCode() {
            return false;
        }

        /** The government app's e-license code ({@code ZZELIC:1:...}), passed on as read (the centre resolves it). */
        default void licenseCode(String payload) {
        }
    }

    /** What a case-code scan asks of the case progress query it serves (login codes as {@link LoginCodeWatch}). */
    interface CaseCodeWatch extends LoginCodeWatch {
        /** True while a receipt's case code would be accepted now. */
        boolean acceptingCaseCode();

        /** The case number from a receipt's status link (already checked against the case-number pattern). */
        void caseNumber(String caseNumber);
    }

    /** A running scan. */
    interface LoginScan {
        LoginScan NONE = () -> { };

        /** Ends the scan; idempotent. */
        void stop();
    }
}
