package org.zizhu.kiosk.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.CentralSimulator;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.StatusTracker;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.TestKiosk;

class MetricsServerTest {
    @TempDir
    Path data;

    @Test
    void scrapeShowsCatalogueLinkAndDeviceStatus() throws Exception {
        try (CentralSimulator central = CentralSimulator.builder().start();
             KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            rt.syncNow();
            StatusTracker printer = new StatusTracker("receipt-printer", DeviceStatus.ONLINE);
            rt.addDevice(printer);
            try (MetricsServer m = new MetricsServer(rt, "127.0.0.1", 0)) {
                printer.update(DeviceStatus.USER_ERROR, org.zizhu.device.printer.escpos.ReceiptFault.PAPER_END);
                HttpResponse<String> r = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.port() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode());
                String body = r.body();
                assertTrue(body.contains("zizhu_catalog_items " + rt.catalog().size() + ".0"), body);
                assertTrue(body.contains("zizhu_central_link_online 1.0"), body);
                assertTrue(body.contains("zizhu_device_status{device=\"receipt-printer\",status=\"USER_ERROR\"} 1.0"), body);
                assertTrue(body.contains("zizhu_device_status{device=\"receipt-printer\",status=\"ONLINE\"} 0.0"), body);
                assertTrue(body.contains("jvm_memory_used_bytes"), body);
            }
        }
    }
}
