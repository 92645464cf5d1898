package org.zizhu.device.idcard.sim;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zizhu.device.idcard.SamBaud;
import org.zizhu.device.idcard.SamCommand;
import org.zizhu.device.idcard.SamStatus;
import org.zizhu.device.idcard.internal.FrameCodec;
import org.zizhu.device.idcard.internal.FrameDecoder;
import org.zizhu.threads.DaemonThreads;

/**
 * A SAM reader that speaks the real byte protocol on a serial port, normally the device end
 * of a socat pseudo-terminal pair. Replies are paced at the configured baud (10 bits per byte,
 * 8N1) because a pty itself has no line speed. Scenarios are scripted through the public
 * methods: place or remove a card, make a command fail with a given status, corrupt or
 * truncate replies, answer slowly, go silent, unplug and replug the "cable".
 *
 * <p>In-process use (the kiosk demo):
 * <pre>{@code
 * try (SamSimulator sim = SamSimulator.startOnPtyPair()) {
 *     IdCardReader reader = IdCardReader.open(IdCardReaderConfig.builder().portPath(sim.hostPortPath()).build());
 *     sim.placeCard(TestCards.RESIDENT);
 * }
 * }</pre>
 */
public final class SamSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SamSimulator.class);
    /** Bytes written per paced chunk: small enough that the driver sees a stream, not a lump. */
    private static final int CHUNK = 32;
    private static final byte[] SAM_ID = {0x05, 0x00, 0x01, 0x00, (byte) 0xB2, (byte) 0xE1, 0x32, 0x01,
        0x19, (byte) 0xB7, 0x4D, 0x00, 0x2D, (byte) 0x91, (byte) 0xEE, 0x02};

    private final PtyPair pty;
    private final String devicePath;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile SamBaud baud;
    private volatile boolean pacing = true;

    // scenario state, guarded by this
    private TestCards card;
    private byte[] cardText;
    private byte[] cardPhoto;
    private byte[] cardFingerprint;
    private boolean found;
    private boolean selected;
    private String appendedAddress = "";
    private SamStatus samHealth = SamStatus.SUCCESS;
    private final Map<SamCommand, SamStatus> failStatus = new EnumMap<>(SamCommand.class);
    private final Map<SamCommand, Integer> failCount = new EnumMap<>(SamCommand.class);
    private int corruptNext;
    private int truncateNext;
    private int truncateKeep;
    private Duration replyDelay = Duration.ZERO;
    private boolean silent;

    private final Map<SamCommand, AtomicLong> received = new EnumMap<>(SamCommand.class);
    private final AtomicLong badChecksumRequests = new AtomicLong();
    private volatile long cardDetectedNanos;
    private volatile long cardPlacedNanos;

    private volatile SerialPort port;

    private SamSimulator(PtyPair pty, String devicePath, SamBaud baud) {
        this.pty = pty;
        this.devicePath = devicePath;
        this.baud = baud;
        for (SamCommand c : SamCommand.values()) {
            received.put(c, new AtomicLong());
        }
        this.thread = DaemonThreads.unstarted("idcard-sim", this::run);
    }

    /** Creates a socat pty pair, opens its device end, and answers at 115200 baud. */
    public static SamSimulator startOnPtyPair() throws IOException {
        return startOnPtyPair(SamBaud.B115200);
    }

    public static SamSimulator startOnPtyPair(SamBaud baud) throws IOException {
        PtyPair pty = PtyPair.create();
        try {
            return start(pty, pty.devicePath(), baud);
        } catch (IOException | RuntimeException e) {
            pty.close();
            throw e;
        }
    }

    /** Answers on an existing serial port (e.g. one end of a null-modem cable or a pty made elsewhere). */
    public static SamSimulator startOnPort(String devicePortPath, SamBaud baud) throws IOException {
        return start(null, devicePortPath, baud);
    }

    private static SamSimulator start(PtyPair pty, String devicePath, SamBaud baud) throws IOException {
        SamSimulator sim = new SamSimulator(pty, devicePath, baud);
        if (!sim.openPort()) {
            throw new IOException("simulator cannot open " + devicePath);
        }
        sim.thread.start();
        return sim;
    }

    /** The port the driver should open; null when started on a given port. */
    public String hostPortPath() {
        return pty == null ? null : pty.hostPath();
    }

    public String devicePortPath() {
        return devicePath;
    }

    public SamBaud baud() {
        return baud;
    }

    /** Pacing to the baud rate is on by default; off makes replies arrive as fast as the pty allows. */
    public void setPacing(boolean on) {
        this.pacing = on;
    }

    // ---- scenario API ----

    public synchronized void placeCard(TestCards c) {
        placeCard(c, c.textBlock(), c.photo(), c.fingerprint());
    }

    /** Places a card with arbitrary (possibly malformed) blocks. */
    public synchronized void placeCard(byte[] text, byte[] photo, byte[] fingerprint) {
        placeCard(null, text, photo, fingerprint);
    }

    private void placeCard(TestCards c, byte[] text, byte[] photo, byte[] fingerprint) {
        card = c;
        cardText = text.clone();
        cardPhoto = photo.clone();
        cardFingerprint = fingerprint == null ? new byte[0] : fingerprint.clone();
        found = false;
        selected = false;
        cardPlacedNanos = System.nanoTime();
    }

    public synchronized void removeCard() {
        card = null;
        cardText = null;
        cardPhoto = null;
        cardFingerprint = null;
        found = false;
        selected = false;
    }

    public synchronized TestCards currentCard() {
        return card;
    }

    public synchronized boolean hasCard() {
        return cardText != null;
    }

    /** The next {@code times} requests of {@code command} are answered with {@code status}. */
    public synchronized void failNext(SamCommand command, SamStatus status, int times) {
        failStatus.put(command, status);
        failCount.put(command, times);
    }

    /** Every request of {@code command} is answered with {@code status} until {@link #clearFailures()}. */
    public synchronized void failAlways(SamCommand command, SamStatus status) {
        failNext(command, status, Integer.MAX_VALUE);
    }

    public synchronized void clearFailures() {
        failStatus.clear();
        failCount.clear();
        corruptNext = 0;
        truncateNext = 0;
        silent = false;
        replyDelay = Duration.ZERO;
    }

    /** What the SAM says to a status request (11 FF), e.g. SAM_SELF_TEST_FAILED. */
    public synchronized void setSamHealth(SamStatus status) {
        this.samHealth = status;
    }

    /** The next {@code n} replies go out with a wrong checksum. */
    public synchronized void corruptNextReplies(int n) {
        corruptNext = n;
    }

    /** The next {@code n} replies are cut after {@code keepBytes} bytes. */
    public synchronized void truncateNextReplies(int n, int keepBytes) {
        truncateNext = n;
        truncateKeep = keepBytes;
    }

    /** Extra processing time before each reply (a slow SAM). */
    public synchronized void setReplyDelay(Duration d) {
        replyDelay = d;
    }

    /** A silent reader reads requests and never answers. */
    public synchronized void setSilent(boolean s) {
        silent = s;
    }

    /** The newest appended address (30 03); empty means the card has none (status 91). */
    public synchronized void setAppendedAddress(String address) {
        appendedAddress = address == null ? "" : address;
    }

    /** Writes raw bytes to the line now (stale bytes, line noise). */
    public void injectBytes(byte[] bytes) {
        SerialPort p = port;
        if (p != null) {
            synchronized (writeLock) {
                p.writeBytes(bytes, bytes.length);
            }
        }
    }

    /** Kills socat: the driver sees its USB serial adapter disappear. */
    public void unplug() {
        requirePty().unplug();
    }

    /** Restarts socat on the same link paths; the simulator reopens its end by itself. */
    public void replug() throws IOException {
        requirePty().replug();
    }

    public boolean isPluggedIn() {
        return pty == null || pty.isPluggedIn();
    }

    private PtyPair requirePty() {
        if (pty == null) {
            throw new IllegalStateException("unplug/replug need a simulator started with startOnPtyPair()");
        }
        return pty;
    }

    /** Requests of a command received so far (checksum-valid ones). */
    public long received(SamCommand c) {
        return received.get(c).get();
    }

    /** Requests that arrived with a wrong checksum. */
    public long badChecksumRequests() {
        return badChecksumRequests.get();
    }

    /** System.nanoTime() when the simulator last received a find-card request that found a card. */
    public long cardDetectedNanos() {
        return cardDetectedNanos;
    }

    /** System.nanoTime() of the last {@link #placeCard}. */
    public long cardPlacedNanos() {
        return cardPlacedNanos;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closePort();
        if (pty != null) {
            pty.close();
        }
    }

    // ---- the reader ----

    private final Object writeLock = new Object();

    private boolean openPort() {
        if (!Files.exists(Path.of(devicePath))) {
            return false;
        }
        SerialPort p = SerialPort.getCommPort(devicePath);
        p.setComPortParameters(baud.bitsPerSecond(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 100, 1000);
        if (!p.openPort()) {
            return false;
        }
        p.flushIOBuffers();
        port = p;
        return true;
    }

    private void closePort() {
        SerialPort p = port;
        port = null;
        if (p != null) {
            p.closePort();
        }
    }

    private void run() {
        FrameDecoder decoder = FrameDecoder.forRequests();
        byte[] buf = new byte[2048];
        while (running) {
            if (port == null) {
                if (!openPort()) {
                    LockSupport.parkNanos(20_000_000L);
                    continue;
                }
                decoder.reset();
            }
            int n = port.readBytes(buf, buf.length);
            if (n < 0) {
                // socat went away: behave like a reader whose cable was pulled
                closePort();
                continue;
            }
            if (n == 0) {
                continue;
            }
            long firstByteAt = System.nanoTime();
            long badBefore = decoder.checksumErrors();
            decoder.feed(buf, 0, n);
            long bad = decoder.checksumErrors() - badBefore;
            for (long i = 0; i < bad; i++) {
                badChecksumRequests.incrementAndGet();
                send(FrameCodec.reply(0, 0, SamStatus.CHECKSUM_ERROR.code()), firstByteAt, FrameCodec.wireLength(2));
            }
            byte[] body;
            while ((body = decoder.next()) != null) {
                try {
                    handle(body, firstByteAt);
                } catch (RuntimeException e) {
                    log.warn("simulator failed to answer a request", e);
                }
            }
        }
    }

    private void handle(byte[] body, long arrivedAt) {
        SamCommand cmd = SamCommand.of(body[0], body[1]);
        byte[] reply;
        SamBaud switchTo = null;
        Duration delay;
        synchronized (this) {
            if (cmd != null) {
                received.get(cmd).incrementAndGet();
            }
            if (silent) {
                return;
            }
            delay = replyDelay;
            SamStatus forced = cmd == null ? null : forcedFailure(cmd);
            if (cmd == null || body.length != 2) {
                reply = status(SamStatus.BAD_COMMAND);
            } else if (forced != null) {
                reply = status(forced);
                if (cmd == SamCommand.SELECT_CARD || cmd == SamCommand.FIND_CARD) {
                    selected = false;
                }
            } else {
                switch (cmd) {
                    case RESET_SAM -> {
                        found = false;
                        selected = false;
                        reply = status(SamStatus.SUCCESS);
                    }
                    case SAM_STATUS -> reply = status(samHealth);
                    case READ_SAM_ID -> reply = FrameCodec.reply(0, 0, 0x90, SAM_ID);
                    case FIND_CARD -> {
                        // Unconfirmed detail: this reader keeps answering 9F while a card lies in
                        // the field, also after it was read; the driver relies only on 9F/80.
                        if (cardText != null) {
                            found = true;
                            cardDetectedNanos = arrivedAt;
                            reply = FrameCodec.reply(0, 0, 0x9F, new byte[4]);
                        } else {
                            reply = status(SamStatus.FIND_CARD_FAILED);
                        }
                    }
                    case SELECT_CARD -> {
                        if (cardText != null && found) {
                            selected = true;
                            reply = FrameCodec.reply(0, 0, 0x90, new byte[8]);
                        } else {
                            reply = status(SamStatus.SELECT_CARD_FAILED);
                        }
                    }
                    case READ_TEXT_AND_PHOTO, READ_TEXT_PHOTO_FINGERPRINT -> {
                        if (cardText != null && selected) {
                            reply = readReply(cmd == SamCommand.READ_TEXT_PHOTO_FINGERPRINT);
                        } else {
                            reply = status(SamStatus.READ_FAILED);
                        }
                    }
                    case READ_APPENDED_ADDRESS -> {
                        if (cardText == null || !selected) {
                            reply = status(SamStatus.READ_FAILED);
                        } else if (appendedAddress.isEmpty()) {
                            reply = status(SamStatus.FIELD_EMPTY);
                        } else {
                            byte[] a = new byte[70];
                            for (int i = 0; i < a.length; i += 2) {
                                a[i] = ' ';
                            }
                            byte[] s = appendedAddress.getBytes(StandardCharsets.UTF_16LE);
                            System.arraycopy(s, 0, a, 0, Math.min(s.length, a.length));
                            reply = FrameCodec.reply(0, 0, 0x90, a);
                        }
                    }
                    case SET_BAUD -> {
                        switchTo = SamBaud.ofCode(body[1] & 0xFF);
                        reply = status(switchTo == null ? SamStatus.BAD_COMMAND : SamStatus.SUCCESS);
                    }
                    default -> reply = status(SamStatus.BAD_COMMAND);
                }
            }
            if (corruptNext > 0) {
                corruptNext--;
                reply[reply.length - 1] ^= 0x5A;
            }
            if (truncateNext > 0) {
                truncateNext--;
                reply = java.util.Arrays.copyOf(reply, Math.min(reply.length, truncateKeep));
            }
        }
        if (!delay.isZero()) {
            sleepNanos(delay.toNanos());
        }
        send(reply, arrivedAt, FrameCodec.wireLength(body.length));
        if (switchTo != null) {
            // the reader answers at the old speed, then switches
            baud = switchTo;
            SerialPort p = port;
            if (p != null) {
                p.setBaudRate(switchTo.bitsPerSecond());
            }
        }
    }

    private SamStatus forcedFailure(SamCommand cmd) {
        Integer left = failCount.get(cmd);
        if (left == null || left <= 0) {
            return null;
        }
        if (left != Integer.MAX_VALUE) {
            failCount.put(cmd, left - 1);
        }
        return failStatus.get(cmd);
    }

    private byte[] readReply(boolean withFingerprint) {
        byte[] fp = withFingerprint ? cardFingerprint : new byte[0];
        int header = withFingerprint ? 6 : 4;
        byte[] data = new byte[header + cardText.length + cardPhoto.length + fp.length];
        data[0] = (byte) (cardText.length >>> 8);
        data[1] = (byte) cardText.length;
        data[2] = (byte) (cardPhoto.length >>> 8);
        data[3] = (byte) cardPhoto.length;
        if (withFingerprint) {
            data[4] = (byte) (fp.length >>> 8);
            data[5] = (byte) fp.length;
        }
        int p = header;
        System.arraycopy(cardText, 0, data, p, cardText.length);
        p += cardText.length;
        System.arraycopy(cardPhoto, 0, data, p, cardPhoto.length);
        p += cardPhoto.length;
        System.arraycopy(fp, 0, data, p, fp.length);
        byte[] frame = FrameCodec.reply(0, 0, 0x90, data);
        java.util.Arrays.fill(data, (byte) 0);
        return frame;
    }

    private static byte[] status(SamStatus s) {
        return FrameCodec.reply(0, 0, s.code());
    }

    /**
     * Writes a reply as the wire would deliver it: the request itself took its wire time to
     * arrive (a pty delivers it at once), then each chunk of the reply leaves when its last
     * byte would have been clocked out at the current baud.
     */
    private void send(byte[] reply, long requestArrived, int requestBytes) {
        SerialPort p = port;
        if (p == null) {
            return;
        }
        long perByte = baud.nanosPerByte();
        long start = pacing ? Math.max(System.nanoTime(), requestArrived + requestBytes * perByte) : System.nanoTime();
        synchronized (writeLock) {
            for (int off = 0; off < reply.length; off += CHUNK) {
                int len = Math.min(CHUNK, reply.length - off);
                if (pacing) {
                    long due = start + (off + len) * perByte;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        sleepNanos(wait);
                    }
                }
                byte[] chunk = java.util.Arrays.copyOfRange(reply, off, off + len);
                if (p.writeBytes(chunk, len) != len) {
                    return;
                }
            }
        }
    }

    private static void sleepNanos(long nanos) {
        long end = System.nanoTime() + nanos;
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    @Override
    public String toString() {
        return "SamSimulator[" + (pty != null ? pty : devicePath) + ", " + baud.bitsPerSecond() + " baud]";
    }
}
