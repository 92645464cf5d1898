package org.zizhu.kiosk.services;

import org.zizhu.ids.IdChecks;
import org.zizhu.privacy.Masking;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.CentralException;

/** Resident authentication: face verification against the ID card holder, or a mobile-app QR login. */
public final class IdentityService {
    /** The contract's cap on a face photo. */
    public static final int MAX_PHOTO_BYTES = 512 * 1024;

    public enum Result { MATCH, NO_MATCH, UNKNOWN_PERSON }

    /** The outcome of a face check; a session only when the face matched. */
    public record FaceCheck(Result result, double score, Optional<ResidentSession> session) {
    }

    private final CentralClient client;

    public IdentityService(CentralClient client) {
        this.client = client;
    }

    /**
     * Compares a captured JPEG with the photo on record for the ID number read from the card.
     *
     * @throws IllegalArgumentException for an ID number with a wrong check digit or a photo that is not a JPEG or too large
     */
    public FaceCheck verifyFace(String idNumber, byte[] jpeg) throws CentralException {
        if (!IdChecks.validIdNumber(idNumber)) {
            throw new IllegalArgumentException("ID number check digit is wrong");
        }
        if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != 0xD8 || (jpeg[2] & 0xff) != 0xFF) {
            throw new IllegalArgumentException("photo is not a JPEG");
        }
        if (jpeg.length > MAX_PHOTO_BYTES) {
            throw new IllegalArgumentException("photo larger than " + MAX_PHOTO_BYTES + " bytes");
        }
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("idNumber", idNumber);
        b.put("photoJpegBase64", Base64.getEncoder().encodeToString(jpeg));
        b.put("capturedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        JsonNode r = client.call(CentralClient.Call.post("/identity/face-verifications", "/identity/face-verifications", b, UUID.randomUUID().toString())).body();
        Result result = Result.valueOf(r.path("result").asText());
        EventLog.event(EventId.IDENTITY_CHECK, result == Result.MATCH ? Outcome.SUCCESS : Outcome.FAILURE, "method", "face", "result", result.name());
        return new FaceCheck(result, r.path("score").asDouble(0), result == Result.MATCH ? Optional.of(session(r, idNumber)) : Optional.empty());
    }

    /** Exchanges the token scanned from the resident's mobile-app QR code for a session. */
    public ResidentSession qrLogin(String qrToken) throws CentralException {
        if (qrToken == null || !qrToken.matches("[A-Za-z0-9_-]{16,128}")) {
            throw new IllegalArgumentException("not a login QR code");
        }
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("qrToken", qrToken);
        JsonNode r = client.call(CentralClient.Call.post("/identity/qr-logins", "/identity/qr-logins", b, UUID.randomUUID().toString())).body();
        EventLog.event(EventId.IDENTITY_CHECK, Outcome.SUCCESS, "method", "qr");
        // The app vouches for the person; the full ID number is not sent back, so submissions
        // for a QR-login session need the ID number from the card reader or the resident.
        return session(r, null);
    }

    private static ResidentSession session(JsonNode r, String idNumber) throws CentralException {
        String token = r.path("residentToken").asText(null);
        if (token == null || r.path("expiresAt").isNull()) {
            throw new CentralException(CentralException.Kind.BAD_RESPONSE, 200, "match without a resident token", null, null);
        }
        return new ResidentSession(token, idNumber, r.path("maskedIdNumber").asText(null),
                r.path("name").isNull() ? null : r.path("name").asText(), Instant.parse(r.path("expiresAt").asText()));
    }
}
