package org.zizhu.kiosk.flow;

import java.util.List;
import org.zizhu.kiosk.flow.ApplicationState.Application;
import org.zizhu.kiosk.flow.ApplicationState.Owed;
import org.zizhu.kiosk.flow.ServicePorts.Outcome;
import org.zizhu.kiosk.session.EnterpriseIdentity;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Wipeable;

/** What an application transition asks {@link ApplicationFlow} to do (port calls on the worker, the log, the visit). */
sealed interface ApplicationEffect {
    /** A SERVICE_STEP event ({@code retryable} null: not a failure); never personal data. */
    record Log(boolean ok, String step, Boolean retryable) implements ApplicationEffect {
    }

    /** Personal data registered with the visit before the state changes (wiped at its end). */
    record Hold(Wipeable data) implements ApplicationEffect {
    }

    record Wipe(Wipeable data) implements ApplicationEffect {
    }

    /** Verification and the consented fetch; for an enterprise ({@code enterprise} set) under its token, by {@code person}. */
    record Prepare(Resident resident, List<String> licenseTypes, boolean consented, ServicePorts.VerifiedPerson person,
                   EnterpriseIdentity enterprise) implements ApplicationEffect {
        Prepare(Resident resident, List<String> licenseTypes, boolean consented) {
            this(resident, licenseTypes, consented, null, null);
        }
    }

    /** An enterprise's application: the card holder is verified at the centre before they choose the enterprise. */
    record VerifyPerson(Resident resident) implements ApplicationEffect {
    }

    /** Asks the centre whether the verified person may act for the enterprise they named. */
    record IdentifyEnterprise(ServicePorts.VerifiedPerson person, EnterpriseChoice choice) implements ApplicationEffect {
    }

    record CapturePage(int material, int replaceAt) implements ApplicationEffect {
    }

    /** 亮证: the centre resolves the code the camera read. */
    record ResolveShown(Resident resident, String payload) implements ApplicationEffect {
        @Override
        public String toString() {
            return "ResolveShown"; // neither the resident nor the code
        }
    }

    /** Fires {@code ShowTimedOut(deadline)} at {@code deadline} (the flow's scheduler). */
    record AwaitShown(java.time.Instant deadline) implements ApplicationEffect {
    }

    /** A LICENSE_SHOWN event: {@code detail} the license type when taken, else the reason code; never the holder or code. */
    record LogShown(boolean ok, String detail) implements ApplicationEffect {
    }

    record Submit(Resident resident, Application application) implements ApplicationEffect {
    }

    /** The receipt, the 承诺书 of each owed material, the 告知承诺书 when {@code conditionsSignature} is not null. */
    record PrintReceipt(Resident resident, Outcome outcome, List<ApplicationState.Received> received, List<Owed> owed,
                        ApplicationPorts.Image conditionsSignature) implements ApplicationEffect {
    }
}
