package org.zizhu.kiosk.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard's decisions on real files, the commit gate's conditions, and the unpacker's refusals. */
class UpdateGuardTest {
    @TempDir
    Path dir;
    UpdateLayout layout;
    final Instant t0 = Instant.parse("2026-12-02T08:00:00Z");

    @BeforeEach
    void twoReleasesOneOnTrial() throws Exception {
        layout = new UpdateLayout(dir.resolve("opt"), dir.resolve("var"));
        TestReleases.brokenTree(layout.release("1.0.0"), "1.0.0");
        TestReleases.brokenTree(layout.release("2.0.0"), "2.0.0");
        Files.createDirectories(layout.updateDir());
        Files.writeString(layout.lastGood(), "1.0.0\n");
        new PendingTrial("2.0.0", "1.0.0", t0, t0.plusSeconds(300), 0).write(layout.pending());
        AtomicFiles.switchCurrent(layout, "2.0.0");
    }

    Clock at(Instant i) {
        return Clock.fixed(i, ZoneOffset.UTC);
    }

    @Test
    void eachStartIsCountedAndTheFourthIsRefusedWithARollback() throws Exception {
        UpdateGuard g = new UpdateGuard(layout, at(t0.plusSeconds(10)));
        for (int i = 1; i <= UpdateGuard.MAX_ATTEMPTS; i++) {
            assertEquals(UpdateGuard.Decision.ATTEMPT_COUNTED, g.run());
            assertEquals(i, PendingTrial.read(layout.pending()).orElseThrow().attempts());
            assertEquals("2.0.0", layout.currentVersion().orElseThrow());
        }
        assertEquals(UpdateGuard.Decision.ROLLED_BACK, g.run());
        assertEquals("1.0.0", layout.currentVersion().orElseThrow());
        assertFalse(Files.exists(layout.pending()));
        assertTrue(layout.failedBefore("2.0.0"));
        UpdateReports.Report r = UpdateReports.waiting(layout).get(0);
        assertEquals(UpdateReports.Kind.ROLLED_BACK, r.outcome());
        assertEquals("attempts", r.reason());
        assertEquals(UpdateGuard.Decision.NO_TRIAL, g.run(), "then the old version starts as usual");
    }

    @Test
    void theRunningReleaseIsTheVersionBesideTheJarsLib() throws Exception {
        Path jar = layout.release("2.0.0").resolve("lib").resolve("kiosk-app.jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[] {1});
        assertEquals(java.util.Optional.of("2.0.0"), UpdateLayout.releaseOf(jar));
        Path loose = dir.resolve("target").resolve("classes.jar");
        Files.createDirectories(loose.getParent());
        Files.write(loose, new byte[] {1});
        assertEquals(java.util.Optional.empty(), UpdateLayout.releaseOf(loose), "a build tree is no release");
    }

    @Test
    void theCommandsRunThroughTheLauncher() throws Exception {
        // The commands read the real clock: a trial whose deadline is still ahead of it.
        Instant now = Instant.now();
        new PendingTrial("2.0.0", "1.0.0", now, now.plusSeconds(300), 0).write(layout.pending());
        Path cfg = dir.resolve("kiosk.properties");
        Files.writeString(cfg, "data.dir=" + layout.state() + "\nupdate.home=" + layout.home() + "\nupdate.publicKey=" + dir.resolve("missing.pub") + "\n");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream ps = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, org.zizhu.kiosk.Main.run(List.of("update", "guard", "--config", cfg.toString()), ps, ps));
        assertTrue(out.toString(java.nio.charset.StandardCharsets.UTF_8).contains("attempt counted"), out.toString());
        out.reset();
        assertEquals(0, org.zizhu.kiosk.Main.run(List.of("update", "status", "--config", cfg.toString()), ps, ps));
        var status = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toByteArray());
        assertEquals("2.0.0", status.path("current").asText());
        assertEquals("1.0.0", status.path("lastGood").asText());
        assertEquals(1, status.path("pending").path("attempts").asInt());
        out.reset();
        assertEquals(1, org.zizhu.kiosk.Main.run(List.of("update", "install", "--config", cfg.toString()), ps, ps),
                "no pinned key: the installer refuses");
    }

    @Test
    void aGuardThatCannotFinishStillLetsTheStartGoOn() throws Exception {
        // Past its deadline by the real clock (the command reads it), and a rollback that cannot switch:
        // current.new is a directory with something in it, so the new link cannot be made.
        Instant now = Instant.now();
        new PendingTrial("2.0.0", "1.0.0", now.minusSeconds(600), now.minusSeconds(300), 1).write(layout.pending());
        Files.createDirectories(layout.home().resolve("current.new").resolve("x"));
        Path cfg = dir.resolve("kiosk.properties");
        Files.writeString(cfg, "data.dir=" + layout.state() + "\nupdate.home=" + layout.home() + "\n");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream ps = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, org.zizhu.kiosk.Main.run(List.of("update", "guard", "--config", cfg.toString()), ps, ps),
                "ExecStartPre must not fail the start");
        assertTrue(out.toString(java.nio.charset.StandardCharsets.UTF_8).contains("update guard: failed"), out.toString());
        assertEquals("2.0.0", layout.currentVersion().orElseThrow(), "the switch did not happen");
    }

    @Test
    void bindingsTheGuardsCodeDoesNotKnowDoNotStopARollback() throws Exception {
        // A newer wizard wrote a key the last good release's code refuses; the guard needs none of them.
        Instant now = Instant.now();
        new PendingTrial("2.0.0", "1.0.0", now.minusSeconds(600), now.minusSeconds(300), 1).write(layout.pending());
        Files.writeString(layout.state().resolve("commissioned.properties"), "device.future.port=/dev/zizhu/future\n");
        Path cfg = dir.resolve("kiosk.properties");
        Files.writeString(cfg, "data.dir=" + layout.state() + "\nupdate.home=" + layout.home() + "\n");
        assertThrows(org.zizhu.kiosk.config.ConfigException.class, () -> org.zizhu.kiosk.config.KioskConfig.load(cfg),
                "the kiosk itself still refuses the bad bindings file");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream ps = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, org.zizhu.kiosk.Main.run(List.of("update", "guard", "--config", cfg.toString()), ps, ps), out.toString());
        assertTrue(out.toString(java.nio.charset.StandardCharsets.UTF_8).contains("rolled back"), out.toString());
        assertEquals("1.0.0", layout.currentVersion().orElseThrow());
    }

    @Test
    void rootWritesNothingThroughLinksTheKiosksUserCouldPlant() throws Exception {
        // The guard and the installer run as root in directories the kiosk's user owns.
        Path victim = dir.resolve("victim");
        Files.writeString(victim, "root's file\n");
        Files.createDirectories(layout.failed());
        Files.createSymbolicLink(layout.failed().resolve(".2.0.0.tmp"), victim); // at the temporary name
        layout.markFailed("2.0.0", "attempts");
        assertEquals("root's file\n", Files.readString(victim), "the link was not followed");
        assertFalse(Files.isSymbolicLink(layout.failed().resolve("2.0.0")));
        assertEquals("attempts\n", Files.readString(layout.failed().resolve("2.0.0")));

        // A directory of the state replaced by a link: refused, nothing written where it points.
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(layout.reports(), elsewhere);
        assertThrows(java.io.IOException.class,
                () -> UpdateReports.record(layout, "2.0.0", UpdateReports.Kind.ROLLED_BACK, "attempts", "1.0.0", t0));
        try (var ls = Files.list(elsewhere)) {
            assertEquals(List.of(), ls.toList());
        }
    }

    @Test
    void whatRootGivesTheKiosksUserIsTheLinkNeverItsTarget() throws Exception {
        int uid = (Integer) Files.getAttribute(dir, "unix:uid");
        org.junit.jupiter.api.Assumptions.assumeTrue(uid == 0, "changing owners needs root");
        Files.setAttribute(layout.state(), "unix:uid", 65534); // the state directory belongs to the kiosk's user
        Path victim = dir.resolve("victim");
        Files.writeString(victim, "root's file\n");
        Path link = layout.updateDir().resolve("planted");
        Files.createSymbolicLink(link, victim);
        layout.giveToStateOwner(link);
        assertEquals(0, Files.getAttribute(victim, "unix:uid"), "the target stays root's");
        assertEquals(65534, Files.getAttribute(link, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS));
        Path made = layout.stateDir(layout.reports());
        assertEquals(65534, Files.getAttribute(made, "unix:uid"), "a directory root makes is the kiosk's user's");
    }

    /**
     * Root writes by directory handle: into a directory of the kiosk's user the file arrives with
     * that user as owner; a link standing for a directory below one that is not root's alone is
     * refused and nothing is written where it points.
     */
    @Test
    void rootWritesByDirectoryHandle() throws Exception {
        // The handle path is called directly, so it runs for any user; only the owner change needs root.
        boolean root = "root".equals(System.getProperty("user.name"));
        Path users = Files.createDirectories(dir.resolve("users"));
        if (root) {
            Files.setAttribute(users, "unix:uid", 65534);
        }
        AtomicFiles.writeAsRoot(users.resolve("pending.json"), "{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("{}\n", Files.readString(users.resolve("pending.json")));
        assertEquals(Files.getAttribute(users, "unix:uid"), Files.getAttribute(users.resolve("pending.json"), "unix:uid"), "the directory's owner");
        AtomicFiles.writeAsRoot(users.resolve("pending.json"), "{\"v\":2}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("{\"v\":2}\n", Files.readString(users.resolve("pending.json")), "replaced whole");
        try (var ls = Files.list(users)) {
            assertEquals(List.of(users.resolve("pending.json")), ls.toList(), "no temporary file left");
        }

        Path elsewhere = Files.createDirectories(dir.resolve("roots"));
        Files.createSymbolicLink(users.resolve("reports"), elsewhere);
        java.io.IOException refused = assertThrows(java.io.IOException.class,
                () -> AtomicFiles.writeAsRoot(users.resolve("reports").resolve("r.json"), new byte[] {1}));
        assertTrue(refused.getMessage().contains("refusing to write through it"), refused.getMessage());
        try (var ls = Files.list(elsewhere)) {
            assertEquals(List.of(), ls.toList());
        }

        // A FIFO where a directory belongs: refused by its type, never opened (opening waits for a writer).
        Path fifo = users.resolve("failed");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        java.io.IOException notADirectory = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> assertThrows(java.io.IOException.class, () -> AtomicFiles.writeAsRoot(fifo.resolve("2.0.0"), new byte[] {1})));
        assertTrue(notADirectory.getMessage().contains("a device or FIFO"), notADirectory.getMessage());
    }

    @Test
    void aStartAfterTheDeadlineRollsBackAtOnce() throws Exception {
        assertEquals(UpdateGuard.Decision.ROLLED_BACK, new UpdateGuard(layout, at(t0.plusSeconds(301))).run());
        assertEquals("1.0.0", layout.currentVersion().orElseThrow());
        assertEquals("deadline", UpdateReports.waiting(layout).get(0).reason());
    }

    @Test
    void aTrialWhoseSwitchNeverHappenedIsClearedWithoutStartingIt() throws Exception {
        AtomicFiles.switchCurrent(layout, "1.0.0"); // the installer stopped between pending.json and the switch
        assertEquals(UpdateGuard.Decision.ROLLED_BACK, new UpdateGuard(layout, at(t0)).run());
        assertEquals("1.0.0", layout.currentVersion().orElseThrow());
        assertFalse(Files.exists(layout.pending()));
        assertEquals("not-switched", UpdateReports.waiting(layout).get(0).reason());
    }

    @Test
    void aDamagedPendingFileRollsBackToTheLastGoodVersion() throws Exception {
        Files.writeString(layout.pending(), "{\"version\": \"2.0.0\", \"deadl");
        assertEquals(UpdateGuard.Decision.ROLLED_BACK, new UpdateGuard(layout, at(t0)).run());
        assertEquals("1.0.0", layout.currentVersion().orElseThrow());
        assertFalse(Files.exists(layout.pending()));
        // The version current pointed at was the one on trial: not fetched again, and the centre is told.
        assertTrue(layout.failedBefore("2.0.0"));
        UpdateReports.Report r = UpdateReports.waiting(layout).get(0);
        assertEquals("2.0.0", r.version());
        assertEquals(UpdateReports.Kind.ROLLED_BACK, r.outcome());
        assertEquals("pending-unreadable", r.reason());
        assertEquals("1.0.0", r.previous());
    }

    @Test
    void aDamagedPendingFileBesideTheLastGoodVersionMarksNothingFailed() throws Exception {
        AtomicFiles.switchCurrent(layout, "1.0.0");
        for (String damaged : List.of("", "[]", "{\"version\":\"../x\",\"switchedAt\":\"2026-12-02T08:00:00Z\",\"deadline\":\"2026-12-02T08:05:00Z\"}",
                "{\"version\":\"2.0.0\",\"switchedAt\":\"yesterday\",\"deadline\":\"soon\"}")) {
            Files.writeString(layout.pending(), damaged);
            assertEquals(UpdateGuard.Decision.ROLLED_BACK, new UpdateGuard(layout, at(t0)).run(), damaged);
            assertEquals("1.0.0", layout.currentVersion().orElseThrow());
            assertFalse(Files.exists(layout.pending()), damaged);
        }
        assertFalse(layout.failedBefore("1.0.0"), "the last good version is never the failed one");
        assertEquals(List.of(), UpdateReports.waiting(layout));
    }

    @Test
    void theGateCommitsOnlyAfterReadyHeldProbesAndAnAcceptedHeartbeat() throws Exception {
        CommitGate g = CommitGate.forThisStart(layout, 2, at(t0.plusSeconds(5))).orElseThrow();
        boolean[] healthy = {true};
        boolean[] accepted = {false};
        List<java.util.function.BooleanSupplier> probes = List.of(() -> healthy[0]);
        assertEquals(CommitGate.State.WAITING, g.round(probes, () -> accepted[0]), "not READY yet");
        g.ready();
        assertEquals(CommitGate.State.WAITING, g.round(probes, () -> true), "one round held of two");
        healthy[0] = false;
        assertEquals(CommitGate.State.WAITING, g.round(probes, () -> true), "a failing probe starts the count again");
        healthy[0] = true;
        g.round(probes, () -> accepted[0]);
        assertEquals(CommitGate.State.WAITING, g.round(probes, () -> accepted[0]), "held, but the centre has not accepted a heartbeat");
        assertTrue(Files.exists(layout.pending()));
        accepted[0] = true;
        assertEquals(CommitGate.State.COMMITTED, g.round(probes, () -> accepted[0]));
        assertEquals("2.0.0", layout.lastGoodVersion().orElseThrow());
        assertFalse(Files.exists(layout.pending()));
        assertEquals(UpdateReports.Kind.COMMITTED, UpdateReports.waiting(layout).get(0).outcome());
    }

    @Test
    void theGateExpiresAtTheDeadlineAndTheVersionRolledBackToHasNone() throws Exception {
        CommitGate g = CommitGate.forThisStart(layout, 1, at(t0.plusSeconds(301))).orElseThrow();
        g.ready();
        assertEquals(CommitGate.State.EXPIRED, g.round(List.of(() -> true), () -> true));
        assertTrue(Files.exists(layout.pending()), "the guard, not the failing kiosk, rolls back");
        AtomicFiles.switchCurrent(layout, "1.0.0");
        assertTrue(CommitGate.forThisStart(layout, 1, at(t0)).isEmpty(), "1.0.0 is not on trial");
    }

    @Test
    void aHeartbeatThatThrowsIsNotAcceptedAndTheTrialStillEndsAtItsDeadline() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(t0.plusSeconds(5));
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        CommitGate g = CommitGate.forThisStart(layout, 1, moving).orElseThrow();
        g.ready();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.BooleanSupplier throwing = () -> {
            asked.incrementAndGet();
            throw new IllegalStateException("storage closed");
        };
        assertEquals(CommitGate.State.WAITING, g.round(List.of(() -> true), throwing), "a heartbeat that throws is not an acceptance");
        assertTrue(Files.exists(layout.pending()));

        // On the timer: the rounds go on after a throw, and the deadline still ends the trial.
        java.util.concurrent.CompletableFuture<Integer> exit = new java.util.concurrent.CompletableFuture<>();
        CommitGate timed = CommitGate.forThisStart(layout, 1, moving).orElseThrow();
        timed.ready();
        try {
            timed.start(java.time.Duration.ofMillis(10), List.of(() -> true), throwing, exit::complete);
            int before = asked.get();
            org.awaitility.Awaitility.await("rounds after a heartbeat threw").atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> asked.get() >= before + 3);
            now.set(t0.plusSeconds(301));
            assertEquals(CommitGate.EXIT_TRIAL_FAILED, exit.get(20, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            timed.close();
        }
        assertEquals(CommitGate.State.EXPIRED, timed.state());
        assertFalse(layout.lastGoodVersion().map("2.0.0"::equals).orElse(false));
    }

    static Path tar(Path out, TarArchiveEntry... entries) throws Exception {
        try (OutputStream o = Files.newOutputStream(out); TarArchiveOutputStream t = new TarArchiveOutputStream(new GZIPOutputStream(o))) {
            for (TarArchiveEntry e : entries) {
                byte[] body = e.isFile() ? "x".getBytes() : new byte[0];
                if (e.isFile()) {
                    e.setSize(body.length);
                }
                t.putArchiveEntry(e);
                t.write(body);
                t.closeArchiveEntry();
            }
        }
        return out;
    }

    @Test
    void theUnpackerRefusesNamesOutsideTheReleaseLinksAndOversizedContent() throws Exception {
        TarArchiveEntry link = new TarArchiveEntry("lib/evil", TarArchiveEntry.LF_SYMLINK);
        link.setLinkName("/etc");
        TarArchiveEntry hardLink = new TarArchiveEntry("lib/hard", TarArchiveEntry.LF_LINK);
        hardLink.setLinkName("VERSION");
        // Devices and FIFOs carry no data; commons-compress's isFile() says true for them.
        TarArchiveEntry device = new TarArchiveEntry("lib/tty", TarArchiveEntry.LF_CHR);
        TarArchiveEntry block = new TarArchiveEntry("lib/sda", TarArchiveEntry.LF_BLK);
        TarArchiveEntry fifo = new TarArchiveEntry("lib/fifo", TarArchiveEntry.LF_FIFO);
        TarArchiveEntry[][] bad = {
                {new TarArchiveEntry("../escaped")},
                {new TarArchiveEntry("lib/../../escaped")},
                {new TarArchiveEntry("/tmp/absolute", true)},
                {link},
                {hardLink},
                {device},
                {block},
                {fifo},
        };
        String[] reasons = {"unsafe-path", "unsafe-path", "unsafe-path", "unsafe-entry", "unsafe-entry", "unsafe-entry", "unsafe-entry", "unsafe-entry"};
        for (int i = 0; i < bad.length; i++) {
            Path dest = dir.resolve("dest" + i).resolve("r");
            Path tgz = tar(dir.resolve("bad" + i + ".tar.gz"), bad[i]);
            ReleaseCheck.Refused r = assertThrows(ReleaseCheck.Refused.class, () -> SafeUnpack.untarGz(tgz, dest, 1 << 20));
            assertEquals(reasons[i], r.reason(), bad[i][0].getName());
            if (i >= 3) {
                assertFalse(Files.exists(dest.resolve(bad[i][0].getName()), java.nio.file.LinkOption.NOFOLLOW_LINKS), bad[i][0].getName());
            }
            assertFalse(Files.exists(dest.getParent().resolve("escaped")));
        }
        assertFalse(Files.exists(Path.of("/tmp/absolute")));
        Path big = TestReleases.tarGz(TestReleases.goodTree(dir.resolve("big"), "3.0.0", 50_000), dir.resolve("big.tar.gz"));
        assertEquals("too-large", assertThrows(ReleaseCheck.Refused.class,
                () -> SafeUnpack.untarGz(big, dir.resolve("dest-big"), 10_000)).reason());
        assertTrue(SafeUnpack.untarGz(big, dir.resolve("dest-ok"), Duration.ofDays(1).toMillis()) > 50_000);
    }
}
