package org.zizhu.central.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the centre knows about terminals: the serial of each one's current client certificate
 * (a re-enrolment supersedes the old one), their last heartbeat, and counts of what they sent
 * (including every enrolment request that reached the centre, valid or not, so a test can show
 * that a code never left a terminal).
 */
public final class TerminalRegistry {
    private final Map<String, JsonNode> lastHeartbeat = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> heartbeats = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> logEntries = new ConcurrentHashMap<>();
    private final Map<String, BigInteger> currentCert = new ConcurrentHashMap<>();
    private final AtomicLong enrolmentAttempts = new AtomicLong();

    private final Map<String, java.util.List<JsonNode>> commissioningReports = new ConcurrentHashMap<>();

    /** Stores a terminal's commissioning report; returns how many it has sent so far. */
    public int commissioningReport(String terminalId, JsonNode body) {
        var list = commissioningReports.computeIfAbsent(terminalId, k -> new java.util.concurrent.CopyOnWriteArrayList<>());
        list.add(body.deepCopy());
        return list.size();
    }

    /** The commissioning reports a terminal sent, oldest first. */
    public java.util.List<JsonNode> commissioningReports(String terminalId) {
        return java.util.List.copyOf(commissioningReports.getOrDefault(terminalId, java.util.List.of()));
    }

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

    public void logs(String terminalId, int entries) {
        logEntries.computeIfAbsent(terminalId, k -> new AtomicLong()).addAndGet(entries);
    }

    public long logEntryCount(String terminalId) {
        AtomicLong n = logEntries.get(terminalId);
        return n == null ? 0 : n.get();
    }

    /** An enrolment request arrived (before its code or CSR is looked at). */
    public void enrolmentAttempted() {
        enrolmentAttempts.incrementAndGet();
    }

    /** Enrolment requests received so far, whatever their outcome. */
    public long enrolmentAttempts() {
        return enrolmentAttempts.get();
    }

    public void enrolled(String terminalId, BigInteger certSerial) {
        currentCert.put(terminalId, certSerial);
    }

    public boolean isEnrolled(String terminalId) {
        return currentCert.containsKey(terminalId);
    }

    /**
     * True if a presented certificate is acceptable for the terminal: the current one, or any
     * CA-issued one when this centre has no record (it restarted with a persisted CA).
     */
    public boolean certificateCurrent(String terminalId, BigInteger serial) {
        BigInteger c = currentCert.get(terminalId);
        return c == null || c.equals(serial);
    }
}
