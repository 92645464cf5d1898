package org.zizhu.central.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zizhu.central.http.ApiRequest;
import org.zizhu.central.http.ApiResponse;

/**
 * The audit trail of e-license access that the national sharing interface asks of every
 * terminal request: which terminal, where (its administrative division code), for which item
 * (code and name), under which business reference (the kiosk's transaction key) and for what
 * use (用途). The contract makes every element a required header, so a request without one is
 * refused before it gets here; this class refuses a request whose item is not the one the
 * resident consented for, which is what "never fetches a license without a transaction that
 * needs it" means on the centre's side, and records every access it lets through.
 */
public final class LicenseAudit {
    private static final Logger log = LoggerFactory.getLogger(LicenseAudit.class);

    /** One access; {@code licenseId} is null for a list of the resident's licenses. */
    public record Access(Instant at, String terminalId, String locationCode, String itemCode, String itemName,
                         String businessRef, String purpose, String operation, String licenseId) {
    }

    private final List<Access> accesses = new CopyOnWriteArrayList<>();

    /**
     * Records the access, or answers the refusal: the item named in the audit elements must be
     * the item of the consent ({@code consentedItem}) and its name must decode.
     */
    Optional<ApiResponse> check(ApiRequest req, String consentedItem, String operation, String licenseId) {
        String item = req.header("X-Item-Code");
        String name;
        try {
            name = URLDecoder.decode(req.header("X-Item-Name"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.of(Json.badRequest("事项名称编码错误", "X-Item-Name is not percent-encoded UTF-8"));
        }
        if (!consentedItem.equals(item)) {
            log.warn("license access refused: terminal {} asked for item {} under consent for {}", req.terminalId(), item, consentedItem);
            return Optional.of(ApiResponse.error(403, "PURPOSE_MISMATCH", "电子证照用途与授权事项不符",
                    "The e-license is asked for another item than the one consented to", false));
        }
        Access a = new Access(Instant.now(), req.terminalId(), req.header("X-Location-Code"), item, name,
                req.header("X-Business-Ref"), req.header("X-Purpose"), operation, licenseId);
        accesses.add(a);
        // The license id and the item, never the holder: the log is read by operators.
        log.info("e-license access: terminal={} location={} item={} ref={} purpose={} op={} license={}",
                a.terminalId(), a.locationCode(), a.itemCode(), a.businessRef(), a.purpose(), operation, licenseId);
        return Optional.empty();
    }

    /** Every access recorded since start, oldest first. */
    public List<Access> accesses() {
        return List.copyOf(accesses);
    }
}
