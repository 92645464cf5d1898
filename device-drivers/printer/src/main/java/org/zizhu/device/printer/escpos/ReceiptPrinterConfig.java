package org.zizhu.device.printer.escpos;

import java.time.Duration;
import java.util.Objects;
import org.zizhu.device.printer.transport.Endpoint;

/**
 * Immutable receipt printer settings: {@link #of(String)} with the defaults, then {@code with*}
 * for what differs (the style of every printer config, like {@code A4PrinterConfig}).
 *
 * @param chunkSize    bytes written per lock hold; the paper sensor is read after each chunk
 * @param statusTimeout how long to wait for one DLE EOT answer (covers the printer working
 *                      through the chunk before it, on slow serial links too)
 * @param pollInterval background status polling; {@link Duration#ZERO} for none
 */
public record ReceiptPrinterConfig(String deviceId, Endpoint endpoint, ReceiptPaper paper, int chunkSize,
                                   Duration statusTimeout, Duration pollInterval, Duration connectTimeout) {
    /** The usual port of a networked receipt printer, on this machine; what a simulation replaces. */
    public static final String DEFAULT_ENDPOINT = "tcp://127.0.0.1:9100";

    public ReceiptPrinterConfig {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(statusTimeout, "statusTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (chunkSize < 16) {
            throw new IllegalArgumentException("chunkSize must be at least 16");
        }
    }

    /**
     * Defaults: id {@code receipt-printer}, 80 mm paper, 512-byte chunks, 1.5 s status timeout,
     * status polled every 2 s, 3 s to connect. {@code endpoint}: {@code tcp://HOST:PORT},
     * {@code serial:PATH[?baud=N]} or {@code usb:/dev/usb/lpN}.
     */
    public static ReceiptPrinterConfig of(String endpoint) {
        return new ReceiptPrinterConfig("receipt-printer", Endpoint.parse(endpoint), ReceiptPaper.MM80, 512,
                Duration.ofMillis(1500), Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    /** {@link #of(String)} at {@link #DEFAULT_ENDPOINT}. */
    public static ReceiptPrinterConfig defaults() {
        return of(DEFAULT_ENDPOINT);
    }

    public ReceiptPrinterConfig withDeviceId(String v) {
        return new ReceiptPrinterConfig(v, endpoint, paper, chunkSize, statusTimeout, pollInterval, connectTimeout);
    }

    public ReceiptPrinterConfig withEndpoint(String v) {
        return new ReceiptPrinterConfig(deviceId, Endpoint.parse(v), paper, chunkSize, statusTimeout, pollInterval, connectTimeout);
    }

    public ReceiptPrinterConfig withPaper(ReceiptPaper v) {
        return new ReceiptPrinterConfig(deviceId, endpoint, v, chunkSize, statusTimeout, pollInterval, connectTimeout);
    }

    public ReceiptPrinterConfig withChunkSize(int v) {
        return new ReceiptPrinterConfig(deviceId, endpoint, paper, v, statusTimeout, pollInterval, connectTimeout);
    }

    public ReceiptPrinterConfig withStatusTimeout(Duration v) {
        return new ReceiptPrinterConfig(deviceId, endpoint, paper, chunkSize, v, pollInterval, connectTimeout);
    }

    public ReceiptPrinterConfig withPollInterval(Duration v) {
        return new ReceiptPrinterConfig(deviceId, endpoint, paper, chunkSize, statusTimeout, v, connectTimeout);
    }

    public ReceiptPrinterConfig withConnectTimeout(Duration v) {
        return new ReceiptPrinterConfig(deviceId, endpoint, paper, chunkSize, statusTimeout, pollInterval, v);
    }
}
