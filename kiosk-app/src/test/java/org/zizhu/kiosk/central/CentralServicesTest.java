package org.zizhu.kiosk.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.CentralSimulator;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.outbox.OutboxKind;
import org.zizhu.kiosk.services.AppointmentService;
import org.zizhu.kiosk.services.CentralServices;
import org.zizhu.kiosk.services.EvaluationService;
import org.zizhu.kiosk.services.IdentityService;
import org.zizhu.kiosk.services.OneCertificateService;
import org.zizhu.kiosk.services.PaymentService;
import org.zizhu.kiosk.services.ReportService;
import org.zizhu.kiosk.services.ResidentSession;
import org.zizhu.kiosk.services.VerifiedDocument;
import org.zizhu.kiosk.cli.DiagCentralCommand;
import org.zizhu.kiosk.session.RatingLevel;

/**
 * The kiosk's central client against central-sim over real HTTPS with mutual TLS: enrolment,
 * then every service. central-sim validates every request and response against the OpenAPI
 * file, so an empty contractViolations() at the end is a contract test of both sides.
 */
class CentralServicesTest {
    static final String WANG = "150202198503120016";   // seeded: face MATCH, has several e-licenses
    static final String ZHAO = "150202200109160052";   // seeded: face NO_MATCH
    /** Over the configured deadline (mtlsConfig: 3 s): a hang fails the test, a slow machine does not. */
    static final Duration SLACK = Duration.ofSeconds(5);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};

    @TempDir
    Path data;
    CentralSimulator central;

    @BeforeEach
    void start() throws Exception {
        central = CentralSimulator.builder().start();
        // These cases test the transport (idempotency, the outbox, deadlines) with the earlier
        // formless draft; the application's content is checked in ApplicationClientTest.
        central.residents().formsRequired(false);
    }

    @AfterEach
    void stop() {
        central.close();
    }

    static KioskConfig mtlsConfig(String httpsUrl, Path dataDir) throws Exception {
        return TestKiosk.config(httpsUrl, dataDir)
                .with(ConfigKey.TERMINAL_ID, "T-MTLS-1")
                .with(ConfigKey.CENTRAL_CONNECT_TIMEOUT_MS, "1000")
                .with(ConfigKey.CENTRAL_REQUEST_TIMEOUT_MS, "3000")
                .with(ConfigKey.OUTBOX_BACKOFF_BASE_MS, "100")
                .with(ConfigKey.OUTBOX_BACKOFF_MAX_S, "2");
    }

    @Test
    void enrolsOverMutualTlsAndStoresCredentialsOwnerOnly() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(mtlsConfig(central.httpsBaseUrl(), data))) {
            CentralException before = assertThrows(CentralException.class, rt::syncNow);
            assertEquals(CentralException.Kind.NOT_ENROLLED, before.kind());
            var r = rt.enrol("DEMO-0000-0001");
            assertEquals("T-MTLS-1", r.credentials().terminalId());
            assertEquals(TerminalCredentials.fingerprint(central.ca().caCertificate()), r.caFingerprint());
            assertTrue(rt.syncNow().totalItems() > 30, "catalogue over mutual TLS");
        }
        Path creds = TerminalCredentials.dir(data);
        for (String f : List.of("terminal-key.pem", "terminal-cert.pem", "centre-ca.pem", "enrolment.properties", "outbox.key")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(creds.resolve(f))), f);
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(creds)));
        // A restart uses the stored credentials without enrolling again.
        try (KioskRuntime rt = KioskRuntime.open(mtlsConfig(central.httpsBaseUrl(), data))) {
            assertTrue(rt.client().ready());
            assertTrue(rt.heartbeat().send());
        }
        assertEquals(1, central.terminals().heartbeatCount("T-MTLS-1"));
        assertEquals(List.of(), central.contractViolations());
    }

    @Test
    void centreRefusesCallsWithoutClientCertificateAndWrongCodes() throws Exception {
        // Enrolment with an unknown code is refused with a message for the technician.
        try (KioskRuntime rt = KioskRuntime.open(mtlsConfig(central.httpsBaseUrl(), data))) {
            CentralException e = assertThrows(CentralException.class, () -> rt.enrol("NOPE-NOPE-NOPE"));
            assertEquals(CentralException.Kind.REJECTED, e.kind());
            assertEquals(403, e.status());
            assertFalse(rt.client().ready());
        }
        // A pinned CA fingerprint that does not match stops enrolment before anything is stored.
        Properties p = new Properties();
        p.setProperty("central.url", central.httpsBaseUrl());
        p.setProperty("data.dir", data.resolve("pinned").toString());
        p.setProperty("central.caFingerprint", "00".repeat(32));
        try (KioskRuntime rt = KioskRuntime.open(KioskConfig.from(p, "test"))) {
            CentralException e = assertThrows(CentralException.class, () -> rt.enrol("DEMO-0000-0001"));
            assertEquals(CentralException.Kind.REJECTED, e.kind());
            assertTrue(TerminalCredentials.load(data.resolve("pinned")).isEmpty());
        }
        // Raw HTTPS without a client certificate: 401 from the centre.
        var trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
        trustAll.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {
            }

            public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {
            }

            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        var http = java.net.http.HttpClient.newBuilder().sslContext(trustAll).build();
        var resp = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(central.httpsBaseUrl() + "/catalog"))
                .header("X-Terminal-Id", "T-X").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, resp.statusCode());
        assertEquals(1, central.unauthorisedCount());
        assertEquals(List.of(), central.contractViolations());
    }

    @Test
    void everyServiceFollowsTheContract() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(mtlsConfig(central.httpsBaseUrl(), data))) {
            rt.enrol("DEMO-0000-0001");
            CentralServices s = rt.services();

            // Identity: deterministic outcomes by ID number.
            IdentityService.FaceCheck miss = s.identity().verifyFace(ZHAO, JPEG);
            assertEquals(IdentityService.Result.NO_MATCH, miss.result());
            assertTrue(miss.session().isEmpty());
            assertThrows(IllegalArgumentException.class, () -> s.identity().verifyFace("150202198503120017", JPEG));
            ResidentSession wang = s.identity().verifyFace(WANG, JPEG).session().orElseThrow();
            assertEquals("1502**********0016", wang.maskedIdNumber());
            ResidentSession qr = s.identity().qrLogin("QRDEMO-wangjianguo-0001");
            assertEquals(wang.maskedIdNumber(), qr.maskedIdNumber());

            // One-certificate: consent, list, fetch with a verified SM2 seal.
            String item = "11150200MB1532145Q200520300001"; // 户籍证明开具 (immediate)
            var auth = s.oneCertificate().authorise(wang, item, Set.of("ID_CARD", "HOUSEHOLD_REGISTER"), Duration.ofMinutes(10));
            var access = new OneCertificateService.Access(item, "户籍证明开具", "TXN-20261202-0001", OneCertificateService.Purpose.SELF_SERVICE_PRINT);
            var licenses = s.oneCertificate().licenses(wang, auth, access);
            assertEquals(2, licenses.size());
            VerifiedDocument doc = s.oneCertificate().license(wang, auth, licenses.get(0).licenseId(), access);
            // The centre recorded each access with the national interface's audit elements.
            var logged = central.residents().audit().accesses();
            assertEquals(2, logged.size());
            var fetched = logged.get(1);
            assertEquals("150202", fetched.locationCode());
            assertEquals(item, fetched.itemCode());
            assertEquals("户籍证明开具", fetched.itemName());
            assertEquals("TXN-20261202-0001", fetched.businessRef());
            assertEquals("SELF_SERVICE_PRINT", fetched.purpose());
            assertEquals(licenses.get(0).licenseId(), fetched.licenseId());
            // A license is never fetched for another item than the consent's.
            var elsewhere = new OneCertificateService.Access("11150200MB15296375200930100001", "别的事项", "TXN-20261202-0001",
                    OneCertificateService.Purpose.SELF_SERVICE_PRINT);
            CentralException mismatch = assertThrows(CentralException.class,
                    () -> s.oneCertificate().license(wang, auth, licenses.get(0).licenseId(), elsewhere));
            assertEquals("PURPOSE_MISMATCH", mismatch.code());
            assertEquals(WANG, doc.content().path("holder").path("idNumber").asText());
            assertTrue(doc.content().path("watermark").asText().contains("仅供办理政务服务事项时使用"));

            // Application: the same draft submitted twice is one case.
            var draft = s.oneCertificate().draft("11150200MB15296375200930100001", WANG, auth.authorisationId(),
                    List.of(new OneCertificateService.MaterialRef("居民身份证", OneCertificateService.MaterialSource.E_LICENSE, licenses.get(0).licenseId())),
                    "13800138000");
            var first = s.oneCertificate().submit(draft);
            var again = s.oneCertificate().submit(draft);
            assertFalse(first.queued());
            String caseNumber = first.receipt().orElseThrow().caseNumber();
            assertEquals(caseNumber, again.receipt().orElseThrow().caseNumber());
            assertEquals(1, central.appliedWithKey(draft.idempotencyKey()));
            assertEquals("ACCEPTED", s.oneCertificate().caseStatus(caseNumber).status());
            assertEquals("IN_REVIEW", s.oneCertificate().caseStatus(caseNumber).status());
            CentralException unknownCase = assertThrows(CentralException.class, () -> s.oneCertificate().caseStatus("ZW-19990101-000000"));
            assertEquals(404, unknownCase.status());
            assertEquals("未找到该办件，请核对办件编号", unknownCase.residentMessage().zh());

            // Immediate item: sealed certificate.
            VerifiedDocument cert = s.immediate().issue(wang, item, auth.authorisationId(), null);
            assertEquals(VerifiedDocument.Kind.CERTIFICATE, cert.kind());
            CentralException notImmediate = assertThrows(CentralException.class,
                    () -> s.immediate().issue(wang, "11150200MB15296375200930100001", null, null));
            assertEquals(409, notImmediate.status());

            // Payments: create, poll until paid (sim pays on the 2nd poll), a paid order cannot be cancelled.
            var order = s.payments().create("12150200MB1F70152P070420600501", null, 8000, "不动产权证书工本费", null);
            assertEquals(PaymentService.Status.PENDING, order.status());
            assertTrue(order.qrPayload().startsWith("https://"));
            assertEquals(PaymentService.Status.PENDING, s.payments().status(order.orderId()).status());
            assertEquals(PaymentService.Status.PAID, s.payments().status(order.orderId()).status());
            assertEquals(409, assertThrows(CentralException.class,
                    () -> s.payments().cancel(order.orderId(), PaymentService.CancelReason.RESIDENT_CANCELLED)).status());
            var other = s.payments().create("12150200MB1F70152P070420600501", null, 100, "test", null);
            assertEquals(PaymentService.Status.CANCELLED, s.payments().cancel(other.orderId(), PaymentService.CancelReason.TIMEOUT).status());

            // Appointment check-in and queue ticket.
            AppointmentService.CheckIn ci = s.appointments().checkIn(wang, "YY2025001");
            assertTrue(ci.ticket().ticketNumber().startsWith("Y"));
            assertTrue(s.appointments().ticket("11150200MB1532145Q200510100301", null).ticketNumber().startsWith("A"));

            // Evaluation and report through the outbox.
            assertThrows(IllegalArgumentException.class, () -> s.evaluations().submit(new EvaluationService.Evaluation(
                    RatingLevel.VERY_DISSATISFIED, List.of(), null, item, null, null)));
            var bad = s.evaluations().submit(new EvaluationService.Evaluation(RatingLevel.DISSATISFIED,
                    List.of("SLOW_SERVICE"), "等了很久", item, caseNumber, "13900139000"));
            assertEquals(Duration.ofHours(48), Duration.between(bad.ratedAt(), bad.callbackDueBy()));
            assertEquals(Duration.ofDays(15), Duration.between(bad.ratedAt(), bad.correctionDueBy()));
            var good = s.evaluations().submit(new EvaluationService.Evaluation(RatingLevel.VERY_SATISFIED,
                    List.of(), null, item, null, null));
            assertNotNull(good.reference());
            var report = s.reports().submit(new ReportService.Report(ReportService.Category.MATERIALS_UNCLEAR, "材料要求看不懂", item, null));
            rt.heartbeat().enqueue(rt.outbox());
            rt.drainer().drainOnce();
            assertEquals(0, rt.outbox().depth());
            assertEquals(1, central.appliedWithKey(bad.reference()));
            assertEquals(1, central.appliedWithKey(good.reference()));
            assertEquals(1, central.appliedWithKey(report.reference()));
            assertEquals(2, central.hall().evaluations().size());
            assertEquals(1, central.terminals().heartbeatCount("T-MTLS-1"));

            // Remote configuration: allow-listed keys stored and applied on the next start.
            ObjectNode rc = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
            rc.put("version", 7);
            rc.putObject("overrides").put("ui.idleTimeoutSeconds", "120").put("heartbeat.intervalSeconds", "30");
            central.terminalApi().remoteConfig("T-MTLS-1", rc);
            assertEquals(7, rt.remoteConfig().fetch(rt.config()));
        }
        try (KioskRuntime rt = KioskRuntime.open(mtlsConfig(central.httpsBaseUrl(), data))) {
            assertEquals("120", rt.config().get(org.zizhu.kiosk.config.ConfigKey.UI_IDLE_TIMEOUT_S));
        }
        assertEquals(List.of(), central.contractViolations(), "kiosk requests and sim responses follow the contract");
    }

    @Test
    void uiCallsFailFastWhenPartitionedOrSlowAndQueuedWorkDrainsAfter() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(mtlsConfig(central.httpsBaseUrl(), data))) {
            rt.enrol("DEMO-0000-0001");
            rt.drainer().start();
            central.faults().partitioned(true);
            long t0 = System.nanoTime();
            CentralException down = assertThrows(CentralException.class, () -> rt.services().identity().verifyFace(WANG, JPEG));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(CentralException.Kind.UNREACHABLE, down.kind());
            assertTrue(ms < 3_500, "partitioned call returned within the request budget, took " + ms + " ms");
            assertEquals(LinkState.Status.OFFLINE, rt.link().status());
            // Writes that may wait are accepted while offline ...
            var ev = rt.services().evaluations().submit(new EvaluationService.Evaluation(RatingLevel.SATISFIED,
                    List.of(), null, "11150200MB1532145Q200520300001", null, null));
            var draft = rt.services().oneCertificate().draft("11150200MB15296375200930100001", WANG, null, List.of(), null);
            var sub = rt.services().oneCertificate().submit(draft);
            assertTrue(sub.queued());
            assertEquals(1L, rt.outbox().depthByKind().get(OutboxKind.APPLICATION));
            // ... slow centre: TIMEOUT within the budget.
            central.faults().clear();
            central.faults().latencyMillis(5_000);
            t0 = System.nanoTime();
            CentralException slow = assertThrows(CentralException.class, () -> rt.services().payments().status("PO-ABCDEFGH12345678"));
            ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(CentralException.Kind.TIMEOUT, slow.kind());
            assertTrue(ms < 4_500, "slow centre call gave up within the budget, took " + ms + " ms");
            // Link returns: the queue drains, the deferred submission gets its case number.
            central.faults().clear();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> rt.outbox().depth() == 0);
            assertEquals(1, central.appliedWithKey(ev.reference()));
            assertEquals(1, central.appliedWithKey(draft.idempotencyKey()));
            assertTrue(rt.services().oneCertificate().queuedReceipt(sub.reference()).orElseThrow().caseNumber().startsWith("ZW-"));
        }
        assertEquals(List.of(), central.contractViolations());
    }

    @Test
    void residentTransactionsFailInTimeWhenAnswersStallMidBodyAndWorkAfter() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(mtlsConfig(central.httpsBaseUrl(), data))) {
            rt.enrol("DEMO-0000-0001");
            Duration bound = rt.client().requestTimeout().plus(SLACK);
            ResidentSession wang = rt.services().identity().verifyFace(WANG, JPEG).session().orElseThrow();
            String item = "11150200MB1532145Q200520300001"; // 户籍证明开具 (immediate)
            String press = UUID.randomUUID().toString();    // the resident's one intent, kept across presses

            // Immediate item: the centre issues the certificate, its answer stalls half-way.
            central.faults().stallMidBodyOn("issueImmediate");
            CentralException e = assertTimeoutPreemptively(bound,
                    () -> assertThrows(CentralException.class, () -> rt.services().immediate().issue(wang, item, null, press)),
                    "the resident hears within the deadline");
            assertEquals(CentralException.Kind.TIMEOUT, e.kind());
            assertTrue(e.retryable());
            assertEquals("暂时无法连接政务服务平台，请稍后再试或到窗口办理。", e.residentMessage().zh(), "a message the screen can show");
            assertFalse(e.residentMessage().en().isBlank());
            assertEquals(LinkState.Status.OFFLINE, rt.link().status());

            // Application: a submission whose answer stalls is queued in time (the centre had it already).
            central.faults().stallMidBodyOn("submitApplication");
            var draft = rt.services().oneCertificate().draft("11150200MB15296375200930100001", WANG, null, List.of(), null);
            var sub = assertTimeoutPreemptively(bound, () -> rt.services().oneCertificate().submit(draft));
            assertTrue(sub.queued());
            assertEquals(2, central.stalledAnswerCount());

            // The fault ends: the same press gets the certificate (issued once), the queue delivers once.
            central.faults().clear();
            VerifiedDocument cert = rt.services().immediate().issue(wang, item, null, press);
            assertEquals(VerifiedDocument.Kind.CERTIFICATE, cert.kind());
            assertEquals(1, central.appliedWithKey(press));
            assertEquals(LinkState.Status.ONLINE, rt.link().status());
            rt.drainer().drainOnce();
            assertEquals(1, central.appliedWithKey(draft.idempotencyKey()));
            assertTrue(rt.services().oneCertificate().queuedReceipt(sub.reference()).orElseThrow().caseNumber().startsWith("ZW-"));
        }
        assertEquals(List.of(), central.contractViolations());
    }

    @Test
    void enrolmentHeartbeatAndRemoteConfigFailInTimeWhenAnswersStallMidBody() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(mtlsConfig(central.httpsBaseUrl(), data))) {
            Duration bound = rt.client().requestTimeout().plus(SLACK);
            central.faults().stallMidBody(true);
            CentralException enrol = assertTimeoutPreemptively(bound, () -> assertThrows(CentralException.class, () -> rt.enrol("DEMO-0000-0001")));
            assertEquals(CentralException.Kind.TIMEOUT, enrol.kind());
            assertFalse(rt.client().ready(), "nothing half-installed");
            central.faults().clear();
            rt.enrol("DEMO-0000-0001");

            central.faults().stallMidBody(true);
            assertFalse(assertTimeoutPreemptively(bound, () -> rt.heartbeat().send()), "a heartbeat gives up in time");
            CentralException rc = assertTimeoutPreemptively(bound, () -> assertThrows(CentralException.class, () -> rt.remoteConfig().fetch(rt.config())));
            assertEquals(CentralException.Kind.TIMEOUT, rc.kind());
            assertEquals(3, central.stalledAnswerCount());
            assertEquals(LinkState.Status.OFFLINE, rt.link().status());

            central.faults().clear();
            assertTrue(rt.heartbeat().send());
            assertEquals(LinkState.Status.ONLINE, rt.link().status());
            rt.remoteConfig().fetch(rt.config());
        }
        assertEquals(List.of(), central.contractViolations());
    }

    @Test
    void diagEnrolAndDiagCentralReportAsJson() throws Exception {
        Path cfg = data.resolve("kiosk.properties");
        Files.writeString(cfg, "central.url=" + central.httpsBaseUrl() + "\ndata.dir=" + data.resolve("d") + "\nterminal.id=T-DIAG-1\n"
                + "central.requestTimeoutMs=3000\n");
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        var ps = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        var pe = new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8);
        DiagCentralCommand diag = new DiagCentralCommand();
        assertEquals(1, diag.run(List.of("--config", cfg.toString()), ps, pe), "not enrolled yet");
        assertEquals(0, new org.zizhu.kiosk.cli.DiagEnrolCommand().run(List.of("--code", "DEMO-0000-0001", "--config", cfg.toString()), ps, pe),
                err.toString());
        out.reset();
        assertEquals(0, diag.run(List.of("--config", cfg.toString()), ps, pe), err.toString());
        var j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("mutual-tls", j.path("mode").asText());
        assertTrue(j.path("enrolment").path("enrolled").asBoolean());
        assertTrue(j.path("enrolment").path("credentialFilesOwnerOnly").asBoolean());
        assertEquals("ONLINE", j.path("link").path("status").asText());
        assertEquals(0, j.path("outbox").path("pendingByKind").path("EVALUATION").asInt(-1));
        assertEquals(2, new org.zizhu.kiosk.cli.DiagEnrolCommand().run(List.of("--code", "bad code"), ps, pe));
        assertEquals(List.of(), central.contractViolations());
    }
}
