package org.zizhu.device.printer.escpos;

import java.time.Duration;
import java.util.Objects;
import org.zizhu.device.printer.transport.Endpoint;

/**
 * Immutable receipt printer settings; build with {@link #builder(String)}.
 *
 * @param chunkSize    bytes written per lock hold; the paper sensor is read after each chunk
 * @param statusTimeout how long to wait for one DLE EOT answer (covers the printer working
 *                      through the chunk before it, on slow serial links too)
 * @param pollInterval background status polling; {@link Duration#ZERO} for none
 */
public record ReceiptPrinterConfig(String deviceId, Endpoint endpoint, ReceiptPaper paper, int chunkSize,
                                   Duration statusTimeout, Duration pollInterval, Duration connectTimeout) {
    public ReceiptPrinterConfig {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(paper, "paper");
        if (chunkSize < 16) {
            throw new IllegalArgumentException("chunkSize must be at least 16");
        }
    }

    public static Builder builder(String endpoint) {
        return new Builder(Endpoint.parse(endpoint));
    }

    public static final class Builder {
        private final Endpoint endpoint;
        private String deviceId = "receipt-printer";
        private ReceiptPaper paper = ReceiptPaper.MM80;
        private int chunkSize = 512;
        private Duration statusTimeout = Duration.ofMillis(1500);
        private Duration pollInterval = Duration.ofSeconds(2);
        private Duration connectTimeout = Duration.ofSeconds(3);

        private Builder(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        public Builder deviceId(String v) {
            deviceId = v;
            return this;
        }

        public Builder paper(ReceiptPaper v) {
            paper = v;
            return this;
        }

        public Builder chunkSize(int v) {
            chunkSize = v;
            return this;
        }

        public Builder statusTimeout(Duration v) {
            statusTimeout = v;
            return this;
        }

        public Builder pollInterval(Duration v) {
            pollInterval = v;
            return this;
        }

        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        public ReceiptPrinterConfig build() {
            return new ReceiptPrinterConfig(deviceId, endpoint, paper, chunkSize, statusTimeout, pollInterval, connectTimeout);
        }
    }
}
