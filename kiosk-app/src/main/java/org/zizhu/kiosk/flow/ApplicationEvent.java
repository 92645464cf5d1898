package org.zizhu.kiosk.flow;

import java.time.LocalDate;
import org.zizhu.kiosk.flow.ApplicationPorts.Image;
import org.zizhu.kiosk.flow.ApplicationPorts.Prepared;
import org.zizhu.kiosk.flow.ApplicationPorts.SubmitResult;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.session.EnterpriseIdentity;
import org.zizhu.kiosk.session.Resident;

/**
 * What moves an application: the public records are the resident's touches and cards (the
 * screens fire them through {@link ApplicationFlow#fire}); the package-private ones are the ports'
 * answers. An event that does not fit the current state is ignored.
 */
public sealed interface ApplicationEvent {
    /** A card ({@code validFrom} from the card) or a mobile-app login ({@code validFrom} null). */
    record Identified(Resident resident, LocalDate validFrom) implements ApplicationEvent {
    }

    record CardReadFailed() implements ApplicationEvent {
    }

    record ConsentGiven(boolean agreed) implements ApplicationEvent {
    }

    /** An enterprise's application: the resident typed the enterprise's credit code. */
    record EnterpriseCodeTyped(String code) implements ApplicationEvent {
    }

    /** The resident confirms a typed code whose check character fails (early codes do). */
    record EnterpriseCodeConfirmed() implements ApplicationEvent {
    }

    /** The camera read a QR code while the enterprise is chosen: its payload goes to the centre as read. */
    record EnterpriseQrScanned(String payload) implements ApplicationEvent {
        @Override
        public String toString() {
            return "EnterpriseQrScanned[" + (payload == null ? 0 : payload.length()) + " chars]";
        }
    }

    /** A field's new value (blank clears it); checked at once by its rule. */
    record EditField(String fieldId, String value) implements ApplicationEvent {
        /** The value is the resident's (an address, a phone): never in a log line. */
        @Override
        public String toString() {
            return "EditField[" + fieldId + "]";
        }
    }

    /** The whole form is checked; with no blocking error the materials come next. */
    record SubmitForm() implements ApplicationEvent {
    }

    /** Take a new page for material {@code material} (index into the item's materials). */
    record CapturePage(int material) implements ApplicationEvent {
    }

    /** Take page {@code page} of material {@code material} again. */
    record RetakePage(int material, int page) implements ApplicationEvent {
    }

    record DeletePage(int material, int page) implements ApplicationEvent {
    }

    /** 容缺: the resident signed the commitment for material {@code material} (only where it allows it). */
    record Commit(int material, byte[] signaturePng) implements ApplicationEvent {
        public Commit {
            signaturePng = signaturePng == null ? new byte[0] : signaturePng.clone();
        }

        @Override
        public String toString() {
            return "Commit[" + material + "]";
        }
    }

    /** Withdraws a commitment (the signature is wiped); the material is unresolved again. */
    record Uncommit(int material) implements ApplicationEvent {
    }

    /** 告知承诺制: the resident signed that they meet the item's conditions (a PNG; blank is refused). */
    record CommitConditions(byte[] signaturePng) implements ApplicationEvent {
        public CommitConditions {
            signaturePng = signaturePng == null ? new byte[0] : signaturePng.clone();
        }

        @Override
        public String toString() {
            return "CommitConditions[" + signaturePng.length + " bytes]";
        }
    }

    /** 亮证: the resident will show material {@code material}'s e-license from the government app. */
    record ShowLicense(int material) implements ApplicationEvent {
    }

    /** The camera read an e-license code from the government app (passed on whole: the centre resolves it). */
    record LicenseCodeRead(String payload) implements ApplicationEvent {
        @Override
        public String toString() {
            return "LicenseCodeRead"; // a bearer code while it lives
        }
    }

    /** No code was shown before {@code deadline} (the showing state's own, so a stale timer is ignored). */
    record ShowTimedOut(java.time.Instant deadline) implements ApplicationEvent {
    }

    /** Every material is resolved: on to delivery (or confirmation). */
    record MaterialsDone() implements ApplicationEvent {
    }

    record ChooseWindow() implements ApplicationEvent {
    }

    /** Postal delivery (only where the item offers it); the mobile is checked here. */
    record ChoosePost(String regionCode, String region, String detail, String recipient, String mobile)
            implements ApplicationEvent {
        @Override
        public String toString() {
            return "ChoosePost[" + regionCode + "]";
        }
    }

    /**
     * One step back (confirmation to delivery, to the conditions or to the materials; delivery to the
     * conditions or to the materials; the conditions to the materials; materials to the form).
     */
    record Back() implements ApplicationEvent {
    }

    record ConfirmSubmit() implements ApplicationEvent {
    }

    /** After a retryable failure: submit again (same key) or print the receipt again. */
    record Retry() implements ApplicationEvent {
    }

    /** After the centre named form fields: back to the form with them marked. */
    record FixForm() implements ApplicationEvent {
    }

    /** The resident leaves; everything personal in the flow is wiped. */
    record Cancel() implements ApplicationEvent {
    }

    record PreparedAnswer(Prepared prepared) implements ApplicationEvent {
    }

    /** The centre knows who the card holder is: the enterprise may be chosen. */
    record PersonVerified(ServicePorts.VerifiedPerson person) implements ApplicationEvent {
    }

    record EnterpriseIdentified(EnterpriseIdentity enterprise) implements ApplicationEvent {
    }

    /** The centre refused the person for that enterprise ({@code reason} its machine code, for the log) or could not answer. */
    record EnterpriseRefused(String reason, Text message, boolean retryable) implements ApplicationEvent {
    }

    record PageCaptured(int material, int replaceAt, Image page) implements ApplicationEvent {
    }

    record CaptureFailed(Text message) implements ApplicationEvent {
    }

    /** The centre's answer to a shown e-license code. */
    record ShownAnswered(ApplicationPorts.ShownResult result) implements ApplicationEvent {
    }

    record SubmitAnswered(SubmitResult result) implements ApplicationEvent {
    }

    record Printed() implements ApplicationEvent {
    }

    /** A port failed; {@code where} names it in the log. */
    record WorkFailed(String where, Text message, boolean retryable) implements ApplicationEvent {
    }

    /** The visit ended (idle timeout, home): the flow ends. */
    record VisitEnded() implements ApplicationEvent {
    }
}
