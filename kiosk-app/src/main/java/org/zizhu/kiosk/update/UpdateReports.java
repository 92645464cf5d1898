package org.zizhu.kiosk.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.zizhu.update.ReleaseSigning;

/**
 * Outcomes not yet told to the centre, one small JSON file each in {@code update/reports/}:
 * written where the outcome happens (the guard, running as root before the kiosk starts; the
 * kiosk when it commits; the agent when it refuses a release) and sent by the running kiosk's
 * agent, each with its file name as the idempotency key, so a retry after a lost answer
 * is applied once. Deleted once the centre has it.
 */
public final class UpdateReports {
    public enum Kind { COMMITTED, ROLLED_BACK, REFUSED, FAILED }

    /** One outcome; {@code id} doubles as the idempotency key. */
    public record Report(String id, String version, Kind outcome, String reason, String previous, Instant at) {
        public ObjectNode body() {
            ObjectNode o = JSON.createObjectNode();
            o.put("version", version);
            o.put("outcome", outcome.name());
            if (reason != null) {
                o.put("reason", reason);
            }
            if (previous != null) {
                o.put("previous", previous);
            }
            o.put("at", at.toString());
            return o;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private UpdateReports() {
    }

    public static Report record(UpdateLayout layout, String version, Kind outcome, String reason, String previous, Instant at) throws IOException {
        layout.stateDir(layout.reports());
        Report r = new Report(UUID.randomUUID().toString(), ReleaseSigning.requireVersion(version), outcome,
                reason, previous, at);
        Path f = layout.reports().resolve(r.id() + ".json");
        AtomicFiles.write(f, JSON.writeValueAsBytes(r.body()));
        // Written by root (the guard) and read and deleted by the kiosk's user.
        layout.giveToStateOwner(f);
        return r;
    }

    /** The outcomes waiting, oldest first; unreadable files are skipped (and left for a technician). */
    public static List<Report> waiting(UpdateLayout layout) throws IOException {
        List<Report> out = new ArrayList<>();
        if (!Files.isDirectory(layout.reports())) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(layout.reports(), "*.json")) {
            for (Path p : ds) {
                try {
                    JsonNode n = JSON.readTree(Files.readAllBytes(p));
                    String id = p.getFileName().toString().replaceFirst("\\.json$", "");
                    out.add(new Report(id, n.path("version").asText(), Kind.valueOf(n.path("outcome").asText()),
                            n.path("reason").asText(null), n.path("previous").asText(null), Instant.parse(n.path("at").asText())));
                } catch (IOException | RuntimeException e) {
                    // a damaged record is not sent; it stays for diag
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Report::at));
        return out;
    }

    public static void delivered(UpdateLayout layout, Report r) throws IOException {
        Files.deleteIfExists(layout.reports().resolve(r.id() + ".json"));
    }
}
