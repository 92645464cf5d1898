package org.zizhu.kiosk.ops;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.StatusTracker;
import org.zizhu.kiosk.central.LinkState;
import org.zizhu.threads.DaemonThreads;

/**
 * Prometheus metrics for operations staff at {@code http://HOST:PORT/metrics}: device status
 * (one series per device and status, 1 for the current one), link to the centre, catalogue size,
 * plus the JVM's memory, GC, threads, CPU and uptime. Bound to loopback unless configured
 * otherwise, since the terminal's network is not the operator's.
 */
public final class MetricsServer implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpServer server;

    /**
     * What the metrics read, asked on every scrape. An interface here (not the runtime itself)
     * so the operations package does not depend on the kiosk that composes it.
     */
    public interface Source {
        LinkState link();

        /** Service items in the cached catalogue. */
        int catalogItems();

        /** Every device's status; devices can be added after start. */
        List<StatusTracker> devices();
    }

    public MetricsServer(Source runtime, String host, int port) throws IOException {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("zizhu_central_link_online", runtime, r -> r.link().status() == LinkState.Status.ONLINE ? 1 : 0)
                .description("1 when the last call to the centre succeeded").register(registry);
        Gauge.builder("zizhu_catalog_items", runtime, Source::catalogItems)
                .description("service items in the cached catalogue").register(registry);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 8);
        server.setExecutor(Executors.newSingleThreadExecutor(DaemonThreads.named("metrics-http")));
        server.createContext("/metrics", ex -> {
            try (ex) {
                registerDevices(runtime);
                byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    /** Devices can be added after start; gauges are registered on first sight (idempotent). */
    private void registerDevices(Source runtime) {
        for (StatusTracker t : runtime.devices()) {
            for (DeviceStatus s : DeviceStatus.values()) {
                Gauge.builder("zizhu_device_status", t, tr -> tr.status() == s ? 1 : 0)
                        .tags(Tags.of("device", t.deviceId(), "status", s.name()))
                        .description("1 for the device's current common status").register(registry);
            }
        }
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
