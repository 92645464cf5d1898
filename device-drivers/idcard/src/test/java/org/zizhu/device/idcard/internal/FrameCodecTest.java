package org.zizhu.device.idcard.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.zizhu.device.idcard.SamCommand;
import org.zizhu.device.idcard.SamReply;
import org.zizhu.device.idcard.SamStatus;

/** Pure codec tests, below the real-protocol tests over socat. */
class FrameCodecTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    @Test
    void requestsMatchTheCompleteFramesInDevicesMd() {
        assertEquals("AA AA AA 96 69 00 03 10 FF EC", hex(SamCommand.RESET_SAM));
        assertEquals("AA AA AA 96 69 00 03 11 FF ED", hex(SamCommand.SAM_STATUS));
        assertEquals("AA AA AA 96 69 00 03 12 FF EE", hex(SamCommand.READ_SAM_ID));
        assertEquals("AA AA AA 96 69 00 03 20 01 22", hex(SamCommand.FIND_CARD));
        assertEquals("AA AA AA 96 69 00 03 20 02 21", hex(SamCommand.SELECT_CARD));
        assertEquals("AA AA AA 96 69 00 03 30 01 32", hex(SamCommand.READ_TEXT_AND_PHOTO));
        assertEquals("AA AA AA 96 69 00 03 30 03 30", hex(SamCommand.READ_APPENDED_ADDRESS));
        assertEquals("AA AA AA 96 69 00 03 30 10 23", hex(SamCommand.READ_TEXT_PHOTO_FINGERPRINT));
        assertEquals("AA AA AA 96 69 00 03 60 04 67", HEX.formatHex(FrameCodec.request(0x60, 0x04)));
    }

    @Test
    void readReplyHasTheDocumentedLength() {
        byte[] data = new byte[4 + 256 + 1024];
        data[0] = 0x01; data[1] = 0x00; data[2] = 0x04; data[3] = 0x00;
        byte[] frame = FrameCodec.reply(0, 0, 0x90, data);
        assertEquals(1295, frame.length);
        assertEquals(0x0508, FrameCodec.u16(frame, 5));
    }

    @Test
    void decodesSplitConcatenatedAndGarbageSurroundedFrames() {
        byte[] a = FrameCodec.reply(0, 0, 0x9F, new byte[4]);
        byte[] b = FrameCodec.reply(0, 0, 0x90, new byte[8]);
        FrameDecoder d = FrameDecoder.forReplies();
        byte[] stream = concat(HEX.parseHex("00 AA AA 13 96 69 AA"), a, b, HEX.parseHex("AA AA"));
        for (byte x : stream) {
            d.feed(new byte[] {x});
        }
        assertEquals(SamStatus.FIND_CARD_SUCCESS, SamReply.fromBody(d.next()).status());
        assertEquals(SamStatus.SUCCESS, SamReply.fromBody(d.next()).status());
        assertNull(d.next());
        assertTrue(d.buffered() <= 4, "keeps only a possible preamble prefix");
    }

    @Test
    void badChecksumIsCountedAndTheFollowingFrameStillDecodes() {
        byte[] bad = FrameCodec.reply(0, 0, 0x90, new byte[] {1, 2, 3});
        bad[bad.length - 1] ^= 0x55;
        byte[] good = FrameCodec.reply(0, 0, 0x80);
        FrameDecoder d = FrameDecoder.forReplies();
        d.feed(concat(bad, good));
        assertEquals(SamStatus.FIND_CARD_FAILED, SamReply.fromBody(d.next()).status());
        assertEquals(1, d.checksumErrors());
    }

    @Test
    void truncatedReplyFollowedByACompleteOneResynchronises() {
        byte[] big = FrameCodec.reply(0, 0, 0x90, new byte[1284]);
        byte[] cut = java.util.Arrays.copyOf(big, 300);
        byte[] next = FrameCodec.reply(0, 0, 0x41);
        FrameDecoder d = FrameDecoder.forReplies();
        d.feed(cut);
        assertNull(d.next());
        d.feed(next);
        assertEquals(SamStatus.READ_FAILED, SamReply.fromBody(d.next()).status());
        assertEquals(1, d.truncatedFrames());
    }

    @Test
    void impossibleLengthIsSkipped() {
        byte[] junk = HEX.parseHex("AA AA AA 96 69 FF FF 00");
        byte[] good = FrameCodec.reply(0, 0, 0x90);
        FrameDecoder d = FrameDecoder.forReplies();
        d.feed(concat(junk, good));
        assertArrayEquals(new byte[] {0, 0, (byte) 0x90}, d.next());
    }

    @Test
    void requestDecoderAcceptsTwoByteBodies() {
        FrameDecoder d = FrameDecoder.forRequests();
        d.feed(FrameCodec.request(0x20, 0x01));
        assertArrayEquals(new byte[] {0x20, 0x01}, d.next());
    }

    @Test
    void everyStatusByteMapsToATypedResult() {
        assertEquals(SamStatus.SUCCESS, SamStatus.fromCode(0x90));
        assertEquals(SamStatus.FIELD_EMPTY, SamStatus.fromCode(0x91));
        for (SamStatus s : SamStatus.values()) {
            if (s != SamStatus.UNRECOGNISED) {
                assertEquals(s, SamStatus.fromCode(s.code()));
            }
        }
        for (int code = 0; code < 256; code++) {
            SamStatus s = SamStatus.fromCode(code);
            assertTrue(s == SamStatus.UNRECOGNISED || s.code() == code);
        }
        assertEquals(18, SamStatus.values().length - 1, "all 18 documented codes");
    }

    private static String hex(SamCommand c) {
        return HEX.formatHex(FrameCodec.request(c.cmd(), c.para()));
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}
