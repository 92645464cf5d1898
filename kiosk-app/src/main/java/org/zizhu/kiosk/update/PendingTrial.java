package org.zizhu.kiosk.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.zizhu.update.ReleaseSigning;

/**
 * {@code pending.json}: a newly switched version on trial, present from the switch until the
 * kiosk commits it or the guard rolls it back. {@code previous} is where a rollback goes;
 * {@code attempts} counts the starts the guard let through.
 */
public record PendingTrial(String version, String previous, Instant switchedAt, Instant deadline, int attempts) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public PendingTrial {
        ReleaseSigning.requireVersion(version);
        if (previous != null) {
            ReleaseSigning.requireVersion(previous);
        }
    }

    /** Reads the file; empty if there is none. A file that cannot be read as a trial throws. */
    public static Optional<PendingTrial> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (Files.size(file) > 4096) {
            throw new IOException("pending.json is too large");
        }
        try {
            JsonNode n = JSON.readTree(Files.readAllBytes(file));
            return Optional.of(new PendingTrial(n.path("version").asText(null),
                    n.path("previous").isTextual() ? n.path("previous").asText() : null,
                    Instant.parse(n.path("switchedAt").asText()), Instant.parse(n.path("deadline").asText()),
                    n.path("attempts").asInt(0)));
        } catch (RuntimeException e) {
            throw new IOException("pending.json is malformed: " + e.getMessage(), e);
        }
    }

    /** Writes atomically; {@code layout} gives the file to the kiosk's user when root writes it. */
    public void write(UpdateLayout layout) throws IOException {
        layout.stateDir(layout.updateDir());
        write(layout.pending());
        layout.giveToStateOwner(layout.pending());
    }

    public void write(Path file) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("version", version);
        if (previous == null) {
            o.putNull("previous");
        } else {
            o.put("previous", previous);
        }
        o.put("switchedAt", switchedAt.toString());
        o.put("deadline", deadline.toString());
        o.put("attempts", attempts);
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o));
    }

    public PendingTrial nextAttempt() {
        return new PendingTrial(version, previous, switchedAt, deadline, attempts + 1);
    }
}
