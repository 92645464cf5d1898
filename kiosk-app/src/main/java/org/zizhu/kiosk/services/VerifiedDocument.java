package org.zizhu.kiosk.services;

import com.fasterxml.jackson.databind.JsonNode;
import org.zizhu.kiosk.i18n.Text;

/**
 * A document from the centre (an e-license or an issued certificate) whose SM2 seal was
 * verified against the issuer's published key. {@code content} is the parsed document; it
 * holds personal data and lives only as long as the session.
 */
public record VerifiedDocument(String documentId, Kind kind, Text title, JsonNode content, String sealKeyId) {
    public enum Kind { E_LICENSE, CERTIFICATE }

    @Override
    public String toString() {
        return "VerifiedDocument[" + kind + " " + title.en() + ", seal " + sealKeyId + "]";
    }
}
