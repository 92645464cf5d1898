package org.zizhu.device.printer.sim;

import com.fazecast.jSerialComm.SerialPort;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.fonts.GlyphFonts;
import org.zizhu.threads.DaemonThreads;

/**
 * An ESC/POS receipt printer that interprets the real command bytes: GBK text in Chinese
 * mode with print modes and alignment, native QR codes (GS ( k), raster images (GS v 0),
 * feeds and cuts. It draws each receipt into an image (PNG) and keeps what it decoded
 * (text lines, QR data, cut) for tests and the demo. It answers DLE EOT 1-4 from a
 * scriptable state: paper fine / near end / end (also "runs out after N more bytes"), cover
 * open, cutter error, offline, or silent (powered off: no answers at all).
 *
 * <pre>{@code
 * try (EscPosSimulator sim = EscPosSimulator.startTcp(0)) {
 *     ... print to "tcp://127.0.0.1:" + sim.port() ...
 *     byte[] png = sim.lastReceiptPng();
 * }
 * }</pre>
 */
public final class EscPosSimulator implements AutoCloseable {
    private static final Charset GBK = Charset.forName("GBK");
    private static final int LINE_GAP = 6;

    private final int paperDots;
    private final List<SimulatedReceipt> receipts = new CopyOnWriteArrayList<>();
    private final List<Consumer<SimulatedReceipt>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong statusQueries = new AtomicLong();
    private final AtomicLong statusQueriesWhilePrinting = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger sessions = new java.util.concurrent.atomic.AtomicInteger();
    private volatile PaperState paper = PaperState.FINE;
    private volatile long paperLeft = -1;
    private volatile boolean coverOpen;
    private volatile boolean cutterError;
    private volatile boolean offline;
    private volatile boolean silent;
    private volatile int bytesPerSecond;
    private volatile boolean closed;
    private ServerSocket server;
    private SerialPort serial;
    private Thread thread;

    private EscPosSimulator(int paperDots) {
        this.paperDots = paperDots;
    }

    /** Listens on loopback {@code port} (0: any free port) for one connection at a time. 576-dot (80 mm) paper. */
    public static EscPosSimulator startTcp(int port) throws IOException {
        return startTcp(port, 576);
    }

    public static EscPosSimulator startTcp(int port, int paperDots) throws IOException {
        EscPosSimulator sim = new EscPosSimulator(paperDots);
        sim.server = new ServerSocket();
        sim.server.setReuseAddress(true);
        sim.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        sim.thread = DaemonThreads.start("escpos-sim tcp:" + sim.server.getLocalPort(), sim::acceptLoop);
        EventLog.event(EventId.PRINTER_SIMULATOR_STARTED, Outcome.SUCCESS, "endpoint", "tcp://127.0.0.1:" + sim.port());
        return sim;
    }

    /** Serves a serial port (e.g. one end of a socat pty pair). */
    public static EscPosSimulator startSerial(String path, int paperDots) throws IOException {
        EscPosSimulator sim = new EscPosSimulator(paperDots);
        SerialPort p = SerialPort.getCommPort(path);
        p.setComPortParameters(115200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 200, 0);
        if (!p.openPort()) {
            throw new IOException("cannot open " + path + " (error " + p.getLastErrorCode() + ")");
        }
        p.flushIOBuffers();
        sim.serial = p;
        InputStream in = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] b = new byte[1];
                while (!sim.closed) {
                    int n = p.readBytes(b, 1);
                    if (n < 0) {
                        return -1;
                    }
                    if (n == 1) {
                        return b[0] & 0xFF;
                    }
                }
                return -1;
            }
        };
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                p.writeBytes(new byte[] {(byte) b}, 1);
            }
        };
        sim.thread = DaemonThreads.start("escpos-sim " + path, () -> sim.session(in, out));
        EventLog.event(EventId.PRINTER_SIMULATOR_STARTED, Outcome.SUCCESS, "endpoint", "serial:" + path);
        return sim;
    }

    public int port() {
        return server == null ? -1 : server.getLocalPort();
    }

    // ---- scriptable state --------------------------------------------------------------

    public void setPaper(PaperState state) {
        paper = state;
        paperLeft = -1;
    }

    /** The paper runs out after {@code bytes} more printable bytes (text and image data). */
    public void paperEndAfter(long bytes) {
        paperLeft = bytes;
    }

    public void setCoverOpen(boolean open) {
        coverOpen = open;
    }

    public void setCutterError(boolean error) {
        cutterError = error;
    }

    /** Printer reports itself offline (and prints nothing) but still answers status. */
    public void setOffline(boolean off) {
        offline = off;
    }

    /** Powered off / cable pulled: no answers, nothing printed. */
    public void setSilent(boolean s) {
        silent = s;
    }

    /** Print speed in bytes per second (0: as fast as the bytes come), for jobs that take time. */
    public void setBytesPerSecond(int bps) {
        bytesPerSecond = bps;
    }

    public PaperState paper() {
        return paper;
    }

    // ---- what was printed ----------------------------------------------------------------

    public List<SimulatedReceipt> receipts() {
        return List.copyOf(receipts);
    }

    public SimulatedReceipt lastReceipt() {
        return receipts.isEmpty() ? null : receipts.get(receipts.size() - 1);
    }

    public byte[] lastReceiptPng() {
        SimulatedReceipt r = lastReceipt();
        return r == null ? null : r.png();
    }

    /** Waits until at least {@code count} receipts (complete or interrupted) exist. */
    public List<SimulatedReceipt> awaitReceipts(int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (receipts.size() < count && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return receipts();
    }

    public void onReceipt(Consumer<SimulatedReceipt> listener) {
        listeners.add(listener);
    }

    public long statusQueries() {
        return statusQueries.get();
    }

    /** DLE EOT queries that arrived while a receipt was part-printed (between its first byte and its cut). */
    public long statusQueriesWhilePrinting() {
        return statusQueriesWhilePrinting.get();
    }

    public long bytesReceived() {
        return bytesReceived.get();
    }

    // ---- interpreter -----------------------------------------------------------------------

    private void acceptLoop() {
        while (!closed) {
            try (Socket s = server.accept()) {
                s.setTcpNoDelay(true);
                session(s.getInputStream(), s.getOutputStream());
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void session(InputStream raw, OutputStream out) {
        Interpreter it = new Interpreter(new Paced(raw), out);
        sessions.incrementAndGet();
        try {
            it.run();
        } catch (EOFException | SocketException e) {
            // peer closed
        } catch (IOException e) {
            // link error: same as a closed link
        } finally {
            it.finishReceipt(false);
            sessions.decrementAndGet();
        }
    }

    /** Waits until no host is connected (the sender finished its last status check), at most {@code timeout}. */
    public boolean awaitDisconnected(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (sessions.get() > 0 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return sessions.get() == 0;
    }

    /** Reads at the configured print speed. */
    private final class Paced extends InputStream {
        private final InputStream in;
        private long count;

        Paced(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            bytesReceived.incrementAndGet();
            int bps = bytesPerSecond;
            if (bps > 0 && ++count % 64 == 0) {
                try {
                    Thread.sleep(Math.max(1, 64_000L / bps));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            return b;
        }
    }

    private final class Interpreter {
        private final InputStream in;
        private final OutputStream out;
        private final List<BufferedImage> bands = new ArrayList<>();
        private final List<String> lines = new ArrayList<>();
        private final List<String> qrs = new ArrayList<>();
        private final java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        private int rasters;
        private boolean chinese;
        private boolean bold;
        private int widthMul = 1;
        private int heightMul = 1;
        private int align;
        private int qrModule = 3;
        private ErrorCorrectionLevel qrLevel = ErrorCorrectionLevel.L;
        private byte[] qrData;
        private boolean started;
        private boolean stoppedByPaper;

        Interpreter(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        private int next() throws IOException {
            return in.read();
        }

        void run() throws IOException {
            while (!closed) {
                int b = next();
                switch (b) {
                    case 0x0A -> printLine(true);
                    case 0x0D -> {
                    }
                    case 0x10 -> dle();
                    case 0x1B -> esc();
                    case 0x1C -> fs();
                    case 0x1D -> gs();
                    default -> {
                        if (b >= 0x20 || (chinese && b >= 0x80)) {
                            if (consumePaper(1)) {
                                text.write(b);
                            }
                        }
                    }
                }
            }
        }

        private boolean printable() {
            return !silent && !offline && !coverOpen && paper != PaperState.END;
        }

        /** Uses up paper; false if nothing may be printed (paper out, cover open, offline). */
        private boolean consumePaper(int n) {
            if (!printable()) {
                if (paper == PaperState.END && started) {
                    stoppedByPaper = true;
                }
                return false;
            }
            started = true;
            long left = paperLeft;
            if (left >= 0) {
                left -= n;
                paperLeft = left;
                if (left <= 0) {
                    paper = PaperState.END;
                    paperLeft = -1;
                    stoppedByPaper = true;
                    return false;
                }
                if (left < 2000 && paper == PaperState.FINE) {
                    paper = PaperState.NEAR_END;
                }
            }
            return true;
        }

        private void dle() throws IOException {
            int c = next();
            if (c == 0x04) {
                int n = next();
                statusQueries.incrementAndGet();
                if (started) {
                    statusQueriesWhilePrinting.incrementAndGet();
                }
                if (!silent) {
                    out.write(status(n));
                    out.flush();
                }
            } else if (c == 0x05 || c == 0x14) {
                next();
                if (c == 0x14) {
                    next();
                    next();
                }
            }
        }

        private int status(int n) {
            PaperState p = paper;
            boolean end = p == PaperState.END;
            return switch (n) {
                case 1 -> 0x12 | (offline || coverOpen || end ? 0x08 : 0);
                case 2 -> 0x12 | (coverOpen ? 0x04 : 0) | (end ? 0x20 : 0) | (cutterError ? 0x40 : 0);
                case 3 -> 0x12 | (cutterError ? 0x08 : 0);
                case 4 -> 0x12 | (p == PaperState.NEAR_END ? 0x0C : 0) | (end ? 0x60 : 0);
                default -> 0x12;
            };
        }

        private void esc() throws IOException {
            int c = next();
            switch (c) {
                case '@' -> {
                    printLine(false);
                    if (started) {
                        finishReceipt(false);
                    }
                    chinese = false;
                    bold = false;
                    widthMul = 1;
                    heightMul = 1;
                    align = 0;
                }
                case '!' -> {
                    int n = next();
                    bold = (n & 0x08) != 0;
                    heightMul = (n & 0x10) != 0 ? 2 : 1;
                    widthMul = (n & 0x20) != 0 ? 2 : 1;
                }
                case 'E' -> bold = (next() & 1) != 0;
                case 'a' -> align = next() % 48 % 3;
                case 'd' -> feed(next());
                case 'J' -> feedDots(next());
                case '-', '2', '3', 'M', 't', 'R', 'G', '=', 'V', '{', 'c', 'U', ' ', 'r' -> {
                    if (c != '2') {
                        next();
                    }
                }
                case 'p' -> {
                    next();
                    next();
                    next();
                }
                default -> {
                }
            }
        }

        private void fs() throws IOException {
            int c = next();
            switch (c) {
                case '&' -> chinese = true;
                case '.' -> chinese = false;
                case '!', 'C', 'W', '-' -> next();
                default -> {
                }
            }
        }

        private void gs() throws IOException {
            int c = next();
            switch (c) {
                case '!' -> {
                    int n = next();
                    widthMul = (n >> 4 & 7) + 1;
                    heightMul = (n & 7) + 1;
                }
                case 'V' -> {
                    int m = next();
                    if (m == 65 || m == 66) {
                        feedDots(next());
                    }
                    cut();
                }
                case 'v' -> raster();
                case '(' -> {
                    int fn = next();
                    int len = next() | next() << 8;
                    byte[] p = in.readNBytes(len);
                    if (p.length < len) {
                        throw new EOFException();
                    }
                    if (fn == 'k' && len >= 2 && p[0] == 0x31) {
                        qr(p);
                    }
                }
                case 'B', 'h', 'w', 'H', 'f', 'a', 'r', 'I' -> next();
                case 'L', 'W' -> {
                    next();
                    next();
                }
                default -> {
                }
            }
        }

        private void qr(byte[] p) {
            switch (p[1]) {
                case 0x43 -> qrModule = Math.max(1, Math.min(16, p[2]));
                case 0x45 -> qrLevel = switch (p[2]) {
                    case 49 -> ErrorCorrectionLevel.M;
                    case 50 -> ErrorCorrectionLevel.Q;
                    case 51 -> ErrorCorrectionLevel.H;
                    default -> ErrorCorrectionLevel.L;
                };
                case 0x50 -> qrData = java.util.Arrays.copyOfRange(p, 3, p.length);
                case 0x51 -> printQr();
                default -> {
                }
            }
        }

        private void printQr() {
            if (qrData == null || !consumePaper(qrData.length)) {
                return;
            }
            printLine(false);
            String data = new String(qrData, StandardCharsets.UTF_8);
            try {
                BitMatrix m = new QRCodeWriter().encode(data, BarcodeFormat.QR_CODE, 0, 0,
                        Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.ERROR_CORRECTION, qrLevel,
                                EncodeHintType.MARGIN, 4));
                int size = m.getWidth() * qrModule;
                BufferedImage img = new BufferedImage(Math.min(size, paperDots), size, BufferedImage.TYPE_BYTE_BINARY);
                Graphics2D g = img.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, img.getWidth(), size);
                g.setColor(Color.BLACK);
                for (int y = 0; y < m.getHeight(); y++) {
                    for (int x = 0; x < m.getWidth(); x++) {
                        if (m.get(x, y)) {
                            g.fillRect(x * qrModule, y * qrModule, qrModule, qrModule);
                        }
                    }
                }
                g.dispose();
                band(img);
                qrs.add(data);
            } catch (WriterException e) {
                lines.add("[QR error: " + e.getMessage() + "]");
            }
        }

        private void raster() throws IOException {
            if (next() != '0') {
                return;
            }
            int mode = next();
            int bpr = next() | next() << 8;
            int rows = next() | next() << 8;
            byte[] data = in.readNBytes(bpr * rows);
            if (data.length < bpr * rows) {
                throw new EOFException();
            }
            if (!consumePaper(data.length)) {
                return;
            }
            printLine(false);
            int w = bpr * 8;
            BufferedImage img = new BufferedImage(Math.min(w, paperDots), rows, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    boolean black = (data[y * bpr + x / 8] & (0x80 >> (x % 8))) != 0;
                    img.setRGB(x, y, black ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            band(img);
            if (mode == 0) {
                rasters++;
            }
        }

        /** LF: prints the buffered text line (an empty one feeds one line). */
        private void printLine(boolean lf) {
            if (text.size() == 0) {
                if (lf && printable() && started) {
                    feedDots(24 + LINE_GAP);
                }
                return;
            }
            String s = new String(text.toByteArray(), chinese ? GBK : StandardCharsets.ISO_8859_1);
            text.reset();
            lines.add(s);
            int h = 24 * heightMul;
            BufferedImage img = new BufferedImage(paperDots, h + LINE_GAP, BufferedImage.TYPE_BYTE_BINARY);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, paperDots, h + LINE_GAP);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            int total = 0;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                total += (cp < 0x80 ? 12 : 24) * widthMul;
            }
            int x = align == 1 ? Math.max(0, (paperDots - total) / 2) : align == 2 ? Math.max(0, paperDots - total) : 0;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                int cell = (cp < 0x80 ? 12 : 24) * widthMul;
                Font f = GlyphFonts.fontFor(cp);
                if (f != null) {
                    Font sized = f.deriveFont(bold ? Font.BOLD : Font.PLAIN, 22f)
                            .deriveFont(java.awt.geom.AffineTransform.getScaleInstance(widthMul, heightMul));
                    g.setFont(sized);
                    g.drawString(Character.toString(cp), x, Math.round(20.5f * heightMul));
                }
                x += cell;
            }
            g.dispose();
            band(img);
        }

        private void band(BufferedImage img) {
            if (img.getWidth() < paperDots) {
                BufferedImage full = new BufferedImage(paperDots, img.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
                Graphics2D g = full.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, paperDots, img.getHeight());
                int x = align == 1 ? (paperDots - img.getWidth()) / 2 : align == 2 ? paperDots - img.getWidth() : 0;
                g.drawImage(img, x, 0, null);
                g.dispose();
                img = full;
            }
            bands.add(img);
        }

        private void feed(int lines) {
            printLine(false);
            if (printable() && started) {
                feedDots(lines * (24 + LINE_GAP));
            }
        }

        private void feedDots(int dots) {
            if (dots <= 0 || !printable() || !started) {
                return;
            }
            BufferedImage img = new BufferedImage(paperDots, dots, BufferedImage.TYPE_BYTE_BINARY);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, paperDots, dots);
            g.dispose();
            bands.add(img);
        }

        private void cut() {
            printLine(false);
            if (!printable() || cutterError) {
                return;
            }
            finishReceipt(true);
        }

        void finishReceipt(boolean cut) {
            if (!started && bands.isEmpty()) {
                return;
            }
            int h = 0;
            for (BufferedImage b : bands) {
                h += b.getHeight();
            }
            BufferedImage paperImg = new BufferedImage(paperDots, Math.max(1, h + 2), BufferedImage.TYPE_BYTE_BINARY);
            Graphics2D g = paperImg.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, paperDots, paperImg.getHeight());
            int y = 0;
            for (BufferedImage b : bands) {
                g.drawImage(b, 0, y, null);
                y += b.getHeight();
            }
            g.dispose();
            SimulatedReceipt r = new SimulatedReceipt(lines, qrs, rasters, cut, stoppedByPaper, paperImg);
            receipts.add(r);
            bands.clear();
            lines.clear();
            qrs.clear();
            rasters = 0;
            started = false;
            stoppedByPaper = false;
            for (Consumer<SimulatedReceipt> l : listeners) {
                try {
                    l.accept(r);
                } catch (RuntimeException e) {
                    // a listener's problem is not the printer's
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
        if (serial != null) {
            serial.closePort();
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
