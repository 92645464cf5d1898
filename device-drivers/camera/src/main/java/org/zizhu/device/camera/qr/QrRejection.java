package org.zizhu.device.camera.qr;

/**
 * Why a QR payload was not accepted as one of ours: a reason, not text. The kiosk words it for
 * the resident from its message bundles ({@code device.qr.<name>}); {@link #description()} is
 * English for technicians.
 */
public enum QrRejection {
    EMPTY("The QR code is empty"),
    TOO_LONG("This QR code is too long to be one of ours"),
    BAD_CHARACTERS("This QR code contains characters we do not accept"),
    FOREIGN("This is not a government service QR code; please open the app and show its code"),
    UNKNOWN_KIND("This kind of QR code is not supported here"),
    UNSUPPORTED_VERSION("QR code version not supported; please update the app"),
    MALFORMED("QR code is damaged or malformed; please refresh it and try again");

    private final String description;

    QrRejection(String description) {
        this.description = description;
    }

    /** English for technicians (diag and sim tools); residents get the kiosk's bundle text. */
    public String description() {
        return description;
    }
}
