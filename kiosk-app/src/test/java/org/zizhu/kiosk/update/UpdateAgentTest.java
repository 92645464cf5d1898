package org.zizhu.kiosk.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.CentralSimulator;
import org.zizhu.central.release.ReleaseApi;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.LinkState;
import org.zizhu.update.ReleaseSigning;

/**
 * The agent and the root installer against central-sim over real loopback HTTP, with real
 * signed tarballs and files: tampered releases are refused before anything is installed, an
 * interrupted download resumes with a byte range, and the install request waits for the
 * resident to leave.
 */
class UpdateAgentTest {
    static final String TERMINAL = "ZZ-UPD-0001";
    static final long MAX = 64L << 20;

    @TempDir
    Path dir;
    CentralSimulator sim;
    KeyPair vendor;
    Path pub;
    UpdateLayout layout;
    CentralClient client;
    AtomicBoolean inUse = new AtomicBoolean(false);

    @BeforeEach
    void start() throws Exception {
        pub = dir.resolve("published");
        Files.createDirectories(pub);
        sim = CentralSimulator.builder().https(false).releasesDir(pub).start();
        vendor = ReleaseSigning.generate();
        layout = new UpdateLayout(dir.resolve("opt"), dir.resolve("var"));
        Files.createDirectories(layout.home());
        client = new CentralClient(URI.create(sim.baseUrl()), TERMINAL, Duration.ofSeconds(2), Duration.ofSeconds(5), new LinkState());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    UpdateAgent agent() {
        UpdateAgent a = new UpdateAgent(layout, client, vendor.getPublic(), "1.0.0", MAX, Duration.ofSeconds(1), Duration.ofSeconds(10), Clock.systemUTC());
        a.inUseBy(inUse::get);
        return a;
    }

    ReleaseSigning.Published publish(String version, int padding) throws Exception {
        ReleaseSigning.Published f = TestReleases.publish(dir.resolve("work"), pub, version, true, padding, vendor);
        sim.releases().target(TERMINAL, version);
        return f;
    }

    /** Nothing of a refused release reached the installer's side. */
    void assertNothingInstalled(String version) throws Exception {
        assertFalse(Files.exists(layout.releases()), "nothing under releases/");
        assertFalse(Files.exists(layout.installRequest()), "no install request");
        assertFalse(Files.exists(layout.current()), "current untouched");
        if (Files.isDirectory(layout.staged())) {
            try (var s = Files.list(layout.staged())) {
                assertEquals(List.of(), s.toList(), "nothing staged");
            }
        }
        assertFalse(Files.exists(layout.download().resolve(version + ".part")), "the refused download is deleted");
        assertTrue(layout.failedBefore(version));
        assertEquals(List.of(), sim.contractViolations());
    }

    String refusedReason(String version) {
        return sim.releases().reports().stream().filter(r -> r.version().equals(version) && r.outcome().equals("REFUSED"))
                .map(ReleaseApi.Report::reason).findFirst().orElse("no REFUSED report");
    }

    @Test
    void aTarballWithOneByteFlippedIsRefusedBeforeInstallAndReported() throws Exception {
        ReleaseSigning.Published f = publish("2.0.0", 40_000);
        byte[] b = Files.readAllBytes(f.tarball());
        b[b.length / 2] ^= 0x01;
        Files.write(f.tarball(), b);

        assertEquals(UpdateAgent.Step.REFUSED, agent().checkOnce());
        assertEquals("sha256", refusedReason("2.0.0"));
        assertNothingInstalled("2.0.0");
        assertEquals(UpdateAgent.Step.FAILED_BEFORE, agent().checkOnce(), "a refused version is not fetched again");
        assertEquals(1, sim.releases().downloads().size());
    }

    @Test
    void aManifestChangedAfterSigningIsRefusedBeforeAnyDownload() throws Exception {
        ReleaseSigning.Published f = publish("2.0.0", 1_000);
        // The attacker's tarball, with a manifest that matches it, under the vendor's old signature.
        Path evil = TestReleases.tarGz(TestReleases.brokenTree(dir.resolve("evil"), "2.0.0"), dir.resolve("evil.tar.gz"));
        Files.copy(evil, f.tarball(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.write(f.manifest(), ReleaseSigning.manifest("2.0.0", "2.0.0.tar.gz", Files.size(evil), ReleaseSigning.sha256Hex(evil)));

        assertEquals(UpdateAgent.Step.REFUSED, agent().checkOnce());
        assertEquals("signature", refusedReason("2.0.0"));
        assertEquals(List.of(), sim.releases().downloads(), "nothing downloaded for an unsigned manifest");
        assertNothingInstalled("2.0.0");
    }

    @Test
    void aReleaseSignedWithAnotherKeyIsRefused() throws Exception {
        KeyPair other = ReleaseSigning.generate();
        TestReleases.publish(dir.resolve("work"), pub, "2.0.0", true, 1_000, other);
        sim.releases().target(TERMINAL, "2.0.0");

        assertEquals(UpdateAgent.Step.REFUSED, agent().checkOnce());
        assertEquals("signature", refusedReason("2.0.0"));
        assertEquals(List.of(), sim.releases().downloads());
        assertNothingInstalled("2.0.0");
    }

    @Test
    void anInterruptedDownloadResumesFromThePartFileWithARange() throws Exception {
        ReleaseSigning.Published f = publish("2.0.0", 600_000);
        long size = Files.size(f.tarball());
        sim.releases().cutNextDownloadAfter(size / 3);
        UpdateAgent a = agent();

        assertEquals(UpdateAgent.Step.DOWNLOAD_INTERRUPTED, a.checkOnce());
        Path part = layout.download().resolve("2.0.0.part");
        long kept = Files.size(part);
        assertTrue(kept > 0 && kept < size, "part holds what arrived before the cut: " + kept);

        assertEquals(UpdateAgent.Step.INSTALL_REQUESTED, a.checkOnce());
        List<ReleaseApi.Download> d = sim.releases().downloads();
        assertEquals(2, d.size(), d.toString());
        assertEquals(null, d.get(0).range());
        assertEquals("bytes=" + kept + "-", d.get(1).range(), "the second request resumes where the first stopped");
        assertEquals(206, d.get(1).status());
        long fetched = d.stream().mapToLong(ReleaseApi.Download::bytesSent).sum();
        assertTrue(fetched < 2 * size, "fetched " + fetched + " of " + size);
        ReleaseSigning.Published staged = ReleaseSigning.filesOf(layout.staged(), "2.0.0");
        assertEquals(ReleaseSigning.sha256Hex(f.tarball()), ReleaseSigning.sha256Hex(staged.tarball()));
        assertFalse(Files.exists(part));
        assertEquals("2.0.0", Files.readString(layout.installRequest(), StandardCharsets.UTF_8).strip());
        assertEquals(List.of(), sim.contractViolations());
    }

    /**
     * A file the centre lists but cannot serve: the agent keeps trying, tells the centre FAILED
     * (download) once after {@value UpdateAgent#DOWNLOAD_FAILURES_REPORTED} failures in a row, and
     * does not mark the version failed, so it installs once the file is back.
     */
    @Test
    void aDownloadThatKeepsFailingIsReportedOnceAndPickedUpWhenTheFileIsBack() throws Exception {
        ReleaseSigning.Published f = publish("2.0.0", 1000);
        Path aside = dir.resolve("aside.tar.gz");
        Files.move(f.tarball(), aside);
        UpdateAgent a = agent();
        for (int i = 0; i < UpdateAgent.DOWNLOAD_FAILURES_REPORTED + 2; i++) {
            assertEquals(UpdateAgent.Step.DOWNLOAD_INTERRUPTED, a.checkOnce(), "attempt " + (i + 1));
            long failed = sim.releases().reports().stream().filter(r -> r.outcome().equals("FAILED")).count();
            assertEquals(i + 1 >= UpdateAgent.DOWNLOAD_FAILURES_REPORTED ? 1 : 0, failed, "FAILED reports after attempt " + (i + 1));
        }
        ReleaseApi.Report r = sim.releases().reports().get(0);
        assertEquals("2.0.0", r.version());
        assertTrue(r.reason().startsWith("download: "), r.reason());
        assertFalse(layout.failedBefore("2.0.0"), "a mirror's fault is not the release's");

        Files.move(aside, f.tarball());
        assertEquals(UpdateAgent.Step.INSTALL_REQUESTED, a.checkOnce());
        assertEquals(List.of(), sim.contractViolations());
    }

    /**
     * A centre whose target names a version but carries no signed manifest (or one that is not
     * base64) is malformed: the check fails, nothing is fetched, and the version is not marked
     * failed, so the terminal installs it once the centre answers properly.
     */
    @Test
    void aTargetWithoutASignedManifestIsTheCentresFaultNotTheReleases() throws Exception {
        ReleaseSigning.Published f = publish("2.0.0", 1000);
        String[] bodies = {
                "{\"target\":{\"version\":\"2.0.0\",\"url\":\"/releases/2.0.0/2.0.0.tar.gz\"}}",
                "{\"target\":{\"version\":\"2.0.0\",\"manifest\":\"not base64!\",\"signature\":\"???\"}}",
                "{\"target\":{\"version\":\"2.0.0\",\"manifest\":\"\",\"signature\":\"\"}}"};
        com.sun.net.httpserver.HttpServer bad = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
        bad.createContext("/", ex -> {
            byte[] b = bodies[Math.min(served.getAndIncrement(), bodies.length - 1)].getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(ex.getRequestURI().getPath().endsWith("/release") ? 200 : 404, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        bad.start();
        try {
            CentralClient badClient = new CentralClient(URI.create("http://127.0.0.1:" + bad.getAddress().getPort()), TERMINAL,
                    Duration.ofSeconds(2), Duration.ofSeconds(5), new LinkState());
            UpdateAgent a = new UpdateAgent(layout, badClient, vendor.getPublic(), "1.0.0", MAX, Duration.ofSeconds(1),
                    Duration.ofSeconds(10), Clock.systemUTC());
            a.inUseBy(inUse::get);
            for (int i = 0; i < bodies.length; i++) {
                assertEquals(UpdateAgent.Step.CHECK_FAILED, a.checkOnce(), bodies[i]);
            }
        } finally {
            bad.stop(0);
        }
        assertFalse(layout.failedBefore("2.0.0"));
        assertFalse(Files.exists(layout.download().resolve("2.0.0.part")), "nothing fetched");
        assertEquals(UpdateAgent.Step.INSTALL_REQUESTED, agent().checkOnce(), "the proper centre's answer installs");
        assertEquals(List.of(), sim.releases().reports(), "nothing to report: no release was refused");
        assertTrue(Files.exists(ReleaseSigning.filesOf(layout.staged(), "2.0.0").tarball()));
        assertTrue(Files.size(f.tarball()) > 0);
    }

    /**
     * An install request the root installer never acts on (the path unit is off) is withdrawn
     * after {@link UpdateAgent#HOLD}, so it cannot be acted on later in the middle of a visit; the
     * third withdrawal is reported FAILED and the agent stops asking until the next start.
     */
    @Test
    void anInstallRequestNobodyActsOnIsWithdrawnAndTheThirdIsReported() throws Exception {
        publish("2.0.0", 1000);
        UpdateAgent a = agent();
        for (int round = 1; round <= UpdateAgent.STALLED_REQUESTS_REPORTED; round++) {
            assertEquals(UpdateAgent.Step.INSTALL_REQUESTED, a.checkOnce(), "round " + round);
            assertEquals(UpdateAgent.Step.ALREADY_REQUESTED, a.checkOnce(), "a fresh request is left to the installer");
            Files.setLastModifiedTime(layout.installRequest(), java.nio.file.attribute.FileTime.from(
                    java.time.Instant.now().minus(UpdateAgent.HOLD).minusSeconds(1)));
            assertEquals(UpdateAgent.Step.INSTALL_STALLED, a.checkOnce());
            assertFalse(Files.exists(layout.installRequest()), "withdrawn");
            long failed = sim.releases().reports().stream().filter(r -> r.outcome().equals("FAILED")).count();
            assertEquals(round == UpdateAgent.STALLED_REQUESTS_REPORTED ? 1 : 0, failed, "round " + round);
        }
        assertEquals(UpdateAgent.Step.INSTALL_STALLED, a.checkOnce(), "no more requests from this run");
        assertFalse(Files.exists(layout.installRequest()));
        assertTrue(sim.releases().reports().get(0).reason().startsWith("install: "));
        assertFalse(layout.failedBefore("2.0.0"), "the release is not at fault: the next start tries again");
        assertEquals(List.of(), sim.contractViolations());
    }

    /** A clock the test moves: the flow's idle timer. */
    static final class MovableClock extends Clock {
        java.time.Instant now = java.time.Instant.parse("2026-12-02T08:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void aResidentsVisitIsNeverCutTheInstallWaitsUntilItEnds() throws Exception {
        publish("2.0.0", 1_000);
        // The real kiosk flow, browse-only (no devices), asked exactly as the screens hand it over.
        MovableClock clock = new MovableClock();
        Duration idle = Duration.ofSeconds(90);
        org.zizhu.kiosk.flow.KioskFlow flow = new org.zizhu.kiosk.flow.KioskFlow(org.zizhu.kiosk.i18n.Language.ZH, idle, clock, Runnable::run, Runnable::run);
        flow.started(new org.zizhu.kiosk.flow.KioskParts(new org.zizhu.kiosk.flow.KioskBackend() {
            @Override
            public org.zizhu.kiosk.catalog.Catalog catalog() {
                return org.zizhu.kiosk.catalog.Catalog.empty();
            }

            @Override
            public boolean offline() {
                return false;
            }

            @Override
            public String linkStatus() {
                return "ONLINE";
            }

            @Override
            public List<org.zizhu.kiosk.flow.DeviceHealth> devices() {
                return List.of();
            }

            @Override
            public void syncNow() {
            }

            @Override
            public void onChange(Runnable r) {
            }
        }, null, null, null, null, null));
        UpdateAgent a = agent();
        a.inUseBy(() -> !flow.holdForUpdate(UpdateAgent.HOLD)); // as KioskApplication wires it
        flow.touch(); // a resident begins a visit

        assertEquals(UpdateAgent.Step.DEFERRED, a.checkOnce());
        assertTrue(Files.exists(ReleaseSigning.filesOf(layout.staged(), "2.0.0").tarball()), "downloaded and verified meanwhile");
        assertFalse(Files.exists(layout.installRequest()), "no install while a resident is at the kiosk");
        clock.now = clock.now.plus(idle.minusSeconds(1));
        flow.tick();
        assertEquals(UpdateAgent.Step.DEFERRED, a.recheckStaged());
        assertFalse(Files.exists(layout.installRequest()));

        clock.now = clock.now.plusSeconds(1);
        flow.tick(); // the idle timeout ends the visit: the attract screen is back
        assertInstanceOf(org.zizhu.kiosk.flow.KioskMode.Attract.class, flow.mode());
        assertEquals(UpdateAgent.Step.INSTALL_REQUESTED, a.recheckStaged());
        assertEquals("2.0.0", Files.readString(layout.installRequest()).strip());
        assertEquals(1, sim.releases().downloads().size(), "downloaded once");
        // From the request to the restart the terminal is held: a touch starts no visit the
        // restart would cut, and the screen says it is updating.
        assertEquals(new org.zizhu.kiosk.flow.KioskMode.OutOfService(org.zizhu.kiosk.flow.KioskMode.OutOfService.Reason.UPDATING), flow.mode());
        flow.touch();
        assertFalse(flow.inUse());
        assertInstanceOf(org.zizhu.kiosk.flow.KioskMode.OutOfService.class, flow.mode());
        // No restart came (no installer here): the hold ends by itself and the kiosk serves again.
        clock.now = clock.now.plus(UpdateAgent.HOLD);
        flow.tick();
        assertFalse(flow.mode() instanceof org.zizhu.kiosk.flow.KioskMode.OutOfService, flow.mode().toString());
        flow.close(Duration.ofSeconds(1));
    }

    @Test
    void overMutualTlsTheKioskRuntimesAgentFetchesWithItsCertificateAndOthersAreRefused() throws Exception {
        Path keyFile = dir.resolve("release-key.pub");
        Files.writeString(keyFile, ReleaseSigning.publicKeyPem(vendor.getPublic()));
        ReleaseSigning.Published f = TestReleases.publish(dir.resolve("work"), pub, "2.0.0", true, 200_000, vendor);
        try (CentralSimulator tls = CentralSimulator.builder().releasesDir(pub).start();
             org.zizhu.kiosk.runtime.KioskRuntime rt = org.zizhu.kiosk.runtime.KioskRuntime.open(
                     org.zizhu.kiosk.TestKiosk.config(tls.httpsBaseUrl(), dir.resolve("var"))
                             .with(org.zizhu.kiosk.config.ConfigKey.UPDATE_PUBLIC_KEY, keyFile.toString())
                             .with(org.zizhu.kiosk.config.ConfigKey.UPDATE_HOME, layout.home().toString()))) {
            rt.enrol("DEMO-0000-0001");
            tls.releases().target(rt.client().terminalId(), "2.0.0");
            UpdateAgent a = rt.updates().orElseThrow(() -> new AssertionError("the agent runs when the key is pinned"));
            a.inUseBy(() -> false);
            assertEquals(UpdateAgent.Step.INSTALL_REQUESTED, a.checkOnce());
            assertEquals(ReleaseSigning.sha256Hex(f.tarball()), ReleaseSigning.sha256Hex(ReleaseSigning.filesOf(layout.staged(), "2.0.0").tarball()));

            long refusedBefore = tls.unauthorisedCount();
            java.net.http.HttpClient anonymous = java.net.http.HttpClient.newBuilder().sslContext(trustAll()).build();
            var r = anonymous.send(java.net.http.HttpRequest.newBuilder(URI.create(tls.httpsBaseUrl() + "/releases/2.0.0/2.0.0.tar.gz"))
                    .header("X-Terminal-Id", rt.client().terminalId()).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(401, r.statusCode(), "no client certificate, no release");
            assertEquals(refusedBefore + 1, tls.unauthorisedCount());
            assertEquals(List.of(), tls.contractViolations());
        }
    }

    static javax.net.ssl.SSLContext trustAll() throws Exception {
        javax.net.ssl.SSLContext c = javax.net.ssl.SSLContext.getInstance("TLS");
        c.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        return c;
    }

    @Test
    void theInstallerVerifiesAgainAndRefusesAStagedFileChangedAfterTheAgentCheckedIt() throws Exception {
        publish("2.0.0", 1_000);
        assertEquals(UpdateAgent.Step.INSTALL_REQUESTED, agent().checkOnce());
        ReleaseSigning.Published staged = ReleaseSigning.filesOf(layout.staged(), "2.0.0");
        byte[] b = Files.readAllBytes(staged.tarball());
        b[10] ^= 0x40;
        Files.write(staged.tarball(), b);

        UpdateInstaller.Result r = new UpdateInstaller(layout, vendor.getPublic(), Duration.ofMinutes(5), List.of("true"), MAX, Clock.systemUTC()).install();
        assertEquals(1, r.exitCode(), r.message());
        assertFalse(Files.exists(layout.release("2.0.0")));
        assertFalse(Files.exists(layout.current()));
        assertFalse(Files.exists(layout.pending()));
        assertFalse(Files.exists(layout.installRequest()));
        assertTrue(layout.failedBefore("2.0.0"));
        assertEquals(1, agent().deliverReports());
        assertEquals("sha256", refusedReason("2.0.0"));
    }

    @Test
    void theInstallerUnpacksSwitchesCurrentAndStartsATrial() throws Exception {
        publish("2.0.0", 1_000);
        assertEquals(UpdateAgent.Step.INSTALL_REQUESTED, agent().checkOnce());
        Path marker = dir.resolve("restarted");
        UpdateInstaller.Result r = new UpdateInstaller(layout, vendor.getPublic(), Duration.ofMinutes(5),
                List.of("touch", marker.toString()), MAX, Clock.systemUTC()).install();
        assertEquals(0, r.exitCode(), r.message());
        assertEquals("2.0.0", layout.currentVersion().orElseThrow());
        assertTrue(Files.isSymbolicLink(layout.current()));
        assertEquals("2.0.0", Files.readString(layout.current().resolve("VERSION")).strip());
        PendingTrial t = PendingTrial.read(layout.pending()).orElseThrow();
        assertEquals("2.0.0", t.version());
        assertEquals(0, t.attempts());
        assertTrue(Files.exists(marker), "the restart command ran");
        assertFalse(Files.exists(layout.installRequest()));
        assertFalse(Files.exists(ReleaseSigning.filesOf(layout.staged(), "2.0.0").tarball()));
        assertEquals(UpdateAgent.Step.TRIAL_IN_PROGRESS, agent().checkOnce(), "no second update during a trial");
    }
}
