package org.zizhu.device.printer.ipp;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable A4 printer settings, built with {@code builder().queue(...)...build()} (the style of
 * every device config; {@link #toBuilder()} for a copy that differs in some settings): the CUPS
 * server and queue, how often to poll job state, how long a job may take before it is cancelled
 * (a resident's document must not print hours later at an unattended kiosk), how long a stopped
 * queue may hold a job, and how long to keep trying to cancel a failed job while CUPS does not
 * answer (a restart) before leaving it to the next status refresh.
 *
 * <pre>{@code
 * A4PrinterConfig cfg = A4PrinterConfig.builder()
 *         .queue("zizhu-a4")                              // required
 *         .jobTimeout(Duration.ofSeconds(60))
 *         .build();
 * }</pre>
 *
 * <p>Defaults: id {@code a4-printer}, local CUPS ({@code http://localhost:631}), poll 200 ms,
 * job timeout 2 min, stopped queue 3 s, cancel 10 s.
 */
public final class A4PrinterConfig {
    /** Default for {@link #cancelTimeout}: a cupsd restart takes a second or two. */
    public static final Duration DEFAULT_CANCEL_TIMEOUT = Duration.ofSeconds(10);

    private final String deviceId;
    private final URI cups;
    private final String queue;
    private final Duration pollInterval;
    private final Duration jobTimeout;
    private final Duration stoppedGrace;
    private final Duration cancelTimeout;

    private A4PrinterConfig(Builder b) {
        this.deviceId = b.deviceId;
        this.cups = b.cups;
        this.queue = b.queue;
        this.pollInterval = b.pollInterval;
        this.jobTimeout = b.jobTimeout;
        this.stoppedGrace = b.stoppedGrace;
        this.cancelTimeout = b.cancelTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.deviceId = deviceId;
        b.cups = cups;
        b.queue = queue;
        b.pollInterval = pollInterval;
        b.jobTimeout = jobTimeout;
        b.stoppedGrace = stoppedGrace;
        b.cancelTimeout = cancelTimeout;
        return b;
    }

    /** Name in status events, default {@code a4-printer}. */
    public String deviceId() {
        return deviceId;
    }

    /** The CUPS server. */
    public URI cups() {
        return cups;
    }

    /** The CUPS queue in front of the printer. */
    public String queue() {
        return queue;
    }

    /** How often to ask CUPS for a job's state. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** How long a job may take before it is cancelled. */
    public Duration jobTimeout() {
        return jobTimeout;
    }

    /** How long a stopped queue may hold a job. */
    public Duration stoppedGrace() {
        return stoppedGrace;
    }

    /** How long to keep trying to cancel a failed job while CUPS does not answer. */
    public Duration cancelTimeout() {
        return cancelTimeout;
    }

    @Override
    public String toString() {
        return "A4PrinterConfig[deviceId=" + deviceId + ", cups=" + cups + ", queue=" + queue + ", pollInterval="
                + pollInterval + ", jobTimeout=" + jobTimeout + ", stoppedGrace=" + stoppedGrace + ", cancelTimeout="
                + cancelTimeout + "]";
    }

    public static final class Builder {
        private String deviceId = "a4-printer";
        private URI cups = URI.create("http://localhost:631");
        private String queue;
        private Duration pollInterval = Duration.ofMillis(200);
        private Duration jobTimeout = Duration.ofMinutes(2);
        private Duration stoppedGrace = Duration.ofSeconds(3);
        private Duration cancelTimeout = DEFAULT_CANCEL_TIMEOUT;

        private Builder() {
        }

        public Builder deviceId(String id) {
            this.deviceId = Objects.requireNonNull(id, "deviceId");
            return this;
        }

        public Builder cups(URI cups) {
            this.cups = Objects.requireNonNull(cups, "cups");
            return this;
        }

        /** Required: the CUPS queue name. */
        public Builder queue(String queue) {
            this.queue = Objects.requireNonNull(queue, "queue");
            return this;
        }

        public Builder pollInterval(Duration d) {
            this.pollInterval = Objects.requireNonNull(d, "pollInterval");
            return this;
        }

        public Builder jobTimeout(Duration d) {
            this.jobTimeout = Objects.requireNonNull(d, "jobTimeout");
            return this;
        }

        public Builder stoppedGrace(Duration d) {
            this.stoppedGrace = Objects.requireNonNull(d, "stoppedGrace");
            return this;
        }

        public Builder cancelTimeout(Duration d) {
            this.cancelTimeout = Objects.requireNonNull(d, "cancelTimeout");
            return this;
        }

        public A4PrinterConfig build() {
            Objects.requireNonNull(queue, "queue");
            return new A4PrinterConfig(this);
        }
    }
}
