package org.zizhu.kiosk.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.CentralSimulator;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.central.LinkState;

/** Catalogue sync over real HTTP against central-sim, cached in a real SQLite file. */
class CatalogSyncTest {
    @TempDir
    Path data;
    private CentralSimulator central;

    @BeforeEach
    void start() throws Exception {
        central = CentralSimulator.builder().start();
    }

    @AfterEach
    void stop() {
        central.close();
    }

    @Test
    void firstSyncFetchesEverythingThenNotModifiedThenOnlyChanges() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            assertTrue(rt.catalog().isEmpty());
            CatalogSync.Result first = rt.syncNow();
            assertTrue(first.changed());
            assertTrue(first.totalItems() >= 30, "seeded catalogue has at least 30 items");
            assertEquals(first.totalItems(), first.fetchedItems());
            assertEquals(central.catalog().version(), rt.catalog().version());
            assertEquals(first.totalItems(), rt.catalog().size());
            assertEquals(LinkState.Status.ONLINE, rt.link().status());

            CatalogSync.Result second = rt.syncNow();
            assertFalse(second.changed());

            String code = rt.catalog().items().get(0).code();
            ObjectNode item = central.catalog().item(code).orElseThrow().deepCopy();
            ((ObjectNode) item.path("hours")).put("zh", "工作日8:30-17:30（测试修改）");
            central.catalog().publish(item);
            CatalogSync.Result third = rt.syncNow();
            assertTrue(third.changed());
            assertEquals(1, third.fetchedItems());
            assertEquals("工作日8:30-17:30（测试修改）", rt.catalog().detail(code).orElseThrow().hours().zh());
        }
        assertEquals(List.of(), central.contractViolations(), "kiosk requests and sim responses follow the contract");
    }

    @Test
    void cachedCatalogueServesWhenCentreIsDown() throws Exception {
        int items;
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            items = rt.syncNow().totalItems();
        }
        String url = central.baseUrl();
        central.close();
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(url, data))) {
            assertEquals(items, rt.catalog().size(), "catalogue available offline from SQLite");
            CentralException e = assertThrows(CentralException.class, rt::syncNow);
            assertEquals(CentralException.Kind.UNREACHABLE, e.kind());
            assertEquals(LinkState.Status.OFFLINE, rt.link().status());
            assertEquals(items, rt.catalog().size(), "failed sync keeps the cached catalogue");
        }
    }

    @Test
    void malformedAnswersAreRejectedAndOldCatalogueKept() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            rt.syncNow();
        }
        String[] bodies = {
                "not json at all",
                "{\"version\": \"v2\", \"generatedAt\": \"x\", \"groups\": [], \"items\": [{\"code\": \"\"}]}",
                "{\"version\": 5}",
                "[1,2,3]",
        };
        for (String body : bodies) {
            HttpServer bad = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            bad.createContext("/", ex -> {
                byte[] b = body.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
                ex.close();
            });
            bad.start();
            try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config("http://127.0.0.1:" + bad.getAddress().getPort() + "/api/v1", data))) {
                String before = rt.catalog().version();
                Exception e = assertThrows(Exception.class, rt::syncNow, body);
                assertTrue(e instanceof CentralException || e instanceof CatalogJson.InvalidCatalogException, e.toString());
                assertEquals(before, rt.catalog().version());
                assertEquals(before, rt.catalogStore().version().orElseThrow());
            } finally {
                bad.stop(0);
            }
        }
    }

    @Test
    void endlessAnswerIsCutOffAtTheSizeCap() throws Exception {
        HttpServer endless = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endless.createContext("/", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0); // chunked, and it never ends: only the kiosk's cap stops it
            byte[] spaces = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            try (ex; var out = ex.getResponseBody()) {
                out.write('[');
                while (true) {
                    out.write(spaces);
                }
            } catch (java.io.IOException gone) {
                // the kiosk hung up
            }
        });
        endless.start();
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config("http://127.0.0.1:" + endless.getAddress().getPort() + "/api/v1", data))) {
            CentralException e = assertTimeoutPreemptively(rt.client().requestTimeout().plus(Duration.ofSeconds(5)),
                    () -> assertThrows(CentralException.class, rt::syncNow));
            assertEquals(CentralException.Kind.BAD_RESPONSE, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("larger than"), e.getMessage());
            assertTrue(rt.catalog().isEmpty());
        } finally {
            endless.stop(0);
        }
    }

    @Test
    void slowCentreTimesOutWithinTheConfiguredBudget() throws Exception {
        central.faults().latencyMillis(5_000);
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            CentralException e = assertThrows(CentralException.class, rt::syncNow);
            assertEquals(CentralException.Kind.TIMEOUT, e.kind());
        }
    }

    @Test
    void answerStalledMidBodyFailsTheSyncInTimeAndKeepsTheCatalogueThenSyncs() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            rt.syncNow();
            String before = rt.catalog().version();
            int items = rt.catalog().size();
            String code = rt.catalog().items().get(0).code();
            ObjectNode item = central.catalog().item(code).orElseThrow().deepCopy();
            ((ObjectNode) item.path("hours")).put("zh", "工作日9:00-17:00（停顿测试）");
            central.catalog().publish(item);
            // The new index arrives in full; the changed item's answer stalls half-way.
            central.faults().stallMidBodyOn("getCatalogItem");
            Duration deadline = rt.client().requestTimeout();
            CentralException e = assertTimeoutPreemptively(deadline.plus(Duration.ofSeconds(5)),
                    () -> assertThrows(CentralException.class, rt::syncNow), "the sync ends within the item call's deadline");
            assertEquals(CentralException.Kind.TIMEOUT, e.kind());
            assertEquals(1, central.stalledAnswerCount());
            assertEquals(LinkState.Status.OFFLINE, rt.link().status());
            assertEquals(before, rt.catalog().version(), "the old catalogue stays in use");
            assertEquals(before, rt.catalogStore().version().orElseThrow(), "and in the store");
            assertEquals(items, rt.catalog().size());

            central.faults().clear();
            CatalogSync.Result after = rt.syncNow();
            assertTrue(after.changed());
            assertEquals(central.catalog().version(), rt.catalog().version());
            assertEquals("工作日9:00-17:00（停顿测试）", rt.catalog().detail(code).orElseThrow().hours().zh());
            assertEquals(LinkState.Status.ONLINE, rt.link().status());
        }
        assertEquals(List.of(), central.contractViolations());
    }

    @Test
    void heartbeatFollowsTheContract() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            assertTrue(rt.heartbeat().send());
        }
        assertEquals(1, central.terminals().heartbeatCount("T-TEST-1"));
        assertEquals(List.of(), central.contractViolations());
    }
}
