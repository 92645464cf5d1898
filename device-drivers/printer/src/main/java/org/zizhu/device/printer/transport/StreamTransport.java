package org.zizhu.device.printer.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.zizhu.threads.DaemonThreads;

/**
 * Transport over a stream pair. A reader thread moves incoming bytes into a queue, so a
 * status read can time out even on streams (device files) whose reads block forever.
 */
class StreamTransport implements Transport {
    private static final int EOF = -2;

    private final InputStream in;
    private final OutputStream out;
    private final String description;
    private final Runnable onClose;
    private final BlockingQueue<Integer> received = new LinkedBlockingQueue<>();
    private volatile boolean closed;
    private volatile boolean eof;

    StreamTransport(InputStream in, OutputStream out, String description, Runnable onClose) {
        this.in = in;
        this.out = out;
        this.description = description;
        this.onClose = onClose;
        DaemonThreads.start("printer-rx " + description, this::pump);
    }

    private void pump() {
        byte[] buf = new byte[256];
        try {
            while (!closed) {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    received.add(buf[i] & 0xFF);
                }
            }
        } catch (IOException e) {
            // the link is gone; reads report it
        }
        eof = true;
        received.add(EOF);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed || eof) {
            throw new IOException("connection to " + description + " is closed");
        }
        out.write(b, off, len);
        out.flush();
    }

    @Override
    public int read(Duration timeout) throws IOException {
        try {
            Integer b = received.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (b == null) {
                return -1;
            }
            if (b == EOF) {
                received.add(EOF);
                throw new IOException("connection to " + description + " closed by the printer");
            }
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void discardInput() {
        received.removeIf(b -> b != EOF);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            // closing anyway
        }
        try {
            in.close();
        } catch (IOException e) {
            // closing anyway
        }
        onClose.run();
    }
}
