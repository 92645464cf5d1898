package org.zizhu.central.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the centre knows about terminals: their last heartbeat and how many it received. */
public final class TerminalRegistry {
    private final Map<String, JsonNode> lastHeartbeat = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> heartbeats = new ConcurrentHashMap<>();

    public void heartbeat(String terminalId, JsonNode body) {
        lastHeartbeat.put(terminalId, body);
        heartbeats.computeIfAbsent(terminalId, k -> new AtomicLong()).incrementAndGet();
    }

    public Optional<JsonNode> lastHeartbeat(String terminalId) {
        return Optional.ofNullable(lastHeartbeat.get(terminalId));
    }

    public long heartbeatCount(String terminalId) {
        AtomicLong n = heartbeats.get(terminalId);
        return n == null ? 0 : n.get();
    }
}
