package org.zizhu.device.smartcard;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How to find and drive the PC/SC reader. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * SmartCardConfig cfg = SmartCardConfig.builder()
 *         .readerNamePattern("Virtual PCD 00 00")   // regex, found anywhere in the reader name
 *         .pollInterval(Duration.ofMillis(200))
 *         .apduTimeout(Duration.ofSeconds(3))
 *         .build();
 * }</pre>
 */
public final class SmartCardConfig {
    private final String deviceId;
    private final Pattern readerNamePattern;
    private final Duration pollInterval;
    private final Duration apduTimeout;
    private final Duration connectTimeout;
    private final Duration reconnectInterval;

    private SmartCardConfig(Builder b) {
        this.deviceId = b.deviceId;
        this.readerNamePattern = b.readerNamePattern;
        this.pollInterval = b.pollInterval;
        this.apduTimeout = b.apduTimeout;
        this.connectTimeout = b.connectTimeout;
        this.reconnectInterval = b.reconnectInterval;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.deviceId = deviceId;
        b.readerNamePattern = readerNamePattern;
        b.pollInterval = pollInterval;
        b.apduTimeout = apduTimeout;
        b.connectTimeout = connectTimeout;
        b.reconnectInterval = reconnectInterval;
        return b;
    }

    /** Id in status events and logs, default {@code smartcard}. */
    public String deviceId() {
        return deviceId;
    }

    /** Chooses the reader: the first reader (in pcscd's order) whose name contains a match. */
    public Pattern readerNamePattern() {
        return readerNamePattern;
    }

    /**
     * Longest time the monitor blocks in one SCardGetStatusChange; bounds how late it notices
     * a reader list change or {@code close()}. Card insertion itself wakes it at once.
     */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** Longest wait for one APDU's answer before the session is declared broken. */
    public Duration apduTimeout() {
        return apduTimeout;
    }

    /** Longest wait for SCardConnect (card power-up and ATR). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Wait between attempts to reach pcscd again after it went away. */
    public Duration reconnectInterval() {
        return reconnectInterval;
    }

    @Override
    public String toString() {
        return "SmartCardConfig[deviceId=" + deviceId + ", reader=/" + readerNamePattern.pattern() + "/, poll="
                + pollInterval.toMillis() + "ms, apduTimeout=" + apduTimeout.toMillis() + "ms, connectTimeout="
                + connectTimeout.toMillis() + "ms, reconnect=" + reconnectInterval.toMillis() + "ms]";
    }

    public static final class Builder {
        private String deviceId = "smartcard";
        private Pattern readerNamePattern = Pattern.compile(".*");
        private Duration pollInterval = Duration.ofMillis(250);
        private Duration apduTimeout = Duration.ofSeconds(5);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration reconnectInterval = Duration.ofSeconds(1);

        private Builder() {
        }

        public Builder deviceId(String id) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("deviceId must not be blank");
            }
            this.deviceId = id;
            return this;
        }

        /** A regular expression searched for in reader names; rejected at once if invalid. */
        public Builder readerNamePattern(String regex) {
            Objects.requireNonNull(regex, "regex");
            try {
                this.readerNamePattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid reader name pattern: " + e.getDescription(), e);
            }
            return this;
        }

        public Builder pollInterval(Duration d) {
            this.pollInterval = positive("pollInterval", d, Duration.ofMillis(10), Duration.ofSeconds(30));
            return this;
        }

        public Builder apduTimeout(Duration d) {
            this.apduTimeout = positive("apduTimeout", d, Duration.ofMillis(50), Duration.ofMinutes(2));
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive("connectTimeout", d, Duration.ofMillis(50), Duration.ofMinutes(2));
            return this;
        }

        public Builder reconnectInterval(Duration d) {
            this.reconnectInterval = positive("reconnectInterval", d, Duration.ofMillis(10), Duration.ofMinutes(5));
            return this;
        }

        private static Duration positive(String name, Duration d, Duration min, Duration max) {
            Objects.requireNonNull(d, name);
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new IllegalArgumentException(name + " must be between " + min.toMillis() + " ms and "
                        + max.toMillis() + " ms, was " + d.toMillis() + " ms");
            }
            return d;
        }

        public SmartCardConfig build() {
            return new SmartCardConfig(this);
        }
    }
}
