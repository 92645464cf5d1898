package org.zizhu.kiosk.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.zizhu.kiosk.i18n.Text;

/**
 * A document from the centre (an e-license or an issued certificate): a sealed OFD whose
 * GB/T 38540 seal was verified against the trust list, with its structured content as sealed.
 * {@code ofd} is the package's bytes (what the print-out is rendered from), {@code content}
 * the parsed data attachment, {@code sealedBy} the issuing body's name and {@code sha256} the
 * digest of the exact bytes (the print-out's verification QR carries it). Both hold personal
 * data and live only as long as the visit: {@link #wipe()}.
 */
public record VerifiedDocument(String documentId, Kind kind, Text title, JsonNode content, String sealedBy, String bodyCode,
                               byte[] ofd, String sha256, String verificationUrl) {
    public enum Kind { E_LICENSE, CERTIFICATE }

    /** Zeroes the package and empties the content: the holder's data goes with the visit. */
    public void wipe() {
        Arrays.fill(ofd, (byte) 0);
        if (content instanceof ObjectNode o) {
            o.removeAll();
        }
    }

    @Override
    public String toString() {
        return "VerifiedDocument[" + kind + " " + title.en() + ", sealed by " + bodyCode + "]";
    }
}
