package org.zizhu.device.idcard.internal;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.zizhu.device.idcard.SamLinkException;
import org.zizhu.device.idcard.SamLinkException.Reason;

/**
 * One open serial port: 8N1, no flow control, input flushed after open (bytes written to a
 * pty nobody held would otherwise arrive as stale input). Reads are semi-blocking with a short
 * slice so callers can honour their own deadlines. A read of -1 or jSerialComm's
 * PORT_DISCONNECTED event marks the link lost.
 */
public final class SerialLink implements AutoCloseable {
    /** Longest single blocking read; callers loop up to their deadline. */
    private static final int READ_SLICE_MS = 100;
    private static final int WRITE_TIMEOUT_MS = 1000;

    private final SerialPort port;
    private final String path;
    private volatile boolean lost;
    private volatile boolean closed;

    private SerialLink(SerialPort port, String path) {
        this.port = port;
        this.path = path;
    }

    /**
     * Opens {@code path}. {@code onDisconnect} runs (on jSerialComm's event thread, possibly
     * several times) when the port disappears; it must only hand off.
     */
    public static SerialLink open(String path, int baud, Runnable onDisconnect) throws SamLinkException {
        if (!Files.exists(Path.of(path))) {
            throw new SamLinkException(Reason.PORT_NOT_FOUND, "no serial port at " + path);
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new SamLinkException(Reason.PORT_NOT_FOUND, "no serial port at " + path + ": " + e.getMessage());
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_SLICE_MS, WRITE_TIMEOUT_MS);
        if (!port.openPort()) {
            throw new SamLinkException(Reason.OPEN_FAILED, "cannot open " + path + " (jSerialComm error "
                    + port.getLastErrorCode() + "; check permissions: group dialout)");
        }
        port.flushIOBuffers();
        SerialLink link = new SerialLink(port, path);
        if (onDisconnect != null) {
            port.addDataListener(new SerialPortDataListener() {
                @Override
                public int getListeningEvents() {
                    return SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
                }

                @Override
                public void serialEvent(SerialPortEvent event) {
                    if (!link.closed && !link.lost) {
                        link.lost = true;
                        onDisconnect.run();
                    }
                }
            });
        }
        return link;
    }

    public String path() {
        return path;
    }

    public boolean isLost() {
        return lost;
    }

    public void write(byte[] frame) throws SamLinkException {
        check();
        int n = port.writeBytes(frame, frame.length);
        if (n != frame.length) {
            lost = true;
            throw new SamLinkException(Reason.PORT_LOST, "write to " + path + " failed");
        }
    }

    /**
     * Reads what is available, waiting at most {@code maxWaitMs} (capped at a short slice).
     * Returns the byte count, 0 on timeout.
     */
    public int read(byte[] buf, int maxWaitMs) throws SamLinkException {
        check();
        int wait = Math.max(1, Math.min(maxWaitMs, READ_SLICE_MS));
        if (wait != currentReadTimeout) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                    wait, WRITE_TIMEOUT_MS);
            currentReadTimeout = wait;
        }
        int n = port.readBytes(buf, buf.length);
        if (n < 0) {
            lost = true;
            throw new SamLinkException(Reason.PORT_LOST, "serial port " + path + " disappeared");
        }
        check();
        return n;
    }

    private int currentReadTimeout = READ_SLICE_MS;

    /** Drops anything waiting in the input (stale bytes, late replies to an earlier command). */
    public void discardInput() throws SamLinkException {
        check();
        port.flushIOBuffers();
        int avail = port.bytesAvailable();
        if (avail < 0) {
            lost = true;
            throw new SamLinkException(Reason.PORT_LOST, "serial port " + path + " disappeared");
        }
        if (avail > 0) {
            byte[] junk = new byte[Math.min(avail, 8192)];
            port.readBytes(junk, junk.length);
        }
    }

    public void setBaud(int baud) {
        port.setBaudRate(baud);
    }

    private void check() throws SamLinkException {
        if (closed) {
            throw new SamLinkException(Reason.CLOSED, "serial port " + path + " is closed");
        }
        if (lost) {
            throw new SamLinkException(Reason.PORT_LOST, "serial port " + path + " disappeared");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        port.removeDataListener();
        port.closePort();
    }
}
