package org.zizhu.device.idcard;

import org.zizhu.ids.IdChecks;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zizhu.device.idcard.internal.FrameCodec;
import org.zizhu.device.idcard.internal.FrameDecoder;
import org.zizhu.device.idcard.sim.TestCards;

/**
 * Seeded fuzzing of the frame decoder and the card-data decoders with random and mutated
 * input: the decoder never throws and stays within its bounds, the card decoders throw only
 * {@link MalformedCardDataException}, and whatever decodes is consistent. The timeout is a hang
 * guard, not a speed target.
 */
class FuzzTest {
    private static final int ITERATIONS = 100_000;
    private static final Duration HANG_GUARD = Duration.ofSeconds(120);

    @Test
    void frameDecoderSurvivesRandomAndMutatedStreams() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Random rnd = new Random(20240611L);
            FrameDecoder d = FrameDecoder.forReplies();
            byte[][] seeds = seedFrames();
            long frames = 0;
            for (int i = 0; i < ITERATIONS; i++) {
                byte[] chunk = nextInput(rnd, seeds);
                // feed in random splits, as a serial port delivers
                int off = 0;
                while (off < chunk.length) {
                    int n = 1 + rnd.nextInt(Math.min(chunk.length - off, 400));
                    d.feed(chunk, off, n);
                    off += n;
                    assertTrue(d.buffered() <= d.capacity(), "buffer bounded");
                    byte[] body;
                    int queued = 0;
                    while ((body = d.next()) != null) {
                        queued++;
                        frames++;
                        checkBody(body);
                    }
                    assertTrue(queued <= FrameDecoder.MAX_QUEUED, "queue bounded");
                }
                if (rnd.nextInt(50) == 0) {
                    d.reset();
                }
            }
            assertTrue(frames > ITERATIONS / 10, "the fuzz inputs do reach the frame parser: " + frames);
            assertTrue(d.checksumErrors() > 0 && d.discardedBytes() > 0);
        });
    }

    @Test
    void textBlockDecoderThrowsOnlyTheDocumentedException() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Random rnd = new Random(7);
            TestCards[] cards = TestCards.values();
            int decoded = 0;
            int rejected = 0;
            for (int i = 0; i < ITERATIONS; i++) {
                byte[] text;
                if (rnd.nextInt(10) == 0) {
                    text = new byte[rnd.nextInt(10) == 0 ? rnd.nextInt(300) : 256];
                    rnd.nextBytes(text);
                } else {
                    text = cards[rnd.nextInt(cards.length)].textBlock();
                    int flips = 1 + rnd.nextInt(6);
                    for (int f = 0; f < flips; f++) {
                        int pos = rnd.nextInt(text.length);
                        text[pos] = switch (rnd.nextInt(4)) {
                            case 0 -> (byte) rnd.nextInt(256);
                            case 1 -> (byte) ('0' + rnd.nextInt(10));
                            case 2 -> (byte) (0xD8 + rnd.nextInt(8)); // surrogates
                            default -> 0;
                        };
                    }
                }
                try {
                    Identity id = IdentityDecoder.decode(text, new byte[1024], null);
                    decoded++;
                    if (id.cardType() != CardType.FOREIGN_PERMANENT_2017) {
                        assertTrue(IdChecks.validIdNumber(id.idNumber()), "only valid ID numbers get through");
                    }
                    assertTrue(id.validity() != null && id.birthDate() != null && id.gender() != null);
                    id.toString();
                    id.wipe();
                } catch (MalformedCardDataException expected) {
                    rejected++;
                } catch (RuntimeException e) {
                    fail("undocumented exception at iteration " + i, e);
                }
            }
            assertTrue(decoded > 1000 && rejected > 1000, "both outcomes exercised: " + decoded + "/" + rejected);
        });
    }

    private static void checkBody(byte[] body) {
        SamReply r = SamReply.fromBody(body);
        if (r == null) {
            fail("decoder accepted a body shorter than SW1-SW3");
        }
        r.status();
        for (boolean fp : new boolean[] {false, true}) {
            try {
                IdentityDecoder.decodeReadReply(r.data(), fp).wipe();
            } catch (MalformedCardDataException expected) {
                // documented
            } catch (RuntimeException e) {
                fail("undocumented exception from decodeReadReply", e);
            }
        }
        try {
            SamId.of(r.data());
        } catch (MalformedCardDataException expected) {
            // documented
        }
    }

    private static byte[][] seedFrames() {
        TestCards c = TestCards.RESIDENT;
        byte[] data = new byte[4 + 256 + 1024];
        data[0] = 0x01;
        data[2] = 0x04;
        System.arraycopy(c.textBlock(), 0, data, 4, 256);
        System.arraycopy(c.photo(), 0, data, 260, 1024);
        return new byte[][] {
            FrameCodec.reply(0, 0, 0x90, data),
            FrameCodec.reply(0, 0, 0x9F, new byte[4]),
            FrameCodec.reply(0, 0, 0x90, new byte[8]),
            FrameCodec.reply(0, 0, 0x80),
            FrameCodec.reply(0, 0, 0x90, new byte[16]),
        };
    }

    private static byte[] nextInput(Random rnd, byte[][] seeds) {
        switch (rnd.nextInt(6)) {
            case 0 -> {
                byte[] b = new byte[rnd.nextInt(64)];
                rnd.nextBytes(b);
                return b;
            }
            case 1 -> {
                // preamble, random length, random tail
                byte[] b = new byte[7 + rnd.nextInt(40)];
                rnd.nextBytes(b);
                System.arraycopy(FrameCodec.PREAMBLE, 0, b, 0, 5);
                return b;
            }
            case 2 -> {
                // a valid frame with random small body (checksum right)
                byte[] body = new byte[3 + rnd.nextInt(30)];
                rnd.nextBytes(body);
                return FrameCodec.frame(body);
            }
            default -> {
                byte[] b = seeds[rnd.nextInt(seeds.length)];
                b = rnd.nextInt(4) == 0 ? java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1)) : b.clone();
                int flips = rnd.nextInt(4);
                for (int f = 0; f < flips && b.length > 0; f++) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
                return b;
            }
        }
    }
}
