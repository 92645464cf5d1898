package org.zizhu.device.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zizhu.device.printer.ipp.A4PrinterConfig;
import org.zizhu.device.printer.ipp.CupsA4Printer;
import org.zizhu.device.printer.ipp.IppClient;
import org.zizhu.device.printer.ipp.IppResponse;
import org.zizhu.print.PrintTemplates;
import org.zizhu.print.SampleDocuments;
import org.zizhu.print.a4.A4PdfRenderer;

/**
 * A4 jobs that fail must never print later (for the next resident), and no job may leave its
 * document in the CUPS spool once it has ended. Real cupsd (scripts/stacks/cups.sh), each test
 * on a queue of its own in front of an ippeveprinter of its own ({@link OwnA4Queue}); CUPS
 * outages are made with a relay in front of cupsd ({@link TcpProxy}), never by restarting the
 * shared cupsd.
 */
class CupsJobCancellationTest {
    /** cupsd's RequestRoot: where it keeps each job's control (c*) and document (d*) files. */
    static final Path CUPS_SPOOL = Path.of(System.getProperty("zizhu.cups.requestroot", "/var/spool/cups"));
    /** cupsd's port; lpadmin/lpstat follow CUPS_SERVER, so set both to use another cupsd. */
    static final int CUPS_PORT = Integer.getInteger("zizhu.cups.port", 631);
    static final Path CUPSD_CONF = Path.of(System.getProperty("zizhu.cups.conf", "/etc/cups/cupsd.conf"));
    static byte[] pdf;

    @BeforeAll
    static void needCups() throws Exception {
        try (Socket s = new Socket("127.0.0.1", CUPS_PORT)) {
            s.getPort();
        } catch (IOException e) {
            fail("CUPS is not listening on localhost:" + CUPS_PORT + ". Start the stack: sudo bash scripts/stacks/cups.sh start");
        }
        if (!Files.isDirectory(CUPS_SPOOL) || !Files.isReadable(CUPS_SPOOL)) {
            fail("cannot read the CUPS spool " + CUPS_SPOOL + " (run the tests as root, or set -Dzizhu.cups.requestroot)");
        }
        pdf = new A4PdfRenderer().render(PrintTemplates.builtIn().fill(SampleDocuments.acceptanceReceipt()));
    }

    private static A4PrinterConfig config(URI cups, String queue, Duration jobTimeout) {
        return A4PrinterConfig.builder().deviceId("a4-test").cups(cups).queue(queue).pollInterval(Duration.ofMillis(100))
                .jobTimeout(jobTimeout).stoppedGrace(Duration.ofSeconds(3)).build();
    }

    private static URI cups() {
        return URI.create("http://localhost:" + CUPS_PORT);
    }

    private static int jobNumber(PrintResult r, OwnA4Queue q) {
        assertTrue(r.jobId().startsWith(q.name + "-"), "no CUPS job id in " + r);
        return Integer.parseInt(r.jobId().substring(q.name.length() + 1));
    }

    /** CUPS's own answer, straight from cupsd (not through the relay). */
    private static IppResponse jobInCups(OwnA4Queue q, int job) throws IOException {
        return new IppClient(cups(), q.name, "zizhu", Duration.ofSeconds(5)).jobAttributes(job);
    }

    /** The job can never print: CUPS has it as canceled/aborted, or has forgotten it entirely. */
    private static void assertCannotPrint(OwnA4Queue q, int job) throws Exception {
        assertFalse(q.notCompletedJobs().contains(job), "job " + job + " is still waiting to print: lpstat " + q.notCompletedJobs());
        IppResponse r = jobInCups(q, job);
        Integer state = r.integer("job-state");
        assertTrue(r.status() == 0x0406 || (state != null && (state == 7 || state == 8)),
                "job " + job + ": IPP status " + Integer.toHexString(r.status()) + ", job-state " + state);
    }

    /** No document file of this job is left in cupsd's spool directory. */
    private static void assertNoDocumentInCupsSpool(int job) throws IOException {
        String prefix = String.format("d%05d-", job);
        try (Stream<Path> s = Files.list(CUPS_SPOOL)) {
            List<Path> left = s.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
            assertEquals(List.of(), left, "the document of job " + job + " is still in " + CUPS_SPOOL);
        }
    }

    /** The failed job can never print, left nothing in the spool, and never reaches the printer. */
    private static void assertGoneForGood(OwnA4Queue q, int job, String jobName) throws Exception {
        assertCannotPrint(q, job);
        assertNoDocumentInCupsSpool(job);
        assertNeverArrives(q, jobName);
    }

    /** After the printer answers again, the job's document still never reaches it. */
    private static void assertNeverArrives(OwnA4Queue q, String jobName) throws Exception {
        q.resumePrinter();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        while (System.nanoTime() < end) {
            assertTrue(q.printed(jobName).isEmpty(), "the failed job printed after all: " + q.printed(jobName));
            Thread.sleep(200);
        }
    }

    @Test
    void cancellingAJobLeavesCupsRunning() throws Exception {
        try (OwnA4Queue q = OwnA4Queue.create()) {
            q.pausePrinter();
            CupsA4Printer printer = new CupsA4Printer(config(cups(), q.name, Duration.ofSeconds(2)));
            PrintResult r = printer.print(pdf, "zizhucancel" + System.nanoTime());
            assertEquals("job-timeout", r.detail(), r.toString());
            int job = jobNumber(r, q);
            // The driver's Cancel-Job must not take cupsd down (it did: see CupsA4Printer#localUser).
            IppResponse after = jobInCups(q, job);
            assertEquals(7, after.integer("job-state"), "job-state after the driver cancelled the job");
        }
    }

    @Test
    void cupsUnreachableWhileFollowingCancelsTheJobOnceCupsAnswersAgain() throws Exception {
        try (OwnA4Queue q = OwnA4Queue.create(); TcpProxy relay = new TcpProxy(CUPS_PORT)) {
            q.pausePrinter();
            CupsA4Printer printer = new CupsA4Printer(config(relay.uri(), q.name, Duration.ofSeconds(60)));
            String jobName = "zizhurestart" + System.nanoTime();
            // As soon as the job is in CUPS, CUPS goes away for 1.5 s (as during a restart).
            CompletableFuture<Void> back = new CompletableFuture<>();
            PrintResult r = printer.print(pdf, jobName, state -> {
                if (!back.isDone() && !state.done()) {
                    relay.down();
                    back.completeAsync(() -> {
                        try {
                            relay.up();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                        return null;
                    }, CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS));
                }
            });
            back.get(10, TimeUnit.SECONDS);
            assertEquals(JobState.FAILED, r.state(), r.toString());
            assertEquals("cups-unreachable", r.detail());
            int job = jobNumber(r, q);
            assertGoneForGood(q, job, jobName);
        }
    }

    @Test
    void aJobCupsCouldNotCancelInTimeIsCancelledAtTheNextStatusRefresh() throws Exception {
        try (OwnA4Queue q = OwnA4Queue.create(); TcpProxy relay = new TcpProxy(CUPS_PORT)) {
            q.pausePrinter();
            CupsA4Printer printer = new CupsA4Printer(config(relay.uri(), q.name, Duration.ofSeconds(60)).toBuilder()
                    .cancelTimeout(Duration.ofSeconds(2)).build());
            String jobName = "zizhuoutage" + System.nanoTime();
            PrintResult r = printer.print(pdf, jobName, state -> {
                if (!state.done()) {
                    relay.down(); // and it stays down until after print() has given up
                }
            });
            assertEquals(JobState.FAILED, r.state(), r.toString());
            int job = jobNumber(r, q);
            assertTrue(q.notCompletedJobs().contains(job), "precondition: CUPS could not be told, the job is still queued");
            assertFalse(printer.tracker().status().usable(), "A4 must not be offered while an old job may still print: "
                    + printer.tracker().status() + " " + printer.tracker().detail());
            assertEquals("job-not-cancelled", printer.tracker().detail());

            relay.up();
            printer.refreshStatus();
            assertGoneForGood(q, job, jobName);
        }
    }

    @Test
    void aJobPastItsDeadlineIsCancelledAndLeavesNoDocumentInTheSpool() throws Exception {
        try (OwnA4Queue q = OwnA4Queue.create()) {
            q.pausePrinter();
            CupsA4Printer printer = new CupsA4Printer(config(cups(), q.name, Duration.ofSeconds(2)));
            String jobName = "zizhutimeout" + System.nanoTime();
            PrintResult r = printer.print(pdf, jobName);
            assertEquals(JobState.FAILED, r.state(), r.toString());
            assertEquals("job-timeout", r.detail());
            int job = jobNumber(r, q);
            assertGoneForGood(q, job, jobName);
        }
    }

    @Test
    void jobsLeftByAPreviousRunAreCancelledAtStart() throws Exception {
        try (OwnA4Queue q = OwnA4Queue.create()) {
            // The queue is stopped, so the job certainly waits (a paused printer can make CUPS's
            // backend give up on the job under load, and then nothing is left to cancel).
            OwnA4Queue.run("cupsdisable", q.name);
            // A previous run submitted a job and was killed (or lost power) before following it.
            IppClient previousRun = new IppClient(cups(), q.name, System.getProperty("user.name"), Duration.ofSeconds(5));
            String jobName = "zizhuleftover" + System.nanoTime();
            int job = previousRun.printJob(pdf, jobName).integer("job-id");
            assertTrue(q.notCompletedJobs().contains(job), "the leftover job waits in CUPS");
            CupsA4Printer printer = new CupsA4Printer(config(cups(), q.name, Duration.ofSeconds(30)));
            assertEquals(1, printer.cancelLeftoverJobs());
            OwnA4Queue.run("cupsenable", q.name);
            assertGoneForGood(q, job, jobName);
            assertEquals(0, printer.cancelLeftoverJobs(), "nothing left the second time");
        }
    }

    @Test
    void aCompletedJobLeavesNoDocumentInTheSpool() throws Exception {
        try (OwnA4Queue q = OwnA4Queue.create()) {
            CupsA4Printer printer = new CupsA4Printer(config(cups(), q.name, Duration.ofSeconds(30)));
            String jobName = "zizhudone" + System.nanoTime();
            PrintResult r = printer.print(pdf, jobName);
            assertTrue(r.ok(), r.toString());
            assertTrue(q.printed(jobName).isPresent(), "the printer got the document");
            assertNoDocumentInCupsSpool(jobNumber(r, q));
        }
    }

    @Test
    void theDriverReportsWhetherCupsKeptTheDocument() throws Exception {
        boolean keeps = cupsdConfKeepsJobFiles();
        try (OwnA4Queue q = OwnA4Queue.create()) {
            CupsA4Printer printer = new CupsA4Printer(config(cups(), q.name, Duration.ofSeconds(30)));
            assertEquals(Optional.empty(), printer.spoolKeepsDocuments(), "unknown before a job has ended");
            PrintResult r = printer.print(pdf, "zizhukeeps" + System.nanoTime());
            assertTrue(r.ok(), r.toString());
            assertEquals(Optional.of(keeps), printer.spoolKeepsDocuments(),
                    "CUPS's job-preserved against what " + CUPSD_CONF + " says");
            assertNoDocumentInCupsSpool(jobNumber(r, q)); // purged either way
        }
    }

    /**
     * What cupsd.conf says, read independently of the driver: cupsd deletes a job's document when
     * it ends only if PreserveJobFiles or PreserveJobHistory is off (0); its defaults keep files
     * for a day (PreserveJobFiles 86400) and history forever.
     */
    private static boolean cupsdConfKeepsJobFiles() throws IOException {
        if (!Files.isReadable(CUPSD_CONF)) {
            fail("cannot read " + CUPSD_CONF + " (set -Dzizhu.cups.conf to the cupsd.conf of the cupsd under test)");
        }
        boolean files = true;
        boolean history = true;
        for (String line : Files.readAllLines(CUPSD_CONF)) {
            String[] w = line.trim().split("\\s+");
            if (w.length == 2 && w[0].equalsIgnoreCase("PreserveJobFiles")) {
                files = !isOff(w[1]);
            } else if (w.length == 2 && w[0].equalsIgnoreCase("PreserveJobHistory")) {
                history = !isOff(w[1]);
            }
        }
        return files && history;
    }

    private static boolean isOff(String v) {
        return v.equalsIgnoreCase("no") || v.equalsIgnoreCase("off") || v.equalsIgnoreCase("false") || v.equals("0");
    }
}
