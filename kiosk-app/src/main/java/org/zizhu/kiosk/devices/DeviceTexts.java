package org.zizhu.kiosk.devices;

import org.zizhu.device.camera.document.DocumentQualityIssue;
import org.zizhu.device.camera.face.FaceQualityIssue;
import org.zizhu.device.camera.qr.QrRejection;
import org.zizhu.device.smartcard.technician.TechnicianAuthResult;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;

/**
 * Words for the reasons drivers return, in every display language, from the message bundles
 * ({@code device.face.*}, {@code device.document.*}, {@code device.qr.*}, {@code device.technician.*}). Drivers never carry
 * resident or screen text; this is the one place a device reason becomes a sentence.
 */
public final class DeviceTexts {
    private static final class Bundles {
        static final Messages MESSAGES = new Messages();
    }

    private final Messages messages;

    public DeviceTexts(Messages messages) {
        this.messages = messages;
    }

    /** With the kiosk's own bundles, loaded once. */
    public static DeviceTexts standard() {
        return new DeviceTexts(Bundles.MESSAGES);
    }

    /** What the resident should do about a document page the document camera could not take. */
    public Text document(DocumentQualityIssue issue) {
        return text("device.document." + issue.name());
    }

    /** What the resident should do about a face frame that was not good enough. */
    public Text face(FaceQualityIssue issue) {
        return text("device.face." + issue.name());
    }

    /** Why a QR code shown to the camera was not accepted. */
    public Text qr(QrRejection rejection) {
        return text("device.qr." + rejection.name());
    }

    /** The maintenance screen's words for a technician card login. */
    public Text technician(TechnicianAuthResult result) {
        return switch (result) {
            case TechnicianAuthResult.Ok ok -> new Text(
                    format(Language.ZH, "device.technician.ok", messages.get(Language.ZH, "device.technician.role." + ok.role().name()), ok.technicianId()),
                    format(Language.EN, "device.technician.ok", messages.get(Language.EN, "device.technician.role." + ok.role().name()), ok.technicianId()));
            case TechnicianAuthResult.WrongPin w -> w.retriesLeft() == 1
                    ? text("device.technician.wrong-pin.one")
                    : new Text(format(Language.ZH, "device.technician.wrong-pin", w.retriesLeft()),
                            format(Language.EN, "device.technician.wrong-pin", w.retriesLeft()));
            case TechnicianAuthResult.ReaderError e -> text("device.technician.reader-error." + switch (e.reason()) {
                case NO_CARD -> "NO_CARD";
                case CARD_REMOVED -> "CARD_REMOVED";
                case NO_READER, SERVICE_UNAVAILABLE -> "UNAVAILABLE";
                case TIMEOUT -> "TIMEOUT";
                default -> "OTHER";
            });
            // blocked, not-a-technician-card, forged, expired, revoked: the code is the key
            default -> text("device.technician." + result.code());
        };
    }

    private Text text(String key) {
        return new Text(messages.get(Language.ZH, key), messages.get(Language.EN, key));
    }

    private String format(Language l, String key, Object... args) {
        return String.format(l.locale(), messages.get(l, key), args);
    }
}
