package org.zizhu.device.camera.qr;

/** What one look at a frame found. */
public sealed interface QrReading {
    /** No QR code in the picture. */
    record NoCode() implements QrReading {
    }

    /** A QR code in one of our formats. */
    record Accepted(QrPayload payload) implements QrReading {
    }

    /**
     * A QR code that is not ours or is malformed. The raw text is deliberately not kept: it is
     * untrusted and may be someone's personal data (a foreign payment or health code).
     */
    record Rejected(QrRejection reason, int length) implements QrReading {
    }
}
