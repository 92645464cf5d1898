package org.zizhu.device.smartcard.sim;

import java.util.Random;

/**
 * A broken card: answers every command with 1 to 40 random bytes (sometimes shorter than a
 * status word, sometimes a random status word). Seeded, so a failing test can be replayed.
 */
public final class GarbageApplet implements CardApplet {
    private final Random random;

    public GarbageApplet(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public byte[] atr() {
        return new byte[] {0x3B, (byte) 0x80, (byte) 0x80, 0x01, 0x01};
    }

    @Override
    public void reset() {
        // no state worth keeping
    }

    @Override
    public synchronized byte[] process(byte[] commandApdu) {
        byte[] junk = new byte[1 + random.nextInt(40)];
        random.nextBytes(junk);
        return junk;
    }

    @Override
    public String kind() {
        return "garbage";
    }
}
