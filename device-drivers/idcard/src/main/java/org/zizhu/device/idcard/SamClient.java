package org.zizhu.device.idcard;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.zizhu.device.idcard.SamLinkException.Reason;
import org.zizhu.device.idcard.internal.FrameCodec;
import org.zizhu.device.idcard.internal.FrameDecoder;
import org.zizhu.device.idcard.internal.SerialLink;

/**
 * The wire-level driver: one command, one reply, over an open serial port. Each command
 * discards stale input first, then waits for a checksum-verified reply up to the read timeout
 * plus the reply's own wire time at the current baud; timeouts, corrupt replies and a reader
 * that says it received a corrupt frame (SW3 0x10) are retried up to {@code retries} times.
 * A lost port fails at once with {@link SamLinkException.Reason#PORT_LOST}.
 *
 * <p>Not thread-safe: the reader's poll thread (or one diag run) owns a client.
 */
public final class SamClient implements AutoCloseable {
    /** Wire bytes of the biggest reply we expect, for the timeout: text+photo+fingerprint. */
    private static final int BIG_REPLY = 2321;

    private final SerialLink link;
    private final FrameDecoder decoder = FrameDecoder.forReplies();
    private final byte[] readBuf = new byte[4096];
    private final Duration readTimeout;
    private final int retries;
    private SamBaud baud;
    private long bytesSent;
    private long bytesReceived;

    private SamClient(SerialLink link, SamBaud baud, Duration readTimeout, int retries) {
        this.link = link;
        this.baud = baud;
        this.readTimeout = readTimeout;
        this.retries = retries;
    }

    /** Opens the configured port; {@code onPortLost} runs when the port disappears (may be null). */
    public static SamClient open(IdCardReaderConfig config, Runnable onPortLost) throws SamLinkException {
        SerialLink link = SerialLink.open(config.portPath(), config.baud().bitsPerSecond(), onPortLost);
        return new SamClient(link, config.baud(), config.readTimeout(), config.retries());
    }

    public String portPath() {
        return link.path();
    }

    public boolean isPortLost() {
        return link.isLost();
    }

    public SamBaud baud() {
        return baud;
    }

    /** Bytes written and read so far (frames only), for wire-time accounting. */
    public long bytesSent() {
        return bytesSent;
    }

    public long bytesReceived() {
        return bytesReceived;
    }

    /** Frames with bad checksums seen so far. */
    public long checksumErrors() {
        return decoder.checksumErrors();
    }

    /** Sends a command and returns the reader's reply, whatever its status. */
    public SamReply command(SamCommand command) throws SamLinkException {
        return exchange(command.cmd(), command.para(), command == SamCommand.READ_TEXT_AND_PHOTO
                || command == SamCommand.READ_TEXT_PHOTO_FINGERPRINT);
    }

    /** Sends any CMD/PARA (for diagnostics); replies are returned whatever their status. */
    public SamReply command(int cmd, int para) throws SamLinkException {
        return exchange(cmd, para, true);
    }

    public void resetSam() throws SamLinkException, SamStatusException {
        expect(SamCommand.RESET_SAM, command(SamCommand.RESET_SAM), SamStatus.SUCCESS);
    }

    /** The SAM's own health answer (SUCCESS, SAM_SELF_TEST_FAILED, ...). */
    public SamStatus samStatus() throws SamLinkException {
        return command(SamCommand.SAM_STATUS).status();
    }

    public SamId samId() throws SamLinkException, SamStatusException, MalformedCardDataException {
        SamReply r = command(SamCommand.READ_SAM_ID);
        expect(SamCommand.READ_SAM_ID, r, SamStatus.SUCCESS);
        return SamId.of(r.data());
    }

    /** True if a card is in the field (9F), false if not (80); other answers throw. */
    public boolean findCard() throws SamLinkException, SamStatusException {
        SamReply r = command(SamCommand.FIND_CARD);
        if (r.status() == SamStatus.FIND_CARD_SUCCESS) {
            return true;
        }
        if (r.status() == SamStatus.FIND_CARD_FAILED) {
            return false;
        }
        throw new SamStatusException(SamCommand.FIND_CARD, r);
    }

    public void selectCard() throws SamLinkException, SamStatusException {
        expect(SamCommand.SELECT_CARD, command(SamCommand.SELECT_CARD), SamStatus.SUCCESS);
    }

    /** Reads text and photo (30 01), or text, photo and fingerprint (30 10), and decodes them. */
    public Identity readIdentity(boolean withFingerprint)
            throws SamLinkException, SamStatusException, MalformedCardDataException {
        SamCommand c = withFingerprint ? SamCommand.READ_TEXT_PHOTO_FINGERPRINT : SamCommand.READ_TEXT_AND_PHOTO;
        SamReply r = command(c);
        try {
            expect(c, r, SamStatus.SUCCESS);
            byte[] data = r.data();
            try {
                return IdentityDecoder.decodeReadReply(data, withFingerprint);
            } finally {
                Arrays.fill(data, (byte) 0);
            }
        } finally {
            r.wipe();
        }
    }

    /**
     * Reads the newest appended address (住址变更, 30 03): UCS-2LE like the text block. Returns
     * an empty string when the card has none (status 0x91 field empty).
     */
    public String readAppendedAddress() throws SamLinkException, SamStatusException, MalformedCardDataException {
        SamReply r = command(SamCommand.READ_APPENDED_ADDRESS);
        if (r.status() == SamStatus.FIELD_EMPTY) {
            return "";
        }
        expect(SamCommand.READ_APPENDED_ADDRESS, r, SamStatus.SUCCESS);
        byte[] d = r.data();
        if (d.length % 2 != 0) {
            throw new MalformedCardDataException("appended address has an odd byte count");
        }
        try {
            String s = StandardCharsets.UTF_16LE.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(d)).toString();
            return s.replace('\0', ' ').strip();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new MalformedCardDataException("appended address is not valid UCS-2");
        } finally {
            Arrays.fill(d, (byte) 0);
            r.wipe();
        }
    }

    /** Switches reader and port to another baud: the command goes at the old speed. */
    public void setBaud(SamBaud target) throws SamLinkException, SamStatusException {
        SamReply r = exchange(SamCommand.SET_BAUD.cmd(), target.code(), false);
        expect(SamCommand.SET_BAUD, r, SamStatus.SUCCESS);
        link.setBaud(target.bitsPerSecond());
        baud = target;
    }

    private static void expect(SamCommand c, SamReply r, SamStatus wanted) throws SamStatusException {
        if (r.status() != wanted) {
            throw new SamStatusException(c, r);
        }
    }

    private SamReply exchange(int cmd, int para, boolean bigReply) throws SamLinkException {
        byte[] frame = FrameCodec.request(cmd, para);
        long extraNanos = (bigReply ? BIG_REPLY : 64) * baud.nanosPerByte();
        long timeoutNanos = readTimeout.toNanos() + extraNanos;
        Reason last = Reason.TIMEOUT;
        for (int attempt = 0; attempt <= retries; attempt++) {
            link.discardInput();
            decoder.reset();
            long checksumBefore = decoder.checksumErrors() + decoder.truncatedFrames();
            link.write(frame);
            bytesSent += frame.length;
            long deadline = System.nanoTime() + timeoutNanos;
            while (true) {
                byte[] body = decoder.next();
                if (body != null) {
                    SamReply reply = SamReply.fromBody(body);
                    Arrays.fill(body, (byte) 0);
                    bytesReceived += FrameCodec.wireLength(reply.dataLength() + 3);
                    if (reply.status() == SamStatus.CHECKSUM_ERROR || reply.status() == SamStatus.LENGTH_ERROR) {
                        last = Reason.CORRUPT_REPLY; // the reader got our frame damaged: send again
                        break;
                    }
                    return reply;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    if (decoder.checksumErrors() + decoder.truncatedFrames() > checksumBefore || decoder.buffered() > 0) {
                        last = Reason.CORRUPT_REPLY;
                    } else {
                        last = Reason.TIMEOUT;
                    }
                    break;
                }
                int n = link.read(readBuf, (int) Math.max(1, left / 1_000_000));
                if (n > 0) {
                    decoder.feed(readBuf, 0, n);
                    Arrays.fill(readBuf, 0, n, (byte) 0);
                }
            }
        }
        throw new SamLinkException(last, String.format("command %02X %02X: %s after %d attempt(s)",
                cmd & 0xFF, para & 0xFF, last == Reason.TIMEOUT ? "no reply" : "only corrupt replies", retries + 1));
    }

    @Override
    public void close() {
        decoder.reset();
        link.close();
    }
}
