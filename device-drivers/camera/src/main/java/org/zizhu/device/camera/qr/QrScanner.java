package org.zizhu.device.camera.qr;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/**
 * Looks for a QR code in a frame with ZXing and classifies it with {@link QrPayloadParser}.
 * Logs {@code camera-qr-read} / {@code camera-qr-rejected} once per distinct code (a code held in
 * front of the camera is seen in every frame); the log carries the kind or the rejection reason
 * and the length, never the payload. Not thread-safe: use one scanner per thread.
 *
 * <p>When the plain reader finds nothing, the frame gets a second look by ZXing's multi-code
 * detector, which tries every triple of finder-pattern candidates instead of the three strongest.
 * About one valid code in a hundred (whatever encoder made it: a resident's phone app, a printed
 * certificate) has data that the plain detector takes for a corner and so is never found, at any
 * distance; the second look reads it. It reuses the frame's binarised matrix, so it costs the
 * finder search only (see BENCHMARKS.md).
 */
public final class QrScanner {
    private final QRCodeReader reader = new QRCodeReader();
    private final QRCodeMultiReader secondLook = new QRCodeMultiReader();
    private final Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
    private int lastLoggedHash;
    private boolean loggedAny;

    public QrScanner() {
        this(false);
    }

    /** {@code tryHarder} spends more time per frame on small or skewed codes. */
    public QrScanner(boolean tryHarder) {
        hints.put(DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        if (tryHarder) {
            hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        }
    }

    public QrReading scan(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        String text = decode(image);
        if (text == null) {
            return new QrReading.NoCode();
        }
        QrReading reading = QrPayloadParser.parse(text);
        logOnce(text, reading);
        return reading;
    }

    /** The raw text of a QR code in the picture, or null. Untrusted: pass it to the parser. */
    public String decode(BufferedImage image) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            Result r = reader.decode(bitmap, hints);
            return r.getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return secondLook(bitmap);
        } finally {
            reader.reset();
        }
    }

    private String secondLook(BinaryBitmap bitmap) {
        try {
            Result[] found = secondLook.decodeMultiple(bitmap, hints);
            return found.length == 0 ? null : found[0].getText();
        } catch (NotFoundException e) {
            return null;
        } finally {
            secondLook.reset();
        }
    }

    private void logOnce(String text, QrReading reading) {
        int h = text.hashCode();
        if (loggedAny && h == lastLoggedHash) {
            return;
        }
        loggedAny = true;
        lastLoggedHash = h;
        switch (reading) {
            case QrReading.Accepted a -> EventLog.event(EventId.CAMERA_QR_READ, Outcome.SUCCESS,
                    "kind", a.payload().kind(), "length", text.length());
            case QrReading.Rejected r -> EventLog.event(EventId.CAMERA_QR_REJECTED, Outcome.FAILURE,
                    "reason", r.reason().name(), "length", r.length());
            case QrReading.NoCode n -> { }
        }
    }
}
