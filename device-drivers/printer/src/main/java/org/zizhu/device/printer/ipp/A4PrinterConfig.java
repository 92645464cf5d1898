package org.zizhu.device.printer.ipp;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable A4 printer settings ({@link #of(String)} with the defaults, then {@code with*}, the
 * style of every printer config): the CUPS server and queue, how often to poll job state, how long a
 * job may take before it is cancelled (a resident's document must not print hours later at
 * an unattended kiosk), how long a stopped queue may hold a job, and how long to keep trying
 * to cancel a failed job while CUPS does not answer (a restart) before leaving it to the next
 * status refresh.
 */
public record A4PrinterConfig(String deviceId, URI cups, String queue, Duration pollInterval, Duration jobTimeout,
                              Duration stoppedGrace, Duration cancelTimeout) {
    /** Default for {@link #cancelTimeout}: a cupsd restart takes a second or two. */
    public static final Duration DEFAULT_CANCEL_TIMEOUT = Duration.ofSeconds(10);

    public A4PrinterConfig {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(cups, "cups");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(cancelTimeout, "cancelTimeout");
    }

    /** With the default {@link #cancelTimeout}. */
    public A4PrinterConfig(String deviceId, URI cups, String queue, Duration pollInterval, Duration jobTimeout,
                           Duration stoppedGrace) {
        this(deviceId, cups, queue, pollInterval, jobTimeout, stoppedGrace, DEFAULT_CANCEL_TIMEOUT);
    }

    /** Defaults: local CUPS, poll 200 ms, job timeout 2 min, stopped queue 3 s, cancel 10 s. */
    public static A4PrinterConfig of(String queue) {
        return new A4PrinterConfig("a4-printer", URI.create("http://localhost:631"), queue, Duration.ofMillis(200),
                Duration.ofMinutes(2), Duration.ofSeconds(3));
    }

    public A4PrinterConfig withCups(URI v) {
        return new A4PrinterConfig(deviceId, v, queue, pollInterval, jobTimeout, stoppedGrace, cancelTimeout);
    }

    public A4PrinterConfig withQueue(String v) {
        return new A4PrinterConfig(deviceId, cups, v, pollInterval, jobTimeout, stoppedGrace, cancelTimeout);
    }

    public A4PrinterConfig withPollInterval(Duration v) {
        return new A4PrinterConfig(deviceId, cups, queue, v, jobTimeout, stoppedGrace, cancelTimeout);
    }

    public A4PrinterConfig withStoppedGrace(Duration v) {
        return new A4PrinterConfig(deviceId, cups, queue, pollInterval, jobTimeout, v, cancelTimeout);
    }

    public A4PrinterConfig withJobTimeout(Duration d) {
        return new A4PrinterConfig(deviceId, cups, queue, pollInterval, d, stoppedGrace, cancelTimeout);
    }

    public A4PrinterConfig withCancelTimeout(Duration d) {
        return new A4PrinterConfig(deviceId, cups, queue, pollInterval, jobTimeout, stoppedGrace, d);
    }

    public A4PrinterConfig withDeviceId(String id) {
        return new A4PrinterConfig(id, cups, queue, pollInterval, jobTimeout, stoppedGrace, cancelTimeout);
    }
}
