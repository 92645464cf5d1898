package org.zizhu.kiosk.transaction;

import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.flow.ServicePorts;
import org.zizhu.kiosk.services.AppointmentService;
import org.zizhu.kiosk.services.OneCertificateService;
import org.zizhu.kiosk.services.VerifiedDocument;
import org.zizhu.kiosk.session.EnterpriseIdentity;

/** What the centre produced for a transaction, one type per kind of result; wiped with the visit. */
public sealed interface CentralOutcome extends ServicePorts.Outcome {
    /** 马上办: the sealed certificate, printed on A4. */
    record Certificate(VerifiedDocument document) implements CentralOutcome {
        @Override
        public Text title() {
            return document.title();
        }

        @Override
        public String reference() {
            return document.documentId();
        }

        @Override
        public void wipe() {
            document.wipe(); // the certificate names the holder
        }
    }

    /**
     * An application accepted (or queued) at the centre: the acceptance receipt; {@code enterprise}
     * the enterprise it was made for (null: the resident's own), held and wiped by the visit itself.
     */
    record Accepted(OneCertificateService.Submission submission, String reference, Text title, EnterpriseIdentity enterprise)
            implements CentralOutcome {
        public Accepted(OneCertificateService.Submission submission, String reference, Text title) {
            this(submission, reference, title, null);
        }

        @Override
        public void wipe() {
            // Case number and dates only; the enterprise identity is the visit's to wipe.
        }
    }

    /** An appointment checked in: the priority queue ticket. */
    record CheckedIn(AppointmentService.Ticket ticket, Text title) implements CentralOutcome {
        @Override
        public String reference() {
            return ticket.ticketNumber();
        }

        @Override
        public void wipe() {
            // A ticket number and a window: nothing personal to wipe.
        }
    }
}
