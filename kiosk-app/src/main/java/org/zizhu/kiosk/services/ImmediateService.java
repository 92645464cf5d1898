package org.zizhu.kiosk.services;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.CentralException;

/** 马上办: items finished on the spot; the centre issues a sealed certificate the kiosk prints. */
public final class ImmediateService {
    private final CentralClient client;
    private final SealVerifier seals;

    public ImmediateService(CentralClient client, SealVerifier seals) {
        this.client = client;
        this.seals = seals;
    }

    /**
     * Issues the item's certificate for the resident; the seal is verified before it is returned.
     * {@code idempotencyKey}: fixed by the caller per resident intent so a retried press prints one certificate
     * (null: a fresh key, still reused across this call's own retries).
     */
    public VerifiedDocument issue(ResidentSession s, String itemCode, String authorisationId, String idempotencyKey) throws CentralException {
        return issue(s, null, null, itemCode, authorisationId, idempotencyKey);
    }

    /**
     * Issues the certificate for an enterprise ({@code enterpriseToken} from {@link EnterpriseService};
     * null: for the resident): the enterprise ({@code enterpriseCode}, its unified social credit
     * code) is its holder, the resident is recorded as acting.
     */
    public VerifiedDocument issue(ResidentSession s, String enterpriseToken, String enterpriseCode, String itemCode, String authorisationId,
                                  String idempotencyKey) throws CentralException {
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("itemCode", itemCode);
        if (authorisationId == null) {
            b.putNull("authorisationId");
        } else {
            b.put("authorisationId", authorisationId);
        }
        String key = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
        CentralClient.Call call = CentralClient.Call.post("/immediate/issuances", "/immediate/issuances", b, key)
                .header("X-Resident-Token", s.token());
        if (enterpriseToken != null) {
            call = call.header(EnterpriseService.HEADER, enterpriseToken);
        }
        return seals.verify(client.call(call).body(),
                enterpriseCode == null ? SealVerifier.Holder.of(s) : SealVerifier.Holder.enterprise(enterpriseCode));
    }
}
