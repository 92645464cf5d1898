package org.zizhu.device.printer.ipp;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A4 printer settings: the CUPS server and queue, how often to poll job state, how long a
 * job may take before it is cancelled (a resident's document must not print hours later at
 * an unattended kiosk), and how long a stopped queue may hold a job.
 */
public record A4PrinterConfig(String deviceId, URI cups, String queue, Duration pollInterval, Duration jobTimeout,
                              Duration stoppedGrace) {
    public A4PrinterConfig {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(cups, "cups");
        Objects.requireNonNull(queue, "queue");
    }

    /** Defaults: local CUPS, poll 200 ms, job timeout 2 min, stopped queue 3 s. */
    public static A4PrinterConfig of(String queue) {
        return new A4PrinterConfig("a4-printer", URI.create("http://localhost:631"), queue, Duration.ofMillis(200),
                Duration.ofMinutes(2), Duration.ofSeconds(3));
    }

    public A4PrinterConfig withJobTimeout(Duration d) {
        return new A4PrinterConfig(deviceId, cups, queue, pollInterval, d, stoppedGrace);
    }

    public A4PrinterConfig withDeviceId(String id) {
        return new A4PrinterConfig(id, cups, queue, pollInterval, jobTimeout, stoppedGrace);
    }
}
