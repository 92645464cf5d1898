package org.zizhu.device.printer.transport;

import com.fazecast.jSerialComm.SerialPort;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a receipt printer is attached, from a configuration string:
 * {@code tcp://HOST:PORT} (network printers, usually port 9100), {@code serial:PATH[?baud=N]}
 * (RS-232 or USB-serial, default 115200 8N1, no flow control) or {@code usb:/dev/usb/lpN}
 * (USB printer class device file).
 */
public sealed interface Endpoint {
    record Tcp(String host, int port) implements Endpoint {
        @Override
        public String toString() {
            return "tcp://" + host + ":" + port;
        }
    }

    record Serial(String path, int baud) implements Endpoint {
        @Override
        public String toString() {
            return "serial:" + path + "?baud=" + baud;
        }
    }

    record UsbDevice(Path path) implements Endpoint {
        @Override
        public String toString() {
            return "usb:" + path;
        }
    }

    static Endpoint parse(String s) {
        Objects.requireNonNull(s, "endpoint");
        if (s.startsWith("tcp://")) {
            String hp = s.substring(6);
            int colon = hp.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("tcp endpoint needs HOST:PORT: " + s);
            }
            int port = Integer.parseInt(hp.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("bad port in " + s);
            }
            return new Tcp(hp.substring(0, colon), port);
        }
        if (s.startsWith("serial:")) {
            String rest = s.substring(7);
            int baud = 115200;
            int q = rest.indexOf("?baud=");
            if (q >= 0) {
                baud = Integer.parseInt(rest.substring(q + 6));
                rest = rest.substring(0, q);
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("serial endpoint needs a path: " + s);
            }
            return new Serial(rest, baud);
        }
        if (s.startsWith("usb:")) {
            return new UsbDevice(Path.of(s.substring(4)));
        }
        throw new IllegalArgumentException("endpoint must be tcp://HOST:PORT, serial:PATH or usb:/dev/usb/lpN, not " + s);
    }

    /** Opens the link. {@link NoSuchFileException} when a serial/USB path does not exist. */
    default Transport open(Duration connectTimeout) throws IOException {
        return switch (this) {
            case Tcp t -> {
                Socket socket = new Socket();
                try {
                    socket.connect(new InetSocketAddress(t.host(), t.port()), (int) connectTimeout.toMillis());
                    socket.setTcpNoDelay(true);
                } catch (IOException e) {
                    socket.close();
                    throw e;
                }
                yield new StreamTransport(socket.getInputStream(), socket.getOutputStream(), toString(), () -> {
                    try {
                        socket.close();
                    } catch (IOException e) {
                        // closing anyway
                    }
                });
            }
            case Serial s -> {
                if (!Files.exists(Path.of(s.path()))) {
                    throw new NoSuchFileException(s.path());
                }
                SerialPort port = SerialPort.getCommPort(s.path());
                port.setComPortParameters(s.baud(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
                port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
                port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 200, 0);
                if (!port.openPort()) {
                    throw new IOException("cannot open serial port " + s.path() + " (error " + port.getLastErrorCode() + ")");
                }
                port.flushIOBuffers();
                InputStream in = new InputStream() {
                    private final byte[] one = new byte[1];

                    @Override
                    public int read() throws IOException {
                        int n = read(one, 0, 1);
                        return n < 0 ? -1 : one[0] & 0xFF;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        while (port.isOpen()) {
                            byte[] tmp = new byte[len];
                            int n = port.readBytes(tmp, len);
                            if (n < 0) {
                                return -1; // unplugged (EIO)
                            }
                            if (n > 0) {
                                System.arraycopy(tmp, 0, b, off, n);
                                return n;
                            }
                        }
                        return -1;
                    }
                };
                OutputStream out = new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        int done = 0;
                        while (done < len) {
                            int n = port.writeBytes(b, len - done, off + done);
                            if (n < 0) {
                                throw new IOException("serial write failed on " + s.path());
                            }
                            done += n;
                        }
                    }
                };
                yield new StreamTransport(in, out, toString(), port::closePort);
            }
            case UsbDevice u -> {
                if (!Files.exists(u.path())) {
                    throw new NoSuchFileException(u.path().toString());
                }
                FileOutputStream out = new FileOutputStream(u.path().toFile());
                FileInputStream in = new FileInputStream(u.path().toFile());
                yield new StreamTransport(in, out, toString(), () -> {
                });
            }
        };
    }
}
