package org.zizhu.kiosk.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.session.EnterpriseIdentity;

/**
 * Enterprises by 一码: the verified person names the enterprise they act for, by its unified
 * social credit code or by its electronic business license QR code, and the centre answers
 * with the enterprise and the person's role, or refuses (see {@link #REFUSALS}). The answer's
 * token, sent as {@value #HEADER}, makes consent, e-license fetches and immediate issuance act
 * for the enterprise ({@link OneCertificateService#authorise(ResidentSession, String, String, Set, java.time.Duration)},
 * {@link ImmediateService#issue(ResidentSession, String, String, String, String)}).
 */
public final class EnterpriseService {
    public static final String HEADER = "X-Enterprise-Token";
    /** The centre's machine codes for a person it will not let act for the enterprise they named. */
    public static final Set<String> REFUSALS = Set.of("NO_AUTHORITY", "AUTHORISATION_EXPIRED", "ENTERPRISE_UNKNOWN",
            "ENTERPRISE_DEREGISTERED", "QR_INVALID");
    private static final int MAX_QR_PAYLOAD = 512;

    private final CentralClient client;

    public EnterpriseService(CentralClient client) {
        this.client = client;
    }

    /**
     * By a typed code. A code failing its check character is sent all the same (early codes
     * do; the register decides); one that cannot be a code at all is refused here.
     *
     * @throws IllegalArgumentException for a code that is not 18 characters of the code's alphabet
     */
    public EnterpriseIdentity byCreditCode(ResidentSession s, String creditCode) throws CentralException {
        if (creditCode == null || !creditCode.matches("[0-9A-HJ-NP-RTUW-Y]{18}")) {
            throw new IllegalArgumentException("not a unified social credit code");
        }
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("creditCode", creditCode);
        return identify(s, b, "typed");
    }

    /**
     * By the payload of the electronic business license QR code, passed on as read: the centre
     * verifies and resolves it (a tampered one is refused QR_INVALID).
     *
     * @throws IllegalArgumentException for an empty or oversized payload
     */
    public EnterpriseIdentity byQrPayload(ResidentSession s, String payload) throws CentralException {
        if (payload == null || payload.isEmpty() || payload.length() > MAX_QR_PAYLOAD) {
            throw new IllegalArgumentException("not an e-business-license QR payload");
        }
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("qrPayload", payload);
        return identify(s, b, "scanned");
    }

    private EnterpriseIdentity identify(ResidentSession s, ObjectNode body, String how) throws CentralException {
        JsonNode r;
        try {
            r = client.call(CentralClient.Call.post("/enterprises/identifications", "/enterprises/identifications", body,
                    UUID.randomUUID().toString()).header("X-Resident-Token", s.token())).body();
        } catch (CentralException e) {
            if (REFUSALS.contains(e.code())) {
                EventLog.event(EventId.ENTERPRISE_REFUSED, Outcome.FAILURE, "reason", e.code(), "how", how);
            }
            throw e;
        }
        EnterpriseIdentity.Role role;
        LocalDate until;
        Instant expires;
        try {
            role = EnterpriseIdentity.Role.valueOf(r.path("role").asText());
            until = r.path("authorisedUntil").isNull() ? null : LocalDate.parse(r.path("authorisedUntil").asText());
            expires = Instant.parse(r.path("expiresAt").asText());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new CentralException(CentralException.Kind.BAD_RESPONSE, 200, "enterprise identity unreadable", null, e);
        }
        String token = r.path("enterpriseToken").asText("");
        if (token.isEmpty() || (role == EnterpriseIdentity.Role.AGENT) != (until != null)) {
            throw new CentralException(CentralException.Kind.BAD_RESPONSE, 200, "enterprise identity incomplete", null, null);
        }
        EnterpriseIdentity e = new EnterpriseIdentity(r.path("creditCode").asText(), r.path("name").path("zh").asText(),
                r.path("name").path("en").asText(), r.path("legalForm").asText(), r.path("legalFormName").path("zh").asText(),
                role, until, r.path("creditCodeCheckPassed").asBoolean(true), token, s.token(), expires);
        EventLog.event(EventId.ENTERPRISE_IDENTIFIED, Outcome.SUCCESS, "role", role.name(), "legalForm", e.legalForm(), "how", how);
        return e;
    }
}
