package org.zizhu.kiosk.commission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.flow.CommissioningPorts.BindResult;
import org.zizhu.kiosk.flow.CommissioningPorts.DeviceRole;
import org.zizhu.kiosk.flow.CommissioningPorts.Found;
import org.zizhu.kiosk.flow.CommissioningPorts.NetworkReport;
import org.zizhu.kiosk.flow.CommissioningState;
import org.zizhu.kiosk.flow.CommissioningState.Progress;
import org.zizhu.kiosk.flow.CommissioningState.Step;
import org.zizhu.kiosk.storage.SecureFiles;

/**
 * What the commissioning wizard found out, kept in {@code data.dir/state/commissioning-resume.json}
 * across the restart that re-opens newly bound devices, so the next technician login goes on at
 * the device tests and the report still carries the network check, enrolment and detection. It
 * holds no personal data (outcomes, the clock check, device names and bindings; never a test's
 * card). Written as the tamper latch is ({@link SecureFiles}: 0600, fsynced, renamed into place).
 * Taken once; older than {@link #MAX_AGE} it is dropped (a restart long after is not the
 * wizard's, and the technician starts again from the menu). A damaged or oversized file is
 * dropped too.
 */
final class KeptProgress {
    static final String FILE = "commissioning-resume.json";
    static final Duration MAX_AGE = Duration.ofMinutes(30);
    /** Far above what the wizard writes (a few KiB): anything larger is not this file. */
    static final long MAX_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Clock clock;

    KeptProgress(Path dataDir, Clock clock) {
        this.file = dataDir.resolve("state").resolve(FILE);
        this.clock = clock;
    }

    void keep(Progress p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("keptAt", clock.instant().toString());
        ObjectNode outcomes = o.putObject("outcomes");
        p.outcomes().forEach((s, v) -> outcomes.put(s.name(), v.name()));
        if (p.network() != null) {
            NetworkReport n = p.network();
            ObjectNode x = o.putObject("network");
            x.put("reachable", n.reachable());
            x.put("httpStatus", n.httpStatus());
            x.put("dateKnown", n.dateKnown());
            x.put("skewMillis", n.skewMillis());
            x.put("problem", n.problem());
        }
        ArrayNode found = o.putArray("found");
        for (Found f : p.found()) {
            ObjectNode x = found.addObject();
            x.put("role", f.role().name());
            x.put("address", f.address());
            x.put("boundName", f.boundName());
            x.put("detail", f.detail());
            x.put("inUse", f.inUse());
            f.binding().forEach(x.putArray("binding")::add);
        }
        if (p.binding() != null) {
            BindResult b = p.binding();
            ObjectNode x = o.putObject("binding");
            x.put("ok", b.ok());
            b.written().forEach(x.putArray("written")::add);
            x.put("file", b.file());
            x.put("problem", b.problem());
        }
        try {
            SecureFiles.write(file, JSON.writeValueAsBytes(o));
        } catch (IOException e) {
            // The restart still happens; the technician picks the steps from the menu instead.
            EventLog.event(EventId.COMMISSIONING_STEP, Outcome.FAILURE, "state", "keep-for-restart", "error", e.getClass().getSimpleName());
        }
    }

    Optional<Progress> take() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException("oversized");
            }
            JsonNode o = JSON.readTree(SecureFiles.read(file));
            Instant kept = Instant.parse(o.path("keptAt").asText());
            if (kept.plus(MAX_AGE).isBefore(clock.instant())) {
                return Optional.empty();
            }
            Map<Step, CommissioningState.Outcome> outcomes = new EnumMap<>(Step.class);
            o.path("outcomes").fields().forEachRemaining(e ->
                    outcomes.put(Step.valueOf(e.getKey()), CommissioningState.Outcome.valueOf(e.getValue().asText())));
            NetworkReport network = null;
            JsonNode n = o.path("network");
            if (n.isObject()) {
                network = new NetworkReport(n.path("reachable").asBoolean(), n.path("httpStatus").asInt(), n.path("dateKnown").asBoolean(),
                        n.path("skewMillis").asLong(), n.path("problem").asText(null));
            }
            List<Found> found = new ArrayList<>();
            for (JsonNode f : o.path("found")) {
                found.add(new Found(DeviceRole.valueOf(f.path("role").asText()), f.path("address").asText(), f.path("boundName").asText(),
                        f.path("detail").asText(), f.path("inUse").asBoolean(), strings(f.path("binding"))));
            }
            BindResult binding = null;
            JsonNode b = o.path("binding");
            if (b.isObject()) {
                binding = new BindResult(b.path("ok").asBoolean(), strings(b.path("written")), b.path("file").asText(null), false,
                        b.path("problem").asText(null));
            }
            return Optional.of(new Progress(true, outcomes, null, network, found, binding, Map.of(), List.of()));
        } catch (IOException | RuntimeException e) {
            EventLog.event(EventId.COMMISSIONING_STEP, Outcome.FAILURE, "state", "resume", "error", e.getClass().getSimpleName());
            return Optional.empty();
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // left: it is dropped by age at the next login
            }
        }
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.asText()));
        return out;
    }
}
