package org.zizhu.kiosk.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.flow.ServicePorts.Outcome;
import org.zizhu.kiosk.flow.ServicePorts.ServiceException;
import org.zizhu.kiosk.forms.FormRules.FieldError;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.session.EnterpriseIdentity;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Wipeable;

/**
 * What the application (申报) flow needs from the rest of the kiosk: the resident verified at the
 * centre and their e-licenses fetched, a page from the document camera, the submission through
 * the durable outbox, and the acceptance receipt. The runtime provides the real implementation
 * ({@code transaction.CentralApplicationPorts}); the flow stays free of I/O.
 */
public interface ApplicationPorts {
    /** An e-license fetched with the resident's consent: its identifier and verified content (prefill). */
    record License(String type, String licenseId, JsonNode content) {
        /** The content names its holder: never in a log line. */
        @Override
        public String toString() {
            return "License[" + type + "]";
        }
    }

    /**
     * What the centre gave for this visit: the applicant as the centre verified them (name and ID
     * number, also for a mobile-app login, which carries neither), the consent's authorisation
     * (null without consent), the e-licenses fetched under it, and {@code centreSession}: what
     * wipes the port's hold on the centre's session of the resident (kept for 亮证). Personal data: held by the
     * visit, wiped at its end.
     */
    record Prepared(Resident applicant, String authorisationId, List<License> licenses, Wipeable centreSession)
            implements Wipeable {
        public Prepared {
            licenses = List.copyOf(licenses);
            centreSession = centreSession == null ? () -> { } : centreSession;
        }

        /** Without a centre session kept for later calls (亮证). */
        public Prepared(Resident applicant, String authorisationId, List<License> licenses) {
            this(applicant, authorisationId, licenses, null);
        }

        @Override
        public void wipe() {
            centreSession.wipe(); // the port forgets the centre's session of this resident
            applicant.wipe();
            for (License l : licenses) {
                if (l.content() instanceof ObjectNode o) {
                    o.removeAll(); // the license's content names its holder
                }
            }
        }

        @Override
        public String toString() {
            return "Prepared[" + licenses.size() + " licenses]";
        }
    }

    /**
     * An image of the resident's (a captured page as JPEG, a handwritten signature as PNG):
     * held only in the visit, its bytes zeroed by {@link #wipe()}.
     */
    final class Image implements Wipeable {
        private final byte[] bytes;
        private volatile boolean wiped;

        public Image(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        /** A copy of the bytes (empty once wiped). */
        public byte[] bytes() {
            return wiped ? new byte[0] : bytes.clone();
        }

        public int size() {
            return wiped ? 0 : bytes.length;
        }

        public boolean wiped() {
            return wiped;
        }

        @Override
        public void wipe() {
            wiped = true;
            Arrays.fill(bytes, (byte) 0);
        }

        @Override
        public String toString() {
            return "Image[" + size() + " bytes]"; // never the picture
        }
    }

    /** The centre's answer to an e-license code shown from the government app (亮证). */
    sealed interface ShownResult {
    }

    /** Resolved and seal-verified for the verified resident; its content is the visit's, wiped with it. */
    record Shown(License license) implements ShownResult, Wipeable {
        @Override
        public void wipe() {
            if (license.content() instanceof ObjectNode o) {
                o.removeAll(); // the license's content names its holder
            }
        }

        @Override
        public String toString() {
            return "Shown[" + license.type() + "]";
        }
    }

    /**
     * Not taken: {@code reason} for the log (NOT_HOLDER, LICENSE_QR_UNKNOWN, SEAL_REFUSED, ...),
     * {@code message} the resident's words.
     */
    record NotShown(String reason, Text message) implements ShownResult {
    }

    /** The centre's answer to a submission that reached it (or was queued in the outbox). */
    sealed interface SubmitResult {
    }

    /** Accepted now, or queued durably (the outcome's reference is then the outbox reference). */
    record Accepted(Outcome outcome) implements SubmitResult {
    }

    /**
     * The centre refused it: {@code code} is its machine code (FORM_INVALID, MATERIAL_MISSING, ...),
     * {@code fieldErrors} the form fields and rules it named (empty when the problem is elsewhere),
     * {@code message} its words for the resident.
     */
    record Refused(String code, List<FieldError> fieldErrors, Text message) implements SubmitResult {
        public Refused {
            fieldErrors = List.copyOf(fieldErrors);
        }
    }

    /**
     * Verifies the resident at the centre and, when they consented, authorises and fetches the
     * e-licenses of {@code licenseTypes} (seal-verified). {@code businessRef} is the application's
     * idempotency key: the centre records it with every e-license access (an audit element).
     */
    Prepared prepare(ItemDetail item, Resident resident, List<String> licenseTypes, boolean consented, String businessRef)
            throws ServiceException;

    /**
     * 亮证: resolves the e-license code the resident showed from the government app
     * ({@code ZZELIC:1:...}, as read) at the centre for the resident verified by {@link #prepare}
     * under {@code businessRef} (the application's idempotency key; purpose APPLICATION_MATERIAL),
     * and verifies it like a fetched one. A refusal is a {@link NotShown} in the resident's words;
     * the centre not reached or answering badly is a {@link ServiceException}. A kiosk without a
     * centre resolves none.
     */
    default ShownResult shownLicense(ItemDetail item, Resident resident, String qrPayload, String businessRef)
            throws ServiceException {
        throw new ServiceException("this kiosk resolves no shown e-licenses", null, false, null);
    }

    /**
     * An enterprise's application: verifies the card holder at the centre (face check, or the
     * app's word) before they choose the enterprise. Ports that do not act for enterprises refuse.
     */
    default ServicePorts.VerifiedPerson verifyPerson(Resident resident) throws ServiceException {
        throw new ServiceException("these ports do not act for enterprises", null, false, null);
    }

    /**
     * Asks the centre whether the verified person may act for the enterprise they named; a
     * refusal is a {@link ServiceException} whose {@code reason} is the centre's code
     * (NO_AUTHORITY, AUTHORISATION_EXPIRED, ENTERPRISE_UNKNOWN, ENTERPRISE_DEREGISTERED,
     * QR_INVALID) and whose text says it to the resident.
     */
    default EnterpriseIdentity identifyEnterprise(ServicePorts.VerifiedPerson person, EnterpriseChoice choice)
            throws ServiceException {
        throw new ServiceException("these ports do not act for enterprises", null, false, null);
    }

    /**
     * {@link #prepare} for {@code enterprise} (null: for the resident, as {@link #prepare}): no second
     * face check ({@code person} was verified before choosing it); the consent is given for the
     * enterprise and the licenses fetched are the enterprise's and the acting person's ID card;
     * the applicant is the acting person.
     */
    default Prepared prepare(ItemDetail item, Resident resident, List<String> licenseTypes, boolean consented,
                             String businessRef, ServicePorts.VerifiedPerson person, EnterpriseIdentity enterprise)
            throws ServiceException {
        if (enterprise != null) {
            throw new ServiceException("these ports do not act for enterprises", null, false, null);
        }
        return prepare(item, resident, licenseTypes, consented, businessRef);
    }

    /**
     * One page from the document camera (高拍仪), corrected and bounded in size. A page the camera
     * could not take (blurred, cut off, ...) is a retryable {@link ServiceException} saying what to do.
     */
    Image capturePage() throws ServiceException;

    /**
     * Submits the application once: {@code idempotencyKey} is the same for every retry, so the
     * centre opens one case; when the centre cannot be reached it goes to the durable outbox.
     * A transport or local failure is a {@link ServiceException}.
     */
    SubmitResult submit(ItemDetail item, Resident resident, ApplicationState.Application application,
                        String idempotencyKey) throws ServiceException;

    /**
     * The document camera's newest frame as a small JPEG for the live preview while a page is
     * being taken (the screen polls it a few times a second): fast and bounded, never waiting for
     * a frame; empty when there is none (no camera, no fresh frame). It shows the resident's
     * material: it is only displayed, never kept.
     */
    default Optional<byte[]> previewJpeg() {
        return Optional.empty();
    }

    /** Prints the acceptance receipt (受理回执): case number, materials received and how, materials owed with due dates. */
    void printReceipt(ItemDetail item, Resident resident, Outcome outcome, List<ApplicationState.Received> received,
                      List<ApplicationState.Owed> owed) throws ServiceException;

    /**
     * The receipt run of an item under 告知承诺制: after the receipt and the 承诺书, the 告知承诺书
     * with the item's conditions and {@code conditionsSignature} (null: the item has none, the same
     * run as above). The runtime's ports override it; a port that prints no letters keeps this.
     */
    default void printReceipt(ItemDetail item, Resident resident, Outcome outcome, List<ApplicationState.Received> received,
                              List<ApplicationState.Owed> owed, Image conditionsSignature) throws ServiceException {
        printReceipt(item, resident, outcome, received, owed);
    }

    /**
     * The face check's live picture and prompt while the card holder's face is being captured
     * ({@link FaceGuideSource}); empty when no capture runs. Fast, never waits for the camera.
     */
    default Optional<FaceGuideView> faceGuide() {
        return Optional.empty();
    }
}
