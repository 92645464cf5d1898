package org.zizhu.device.printer.transport;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/** A byte pipe to a receipt printer: serial port, USB printer device file or TCP 9100. */
public interface Transport extends Closeable {
    /** Writes all bytes (blocking while the printer applies flow control). */
    void write(byte[] b, int off, int len) throws IOException;

    /** One byte from the printer, or -1 if none arrived within {@code timeout}. */
    int read(Duration timeout) throws IOException;

    /** Discards bytes already received (stale answers), so the next read is a fresh answer. */
    void discardInput();

    /** Where this goes, e.g. {@code tcp://10.0.0.5:9100}; never personal data. */
    String describe();

    @Override
    void close();
}
