package org.zizhu.ofd;

/**
 * Why an OFD document was refused. The reason is a closed vocabulary so the kiosk can log it as
 * an event field and choose the resident's message; the detail is for the technician's log and
 * never carries document content (an e-license holds personal data).
 */
public final class OfdException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** Not a readable OFD package: not a zip, over a bound, a bad entry name, broken XML. */
        MALFORMED,
        /** The package has no signature. */
        NOT_SIGNED,
        /** A signed file's digest does not match: content changed after sealing. */
        TAMPERED,
        /** The signature value does not verify with the signer's certificate. */
        BAD_SIGNATURE,
        /** The seal itself (made by the seal maker) does not verify or does not name the signer. */
        SEAL_INVALID,
        /** Signer or seal maker not on the trust list, or the certificate does not chain to it. */
        UNTRUSTED,
        /** A certificate or the seal is outside its validity at signing time or now. */
        EXPIRED,
        /** The package holds a file the signature does not cover. */
        UNSIGNED_CONTENT
    }

    private final Reason reason;

    public OfdException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public OfdException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
