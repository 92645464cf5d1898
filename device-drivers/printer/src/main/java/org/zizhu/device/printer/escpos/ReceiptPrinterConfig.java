package org.zizhu.device.printer.escpos;

import java.time.Duration;
import java.util.Objects;
import org.zizhu.device.printer.transport.Endpoint;

/**
 * Immutable receipt printer settings. Build with {@code builder().endpoint(...)...build()} (the
 * style of every device config); {@link #toBuilder()} for a copy that differs in some settings.
 *
 * <pre>{@code
 * ReceiptPrinterConfig cfg = ReceiptPrinterConfig.builder()
 *         .endpoint("serial:/dev/ttyUSB0?baud=115200")   // required
 *         .paper(ReceiptPaper.MM58)
 *         .build();
 * }</pre>
 *
 * <p>Defaults: id {@code receipt-printer}, 80 mm paper, 512-byte chunks, 1.5 s status timeout,
 * status polled every 2 s, 3 s to connect.
 */
public final class ReceiptPrinterConfig {
    /** The usual port of a networked receipt printer, on this machine; what a simulation replaces. */
    public static final String DEFAULT_ENDPOINT = "tcp://127.0.0.1:9100";

    private final String deviceId;
    private final Endpoint endpoint;
    private final ReceiptPaper paper;
    private final int chunkSize;
    private final Duration statusTimeout;
    private final Duration pollInterval;
    private final Duration connectTimeout;

    private ReceiptPrinterConfig(Builder b) {
        this.deviceId = b.deviceId;
        this.endpoint = b.endpoint;
        this.paper = b.paper;
        this.chunkSize = b.chunkSize;
        this.statusTimeout = b.statusTimeout;
        this.pollInterval = b.pollInterval;
        this.connectTimeout = b.connectTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.deviceId = deviceId;
        b.endpoint = endpoint;
        b.paper = paper;
        b.chunkSize = chunkSize;
        b.statusTimeout = statusTimeout;
        b.pollInterval = pollInterval;
        b.connectTimeout = connectTimeout;
        return b;
    }

    /** Name in status events and job ids, default {@code receipt-printer}. */
    public String deviceId() {
        return deviceId;
    }

    /** Where the printer is attached. */
    public Endpoint endpoint() {
        return endpoint;
    }

    public ReceiptPaper paper() {
        return paper;
    }

    /** Bytes written per lock hold; the paper sensor is read after each chunk. */
    public int chunkSize() {
        return chunkSize;
    }

    /**
     * How long to wait for one DLE EOT answer (covers the printer working through the chunk
     * before it, on slow serial links too).
     */
    public Duration statusTimeout() {
        return statusTimeout;
    }

    /** Background status polling; {@link Duration#ZERO} for none. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** How long to wait for the link to open. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public String toString() {
        return "ReceiptPrinterConfig[deviceId=" + deviceId + ", endpoint=" + endpoint + ", paper=" + paper
                + ", chunkSize=" + chunkSize + ", statusTimeout=" + statusTimeout + ", pollInterval=" + pollInterval
                + ", connectTimeout=" + connectTimeout + "]";
    }

    public static final class Builder {
        private String deviceId = "receipt-printer";
        private Endpoint endpoint;
        private ReceiptPaper paper = ReceiptPaper.MM80;
        private int chunkSize = 512;
        private Duration statusTimeout = Duration.ofMillis(1500);
        private Duration pollInterval = Duration.ofSeconds(2);
        private Duration connectTimeout = Duration.ofSeconds(3);

        private Builder() {
        }

        public Builder deviceId(String id) {
            this.deviceId = Objects.requireNonNull(id, "deviceId");
            return this;
        }

        /**
         * Required: {@code tcp://HOST:PORT}, {@code serial:PATH[?baud=N]} or {@code usb:/dev/usb/lpN}
         * ({@link #DEFAULT_ENDPOINT} for a networked printer on this machine); rejected at once if
         * malformed.
         */
        public Builder endpoint(String endpoint) {
            this.endpoint = Endpoint.parse(Objects.requireNonNull(endpoint, "endpoint"));
            return this;
        }

        /** Required: an already parsed endpoint. */
        public Builder endpoint(Endpoint endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        public Builder paper(ReceiptPaper paper) {
            this.paper = Objects.requireNonNull(paper, "paper");
            return this;
        }

        public Builder chunkSize(int bytes) {
            if (bytes < 16) {
                throw new IllegalArgumentException("chunkSize must be at least 16");
            }
            this.chunkSize = bytes;
            return this;
        }

        public Builder statusTimeout(Duration d) {
            this.statusTimeout = Objects.requireNonNull(d, "statusTimeout");
            return this;
        }

        /** {@link Duration#ZERO} for no background polling. */
        public Builder pollInterval(Duration d) {
            this.pollInterval = Objects.requireNonNull(d, "pollInterval");
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = Objects.requireNonNull(d, "connectTimeout");
            return this;
        }

        public ReceiptPrinterConfig build() {
            Objects.requireNonNull(endpoint, "endpoint");
            return new ReceiptPrinterConfig(this);
        }
    }
}
