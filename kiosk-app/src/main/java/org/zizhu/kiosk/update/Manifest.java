package org.zizhu.kiosk.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import org.zizhu.update.ReleaseSigning;

/**
 * A release manifest, read only from bytes whose signature has been checked: version, tarball
 * name, size and SHA-256. Strict: exactly the fields {@link ReleaseSigning#manifest} writes, and
 * its canonical bytes, nothing more (a signed document with extra fields is not one we made).
 */
public record Manifest(String version, String file, long size, String sha256) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("format", "version", "file", "size", "sha256");

    /** Parses signed manifest bytes; refuses anything but the canonical form. */
    public static Manifest parse(byte[] bytes) throws ReleaseCheck.Refused {
        if (bytes.length > 4096) {
            throw new ReleaseCheck.Refused("manifest");
        }
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || !n.isObject() || n.size() != FIELDS.size()) {
                throw new ReleaseCheck.Refused("manifest");
            }
            for (var it = n.fieldNames(); it.hasNext(); ) {
                if (!FIELDS.contains(it.next())) {
                    throw new ReleaseCheck.Refused("manifest");
                }
            }
            if (!"zizhu-release/1".equals(n.path("format").asText()) || !n.path("size").canConvertToLong()) {
                throw new ReleaseCheck.Refused("manifest");
            }
            Manifest m = new Manifest(n.path("version").asText(), n.path("file").asText(), n.path("size").asLong(), n.path("sha256").asText());
            byte[] canonical = ReleaseSigning.manifest(m.version, m.file, m.size, m.sha256);
            if (!Arrays.equals(canonical, bytes)) {
                throw new ReleaseCheck.Refused("manifest");
            }
            return m;
        } catch (IOException | IllegalArgumentException e) {
            throw new ReleaseCheck.Refused("manifest");
        }
    }
}
