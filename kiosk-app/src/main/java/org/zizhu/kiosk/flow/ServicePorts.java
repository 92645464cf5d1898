package org.zizhu.kiosk.flow;

import java.util.List;
import java.util.Optional;
import org.zizhu.kiosk.catalog.CatalogModel;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.session.EnterpriseIdentity;
import org.zizhu.kiosk.session.Rating;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Wipeable;

/**
 * What a service transaction needs from the rest of the kiosk: the centre and the printers.
 * The runtime provides the real implementation; the flow stays free of I/O.
 */
public interface ServicePorts {
    /** A failure the resident is told about in their language. */
    final class ServiceException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Text residentMessage;
        private final boolean retryable;

        private final String reason;

        public ServiceException(String message, Text residentMessage, boolean retryable, Throwable cause) {
            this(message, residentMessage, retryable, cause, null);
        }

        /** With the centre's machine code of a refusal ({@code reason}, e.g. NO_AUTHORITY), for the log. */
        public ServiceException(String message, Text residentMessage, boolean retryable, Throwable cause, String reason) {
            super(message, cause);
            this.residentMessage = residentMessage;
            this.retryable = retryable;
            this.reason = reason;
        }

        /** The centre's machine code of a refusal, or null. */
        public String reason() {
            return reason;
        }

        public Text residentMessage() {
            return residentMessage;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    /** What the transaction produced: a document to print and/or a case number. */
    interface Outcome extends Wipeable {
        Text title();

        /** Case or certificate number shown and printed; may be empty. */
        String reference();
    }

    /**
     * The e-license types the item fetches with the resident's authorisation (empty: no consent
     * needed). The catalogue's rule unless a kiosk narrows it.
     */
    default List<String> licenseTypesFor(ItemDetail item) {
        return item.eLicenseTypes();
    }

    /**
     * Verifies the resident, records consent (when needed), performs the item at the centre and
     * returns the result. {@code idempotencyKey} is the same for every retry of one
     * transaction, so the centre issues or accepts it once.
     */
    Outcome perform(ItemDetail item, Resident resident, boolean consented, String idempotencyKey) throws ServiceException;

    /**
     * Whether the item is done for an enterprise (企业事项): the person identifies as today, then
     * chooses the enterprise they act for ({@link #identifyEnterprise}). The catalogue's audience.
     */
    default boolean forEnterprise(ItemDetail item) {
        return item.audience() == CatalogModel.Audience.ENTERPRISE;
    }

    /** A person the centre has verified: an opaque hold on the centre's session (personal, held and wiped by the visit). */
    interface VerifiedPerson extends Wipeable {
    }

    /** Verifies the resident at the centre (face check, or the app's word) before they choose an enterprise. */
    default VerifiedPerson verifyPerson(Resident resident) throws ServiceException {
        throw new ServiceException("these ports do not act for enterprises", null, false, null);
    }

    /**
     * Asks the centre whether the verified person may act for the enterprise they named; a
     * refusal is a {@link ServiceException} whose {@link ServiceException#reason()} is the
     * centre's code (NO_AUTHORITY, AUTHORISATION_EXPIRED, ENTERPRISE_UNKNOWN,
     * ENTERPRISE_DEREGISTERED, QR_INVALID) and whose text says it to the resident.
     */
    default EnterpriseIdentity identifyEnterprise(VerifiedPerson person, EnterpriseChoice choice) throws ServiceException {
        throw new ServiceException("these ports do not act for enterprises", null, false, null);
    }

    /** {@link #perform} for an enterprise the resident acts for ({@code enterprise} null: for the resident). */
    default Outcome perform(ItemDetail item, Resident resident, boolean consented, EnterpriseIdentity enterprise,
                            String idempotencyKey) throws ServiceException {
        if (enterprise != null) {
            throw new ServiceException("these ports do not act for enterprises", null, false, null);
        }
        return perform(item, resident, consented, idempotencyKey);
    }

    /** A QR payment order: what the resident's phone scans, and how much. */
    record PaymentOrder(String orderId, String qrPayload, long amountFen) {
    }

    enum PaymentState { PENDING, PAID, FAILED }

    /** The fee the kiosk collects before performing the item, in fen; 0 when nothing is collected here. */
    default long amountDue(ItemDetail item) {
        return item.amountDueFen();
    }

    /** Creates the payment order (one per transaction: the key makes a retry reuse it). */
    PaymentOrder createPayment(ItemDetail item, String idempotencyKey) throws ServiceException;

    PaymentState paymentState(String orderId) throws ServiceException;

    /** Cancels an unpaid order (best effort; a paid order stays paid). */
    void cancelPayment(String orderId);

    /**
     * Checks in the resident's booked appointment (预约签到): verifies them like {@link #perform}
     * and returns the priority queue ticket to print.
     */
    Outcome checkIn(ItemDetail item, Resident resident, String appointmentCode) throws ServiceException;

    /** Prints the result (document and/or receipt). */
    void print(ItemDetail item, Resident resident, Outcome outcome) throws ServiceException;

    /** Queues a rating durably for the centre. */
    void rate(Rating rating) throws ServiceException;

    /** Queues a 办不成事 report durably for the centre. */
    void reportUnresolved(String sessionId, String itemCode, String reasonCode) throws ServiceException;

    /**
     * The face check's live picture and prompt while the card holder's face is being captured
     * ({@link FaceGuideSource}); empty when no capture runs. Fast, never waits for the camera.
     */
    default Optional<FaceGuideView> faceGuide() {
        return Optional.empty();
    }
}
