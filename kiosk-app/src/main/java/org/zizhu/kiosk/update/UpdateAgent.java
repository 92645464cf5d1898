package org.zizhu.kiosk.update;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.threads.DaemonThreads;
import org.zizhu.update.ReleaseSigning;

/**
 * The kiosk's background updater. Each round: tell the centre the outcomes waiting in
 * {@code update/reports}; ask for this terminal's target release; if it is new (not running, not
 * failed here before, no trial under way), check the signed manifest against the pinned key,
 * download the tarball into {@code download/<v>.part} (resumed with a byte range after a cut),
 * check size and SHA-256, and move the three files into {@code staged/}. Then, and at every
 * later round until it happens, write {@code install-request} only while no resident is using
 * the kiosk: the root installer restarts the kiosk, and a visit is never cut for it. A refused
 * release is deleted, marked failed and reported REFUSED; nothing of it reaches the installer.
 */
public final class UpdateAgent implements AutoCloseable {
    /** What one round did (tests and the event log). */
    public enum Step {
        NO_TARGET, UP_TO_DATE, TRIAL_IN_PROGRESS, FAILED_BEFORE, CHECK_FAILED, DOWNLOAD_INTERRUPTED, REFUSED, DEFERRED,
        INSTALL_REQUESTED, ALREADY_REQUESTED, INSTALL_STALLED
    }

    /**
     * How long the kiosk holds itself "updating" for one install request. The root installer
     * (zizhu-update.path) acts within a second and the install takes seconds, so a request still
     * there after this never will be acted on (the unit is off, the installer broke): it is
     * withdrawn and the kiosk serves again. Without the withdrawal the installer could act on a
     * stale request later, in the middle of a visit.
     */
    public static final Duration HOLD = Duration.ofMinutes(3);

    /** Requests withdrawn for one version before the centre is told FAILED and the agent stops asking (until the next start). */
    static final int STALLED_REQUESTS_REPORTED = 3;

    /**
     * Downloads of one version that fail in a row before the centre is told (FAILED, reason
     * {@code download}): a mirror that keeps cutting the transfer, or a file the centre lists but
     * cannot serve, is an operator's problem and must show on the console, not only in this
     * terminal's log. The agent keeps trying; the version is not marked failed, so a fixed
     * mirror is picked up without a technician.
     */
    static final int DOWNLOAD_FAILURES_REPORTED = 5;

    /** How often a staged release waiting for the kiosk to be free is looked at again (no network involved). */
    static final Duration IDLE_RECHECK = Duration.ofSeconds(5);

    private final UpdateLayout layout;
    private final CentralClient client;
    private final PublicKey key;
    private final String running;
    private final long maxBytes;
    private final Duration pollEvery;
    private final Duration downloadDeadline;
    private final Clock clock;
    private volatile BooleanSupplier inUse = () -> true;
    private volatile String deferredLogged;
    private String failingDownload;
    private int downloadFailures;
    private String stalledVersion;
    private int stalledRequests;
    private Instant nextPoll = Instant.MIN;
    private ScheduledExecutorService timer;

    /**
     * {@code running}: the version this kiosk runs (current's), null when not run from a release
     * tree (a development checkout): then every published target is new.
     */
    public UpdateAgent(UpdateLayout layout, CentralClient client, PublicKey key, String running, long maxBytes,
                       Duration pollEvery, Duration downloadDeadline, Clock clock) {
        this.layout = layout;
        this.client = client;
        this.key = key;
        this.running = running;
        this.maxBytes = maxBytes;
        this.pollEvery = pollEvery;
        this.downloadDeadline = downloadDeadline;
        this.clock = clock;
    }

    /**
     * Whether a resident (or a technician) is using the kiosk now, asked once right before the
     * install request is written. The kiosk's wiring answers "free" only after holding the
     * terminal for the restart ({@code KioskFlow.holdForUpdate(HOLD)}), so the answer stays true
     * until the restart; a hold whose request could not be written ends by itself after
     * {@link #HOLD}. Until this is set the kiosk counts as in use: nothing is installed before
     * the screens can say it is free.
     */
    public void inUseBy(BooleanSupplier inUse) {
        this.inUse = inUse;
    }

    /** Sends the outcomes waiting; returns how many reached the centre. */
    public int deliverReports() {
        int sent = 0;
        try {
            for (UpdateReports.Report r : UpdateReports.waiting(layout)) {
                try {
                    client.call(CentralClient.Call.post("/terminals/" + enc(client.terminalId()) + "/update-reports",
                            "/terminals/{id}/update-reports", r.body(), r.id()));
                    UpdateReports.delivered(layout, r);
                    sent++;
                    EventLog.event(EventId.UPDATE_REPORTED, Outcome.SUCCESS, "version", r.version(), "outcome", r.outcome().name());
                } catch (CentralException e) {
                    EventLog.event(EventId.UPDATE_REPORTED, Outcome.FAILURE, "version", r.version(), "outcome", r.outcome().name(),
                            "kind", e.kind().name());
                    if (e.kind() != CentralException.Kind.REJECTED) {
                        break; // the link: try again next round
                    }
                    // Refused by the centre: kept on disk for a technician, not sent for ever.
                    Files.move(layout.reports().resolve(r.id() + ".json"), layout.reports().resolve(r.id() + ".refused"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            EventLog.event(EventId.UPDATE_REPORTED, Outcome.FAILURE, "error", e.getClass().getSimpleName());
        }
        return sent;
    }

    /** One whole round: reports, target, download, verify, stage, install request. */
    public Step checkOnce() {
        deliverReports();
        if (Files.exists(layout.pending())) {
            return Step.TRIAL_IN_PROGRESS;
        }
        JsonNode target;
        try {
            target = client.call(CentralClient.Call.get("/terminals/" + enc(client.terminalId()) + "/release", "/terminals/{id}/release"))
                    .body().path("target");
        } catch (CentralException e) {
            EventLog.event(EventId.UPDATE_CHECK, Outcome.FAILURE, "kind", e.kind().name());
            return Step.CHECK_FAILED;
        }
        if (target.isNull() || target.isMissingNode()) {
            EventLog.event(EventId.UPDATE_CHECK, Outcome.SUCCESS, "target", "none");
            return Step.NO_TARGET;
        }
        String version = target.path("version").asText();
        EventLog.event(EventId.UPDATE_CHECK, Outcome.SUCCESS, "target", version, "running", String.valueOf(running));
        try {
            ReleaseSigning.requireVersion(version);
        } catch (IllegalArgumentException e) {
            return Step.CHECK_FAILED;
        }
        if (version.equals(running)) {
            return Step.UP_TO_DATE;
        }
        if (layout.failedBefore(version)) {
            return Step.FAILED_BEFORE;
        }
        try {
            return stageAndRequest(version, target);
        } catch (IOException e) {
            EventLog.event(EventId.UPDATE_DOWNLOAD, Outcome.FAILURE, "version", version, "error", e.getClass().getSimpleName());
            return Step.CHECK_FAILED;
        }
    }

    private Step stageAndRequest(String version, JsonNode target) throws IOException {
        ReleaseSigning.Published staged = ReleaseSigning.filesOf(layout.staged(), version);
        if (Files.exists(layout.installRequest())) {
            return withdrawIfStale(version);
        }
        if (version.equals(stalledVersion) && stalledRequests >= STALLED_REQUESTS_REPORTED) {
            return Step.INSTALL_STALLED;
        }
        if (!Files.exists(staged.tarball())) {
            Step s = download(version, target, staged);
            if (s != null) {
                return s;
            }
        }
        return requestInstallIfFree(version);
    }

    /** Downloads and verifies into staged/; null when staged, else why not. */
    private Step download(String version, JsonNode target, ReleaseSigning.Published staged) throws IOException {
        byte[] manifest;
        byte[] signature;
        try {
            manifest = Base64.getDecoder().decode(target.path("manifest").asText(""));
            signature = Base64.getDecoder().decode(target.path("signature").asText(""));
        } catch (IllegalArgumentException e) {
            manifest = new byte[0];
            signature = new byte[0];
        }
        if (manifest.length == 0 || signature.length == 0) {
            // The centre's answer is malformed, which says nothing about the release: marking the
            // version failed would keep this terminal off it for good once the centre is fixed.
            EventLog.event(EventId.UPDATE_CHECK, Outcome.FAILURE, "version", version, "reason", "target-without-signed-manifest");
            return Step.CHECK_FAILED;
        }
        Manifest m;
        try {
            // Before a byte is fetched: the size the transfer may reach comes from a signed manifest only.
            m = ReleaseCheck.manifest(key, manifest, signature, version, maxBytes);
        } catch (ReleaseCheck.Refused r) {
            return refuse(version, r.reason(), null);
        }
        Files.createDirectories(layout.download());
        Path part = layout.download().resolve(version + ".part");
        String url = target.path("url").asText("/releases/" + version + "/" + version + ".tar.gz");
        if (!url.startsWith("/releases/")) {
            return refuse(version, "url", part);
        }
        CentralClient.Download d;
        try {
            d = client.download(url, part, m.size(), downloadDeadline);
        } catch (CentralException e) {
            long have = Files.exists(part) ? Files.size(part) : 0;
            EventLog.event(EventId.UPDATE_DOWNLOAD, Outcome.FAILURE, "version", version, "kind", e.kind().name(), "have", have, "of", m.size());
            return downloadFailed(version, e.kind().name());
        }
        EventLog.event(EventId.UPDATE_DOWNLOAD, Outcome.SUCCESS, "version", version, "bytes", d.fetched(), "resumedFrom", d.resumedFrom());
        if (!d.complete()) {
            return downloadFailed(version, "incomplete");
        }
        downloadFailures = 0;
        try {
            ReleaseCheck.release(key, manifest, signature, version, maxBytes, part);
        } catch (ReleaseCheck.Refused r) {
            return refuse(version, r.reason(), part);
        }
        Files.createDirectories(layout.staged());
        AtomicFiles.write(staged.manifest(), manifest);
        AtomicFiles.write(staged.signature(), (Base64.getEncoder().encodeToString(signature) + "\n").getBytes(StandardCharsets.US_ASCII));
        Files.move(part, staged.tarball(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        EventLog.event(EventId.UPDATE_STAGED, Outcome.SUCCESS, "version", version, "bytes", m.size());
        return null;
    }

    /** An install request older than {@link #HOLD} is withdrawn; the third for a version is reported FAILED and the agent stops asking. */
    private Step withdrawIfStale(String version) throws IOException {
        java.time.Instant written;
        try {
            written = Files.getLastModifiedTime(layout.installRequest()).toInstant();
        } catch (java.nio.file.NoSuchFileException e) {
            return Step.ALREADY_REQUESTED; // the installer took it just now
        }
        if (clock.instant().isBefore(written.plus(HOLD))) {
            return Step.ALREADY_REQUESTED;
        }
        Files.deleteIfExists(layout.installRequest());
        if (!version.equals(stalledVersion)) {
            stalledVersion = version;
            stalledRequests = 0;
        }
        stalledRequests++;
        EventLog.event(EventId.UPDATE_INSTALL_STALLED, Outcome.FAILURE, "version", version, "times", stalledRequests);
        if (stalledRequests == STALLED_REQUESTS_REPORTED) {
            UpdateReports.record(layout, version, UpdateReports.Kind.FAILED,
                    "install: the installer did not act on " + STALLED_REQUESTS_REPORTED + " requests", running, clock.instant());
            deliverReports();
        }
        return Step.INSTALL_STALLED;
    }

    /** Counts failures in a row for the version; the {@value #DOWNLOAD_FAILURES_REPORTED}th is reported once. */
    private Step downloadFailed(String version, String kind) throws IOException {
        if (!version.equals(failingDownload)) {
            failingDownload = version;
            downloadFailures = 0;
        }
        downloadFailures++;
        if (downloadFailures == DOWNLOAD_FAILURES_REPORTED) {
            UpdateReports.record(layout, version, UpdateReports.Kind.FAILED,
                    "download: " + DOWNLOAD_FAILURES_REPORTED + " attempts failed in a row: " + kind.toLowerCase(java.util.Locale.ROOT), running, clock.instant());
            deliverReports();
        }
        return Step.DOWNLOAD_INTERRUPTED;
    }

    private Step requestInstallIfFree(String version) throws IOException {
        boolean busy;
        try {
            busy = inUse.getAsBoolean();
        } catch (RuntimeException e) {
            busy = true;
        }
        if (busy) {
            if (!version.equals(deferredLogged)) {
                deferredLogged = version;
                EventLog.event(EventId.UPDATE_DEFERRED, Outcome.SUCCESS, "version", version);
            }
            return Step.DEFERRED;
        }
        AtomicFiles.write(layout.installRequest(), (version + "\n").getBytes(StandardCharsets.UTF_8));
        EventLog.event(EventId.UPDATE_INSTALL_REQUESTED, Outcome.SUCCESS, "version", version);
        return Step.INSTALL_REQUESTED;
    }

    private Step refuse(String version, String reason, Path part) throws IOException {
        if (part != null) {
            Files.deleteIfExists(part);
        }
        EventLog.event(EventId.UPDATE_REFUSED, Outcome.FAILURE, "version", version, "reason", reason, "by", "agent");
        layout.markFailed(version, reason);
        UpdateReports.record(layout, version, UpdateReports.Kind.REFUSED, reason, running, clock.instant());
        deliverReports();
        return Step.REFUSED;
    }

    /**
     * A staged release waiting for a free kiosk: looked at without the network, so the install
     * follows soon after the resident leaves.
     */
    Step recheckStaged() throws IOException {
        if (Files.exists(layout.installRequest()) || Files.exists(layout.pending()) || !Files.isDirectory(layout.staged())) {
            return null;
        }
        try (var s = Files.list(layout.staged())) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".tar.gz")) {
                    String v = n.substring(0, n.length() - ".tar.gz".length());
                    if (ReleaseSigning.VERSION.matcher(v).matches() && !layout.failedBefore(v)) {
                        return requestInstallIfFree(v);
                    }
                }
            }
        }
        return null;
    }

    /** Starts the rounds on a daemon timer: the network every poll interval, a waiting install every few seconds. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("update-agent"));
        long every = Math.min(IDLE_RECHECK.toMillis(), pollEvery.toMillis());
        timer.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            if (!now.isBefore(nextPoll)) {
                nextPoll = now.plus(pollEvery);
                checkOnce();
            } else {
                if (!UpdateReports.waiting(layout).isEmpty()) {
                    deliverReports(); // a commit just made is told at once, not at the next poll
                }
                recheckStaged();
            }
        } catch (IOException | RuntimeException e) {
            EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "update-agent", "error", e.getClass().getSimpleName());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
