package org.zizhu.device.idcard;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of one SAM reader. Build with {@code builder().portPath(...)...build()}; configure the port
 * by its stable path ({@code /dev/serial/by-id/usb-...}) so it survives re-plugging into
 * another USB socket.
 */
public final class IdCardReaderConfig {
    private final String portPath;
    private final SamBaud baud;
    private final Duration pollInterval;
    private final Duration readTimeout;
    private final int retries;
    private final Duration reconnectInterval;
    private final boolean readFingerprint;
    private final String deviceId;

    private IdCardReaderConfig(Builder b) {
        this.portPath = b.portPath;
        this.baud = b.baud;
        this.pollInterval = b.pollInterval;
        this.readTimeout = b.readTimeout;
        this.retries = b.retries;
        this.reconnectInterval = b.reconnectInterval;
        this.readFingerprint = b.readFingerprint;
        this.deviceId = b.deviceId;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().portPath(portPath).baud(baud).pollInterval(pollInterval).readTimeout(readTimeout).retries(retries)
                .reconnectInterval(reconnectInterval).readFingerprint(readFingerprint).deviceId(deviceId);
    }

    public String portPath() {
        return portPath;
    }

    public SamBaud baud() {
        return baud;
    }

    /** Time between find-card polls while idle. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** How long to wait for a reply beyond its own wire time at the current baud. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Extra attempts after a timeout or corrupt reply (and extra read attempts per placed card). */
    public int retries() {
        return retries;
    }

    /** How often to look for a lost or silent reader. */
    public Duration reconnectInterval() {
        return reconnectInterval;
    }

    /** Read with 30 10 (text, photo and fingerprint) instead of 30 01. */
    public boolean readFingerprint() {
        return readFingerprint;
    }

    /** Name in status events, e.g. {@code idcard}. */
    public String deviceId() {
        return deviceId;
    }

    @Override
    public String toString() {
        return "IdCardReaderConfig[" + portPath + ", " + baud.bitsPerSecond() + " baud, poll " + pollInterval.toMillis()
                + " ms, timeout " + readTimeout.toMillis() + " ms, retries " + retries + "]";
    }

    public static final class Builder {
        private String portPath;
        private SamBaud baud = SamBaud.B115200;
        private Duration pollInterval = Duration.ofMillis(200);
        private Duration readTimeout = Duration.ofMillis(1000);
        private int retries = 2;
        private Duration reconnectInterval = Duration.ofMillis(500);
        private boolean readFingerprint;
        private String deviceId = "idcard";

        private Builder() {
        }

        /** Required: the serial port, by its stable path. */
        public Builder portPath(String portPath) {
            this.portPath = Objects.requireNonNull(portPath, "portPath");
            if (portPath.isBlank()) {
                throw new IllegalArgumentException("portPath is blank");
            }
            return this;
        }

        public Builder baud(SamBaud baud) {
            this.baud = Objects.requireNonNull(baud);
            return this;
        }

        /** Baud in bits per second: 115200, 57600, 38400, 19200 or 9600. */
        public Builder baud(int bitsPerSecond) {
            return baud(SamBaud.of(bitsPerSecond));
        }

        public Builder pollInterval(Duration d) {
            this.pollInterval = positive(d, "pollInterval", Duration.ofMillis(10), Duration.ofSeconds(10));
            return this;
        }

        public Builder readTimeout(Duration d) {
            this.readTimeout = positive(d, "readTimeout", Duration.ofMillis(10), Duration.ofSeconds(30));
            return this;
        }

        public Builder retries(int n) {
            if (n < 0 || n > 10) {
                throw new IllegalArgumentException("retries must be 0..10");
            }
            this.retries = n;
            return this;
        }

        public Builder reconnectInterval(Duration d) {
            this.reconnectInterval = positive(d, "reconnectInterval", Duration.ofMillis(10), Duration.ofMinutes(1));
            return this;
        }

        public Builder readFingerprint(boolean b) {
            this.readFingerprint = b;
            return this;
        }

        public Builder deviceId(String id) {
            this.deviceId = Objects.requireNonNull(id);
            return this;
        }

        public IdCardReaderConfig build() {
            Objects.requireNonNull(portPath, "portPath");
            return new IdCardReaderConfig(this);
        }

        private static Duration positive(Duration d, String what, Duration min, Duration max) {
            Objects.requireNonNull(d, what);
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new IllegalArgumentException(what + " must be between " + min.toMillis() + " ms and " + max.toMillis() + " ms");
            }
            return d;
        }
    }
}
